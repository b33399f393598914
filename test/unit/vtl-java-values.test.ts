// Java values as Velocity 1.7 computes them: arithmetic, comparisons and number classes (MathUtils), how a
// number's class decides which method a call finds, `List.subList` as a live view with ArrayList's
// structural-change rule (modCount) for views and #foreach, and macro arguments passed by name (the values a
// macro sees). Every expected output or exception was produced by the Velocity 1.7 jar set up as in
// test/oracle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate } from '../../shared/src/vtl/render/index';

interface JavaValueCase {
  name: string;
  template: string;
  expected?: string;
  /** The Java exception class that stops the render. */
  error?: string;
}

/**
 * Numbers: `$d` is this body read with `$input.path('$')`, holding a Long beyond the int range, a Long and a
 * BigInteger, as json-smart types them.
 */
const BODY = '{"count": -9000000000, "long": 3000000000, "big": 92233720368547758070}';

const NUMBER_CASES: JavaValueCase[] = [
  {
    name: 'a negative integer literal keeps every digit: an Integer, a Long, a BigInteger',
    template: '#set($v = -2147483648)$v|#set($v = -9223372036854775808)$v|#set($v = -92233720368547758080)$v',
    expected: '-2147483648|-9223372036854775808|-92233720368547758080',
  },
  {
    name: 'range ends are intValue()s and the count is int arithmetic, wrapping for ends far apart',
    template: '#foreach($i in [-9007199254740993..-9007199254740992])$i #end|#foreach($i in [-2147483649..-2147483647])$i #end|#foreach($i in [$d.long..3000000002])$i #end',
    expected: '-1 0 |2147483647 2147483646 2147483645 |-1294967296 -1294967295 -1294967294 ',
  },
  { name: 'a range whose int count wraps below zero fails as ArrayList does', template: '#foreach($i in [-2147483648..0])#end', error: 'java.lang.IllegalArgumentException' },
  {
    name: 'a BigInteger with a Double is computed in BigDecimal and prints with its scale',
    template: '#set($v = $d.count * $d.count - 10.0)$v|#set($v = $d.count * $d.count - 0.1)$v|#set($v = $d.count * $d.count * 1.5)$v',
    expected: '80999999999999999990|80999999999999999999.8999999999999999944488848768742172978818416595458984375|121500000000000000000.0',
  },
  {
    name: 'BigDecimal division keeps the dividend\'s scale (HALF_DOWN); BigInteger division truncates',
    template: '#set($v = $d.count * $d.count / 3.0)$v|#set($v = 1.5 / $d.big)$v|#set($v = $d.big * 1.5 / 7)$v|#set($v = $d.big / 7)$v',
    expected: '27000000000000000000|0.0|19764368650403091015.0|13176245766935394010',
  },
  {
    name: 'a Double enters BigDecimal with its exact binary value',
    template: '#set($v = $d.big * 2.5E-3)$v|#set($v = $d.big * 1.0E-10)$v',
    expected:
      '230584300921369399.9749999999999999994795829572069578716764226555824279785156250|' +
      '9223372036.85477614302770996093749996356780268450225842083445293440036039100959897041320800781250',
  },
  {
    name: 'BigDecimal add, subtract and multiply (scales add up)',
    template: '#set($v = $d.big - 1.0E30)$v|#set($v = $d.big + 0.5)$v|#set($v = $d.big * 0.5)#set($w = $v * $v)$w',
    expected: '-999999999907766299516077080586|92233720368547758070.5|2126764793255865396184922694605812531225.00',
  },
  { name: 'BigInteger % a positive divisor is mod (never negative)', template: '#set($v = $d.big % 9)$v|#set($v = $d.big * -1 % 9)$v|#set($v = $d.count * $d.count % 7)$v', expected: '7|2|4' },
  { name: 'BigInteger % a negative divisor throws', template: '#set($v = $d.big % -7)$v', error: 'java.lang.ArithmeticException' },
  { name: 'Integer × Long past the long range is a BigInteger, whose % rejects a negative divisor', template: '#set($v = $d.count * 30000000000 % $d.count)$v', error: 'java.lang.ArithmeticException' },
  { name: 'BigDecimal % throws', template: '#set($v = $d.big * 0.5 % 2)$v', error: 'java.lang.ArithmeticException' },
  { name: 'division or modulo of big numbers by zero is null', template: '#set($v = $d.big % 0)[$v]|#set($v = $d.big / 0.0)[$v]|#set($v = $d.big * 0.5)#set($w = $v / 0)[$w]', expected: '[]|[]|[]' },
  {
    name: 'long arithmetic overflows into BigInteger, except where MathUtils\' own test misses it',
    template:
      '#set($m = 0 - 9223372036854775807 - 1)$m|#set($v = $m * -1)$v|#set($v = -1 * $m)$v|#set($v = $m / -1)$v|#set($v = $m - 1)$v|#set($v = $m + $m)$v',
    expected: '-9223372036854775808|-9223372036854775808|9223372036854775808|-9223372036854775808|-9223372036854775809|-18446744073709551616',
  },
  {
    name: 'int results widen to Long, long results to BigInteger',
    template: '#set($v = 2147483647 + 1)$v|#set($v = -2147483648 / -1)$v|#set($v = 2147483647 * 2147483647)$v|#set($v = $d.long * $d.long)$v|#set($v = $d.long * $d.long * $d.long)$v',
    expected: '2147483648|2147483648|4611686014132420609|9000000000000000000|27000000000000000000000000000',
  },
  {
    name: 'a small Long (Long minus Integer) is no Integer: get(int) finds no method, equals and contains say false',
    template: '#set($l = [1, 2, 3])#set($x = $d.long - 2999999999)$x|$!l.get($x)|$!l[$x]|$l.contains($x)|$x.equals(1)|#if($x == 1)eq#end|$l.remove($x)$l',
    expected: '1|||false|false|eq|false[1, 2, 3]',
  },
  {
    name: 'a BigInteger result stays a BigInteger, even 0',
    template: '#set($b = $d.big - $d.big)$b|$b.equals(0)|#if($b == 0)eq#end|#set($l = [1])$!l.get($b)|$l.contains($b)',
    expected: '0|false|eq||false',
  },
  {
    name: 'longValue() is a Long, which no int parameter takes',
    template: '#set($x = 5)$x.longValue().equals(5)|$x.equals(5)|#set($l = [1, 2, 3])$!l.get($x.longValue())|#set($s = "hello")$!s.substring($x.longValue())|$!s.charAt($x.longValue())',
    expected: 'false|true|||',
  },
  {
    name: 'intValue() keeps the low 32 bits, longValue() the low 64; a double saturates',
    template: '#set($b = $d.big)$b.intValue()|$b.longValue()|$b.doubleValue()|#set($v = $b * 0.5)$v.intValue()|$v.longValue()|$v.doubleValue()|#set($f = 1.0E30)$f.longValue()|$f.intValue()',
    expected: '-10|-10|9.223372036854776E19|-5|9223372036854775803|4.611686018427388E19|9223372036854775807|2147483647',
  },
  {
    name: 'comparisons are exact: BigInteger with Double in BigDecimal, longs beyond 2^53 by value',
    template:
      '#if($d.big > 1)a#end|#if($d.big == 92233720368547758070)b#end|#if($d.big == 9.223372036854776E19)c#end|#if($d.big < 9.223372036854776E19)d#end|' +
      '#if(9007199254740993 > 9007199254740992)e#end|#if(9007199254740993 == 9007199254740992)f#end',
    expected: 'a|b||d|e|',
  },
  {
    name: 'a range takes any two numbers by intValue()',
    template: '#set($x = $d.long - 2999999999)#foreach($i in [$x..3])$i#end|#set($y = 2.5)#foreach($i in [1..$y])$i#end|#foreach($i in [3000000000..3000000001])$i#end',
    expected: '123|12|-1294967296-1294967295',
  },
  {
    name: 'equalsIgnoreCase(String) finds no method for a number or a Character',
    template: '#set($x = 2.5)$x.compareTo(3.0)|#set($s = "abc")$!s.equalsIgnoreCase(1)|$!s.equalsIgnoreCase($s.charAt(0))|$!s.charAt(0).equalsIgnoreCase(\'a\')|$s.equalsIgnoreCase(\'ABC\')',
    expected: '-1||||true',
  },
  { name: 'String.compareTo of a number fails its cast', template: '#set($s = "abc")$s.compareTo(1)', error: 'java.lang.ClassCastException' },
  { name: 'Double.compareTo of an Integer fails its cast', template: '#set($x = 2.5)$x.compareTo(3)', error: 'java.lang.ClassCastException' },
  { name: 'Character.compareTo of a String fails its cast', template: '#set($s = "abc")$s.charAt(0).compareTo(\'a\')', error: 'java.lang.ClassCastException' },
  { name: 'Integer.compareTo of a Long fails its cast', template: '#set($x = 5)$x.compareTo($x.longValue())', error: 'java.lang.ClassCastException' },
  {
    name: 'floatValue() is a Float: float arithmetic with Integers and Floats, Double with a Double, Float.toString',
    template:
      '#set($f = 0.1)#set($g = $f.floatValue())$g|#set($y = $g + 1)$y|#set($y = $g * 3)$y|#set($y = $g / 3)$y|#set($y = $g % 0.03)$y|#set($y = $g + 0.5)$y|' +
      '#set($y = $g + $g)$y|#set($y = $g - $d.long)$y|#set($y = $g * $d.big)$y|#set($y = $d.long.floatValue() + 1)$y|#set($i = 16777217)#set($h = $i.floatValue())$h|#if($h == $i)eq#end',
    expected: '0.1|1.1|0.3|0.033333335|0.010000001490116123|0.6000000014901161|0.2|-3.0E9|9223372174293729278.999999985098838806152343750|3.0E9|1.6777216E7|eq',
  },
  {
    name: 'Float methods and comparisons',
    template: '#set($f = 0.1)#set($g = $f.floatValue())$g.equals($g)|$g.equals(0.1)|$g.hashCode()|$g.isNaN()|$g.compareTo($g)|$g.intValue()|$g.longValue()|$g.doubleValue()|#if($g == 0.1)eq#end|#if($g > 0.1)gt#end',
    expected: 'true|false|1036831949|false|0|0|0|0.10000000149011612||gt',
  },
  { name: 'Float.compareTo of a Double fails its cast', template: '#set($f = 0.1)#set($g = $f.floatValue())$g.compareTo(0.1)', error: 'java.lang.ClassCastException' },
  { name: 'Boolean.compareTo', template: '#set($t = true)$t.compareTo(false)|$t.compareTo(true)|#set($f = false)$f.compareTo(true)', expected: '1|0|-1' },
  { name: 'Boolean.compareTo of a number fails its cast', template: '#set($t = true)$t.compareTo(1)', error: 'java.lang.ClassCastException' },
  {
    name: 'String methods by argument class: a Character is no String, no int; replace(char, char) takes two',
    template:
      '#set($s = "hello")$!s.indexOf($s.charAt(1))|$!s.indexOf(108)|$!s.indexOf(108, 3)|$!s.indexOf(3000000000)|$!s.indexOf(1.5)|' +
      "$!s.replace($s.charAt(1), $s.charAt(0))|$!s.replace('l', $s.charAt(0))|$!s.replace(1, 2)|" +
      '$!s.contains($s.charAt(1))|$!s.concat(1)|$!s.equals($s.charAt(0))|$!s.matches(1)|$!s.compareToIgnoreCase(1)|' +
      "$!s.substring(1.5)|$!s.substring('1')|$!s.charAt(true)|$!s.startsWith('e', 1.0)",
    expected: '|2|3|||hhllo|||||false||||||',
  },
  {
    name: 'Number methods by class: only a Double has isNaN/isInfinite; hashCode per class',
    template:
      '#set($i = 5)$!i.isNaN()|#set($x = 2.5)$x.isNaN()|$!i.isInfinite()|$!x.isInfinite()|$i.hashCode()|$x.hashCode()|' +
      '$d.big.hashCode()|$d.long.hashCode()|$d.count.hashCode()|#set($b = $d.big * 0.5)$b.hashCode()|#set($n = 0 - $d.big)$n.hashCode()|#set($z = -0.0)$z.hashCode()',
    expected: '|false||false|5|1074003968|3803|-1294967296|410065405|712474|-3803|-2147483648',
  },
  {
    name: 'hashCode of lists, maps, entries and Booleans',
    template: '#set($l = [1, "a", 2.5, true, [3], {"k": "v"}])$l.hashCode()|$d.hashCode()|#set($m = {"a": 1})#foreach($e in $m.entrySet())$e.hashCode()|$e.equals($e)#end|#set($t = true)$t.hashCode()',
    expected: '-847246069|-793094839|96|true|1231',
  },
  {
    name: 'List bulk methods take Collections only (not an array or a String)',
    template: '#set($l = [1, 2, 3])$l.removeAll([1, 5])$l|$l.retainAll([3])$l|$!l.removeAll("x")|#set($s = "a,b")$!l.containsAll($s.split(","))|$!l.addAll($s.split(","))|$l.addAll(0, [7])$l|$l.containsAll([7, 3])',
    expected: 'true[2, 3]|true[3]||||true[7, 3]|true',
  },
  { name: 'addAll at an index past the end', template: '#set($l = [1, 2])$l.addAll(3, [9])', error: 'java.lang.IndexOutOfBoundsException' },
  {
    name: 'Map.remove(key, value) and putIfAbsent',
    template: '#set($m = {"a": 1, "b": 2})$m.remove(\'a\', 2)$m|$m.remove(\'a\', 1)$m|$!m.putIfAbsent(\'a\', 3)$m|$m.putIfAbsent(\'a\', 4)$m',
    expected: 'false{a=1, b=2}|true{b=2}|{b=2, a=3}|3{b=2, a=3}',
  },
  {
    name: 'strip, stripLeading, stripTrailing and isBlank use Character.isWhitespace (no-break space is not one)',
    template: '#set($s = " \u00a0x\u2003 ")[$s.strip()]|[$s.trim()]|$s.isBlank()|#set($t = " ")$t.isBlank()|[$s.stripLeading()]|[$s.stripTrailing()]|$t.repeat(3).length()',
    expected: '[\u00a0x]|[\u00a0x\u2003]|false|true|[\u00a0x\u2003 ]|[ \u00a0x]|3',
  },
  {
    name: 'static methods through an instance: Integer.parseInt and friends (the `#set($Integer = 0)` idiom)',
    template:
      '#set($I = 0)$I.parseInt("42")|$I.parseInt("-7")|$I.parseInt("ff", 16)|$I.parseInt("\u0663\u0664")|$I.valueOf("12")|$I.valueOf(5)|$I.toString(-255, 16)|' +
      '$I.toHexString(-1)|$I.max(3, 9)|$I.sum(2147483647, 1)|$!I.parseInt(5)|#set($L = $d.long)$L.parseLong("9000000000")|$!L.parseInt("5")|$L.valueOf(5).equals(5)',
    expected: '42|-7|255|34|12|5|-ff|ffffffff|9|-2147483648||9000000000||false',
  },
  { name: 'Integer.parseInt of a number past the int range throws', template: '#set($I = 0)$I.parseInt("2147483648")', error: 'java.lang.NumberFormatException' },
  { name: 'Double.parseDouble of text that is no Java number throws', template: '#set($D = 1.5)$D.parseDouble("0x10")', error: 'java.lang.NumberFormatException' },
  {
    name: 'Double, Boolean and String static methods through an instance',
    template:
      '#set($D = 1.5)$D.parseDouble(" 7 ")|$D.parseDouble("1.5f")|$D.parseDouble("-0")|$D.valueOf(2)|$D.min(-0.0, 0.0)|$D.isNaN(0.5)|' +
      '#set($B = true)$B.parseBoolean("TRUE")|$B.parseBoolean($nothing)|$B.valueOf("yes")|#set($S = "")$S.valueOf(5)|$S.valueOf($nothing)|$S.join("-", "a", "b")|$S.join(",", ["a", $nothing])',
    expected: '7.0|1.5|-0.0|2.0|-0.0|false|true|false|false|5|null|a-b|a,null',
  },
  {
    name: 'Character static tests through a Character, for a char or a code point',
    template: '#set($s = "aB1 \u00e9\u00df")#set($c = $s.charAt(0))#foreach($i in [0..5])#set($x = $s.charAt($i))$c.isLetter($x)$c.isDigit($x)$c.isUpperCase($x)$c.isWhitespace($x)$c.toUpperCase($x);#end|$c.isDigit(49)|$c.toUpperCase(97)',
    expected: 'truefalsefalsefalseA;truefalsetruefalseB;falsetruefalsefalse1;falsefalsefalsetrue ;truefalsefalsefalse\u00c9;truefalsefalsefalse\u00df;|true|65',
  },
  {
    name: 'BigInteger methods take BigIntegers (`add(1)` finds none)',
    template:
      '#set($b = $d.big)$b.add($b)|$!b.add(1)|$b.multiply($b)|$b.divide($b)|$b.negate()|$b.signum()|$b.pow(2)|$b.toString(16)|$b.bitLength()|$b.negate().bitLength()|' +
      '$b.gcd($b)|$b.min($b.negate())|$b.mod($b)|$b.remainder($b.negate())|$b.toString()',
    expected:
      '184467440737095516140||8507059173023461584739690778423250124900|1|-92233720368547758070|1|8507059173023461584739690778423250124900|4fffffffffffffff6|67|67|' +
      '92233720368547758070|-92233720368547758070|0|0|92233720368547758070',
  },
  { name: 'BigInteger.divide by zero throws', template: '#set($b = $d.big)#set($z = $b - $b)$b.divide($z)', error: 'java.lang.ArithmeticException' },
  {
    name: 'BigDecimal methods: scale, precision, plain text, stripping zeros, setScale with ROUND_* modes',
    template:
      '#set($x = $d.big * 0.5)$x.add($x)|$!x.add(1)|$x.negate()|$x.scale()|$x.precision()|$x.unscaledValue()|$x.toBigInteger()|$x.toPlainString()|$x.stripTrailingZeros()|$x.setScale(3)|' +
      '#set($w = $d.big * 10.0)$w.stripTrailingZeros()|$w.stripTrailingZeros().toPlainString()|#set($q = $d.big * 0.25)#foreach($m in [0..6])$q.setScale(0, $m),$q.negate().setScale(0, $m);#end',
    expected:
      '92233720368547758070.0||-46116860184273879035.0|1|21|461168601842738790350|46116860184273879035|46116860184273879035.0|46116860184273879035|46116860184273879035.000|' +
      '9.223372036854775807E+20|922337203685477580700|' +
      '23058430092136939518,-23058430092136939518;23058430092136939517,-23058430092136939517;23058430092136939518,-23058430092136939517;' +
      '23058430092136939517,-23058430092136939518;23058430092136939518,-23058430092136939518;23058430092136939517,-23058430092136939517;' +
      '23058430092136939518,-23058430092136939518;',
  },
  { name: 'BigDecimal.setScale that would round, without a rounding mode, throws', template: '#set($q = $d.big * 0.25)$q.setScale(0)', error: 'java.lang.ArithmeticException' },
  {
    name: 'List.sort(null) sorts by natural order; regionMatches, codePointAt, contentEquals; byteValue and shortValue',
    template:
      '#set($l = [3, 1, 2])$l.sort($nothing)$l|#set($m = ["b", "a", "C"])$m.sort($nothing)$m|#set($f = [2.5, -0.0, 0.0, 1.5])$f.sort($nothing)$f|' +
      '#set($s = "abc")$s.regionMatches(0, "ab", 0, 2)|$s.regionMatches(true, 1, "XBC", 1, 2)|$s.regionMatches(2, "c", 0, 5)|$s.codePointAt(0)|$s.contentEquals("abc")|' +
      '#set($n = 300)$n.byteValue()|#set($y = 70000)$y.shortValue()',
    expected: '[1, 2, 3]|[C, a, b]|[-0.0, 0.0, 1.5, 2.5]|true|true|false|97|true|44|4464',
  },
  { name: 'sorting items of different classes fails their cast', template: '#set($l = [3, 3000000000])$l.sort($nothing)', error: 'java.lang.ClassCastException' },
  { name: 'sorting a null item fails', template: '#set($l = [3, $nothing, 1])$l.sort($nothing)', error: 'java.lang.NullPointerException' },
  {
    name: 'String.format: floating point rounded HALF_UP on Double.toString\'s digits; flags, width, precision',
    template:
      '#set($S = "")$S.format("%.2f|%.2f|%.2f|%.0f|%.0f|%.3f|%f|%08.3f|%,.2f|%+.1f|%(,.2f|%f", 0.125, 1.005, 2.675, 0.5, 1.5, 1e-5, 3.14159, 3.14159, 1234567.891, 2.25, -1234.5, -0.0)|' +
      '$S.format("%e|%.2e|%E|%.0e|%g|%g|%g|%.3g|%G", 12345.678, 0.000123, 1.5, 5.0, 0.0001, 123456.0, 1234567.0, 2.5, 1.0E10)',
    expected:
      '0.13|1.01|2.68|1|2|0.000|3.141590|0003.142|1,234,567.89|+2.3|(1,234.50)|-0.000000|' +
      '1.234568e+04|1.23e-04|1.500000E+00|5e+00|0.000100000|123456|1.23457e+06|2.50|1.00000E+10',
  },
  {
    name: 'String.format: integers, text, characters, booleans, argument indexes',
    template:
      '#set($S = "hi")#set($c = $S.charAt(0))$S.format("%5d|%-5d|%05d|%+d|% d|%,d|%(d|%x|%X|%o|%#x|%x", 42, 42, 42, 42, 42, 1234567, -42, -1, 255, 8, 255, $d.big)|' +
      '$S.format("%c|%C|%c|%s|%b|%b|%B|%s|%s|%-6s|%6S|%.1S|%h|%%", $c, $c, 128512, $nothing, $nothing, "", false, [1, "a"], {"k": 1}, "ab", "ab", "ab", "hi")|' +
      "$S.format('%2$s %1$s|%s %<s', \"a\", \"b\")|#set($x = $d.big * 0.5)$S.format(\"%.3f\", $x)",
    expected:
      '   42|42   |00042|+42| 42|1,234,567|(42)|ffffffff|FF|10|0xff|4fffffffffffffff6|' +
      'h|H|\u{1f600}|null|false|true|FALSE|[1, a]|{k=1}|ab    |    AB|A|d01|%|b a|a a|46116860184273879035.000',
  },
  { name: 'String.format: a conversion that does not take the argument\'s class fails', template: '#set($S = "")$S.format("%d", 1.5)', error: 'java.util.IllegalFormatConversionException' },
  { name: 'String.format: too few arguments', template: '#set($S = "")$S.format("%s %s", "x")', error: 'java.util.MissingFormatArgumentException' },
  { name: 'String.format: a flag the conversion does not take', template: '#set($S = "")$S.format("%,x", 5)', error: 'java.util.FormatFlagsConversionMismatchException' },
  { name: 'repeat with a negative count throws', template: '#set($s = "ab")$s.repeat(-1)', error: 'java.lang.IllegalArgumentException' },
];

