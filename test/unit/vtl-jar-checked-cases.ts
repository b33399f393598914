// Renderer cases whose outputs come from the Velocity 1.7 jar under the oracle harness (test/oracle/java):
// the unit tests check the renderer against these tables, test/oracle/java-harness.test.ts checks the jar.

/** [what it shows, template, output] */
export type JarCheckedCase = readonly [string, string, string];

// Velocity 1.7's context chain: macro arguments passed by name, a macro reading its caller's context,
// #set writing through every level, a #foreach body on a null element, and $util on null.

export const CONTEXT_CASES: readonly JarCheckedCase[] = [
  // Call by name (ProxyVMContext): a reference, string, list, map or range argument is evaluated at each read.
  ['an argument never read is never evaluated (no out-of-range failure)', '#set($v = [1])#macro(m $p)#end#m($v[1])x', 'x'],
  ['an argument read twice is evaluated twice', '#macro(m $p)$p $p#end#set($l = [])#m($l.add(1))$l', 'true true[1, 1]'],
  ['an argument never read has no side effect', '#macro(m $p)#end#set($l = [])#m($l.add(1))$l', '[]'],
  ['a string, list or map argument is evaluated at each read too',
    '#macro(m $p)#end#set($l = [])#m("$l.add(1)")#m([$l.add(1)])#m({"a":$l.add(1)})$l|#macro(t $p)$p$p#end#t([$l.add(1)])$l', '[]|[true][true][1, 1]'],
  ['a read sees the caller\'s variable as it is now', '#macro(m $p)$p #set($i = 2)$p#end#set($i = 1)#m($i) $i', '12 2'],
  ['an interpolated string argument is rebuilt at each read', '#macro(m $p)$p #set($i = 2)$p#end#set($i = 1)#m("v$i") $i', 'v1v2 2'],
  ['list, map and range arguments are rebuilt at each read',
    '#macro(m $p)$p #set($i = 2)$p#end#set($i = 1)#m([$i])|#m({"a":$i})|#set($i = 1)#m([1..$i])', '[1][2]|{a=2}{a=2}|[1][1, 2]'],
  ['the caller\'s variable replaced by another value', '#macro(m $p)$p.size() #set($i = 2)$p#end#set($i = [1])#m($i) $i', '12 2'],
  ['arguments are evaluated in the order they are read', '#macro(m $p $q)$q$p#end#set($l = [])#m($l.add(1), $l.size())#m($l.size(), $l.add(1))$l', '0truetrue2[1, 1]'],
  ['every #if reads the argument again', '#macro(m $p)#if($p)a#end#if($p)b#end#end#set($l = [])#m($l.add(1))$l', 'ab[1, 1]'],
  ['an argument passed on to another macro is still by name', '#macro(m $p)#m2($p)#end#macro(m2 $q)$q $q#end#set($l=[])#m($l.add(1))$l', 'true true[1, 1]'],
  ['an argument is read in the caller\'s context, not the loop inside the macro',
    '#macro(m $p)#foreach($i in [7])$p#end#end#foreach($i in [1,2])#m($i)#end', '77'],
  // Writes: the macro's own table and on up to the global context (velocimacro.context.localscope=false).
  ['#set of a parameter given a number also sets the global variable', '#macro(m $p)$p #set($p = 5)$p#end#m(3) $p', '35 5'],
  ['#set of a parameter given a reference sets the global of that name, not the argument',
    '#macro(m $p)$p #set($p = 5)$p $i#end#set($i = 1)#m($i) $i|$p', '15 1 1|5'],
  ['#set($p = $p + 1) reads the argument, then sets $p everywhere', '#macro(m $p)#set($p = $p + 1)$p#end#set($p = 1)#m($p)$p', '22'],
  ['#set of a parameter to null keeps the argument', '#macro(m $p)#set($p = $nope)$p#end#set($l = [])#m($l.add(1))$l', 'true[1]'],
  ['#set in a nested macro reaches its caller\'s parameter', '#macro(inner)#set($p = 9)#end#macro(outer $p)#inner()$p#end#outer(5)|$p', '9|9'],
  ['#foreach over a parameter\'s name, then the restored argument', '#macro(m $p)#foreach($p in [1,2])$p#end$p#end#set($x = 3)#m($x)|$p|$x', '123|3|3'],
  // Reads fall through to the caller's context.
  ['a macro sees its caller\'s parameters', '#macro(inner)$p#end#macro(outer $p)#inner()#end#outer(5)', '5'],
  ['a parameter without an argument reads the caller\'s variable', '#macro(m $p $q)$p$q#end#set($q = 7)#m(1)', '17'],
  ['an escaped parameter prints its argument as written, found up the chain',
    '#macro(in $q)\\$q\\$p#end#macro(m $p)#in($p)#end#m($nope)', '\\$p\\$nope'],
  // Foreach.NullHolderContext: on a null element the loop variable reads null in the body, whatever is set.
  ['an escaped loop variable on a null element stays escaped after #set', '#foreach($v in [$missing])#set($v = 1)\\$v#end', '\\$v'],
  ['each null element reads null; the others as set', '#foreach($v in [$missing, 2, $missing])#set($v = 1)[$v]#end[$v]', '[][1][][]'],
  ['the variable before the loop comes back', '#set($v = 5)#foreach($v in [$missing])#set($v = 1)[$v]#end[$v]', '[][5]'],
  ['an inner loop and a macro read the null too',
    '#foreach($v in [$missing])#foreach($w in [3])#set($v = 3)[$v]#end[$v]#end|#macro(m $p)[$p]#end#foreach($v in [$missing])#set($v = 1)#m($v)#end', '[][]|[]'],
  // $util on null: "" for the encoders and decoders (true in #if), Commons Lang's null for escapeJavaScript.
  ['$util encoders and decoders give "" for null; escapeJavaScript null',
    '#if($util.urlEncode($missing))t#else f#end|#if($util.urlDecode($missing))t#else f#end|#if($util.base64Encode($missing))t#else f#end|#if($util.base64Decode($missing))t#else f#end|#if($util.escapeJavaScript($missing))t#else f#end|[$util.urlEncode($missing)]',
    't|t|t|t| f|[]'],
];

