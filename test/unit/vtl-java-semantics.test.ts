// Java Velocity 1.7 semantics of the renderer, case by case. Every `expected` (or `velocity17`) output
// was produced by the real Velocity 1.7 jar (/usr/share/java/velocity-1.7.jar, default configuration,
// VelocityEngine.evaluate); where API Gateway's recorded behaviour differs from plain 1.7, `expected`
// is API Gateway's and `velocity17` keeps what the jar printed, with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate } from '../../shared/src/vtl/render/index';

interface JavaCase {
  name: string;
  template: string;
  /** Our output (API Gateway's rules). */
  expected?: string;
  /** Velocity 1.7's output, where API Gateway's differs. */
  velocity17?: string;
  why?: string;
  /** The Java exception that stops the render (Velocity 1.7: MethodInvocationException around it). */
  error?: string;
}

const CASES: JavaCase[] = [
  { name: "Map printing, size, keySet, values, entrySet", template: "#set($m = {\"b\": 1, \"a\": \"x\", \"c\": [1, 2]})$m|$m.toString()|$m.size()|$m.isEmpty()|$m.keySet()|$m.values()|$m.entrySet()", expected: "{b=1, a=x, c=[1, 2]}|{b=1, a=x, c=[1, 2]}|3|false|[b, a, c]|[1, x, [1, 2]]|[b=1, a=x, c=[1, 2]]" },
  { name: "Map get, property, index, containsKey/Value", template: "#set($m = {\"b\": 1, \"a\": \"x\"})$m.get(\"a\")|$m.a|$m[\"b\"]|$m.containsKey(\"a\")|$m.containsKey(\"z\")|$m.containsValue(1)", expected: "x|x|1|true|false|true" },
  {
    name: "Map put returns the old value, remove",
    template: "#set($m = {\"a\": \"x\"})$m.put(\"a\", \"y\")|$m.put(\"n\", 2)|$m|$m.remove(\"a\")|$m",
    expected: "x||{a=y, n=2}|y|{n=2}",
    velocity17: "x|$m.put(\"n\", 2)|{a=y, n=2}|y|{n=2}",
    why: "API Gateway prints a null reference (put of a new key returns null) as nothing; Velocity 1.7 prints its text",
  },
  { name: "Map.Entry key/value and getters", template: "#set($m = {\"a\": 1, \"b\": 2})#foreach($e in $m.entrySet())$e.key=$e.value;$e.getKey()-$e.getValue() #end", expected: "a=1;a-1 b=2;b-2 " },
  { name: "putAll, #set on a map property and index", template: "#set($m = {\"a\": 1})#set($o = {\"b\": 2})#set($d = $m.putAll($o))$m|#set($m.c = 3)$m|#set($m[\"d\"] = 4)$m", expected: "{a=1, b=2}|{a=1, b=2, c=3}|{a=1, b=2, c=3, d=4}" },
  { name: "List literal printing and access", template: "#set($l = [1, \"two\", 3.5, true, [4], {\"k\": \"v\"}])$l|$l.toString()|$l.size()|$l.get(1)|$l[0]|$l.isEmpty()", expected: "[1, two, 3.5, true, [4], {k=v}]|[1, two, 3.5, true, [4], {k=v}]|6|two|1|false" },
  { name: "List contains, indexOf, subList, add, set, remove", template: "#set($l = [1, 2, 3])$l.contains(2)|$l.contains(\"2\")|$l.indexOf(3)|$l.subList(1, 3)|$l.add(4)|$l|$l.set(0, 9)|$l|$l.remove(0)|$l", expected: "true|false|2|[2, 3]|true|[1, 2, 3, 4]|1|[9, 2, 3, 4]|9|[2, 3, 4]" },
  { name: "Empty list", template: "#set($l = [])$l.isEmpty()|$l.size()|$l|#set($d = $l.add(\"a\"))$l", expected: "true|0|[]|[a]" },
  { name: "String search methods", template: "#set($s = \"Hello World\")$s.length()|$s.isEmpty()|$s.contains(\"lo W\")|$s.startsWith(\"He\")|$s.endsWith(\"ld\")|$s.indexOf(\"o\")|$s.lastIndexOf(\"o\")|$s.indexOf(\"o\", 5)", expected: "11|false|true|true|true|4|7|7" },
  { name: "String substring, charAt, case, concat, equals", template: "#set($s = \"Hello World\")$s.substring(6)|$s.substring(0, 5)|$s.charAt(1)|$s.toUpperCase()|$s.toLowerCase()|$s.concat(\"!\")|$s.equals(\"Hello World\")|$s.equalsIgnoreCase(\"hello world\")", expected: "World|Hello|e|HELLO WORLD|hello world|Hello World!|true|true" },
  { name: "trim, replace (all, literal), replaceAll/replaceFirst/matches (regex, full match)", template: "#set($s = \"  pad  \")[$s.trim()]|$s.replace(\" \", \"_\")|#set($t = \"a.b.c\")$t.replace(\".\", \"/\")|$t.replaceAll(\"\\.\", \"-\")|$t.replaceFirst(\"[a-z]\", \"X\")|$t.matches(\"[a-c.]+\")|$t.matches(\"a\")", expected: "[pad]|__pad__|a/b/c|a-b-c|X.b.c|true|false" },
  { name: "replaceAll with $1, split by regex", template: "#set($s = \"a1b22c333\")$s.replaceAll(\"([0-9]+)\", \"<$1>\")|$s.replaceAll(\"[0-9]\", \"\")|$s.split(\"[0-9]+\").size()|#foreach($p in $s.split(\"[0-9]+\"))[$p]#end", expected: "a<1>b<22>c<333>|abc|3|[a][b][c]" },
  { name: "split drops trailing empty strings; limit", template: "#set($s = \"a,b,,c,,\")#foreach($p in $s.split(\",\"))[$p]#end|$s.split(\",\").size()|$s.split(\",\", 2).size()", expected: "[a][b][][c]|4|2" },
  { name: "compareTo, hashCode, toString", template: "#set($s = \"Hello\")$s.compareTo(\"Help\")|$s.compareTo(\"Hello\")|$s.hashCode()|$s.toString()|$s.isEmpty()|\"\".isEmpty()", expected: "-4|0|69609650|Hello|false|\"\".isEmpty()" },
  { name: "#if on literals: only true is true (SimpleNode.evaluate)", template: "#if(0)zero#end|#if('')empty#end|#if(true)T#end|#if(false)F#end|#if(\"abc\")S#end|#if([])L#end", expected: "||T|||" },
  { name: "#if on references: 0, '' and [] are true; null and false are false", template: "#set($z = 0)#set($e = \"\")#set($f = false)#set($l = [])#if($z)Z#end|#if($e)E#end|#if($f)F#end|#if($l)L#end|#if(!$z)N#end|#if(!$f)NF#end", expected: "Z|E||L||NF" },
  { name: "&&, ||, ! and arithmetic as conditions", template: "#set($z = 0)#if($z && true)A#end|#if($f || $z)O#end|#if(1 + 1)M#end|#if(1 == 1)Q#end|#if(!(1 == 2))R#end|#set($b = !$z)$b|#set($c = $z && true)$c", expected: "A|O||Q|R|false|true" },
  { name: "Integer arithmetic: truncating division, remainder sign", template: "#set($a = 7 / 2)$a|#set($b = -7 / 2)$b|#set($c = 7.0 / 2)$c|#set($d = 7 % 3)$d|#set($e = -7 % 3)$e|#set($g = 2 * 3)$g|#set($h = 2.5 * 2)$h|#set($i = 1 - 3)$i", expected: "3|-3|3.5|1|-1|6|5.0|-2" },
  { name: "Division or modulo by zero is null, so #set keeps the old value", template: "#set($x = 1)#set($x = 7 / 0)$x|#set($y = 2)#set($y = 7 % 0)$y|#set($w = 3)#set($w = 7.5 / 0)$w", expected: "1|2|3" },
  { name: "Doubles print as Double.toString; int overflow widens", template: "#set($d = 1.0)$d|#set($e = 1.5)$e|#set($f = 0.1 + 0.2)$f|#set($g = 100000000.0 * 100)$g|#set($h = 0.00001 * 1)$h|#set($i = 10 / 4.0)$i|#set($j = 2147483647 + 1)$j", expected: "1.0|1.5|0.30000000000000004|1.0E10|1.0E-5|2.5|2147483648" },
  { name: "Number methods", template: "#set($n = 7)$n.toString()|$n.intValue()|$n.doubleValue()|$n.equals(7)|#set($p = 2.5)$p.intValue()|$p.toString()|$p.doubleValue()", expected: "7|7|7.0|true|2|2.5|2.5" },
  { name: "Boolean methods", template: "#set($b = true)$b|$b.toString()|$b.booleanValue()|#set($c = !$b)$c|$b.equals(true)", expected: "true|true|true|false|true" },
  { name: "+ with a String concatenates", template: "#set($a = \"x\" + 1)$a|#set($b = 1 + \"x\")$b|#set($c = \"a\" + 2.5)$c|#set($d = \"t\" + true)$d|", expected: "x1|1x|a2.5|ttrue|" },
  { name: "Ordering compares numbers only", template: "#set($a = \"b\" > \"a\")$a|#set($b = 2 > 1)$b|#set($c = 2 >= 2.0)$c|#set($d = 1 < 2)$d|#set($e = 3 <= 2)$e", expected: "false|true|true|true|false" },
  { name: "== compares numbers by value, other classes by toString", template: "#set($n = 7)#if($n == \"7\")A#end|#if($n == 7.0)B#end|#if(\"7\" == 7)C#end|#if($n != 8)D#end|#set($l = [1])#if($l == \"[1]\")E#end|#if(\"a\" == \"a\")F#end|#if(\"a\" != \"b\")G#end", expected: "A|B|C|D|E|F|G" },
  { name: "#set with a null right-hand side leaves the variable", template: "#set($x = 1)#set($x = $nothing)$x|#set($y = \"keep\")#set($y = $m.missing)$y", expected: "1|keep" },
  { name: "Ranges, ascending and descending, with references", template: "#foreach($i in [1..3])$i#end|#foreach($i in [3..1])$i#end|#set($n = 2)#foreach($i in [0..$n])$i#end|#set($r = [1..3])$r", expected: "123|321|012|[1, 2, 3]" },
  { name: "$foreach index/count/hasNext/first/last and $velocityCount", template: "#foreach($i in [\"a\", \"b\", \"c\"])$foreach.index$foreach.count$foreach.hasNext$foreach.first$foreach.last$velocityCount,#end", expected: "01truetruefalse1,12truefalsefalse2,23falsefalsetrue3," },
  { name: "#break stops the loop at once", template: "#foreach($i in [1..5])$i#if($i == 2)#break#end-#end|done", expected: "1-2|done" },
  { name: "#break leaves only the innermost loop", template: "#foreach($i in [1..2])#foreach($j in [1..2])$i$j#if($j == 1)#break#end;#end/#end", expected: "11/21/" },
  { name: "$foreach.parent", template: "#foreach($i in [1..2])#foreach($j in [\"a\"])$foreach.parent.count$foreach.count$j #end#end", expected: "11a 21a " },
  { name: "#foreach over a map iterates its values; over null nothing", template: "#set($m = {\"a\": 1, \"b\": 2})#foreach($v in $m)$v,#end|#foreach($n in $nothing)N#end|after", expected: "1,2,||after" },
  { name: "The loop variable is restored after the loop", template: "#set($i = \"outer\")#foreach($i in [1, 2])$i#end $i", expected: "12 outer" },
  { name: "Macros with arguments", template: "#macro(greet $name)Hi $name!#end#greet(\"Bob\") #greet(\"Al\")", expected: "Hi Bob! Hi Al!" },
  { name: "Recursive macro", template: "#macro(rec $n)#if($n > 0)$n#set($m = $n - 1)#rec($m)#end#end#rec(3)", expected: "321" },
  { name: "The newline after a macro call is swallowed", template: "#macro(m)M#end\n#m()\nafter", expected: "Mafter" },
  { name: "Unknown macros print as written", template: "#nomacro(\"a\") text|#nomacro|#set($a = 1)$a", expected: "#nomacro(\"a\") text|#nomacro|1" },
  { name: "Bare #stop", template: "a#stop b", expected: "a" },
  { name: "Escaped #stop is text", template: "a\\#stop b", expected: "a#stop b" },
  { name: "A JSON template with directive lines", template: "#set($a = 1)\n#set($b = 2)\n{\n  \"a\": $a,\n  #if($b == 2)\n  \"b\": $b\n  #end\n}", expected: "{\n  \"a\": 1,\n    \"b\": 2\n  }" },
  { name: "Indentation before #set stays after text at line start, #if lines keep theirs", template: "a\n  #set($x = 1)\nb\n  #if(true)\n  c\n  #end\nd", expected: "a\n  b\n    c\n  d" },
  { name: "Whitespace and line break after directives are swallowed", template: "x  #set($a = 1)  \ny\n#if(true)  \nin\n#else\n  no\n#end  \nz", expected: "x  y\nin\nz" },
  {
    name: "Spaces before #set vanish after a reference or directive, not after text",
    template: "$foo  #set($a = 1)|text  #set($b = 1)|#if(true)  #set($c = 1)x#end|$foo\t#set($d = 1)t",
    expected: "|text  |x|t",
    velocity17: "$foo|text  |x|$foot",
    why: "API Gateway prints the undefined $foo as nothing; Velocity 1.7 prints its text",
  },
  { name: "Spaces before #set vanish at the start of the template", template: "  #set($b = 2)v", expected: "v" },
  { name: "...and after a directive's swallowed line break", template: "#set($a = 1)\n  #set($b = 2)x", expected: "x" },
  { name: "...and after comments", template: "#* c *#  #set($a = 1)x|## c\n  #set($a = 1)y", expected: "x|y" },
  { name: "String interpolation; single quotes do not interpolate", template: "#set($s = \"a\")#set($s = \"$s$s\")#set($s = \"$s/$s\")$s|#set($t = 'single $s')$t|#set($u = \"${s}x\")$u", expected: "aa/aa|single $s|aa/aax" },
  { name: "Nested properties, ${} form, $! form", template: "#set($map = {\"k\": \"v\"})$map.k|${map.k}|$map.get(\"k\").length()|$map.k.toUpperCase()|$!map.nothing|end", expected: "v|v|1|V||end" },
  { name: "substring out of range throws", template: "#set($x = \"abc\")#set($y = $x.substring(1))$y|$x.substring(2, 1)", error: "java.lang.StringIndexOutOfBoundsException" },
  { name: "List.get out of range throws", template: "#set($l = [1, 2])$l.get(5)", error: "java.lang.IndexOutOfBoundsException" },
  { name: "charAt out of range throws", template: "#set($s = \"abc\")$s.charAt(10)", error: "java.lang.StringIndexOutOfBoundsException" },
  { name: "Changing a list while #foreach goes through it throws", template: "#set($l = [1,2])#foreach($x in $l)#set($d = $l.add(3))$x#end", error: "java.util.ConcurrentModificationException" },
  { name: "#define", template: "#define($d)D#end$d $d", expected: "D D" },
  {
    name: "Index notation: negative counts from the end; a String has no index",
    template: "#set($l = [1, 2, 3])$l[1]|$l[-1]|#set($s = \"x\")$s[0]|after",
    expected: "2|3||after",
    velocity17: "2|3|$s[0]|after",
    why: "API Gateway prints the null $s[0] as nothing; Velocity 1.7 prints its text",
  },
  { name: "#elseif, formal #{else}/#{if}, && binds tighter than ||", template: "#if(false)a#elseif(true)b#{else}c#end|#{if}(true)d#{end}|#if(true || false && false)e#end|#if(false && true || true)f#end", expected: "b|d|e|f" },
  { name: "#set inside a macro writes the global context", template: "#macro(setter $v)#set($g = $v)#end#setter(\"x\")$g", expected: "x" },
  { name: "$velocityHasNext", template: "#foreach($i in [1, 2])$velocityHasNext#end", expected: "truefalse" },
  { name: "#set on a nested map property; on a missing one it does nothing", template: "#set($a = {\"b\": {\"c\": 1}})#set($a.b.c = 2)$a|#set($a.x.y = 3)$a", expected: "{b={c=2}}|{b={c=2}}" },
  { name: "Velocity strings have no backslash escapes", template: "#set($s = \"a'b\")$s.replace(\"'\", \"\\'\")|\"quoted\"|'single'", expected: "a\\'b|\"quoted\"|'single'" },
  { name: "Mixed integer and double arithmetic", template: "#set($n = 10)#set($r = $n / 3)$r #set($q = $n / 4.0)$q #set($t = 1 / 3.0 * 3)$t", expected: "32.51.0" },
  { name: "$foreach.last in #if/#else", template: "#set($list = [\"x\", \"y\"])#foreach($item in $list)#if($foreach.last)last:$item#else$item,#end#end", expected: "x,last:y" },
  { name: "split gives an array Velocity treats as a list", template: "#set($s = \"a,b\")#set($parts = $s.split(\",\"))$parts.size() $parts[0] $parts.get(1) #foreach($p in $parts)$p#end", expected: "2 a b ab" },
  { name: "Adding an integer to a double gives a double", template: "#set($i = 5)#set($i = $i + 1)$i #set($d = 0.5)#set($d = $d + $i)$d #set($e = $i * 1.0)$e\n", expected: "66.56.0\n" },
  {
    name: "${undefined} prints nothing",
    template: "$!{undefined}x${undefined}y$!undefined.foo",
    expected: "xy",
    velocity17: "x${undefined}y",
    why: "API Gateway prints a null or missing reference as nothing (SEMANTICS 9.1)",
  },
  {
    name: 'keySet() and values() are a Set and a Collection: no get or subList',
    template: '#set($m = {"a": 1, "b": 2})$m.keySet().size()|$m.keySet().contains("a")|$m.keySet().get(0)|$m.values().contains(2)|$m.keySet().subList(0, 1)|$m.entrySet().size()',
    expected: '2|true||true||2',
    velocity17: '2|true|$m.keySet().get(0)|true|$m.keySet().subList(0, 1)|2',
    why: 'API Gateway prints a null reference (a method Set does not have) as nothing; Velocity 1.7 prints its text',
  },
  { name: 'The line break after #end goes even when a reference precedes the #end', template: '#set($v = "x")#if(true)$v#end \nafter', expected: 'xafter' },
  {
    name: 'charAt gives a Character: no String methods, equal to its text with ==',
    template: '#set($s = "abc")$s.charAt(1)|$s.charAt(1).indexOf("b")|#if($s.charAt(1) == "b")eq#end|$s.charAt(0).equals($s.charAt(0))|$s.charAt(0).compareTo($s.charAt(2))',
    expected: 'b||eq|true|-2',
    velocity17: 'b|$s.charAt(1).indexOf("b")|eq|true|-2',
    why: 'API Gateway prints a null reference (a method Character does not have) as nothing; Velocity 1.7 prints its text',
  },
  { name: 'A map view cannot grow', template: '#set($m = {"a": 1})$m.keySet().add("b")', error: 'java.lang.UnsupportedOperationException' },
  { name: 'A #* *# comment keeps the line break after it; a ## comment ends with its own', template: '#* c *#\nx#* d *#  \ny## e\nz', expected: '\nx  \nyz' },
  { name: 'A block comment alone on a line keeps its indentation and line break', template: 'a\n  #* c *#\nb', expected: 'a\n  \nb' },
  { name: 'Map literals keep their written order, integer-like keys too', template: '#set($m = {"b": 1, "10": 2, "a": 3, "2": 4})$m $m.keySet()', expected: '{b=1, 10=2, a=3, 2=4} [b, 10, a, 2]' },
  {
    name: "An escaped reference prints as written when it has a value, with its backslash when not",
    template: "#set($x = \"v\")\\$x \\$undefined \\$x.length() \\$!x \\${x} \\$!{nope} \\$nope.foo(1) a\\#if b \\\\$x",
    expected: "$x \\$undefined $x.length() $!x ${x} \\$!{nope} \\$nope.foo(1) a#if b \\v",
  },
  { name: "\\u escapes are decoded in double-quoted strings only", template: "a\\u00e9b #set($s = \"caf\\u00e9\")$s #set($t = 'x\\u00e9')$t $s.length()", expected: "a\\u00e9b caf\u00e9x\\u00e9 4" },
  { name: 'Adding a key to a map while #foreach goes through its keySet throws', template: '#set($m = {"a": 1, "b": 2})#foreach($k in $m.keySet())#set($m.c = 3)$k#end', error: 'java.util.ConcurrentModificationException' },
  { name: 'Changing a value, or adding a key in the last round, does not', template: '#set($m = {"a": 1, "b": 2})#foreach($k in $m.keySet())#set($m.a = 5)#if($foreach.last)#set($m.z = 0)#end$k#end $m', expected: 'ab {a=5, b=2, z=0}' },
  { name: "intValue wraps a long and saturates a double; long arithmetic is exact", template: "#set($a = 30000000000)$a.intValue() $a.longValue() #set($c = 3000000000.5)$c.intValue() #set($d = -2147483648 * 2147483647)$d #set($e = 9007199254740993 + 0)$e", expected: "-64771072 300000000002147483647-46116860162799042569007199254740993" },
  { name: "Past the long range arithmetic widens to BigInteger", template: "#set($x = 9223372036854775807)#set($y = $x + 1)$y #set($z = $x * 3)$z #set($w = $x / 2)$w", expected: "9223372036854775808276701161105643274214611686018427387903" },
  { name: "The line break after #end is dropped, then the tab before #set", template: "#set($v = \"x\")#if(true)$v#end \n\t#set($b = 1)after", expected: "xafter" },
  { name: "int overflow widens to long; intValue wraps back", template: "#set($i = 2147483647)#set($j = $i * 2)$j $j.intValue()", expected: "4294967294 -2" },
  { name: "Float literals take an exponent and are Doubles", template: "#set($a = 1.0E10)#set($b = 2.5e-3)#set($c = 1E3)#set($d = -1.5E+2)$a $b $c $d", expected: "1.0E10 0.0025 1000.0 -150.0" },
  { name: "Backslashes that escape nothing stay: before a # with no directive name, a $ with no reference, after a text $ or #", template: "#set($v = \"V\")\\#a \\#setx \\#if@ \\$1 \\$ x \\## c\n$\\$v #\\$v \\\\$v \\\\\\\\$v \\#{end}x", expected: "\\#a \\#setx \\#if@ \\$1 \\$ x \\$\\V #\\V \\V \\\\V #{end}x" },
  { name: "A directive name followed by @ is text; a backslash before a comment stays", template: "#set($v = \"V\")#end@ #if@x \\#*c*#y", expected: "#end@ #if@x \\y" },
  { name: "The blanks before #set go after a backslash and after an escaped reference", template: "a\\ #set($x = 1)b \\$nope #set($x = 1)c", expected: "a\\b \\$nopec" },
  { name: "A negative index needs size(): on a number it throws", template: "#set($v = 1)#if($v[-1])#end", error: "org.apache.velocity.exception.VelocityException" },
  { name: "A negative index on a map or a keySet finds nothing", template: "#set($m = {\"a\": 1})[$m[-1]][$m.keySet()[-1]][$nothing[-1]]", expected: "[][][]" },
  { name: "## right after a reference ending in a property is text, not a comment", template: "#set($m = {\"k\": \"K\"})#set($v = \"V\")$m.k## c $v\nx|$m.k() ## c\n$v## c\n${m.k}## c\ny", expected: "K## c V\nx| VKy" },
  { name: "Blanks before #set go after #word, and a lone # or $ with them", template: "a#b #set($x = 1)b|a# #set($x = 1)c|a$\t#set($x = 1)d|a#b x #set($x = 1)e|a #set($x = 1)f", expected: "a#bb|ac|ad|a#b x e|a f" },
  { name: "An escaped reference keeps its arguments as written; blanks before #set go after $a} and an escaped directive", template: "#set($v = \"V\")#set($m = {\"k\": \"K\"})\\$m.get($v)|\\$m.k.get($n, \"$.x\")|\\$v.length()|$v}\t#set($a = 1)|\\$v} #set($a = 1)|\\#if #set($a = 1)|\\#end\t#set($a = 1).", expected: "\\$m.get($v)|\\$m.k.get($n, \"$.x\")|$v.length()|V}|$v}|#if|#end." },
  { name: "After $a.b, a word or } following ${...} ends the text token: the blanks before #set go; after #word@ too", template: "#set($v = \"V\")#set($m = {\"k\": \"K\"})$m.k${v}x\t#set($x = 1)|$m.k${v}x y\t#set($x = 1)|a#b@ #set($x = 1)|$v} #set($x = 1).", expected: "KVx|KVx y\t|a#b@|V}." },
  { name: "#set without its ( is text; backslash pairs before #set stay as written", template: "#set x|#set.|\\\\#set($a = 1)x|\\\\#set\u00e9|\\\\#if(true)y#end", expected: "#set x|#set.|\\\\x|\\\\#set\u00e9|\\y" },
  { name: "A null operand of a String + contributes the reference as written", template: "#set($a = \"x\" + $d)$a|#set($b = $d.e(\"a\", 1) + \"y\")$b|#set($c = \"z\" + $!{d})$c|#set($n = 1 + $d)[$n]", expected: "x$d|$d.e(\"a\", 1)y|z$!{d}|[]" },
  { name: "An escaped bare macro parameter prints the argument as written", template: "#macro(ma $p)\\$p|\\$p.length()|\\$!p#end#ma(\"xy\")#macro(mb $p)\\$p#end#mb($nothing)#macro(mc $p)\\$p#end#mc(1)", expected: "\"xy\"|$p.length()|$!p\\$nothing$p" },
  { name: "A null argument to a String method throws NullPointerException", template: "#set($s = \"abc\")$s.startsWith($nothing)", error: "java.lang.NullPointerException" },
  { name: "equals and equalsIgnoreCase answer false for null", template: "#set($s = \"abc\")$s.equals($nothing) $s.equalsIgnoreCase($nothing)", expected: "false false" },
  { name: "After $a#set(...) or $a.b${c} a word ends the text token: the blanks before #set go", template: "#set($v = \"V\")#set($m = {\"k\": \"K\"})$v#set($a = 1)t #set($x = 1)|$m.k[0]$!{v}t #set($x = 1)|$m[\"k\"]${v}x\t#set($x = 1).", expected: "Vt|Vt|KVx\t." },
];

function render(template: string) {
  return renderTemplate({ template, body: '', params: { path: {}, querystring: {}, header: {} }, context: {}, stageVariables: {} });
}

for (const c of CASES) {
  test(`Velocity 1.7: ${c.name}`, () => {
    const result = render(c.template);
    if (c.error) {
      assert.equal(result.error?.code, 'vtl-java-exception', JSON.stringify(result));
      assert.match(result.error.message, new RegExp(`^${c.error.replace(/\./g, '\\.')}`));
      assert.equal(result.output, '');
      return;
    }
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.equal(result.output, c.expected);
  });
}

test('every API Gateway difference from Velocity 1.7 in the table is explained', () => {
  for (const c of CASES) {
    if (c.velocity17 !== undefined) {
      assert.ok(c.why, c.name);
      assert.notEqual(c.velocity17, c.expected, c.name);
    }
  }
});