/** Lists: `$input.path('$.list')` reads this body's array as json-smart's JSONArray. */
const LIST_BODY = '{"list": [1, 2, 3, 4, 5]}';

const LIST = '#set($l = [1, 2, 3, 4, 5])#set($s = $l.subList(1, 3))';

const LIST_CASES: JavaValueCase[] = [
  { name: 'add through a view inserts into the list', template: `${LIST}$s.add(9)$l $s`, expected: 'true[1, 2, 3, 9, 4, 5] [2, 3, 9]' },
  { name: 'add at an index of a view', template: `${LIST}$s.add(0, 'a')$l $s`, expected: '[1, a, 2, 3, 4, 5] [a, 2, 3]' },
  { name: 'set through a view, by method and by #set on an index', template: `${LIST}$s.set(0, 'z')$l|#set($s[1] = 'y')$l`, expected: '2[1, z, 3, 4, 5]|[1, z, y, 4, 5]' },
  { name: 'a set on the list shows through the view', template: `${LIST}$l.set(1, 'z')$s`, expected: '2[z, 3]' },
  { name: 'clear and remove through a view', template: `${LIST}$s.remove(0)$l $s|$s.clear()$l $s`, expected: '2[1, 3, 4, 5] [3]|[1, 4, 5] []' },
  { name: 'remove(int) past the view is out of bounds', template: `${LIST}$s.remove(3)`, error: 'java.lang.IndexOutOfBoundsException' },
  { name: 'addAll of the list itself copies it first', template: `${LIST}$s.addAll($l)$l`, expected: 'true[1, 2, 3, 1, 2, 3, 4, 5, 4, 5]' },
  {
    name: 'a view of a view: changes go through to both',
    template: `${LIST}#set($t = $s.subList(0, 1))$t.add('q')$l $s $t`,
    expected: 'true[1, 2, q, 3, 4, 5] [2, q, 3] [2, q]',
  },
  {
    name: 'clearing a view of a view shrinks the view and the list',
    template: '#set($l = [1, 2, 3, 4, 5])#set($s = $l.subList(1, 4))#set($t = $s.subList(1, 3))$t.clear()$l $s $t',
    expected: '[1, 2, 5] [2] []',
  },
  { name: 'List methods on a view', template: `${LIST}$s.equals([2, 3]) $s.indexOf(3) $s.contains(5) $s.get(1) $s[-1] $s.toString() $s.size()`, expected: 'true 1 false 3 3 [2, 3] 2' },
  {
    name: 'a view of a JSON array prints as a Java list, and writes through to the body\'s array',
    template: "#set($j = $input.path('$.list'))#set($v = $j.subList(1, 3))$v|$v.add(9)$j $input.path('$.list')",
    expected: '[2, 3]|true[1,2,3,9,4,5] [1,2,3,9,4,5]',
  },
  { name: 'a view of an array (split) writes through but cannot grow', template: '#set($t = "a,b,c")#set($a = $t.split(","))#set($v = $a.subList(0, 2))$v.set(0, \'z\')$a.get(0) $v', expected: 'az [z, b]' },
  { name: 'adding to a view of an array is unsupported', template: '#set($t = "a,b,c")#set($a = $t.split(","))#set($v = $a.subList(0, 2))$v.add(\'z\')', error: 'java.lang.UnsupportedOperationException' },
  { name: 'a view is stale once its list changed size: printing it', template: `${LIST}$l.add(9)$s`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: calling a method on it', template: `${LIST}$l.remove(0)$s.size()`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: #if asks its toString()', template: `${LIST}$l.clear()#if($s)y#end`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: #foreach over it', template: `${LIST}$l.add(9)#foreach($x in $s)$x#end`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: an index on it', template: `${LIST}$l.add(9)$s[0]`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: in a string or with ==', template: `${LIST}$l.add(9)#set($t = "$s")`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a sibling view goes stale when another view adds', template: `${LIST}#set($t = $l.subList(0, 1))$t.add('q')$s`, error: 'java.util.ConcurrentModificationException' },
  { name: 'sorting the list makes its views stale', template: `${LIST}$l.sort($nothing)$s`, error: 'java.util.ConcurrentModificationException' },
  {
    name: 'sorting a view or an array sets items in place: no structural change',
    template:
      '#set($l = [5, 4, 3, 2, 1])#set($s = $l.subList(1, 4))#set($t = $l.subList(0, 2))$s.sort($nothing)$l $s $t|' +
      '#set($str = "c,a,b")#set($a = $str.split(","))$a.sort($nothing)$a.get(0)$a.get(2)',
    expected: '[5, 2, 3, 4, 1] [2, 3, 4] [5, 2]|ac',
  },
  { name: 'a view of a view goes stale when its parent adds', template: `${LIST}#set($t = $s.subList(0, 1))$s.add(7)$t`, error: 'java.util.ConcurrentModificationException' },
  {
    name: 'a stale view that is never used, or used only for a missing method, is harmless',
    template: `${LIST}$l.add(0)#set($m = {"a": $s})#set($x = "$!s.foo()")ok $l $l.contains($s)`,
    expected: 'trueok [1, 2, 3, 4, 5, 0] false',
  },
  { name: 'adding through a view while #foreach walks the list fails', template: `${LIST}#foreach($x in $l)$s.add($x)#end`, error: 'java.util.ConcurrentModificationException' },
  { name: 'adding through a view while #foreach walks the view fails', template: `${LIST}#foreach($x in $s)$s.add(1)#end`, error: 'java.util.ConcurrentModificationException' },
  { name: 'set on the list while #foreach walks a view is fine', template: `${LIST}#foreach($x in $s)$l.set(0, $x)#end$l`, expected: '12[3, 2, 3, 4, 5]' },
  {
    name: '#foreach fails on add + remove that leave the size as it was, unless it was at the end',
    template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 3)$l.add(9)$l.remove(0)#end#end|$l',
    expected: '123true1|[2, 3, 9]',
  },
  { name: '#foreach: add + remove before the end', template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 1)$l.add(9)$l.remove(0)#end#end', error: 'java.util.ConcurrentModificationException' },
  {
    name: '#foreach: removing the item before the cursor ends the loop early without failing',
    template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 2)$l.remove(0)#end#end|$l',
    expected: '121|[2, 3]',
  },
  { name: '#foreach: removing behind the cursor past the end fails', template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 2)$l.remove(0)$l.remove(0)#end#end', error: 'java.util.ConcurrentModificationException' },
  { name: '#foreach: clear on the last item still fails', template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 3)$l.clear()#end#end', error: 'java.util.ConcurrentModificationException' },
  { name: '#foreach: addAll of nothing counts as a change', template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 1)$l.addAll([])#end#end', error: 'java.util.ConcurrentModificationException' },
  {
    name: 'an iteration over a null item reads the loop variable as null, whatever it sets (NullHolderContext)',
    template:
      '#set($l = [1, $nothing, 3])#foreach($x in $l)[$x]#set($x = \'z\')[$x]#end|$!x|#set($m = {"a": $nothing, "b": 2})#foreach($x in $m)[$x]#set($x = 7)[$x]#end|' +
      '#macro(mm $p)[$p]#end#set($n = [$nothing])#foreach($x in $n)#mm($x)#set($x = 5)#mm($x)#foreach($y in [1])[$x]#end#end',
    expected: '[1][z][][][3][z]||[][][2][7]|[][][]',
  },
  {
    name: 'keySet(), values() and entrySet() are live views of their map',
    template: '#set($m = {"a": 1})#set($k = $m.keySet())#set($v = $m.values())#set($e = $m.entrySet())$m.put(\'z\', 2)$k $v $e $k.size()',
    expected: '[a, z] [1, 2] [a=1, z=2] 2',
  },
  {
    name: 'removing through a map view removes from the map',
    template:
      '#set($m = {"a": 1, "b": 2, "c": 3})$m.keySet().remove(\'a\')$m|$m.values().remove(3)$m|#set($n = {"a": 1, "b": 2})$n.keySet().retainAll([\'a\'])$n|$n.keySet().clear()$n',
    expected: 'true{b=2, c=3}|true{b=2}|true{a=1}|{}',
  },
  { name: 'a key set hashes as a Set', template: '#set($m = {"a": 1, "b": 2})$m.keySet().hashCode() $m.entrySet().hashCode()', expected: '195 192' },
  {
    name: '#foreach over a map fails on a put and remove of a new key before the last entry',
    template: '#set($m = {"a": 1, "b": 2})#foreach($x in $m.keySet())$x#if($x == \'a\')$m.put(\'c\', 3)$m.remove(\'c\')#end#end',
    error: 'java.util.ConcurrentModificationException',
  },
  { name: '#foreach over a map\'s values fails the same way', template: '#set($m = {"a": 1, "b": 2})#foreach($x in $m)$x#if($x == 1)$m.put(\'c\', 3)$m.remove(\'c\')#end#end', error: 'java.util.ConcurrentModificationException' },
  {
    name: '#foreach over a map: a key added at the last entry ends the loop; a new value for a key is no change',
    template: '#set($m = {"a": 1, "b": 2})#foreach($x in $m.keySet())$x#if($x == \'b\')$m.put(\'c\', 3)#end#end|$m|#foreach($e in $m.entrySet())#set($m[$e.key] = 0)$e#end',
    expected: 'ab|{a=1, b=2, c=3}|a=0b=0c=0',
  },
];