/** A name with modifiers right after a reference ending in `)` or `]` is a reference without `$` in 1.7: only the name prints. */
export const BARE_REFERENCE_CASES: readonly JarCheckedCase[] = [
  ['an index after the name', '#set($l = [0])$l.size()x[1]|$l[0]x[1]|', '1x|0x|'],
  ['a property or a method after the name, whatever the variable of that name holds',
    '#set($y = {"z": "Z"})#set($l = [0])$l.size()xy.z|$l.size()y.z|$l.size()abc.substring(5)|', '1xy|1y|1abc|'],
  ['its arguments are never evaluated', '#set($l = [0])$l.size()abc.foo($l.add(1))$l', '1abc[0]'],
  ['one after another, and across a #set', '#set($l = [0])$l.size()a.b.c[0][1].d()x|$l.size()#set($a = 1)x[1]|', '1ax|1x|'],
  ['a space, a formal reference or a name alone keeps the text', '#set($l = [0])$l.size() x[1]|${l.size()}x[1]|$l.size()x y.z', '1 x[1]|1x[1]|1x y.z'],
];

/** `#define` puts a block in the context (1.7's Block.Reference), rendered where it is printed. */
export const DEFINE_CASES: readonly JarCheckedCase[] = [
  ['a block that prints itself nests twice, then prints as written', '#define($d)D$d#end$d|#define($e)D$!e#end$e|#define($f)$f$f#end$f', 'DD$d|DD|$f$f$f$f'],
  ['#define replaces a value set before it; #set replaces the block; #set to null keeps it',
    '#set($d = 5)#define($d)D#end$d|#define($e)E#end#set($e = 5)$e|#define($f)F#end#set($f = $nope)$f', 'D|5|F'],
  ['it has a value: an escaped reference, #if and #set see it', '#define($d)D#end\\$d|#if($d)T#end|#set($x = $d)$x|$d.length()', '$d|T|D|'],
  ['#if renders it (its side effects happen)', '#set($l = [])#define($d)$l.add(1)#end#if($d)T#end$l', 'T[1]'],
  ['it renders in the context of the print', '#define($d)[$i]#end#set($i = 1)$d#set($i = 2)$d|#macro(m $p)#define($e)<$p>#end#end#m(3)$e', '[1][2]|<>'],
];

/** Macro calls: of names that are not macros (printed as written, arguments never evaluated) and without parentheses. */
export const UNKNOWN_CALL_CASES: readonly JarCheckedCase[] = [
  ['the arguments of an unknown call are not evaluated', '#set($x = [1])#foo($x.add(2))$x|', '#foo($x.add(2))[1]|'],
  ['a name has no `-`: `#b-(` is text, and what follows is read as usual', '#set($x = 1)#b-($x)|a#b-($!nope', '#b-(1)|a#b-('],
  ['a macro the template defines is called without parentheses too', '#macro(a)X#end#a |#a.b|#{a}x|#a$nope|#a-b()|', 'X |X.b|Xx|X|X-b()|'],
  ['even before its definition, with no arguments', '#b |#macro(b $p)[$p]#end', '[] |'],
  ['the line break after it stays', '#macro(a)X#end#a\nY|#a()\nZ', 'X\nY|XZ'],
];

/** The output of a case that fails in both engines (API Gateway answers 500). */
export const FAILS = '<the template fails>';