/** Macro arguments: numbers and booleans are evaluated at the call, anything else at every read, in the caller's context. */
const MACRO_CASES: JavaValueCase[] = [
  { name: 'an argument the body never reads is never evaluated', template: '#macro(m $p)#end#set($e = [])#m($e[1])ok', expected: 'ok' },
  { name: 'each read evaluates the argument again', template: '#macro(m $p)$p$p#end#set($l = [1])#m($l.add(2))|$l', expected: 'truetrue|[1, 2, 2]' },
  { name: 'reads in a loop evaluate it each time', template: '#macro(m $p)#foreach($i in [1..2])$p#end#end#set($l = [])#m($l.add(1))|$l', expected: 'truetrue|[1, 1]' },
  { name: 'a list or map literal argument is a new one at each read', template: '#macro(m $p)$p.add(3)$p#end#m([1, 2])|#macro(n $p)$p.put(\'b\', 2)$p#end#n({"a": 1})', expected: 'true[1, 2]|{a=1}' },
  { name: 'a reference argument sees later changes of its variable', template: '#macro(m $p)$p#set($x = 5)$p#end#set($x = 1)#m($x)', expected: '15' },
  { name: 'arguments are read in the order the body reads them', template: '#macro(m $p $q)$q$p#end#set($l = [1])#m($l.add(5), $l)', expected: '[1]true' },
  { name: 'a string argument is interpolated at each read', template: '#macro(m $p)$p$p#end#set($x = 1)#m("a$x#set($x = $x + 1)")|$x', expected: 'a1a2|3' },
  { name: 'a loop in the body sets the variable an argument reads', template: '#macro(m $p)#foreach($i in [7, 8])$p#end#end#foreach($i in [5, 6])#m($i)#end', expected: '7878' },
  { name: 'a macro sees its callers\' arguments', template: '#macro(m)[$q]#end#macro(n $q)#m()#end#n(5)', expected: '[5]' },
  { name: '#set in a macro sets every level and the globals', template: '#macro(m)#set($q = 7)#end#macro(n $q)#m()$q#end#n(5)|$q', expected: '7|7' },
  { name: '#set of a parameter replaces it, and sets the global too', template: '#macro(m $p)$p#set($p = 5)$p|$x#end#set($x = 1)#m($x)|$x|$p', expected: '15|1|1|5' },
  { name: 'a missing argument leaves the name to the callers', template: '#macro(m $p $q)[$p][$q]#end#set($q = \'g\')#m(1)', expected: '[1][g]' },
  { name: 'a loop over a parameter\'s name puts the argument\'s value back after', template: '#macro(m $p)#foreach($p in [1, 2])$p#end|$p#end#set($x = 9)#m($x)|$p|$x', expected: '12|9|9|9' },
  { name: 'nested calls pass an argument on by name once', template: '#macro(m $p)$p#end#macro(n $q)#m($q)#end#set($l = [1])#n($l.add(2))|$l', expected: 'true|[1, 2]' },
  { name: 'an argument that fails, read, fails the render', template: '#macro(m $p)$p#end#set($e = [])#m($e[1])', error: 'java.lang.IndexOutOfBoundsException' },
];