/** Interpolated strings: 1.7 parses them with a space after (unless they hold `##`) and drops it after. */
export const STRING_CASES: readonly JarCheckedCase[] = [
  ['a string may end in `$` or `#`', '#set($i = 1)#set($v = "a#")$v|#set($v = "$i#")$v|#set($v = "$i$")$v|#set($v = "#if(true)y#end x#")$v', 'a#|1#|1$|y x#'],
  ['with `##`, no space is added and a final `##` is a comment', '#set($i = 1)#set($v = "$i##")[$v]|#set($w = "a## c")[$w]|#set($x = "x##")[$x]', '[1]|[a]|[x]'],
  ['a template may end in the `##` of a comment', '#set($a = 1)$a##', '1'],
  ['a backslash pair does not escape the quote after it', '#set($v = "\\\\")$v|#set($w = "a\\\\")$w|#set($x = \'$\\\\\')$x', '\\\\|a\\\\|$\\\\'],
  ['#stop in a string argument stops before the argument prints', '#macro(m $p)<$p>#end#m("#if(true)Y#end#stop")after', '<'],
  ['#break in a #foreach list belongs to no loop: it stops everything', '#foreach($i in ["a#break"])[$i]#end after', ''],
  ['a string that does not parse fails the template, even where it is never evaluated', '#if(false)#set($v = "$i## c#")#end after', FAILS],
];

/**
 * A `$`, `$!` or `#` right before a directive, a block comment or `\\`: 1.7's lexer makes it part of the
 * next token's image (or a special token before it), which the node does not print; a directive name
 * taken with its prefix (`#m` for `$#m`) is no directive, so the directive prints as written.
 */
export const PREFIX_CASES: readonly JarCheckedCase[] = [
  ['a block comment takes no line break after it, however many follow',
    '#*c*#\n\nx|a#*c*#\n\n\nx|#*c*#\n\n$a|#if(true)#*c*#\n\n#end|#*c*#\r\n\r\nx|#*c*#\n#*d*#\n\nx|#*c*#\n', '\n\nx|a\n\n\nx|\n\n|\n\n|\r\n\r\nx|\n\n\nx|\n'],
  ['the `$` before #if, #else, #elseif and #end prints nothing',
    '$#if(true)T#end|#if(true)a$#end|#if(true)a$#else b#end|#if(false)a$#elseif(true)c#end|#if(true)$#end', 'T|a|a|c|'],
  ['so do `$!`, `$$`, `#$` and `$#{…}`', '$!#if(true)T#end|$$#if(true)T#end|#$#if(true)T#end|$#{if}(true)T$#{end}x|#if(true)$!#{else}n#end', 'T|T|T|Tx|'],
  ['a `$` before #set prints nothing; `##` after `$` keeps it', '$#set($a=1)x|$##c', 'x|$'],
  ['`#$`, `$$`, `\\$` and `$!` before #set print nothing either', '#$#set($a=1)x|a#$#set($a=1)x|\\\\#$#set($a=1)x|$$#set($a=1)x|\\$#set($a=1)x|#$#{set}($a=1)x|$!#set($a=1)x', 'x|ax|\\\\x|x|x|x|x'],
  ['the blanks before `$#set` at the start of a line stay: its token takes the `$` only', ' $#set($a=1)$a|\t$#set($a=2)$a', ' 1|\t2'],
  ['a macro call after `$` prints as written', '#macro(m)M#end$#m()|$#{m}()|#m()', '$#m()|$#{m}()|M'],
  ['arguments are not evaluated', '#set($a=5)$#zz($a) x|$#m($a "s" [1])|$#evaluate(\'x\')', '$#zz($a) x|$#m($a "s" [1])|$#evaluate(\'x\')'],
  ['#break and #stop after `$` are text and do nothing', '#foreach($x in [1,2])$x$#break#end|a$#stop b', '1$#break2$#break|a$#stop b'],
  ['the `$` before a block comment goes with it', 'a$#* c *#b|a$#**x*#b|$!#*c*#y|#$#*c*#y', 'ab|ab|y|y'],
  ['an unparsed block after `$` loses three characters of its image, not of `#[[`', 'a$#[[t]]#b|$$$#[[xy]]#|$!#[[xy]]#z', 'a[tb|#[[xy|[[xyz'],
  ['the `#` or `$` before `\\\\` prints nothing', 'x#\\\\y|#\\\\|#\\\\\\\\|$\\\\|#\\\\#if(true)T#end', 'x\\\\y|\\\\|\\\\\\\\|\\\\|\\T'],
  ['the `$` or `#` before an escaped directive prints nothing, whatever the name', '$\\#foo|$a#\\#foo|$a#\\#stop|#\\#foo|$$\\#if', '\\#foo|\\#foo|#stop|\\#foo|#if'],
  ['a single backslash keeps them', 'a#\\b|#\\\\$a', 'a#\\b|#\\\\'],
  ['backslashes before the `$` go with it', '\\$#if(true)T#end|\\\\$#if(true)T#end|x\\$#*c*#y|\\$\\\\', 'T|T|xy|\\\\'],
  ['an empty unparsed block, with and without `$`', '#[[]]#x|$#[[]]#x|#[[]]]#x', 'x|[x|]x'],
  ['a `$!` that starts no reference prints its `$` only', '$!\nx|$! x|$!\\x|$!)|$!1|$!!|$a$! x|x$!$a|$!##c', '$\nx|$ x|$\\x|$)|$1|$!|$ x|x$!|$!'],
  ['`$#foreach`, `$#define`, `$#macro` leave an #end that closes nothing', '$#foreach($x in [1,2])$x#end', FAILS],
  ['`$#*` at the end is an unclosed comment', 'a$#*', FAILS],
];