function check(group: string, cases: JavaValueCase[], body: string, prelude = ''): void {
  for (const c of cases) {
    test(`Velocity 1.7 ${group}: ${c.name}`, () => {
      const result = renderTemplate({ template: prelude + c.template, body, params: { path: {}, querystring: {}, header: {} }, context: {}, stageVariables: {} });
      if (c.error) {
        assert.equal(result.error?.code, 'vtl-java-exception', JSON.stringify(result));
        assert.ok(result.error.message.startsWith(c.error), result.error.message);
        return;
      }
      assert.equal(result.error, undefined, JSON.stringify(result.error));
      assert.equal(result.output, c.expected);
    });
  }
}

check('numbers and methods', NUMBER_CASES, BODY, "#set($d = $input.path('$'))");
check('collections', LIST_CASES, LIST_BODY);
check('macro arguments', MACRO_CASES, '{}');

test('a stale view left in $context does not make the render throw', () => {
  const result = renderTemplate({
    template: '#set($l = [1, 2])#set($s = $l.subList(0, 1))#set($context.responseOverride.header.X = $s)$l.add(3)done',
    body: '',
    params: { path: {}, querystring: {}, header: {} },
    context: { responseOverride: { header: {} } },
    stageVariables: {},
  });
  assert.equal(result.output, 'truedone');
  assert.deepEqual(result.context, { responseOverride: { header: {} } });
});
