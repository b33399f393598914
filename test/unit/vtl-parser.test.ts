import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as yieldToTimeout } from 'node:timers/promises';
import {
  collectSetVariables,
  findNodeAt,
  parseVtl,
  parseVtlCached,
  toVelocityjsAst,
  toVelocityjsAstCached,
  VTL_PARSE_CODES,
  walkVtl,
  type VtlNode,
} from '../../shared/src/vtl/parser/index';

/** `«…»` marks a range in a template; returns the template without the marks and the range. */
function marked(source: string): { text: string; start: number; end: number } {
  const start = source.indexOf('«');
  const end = source.indexOf('»') - 1;
  return { text: source.replace('«', '').replace('»', ''), start, end };
}

/** `|` marks the cursor. */
function caret(source: string): { text: string; offset: number } {
  const offset = source.indexOf('|');
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}

function nodesOf(text: string): VtlNode[] {
  const nodes: VtlNode[] = [];
  walkVtl(parseVtl(text).ast, (n) => nodes.push(n));
  return nodes;
}

test('every node kind carries its exact range', () => {
  const check = (source: string, kind: VtlNode['kind']) => {
    const { text, start, end } = marked(source);
    const hit = nodesOf(text).find((n) => n.kind === kind && n.start === start && n.end === end);
    const seen = nodesOf(text)
      .filter((n) => n.kind === kind)
      .map((n) => `[${n.start},${n.end}) ${JSON.stringify(text.slice(n.start, n.end))}`);
    assert.ok(hit, `${source}: expected a ${kind} at [${start},${end}), found ${seen.join(', ') || 'none'}`);
  };
  check('«hello »$a', 'text');
  check('x «## note»\ny', 'comment');
  check('x «#* block\n *#»y', 'comment');
  check('«#[[ $raw ]]#»', 'unparsed');
  check('«\\$»a', 'escape');
  check('«\\#»if', 'escape');
  check('a «$b» c', 'reference');
  check('«$!b»', 'reference');
  check('«${b.c}»x', 'reference');
  check('«$!{b}»', 'reference');
  check('$input«.path»', 'property');
  check("$input«.path('$.a')» x", 'method');
  check("$input.path(«'$.a'»)", 'string');
  check('$a«[0]»', 'index');
  check('$a[«0»]', 'number');
  check('$a.b(1, «$c.d»)', 'reference');
  check('«#set($x = 1)»', 'set');
  check('#set($x = «[1, 2]»)', 'list');
  check('#set($x = «[1..$n]»)', 'range');
  check('#set($x = «{"k": $v}»)', 'map');
  check('#set($x = {«"k": $v»})', 'entry');
  check('#set($x = «2.5»)', 'number');
  check('#set($x = «true»)', 'boolean');
  check('#set($x = «null»)', 'null');
  check('#set($x = «$a + 1»)', 'binary');
  check('#set($x = «-1»)', 'unary');
  check('#set($x = «($a)»)', 'parenthesized');
  check('#if(«$a eq 1 and not $b»)#end', 'binary');
  check('#if($a eq 1 and «not $b»)#end', 'unary');
  check('«#if($a)x#else y#end» z', 'if');
  check('#if($a)x«#else y»#end', 'branch');
  check('#if($a)x«#elseif($b)y»#end', 'branch');
  check('«#foreach($i in $list)$i#end»', 'foreach');
  check('#foreach($i in $list)«#break»#end', 'break');
  check('«#stop»', 'stop');
  check('«#macro(m $a)$a#end»', 'macro');
  check('#macro(m $a)$a#end«#m(1 "x")»', 'call');
  check('«#define($block)text#end»', 'define');
  check('«#@row($a)body $b#end» after', 'call');
  check('#@row($a)body «$b»#end', 'reference');
  check('«#evaluate("$a")»', 'call');
  check('«#{if}($a)x»#{end}', 'branch');
  check('#set($s = "a «$b» c")', 'reference');
  check('«#end»', 'stray');
});

test('double-quoted strings are parsed for interpolation, single-quoted are not', () => {
  const kinds = (text: string) => nodesOf(text).filter((n) => n.kind === 'reference').map((n) => text.slice(n.start, n.end));
  assert.deepEqual(kinds('#set($s = "x $a.b y")'), ['$s', '$a.b']);
  assert.deepEqual(kinds("#set($s = 'x $a.b y')"), ['$s']);
});

test('half-typed templates still give the node under the cursor', () => {
  const check = (source: string, expectedTail: string[]) => {
    const { text, offset } = caret(source);
    const chain = findNodeAt(parseVtl(text).ast, offset).map((n) => n.kind);
    assert.deepEqual(chain.slice(-expectedTail.length), expectedTail, `${source}: chain ${chain.join(' > ')}`);
  };
  check('$util.|', ['template', 'reference']);
  check("$input.path('$|", ['reference', 'method', 'string']);
  check('#if(|', ['if', 'branch', 'missing']);
  check('#set($x = |', ['set', 'missing']);
  check('${context.|}', ['reference', 'property']);
  check('#foreach($i in |', ['foreach', 'missing']);
  check('#if($a)\n  $inp|', ['if', 'branch', 'reference']);
  check('#if($a)\n  $input.p|\n', ['branch', 'reference', 'property']);
  check('$input.json("$.a|")', ['method', 'string', 'text']);
  check('#set($m = {"k": $a.|})', ['entry', 'reference', 'property']);
});

test('recovery keeps the rest of the template', () => {
  const after = (text: string) =>
    parseVtl(text).ast.body.map((n) => n.kind).join(' ');
  assert.equal(after('#set($x = \n<p>$a</p>'), 'set text reference text text');
  assert.equal(after("$input.path('$\n$b"), 'reference text reference');
  assert.equal(after('#if($a\nbody #end tail'), 'if text');
  const dot = parseVtl('$util.').ast.body[0];
  assert.ok(dot.kind === 'reference' && dot.danglingDot?.start === 5);
  const formal = parseVtl('${context.}').ast.body[0];
  assert.ok(formal.kind === 'reference' && formal.path[0].kind === 'property' && formal.path[0].name.value === '' && formal.closed);
});

test('each problem code, with its range and severity', () => {
  const checked = new Set<string>();
  const check = (source: string, code: string, severity = 'error') => {
    checked.add(code);
    const { text, start, end } = marked(source);
    const problems = parseVtl(text).problems;
    const hit = problems.find((p) => p.code === code && p.start === start && p.end === end);
    assert.ok(hit, `${source}: expected ${code} at [${start},${end}), got ${JSON.stringify(problems)}`);
    assert.equal(hit.severity, severity);
    assert.ok(hit.message.length > 10);
  };
  check('«#if($a)»x', VTL_PARSE_CODES.unclosedBlock);
  check('«#foreach($i in $l)»x', VTL_PARSE_CODES.unclosedBlock);
  check('«#macro(m)»x', VTL_PARSE_CODES.unclosedBlock);
  check('«#define($d)»x', VTL_PARSE_CODES.unclosedBlock);
  check('#if($a)«#foreach($i in $l)»', VTL_PARSE_CODES.unclosedBlock);
  check('x«#end»', VTL_PARSE_CODES.strayEnd);
  check('x«#{end}»', VTL_PARSE_CODES.strayEnd);
  check('«#else»', VTL_PARSE_CODES.elseOutsideIf);
  check('«#elseif($b)»', VTL_PARSE_CODES.elseOutsideIf);
  check('#foreach($i in $l)«#else»#end', VTL_PARSE_CODES.elseOutsideIf);
  check('#if($a)#else«#else»#end', VTL_PARSE_CODES.elseOutsideIf);
  check("$input.path(«'$.a»", VTL_PARSE_CODES.unterminatedString);
  check('#set($a = «"abc»\n)', VTL_PARSE_CODES.unterminatedString);
  check("$input.path«(»'$.a'", VTL_PARSE_CODES.unclosedParenthesis);
  check('#if«(»$a', VTL_PARSE_CODES.unclosedParenthesis);
  check('#set«(»$a = (1 + 2)', VTL_PARSE_CODES.unclosedParenthesis);
  check('#set($a = «(»1 + 2', VTL_PARSE_CODES.unclosedParenthesis);
  check('#set($a = «[»1, 2)', VTL_PARSE_CODES.unclosedBracket);
  check('$a«[»0', VTL_PARSE_CODES.unclosedBracket);
  check('#set($a = «{»"k": 1)', VTL_PARSE_CODES.unclosedBrace);
  check('«${a»', VTL_PARSE_CODES.unclosedBrace);
  check('«#include("x.vm")»', VTL_PARSE_CODES.unsupportedDirective);
  check('«#parse("x.vm")»', VTL_PARSE_CODES.unsupportedDirective);
  check('a«#stop» b', VTL_PARSE_CODES.stop, 'warning');
  check('#«elsif»($a)', VTL_PARSE_CODES.unknownDirective);
  check('#«foreech»($a)', VTL_PARSE_CODES.unknownDirective);
  check('#«render»($a)', VTL_PARSE_CODES.unknownMacro, 'warning');
  check('#set($a = "say «\\"»hi")', VTL_PARSE_CODES.escapedQuote);
  check('#set(«$a»)', VTL_PARSE_CODES.syntax);
  check('#set($a «=»)', VTL_PARSE_CODES.syntax);
  check('#set($a = 1 «+»)', VTL_PARSE_CODES.syntax);
  check('#if($a.b« »(1))#end', VTL_PARSE_CODES.notVelocity17);
  check('#set($b = $a«  ».length())', VTL_PARSE_CODES.notVelocity17);
  check('${a« »}', VTL_PARSE_CODES.notVelocity17);
  check('#set($a = $name«(»1))', VTL_PARSE_CODES.notVelocity17);
  check('#if($a == «null»)#end', VTL_PARSE_CODES.notVelocity17);
  check('#set($a = «-»$b)', VTL_PARSE_CODES.notVelocity17);
  check("#set($a = 'it«\\'»s')", VTL_PARSE_CODES.escapedQuote);
  check('«#evaluate(1)»', VTL_PARSE_CODES.syntax);
  check('total: 5«$»', VTL_PARSE_CODES.notVelocity17);
  check('## note «#»', VTL_PARSE_CODES.notVelocity17);
  check('#if($a)\\«$»', VTL_PARSE_CODES.notVelocity17);
  check('«#@row()»body', VTL_PARSE_CODES.unclosedBlock);
  check('$a.b()«x[1].y»|', VTL_PARSE_CODES.referenceWithoutDollar, 'warning');
  check("#if(true)$!a.b$!{c}('«#end»\t#macro(m1)$d.x('a.b')#end", VTL_PARSE_CODES.readDifferentlyBy17, 'warning');
  assert.deepEqual([...checked].sort(), Object.values(VTL_PARSE_CODES).sort(), 'every code has a case');
});

test('valid templates report nothing; defined macros and built-in calls are known', () => {
  const none = (text: string) => assert.deepEqual(parseVtl(text).problems, [], text);
  none('#macro(row $k)"$k"#end#row("a")');
  none('#evaluate("$a")#stop()');
  none('#set($m = {"a": [1, 2], "b": $x.y("z")})#foreach($i in [1..3])#if($i > 1 && !$m.a.isEmpty()),#end$i#end');
  none('#set($n = -1)#set($d = -2.5)#evaluate($n)$map.put("k", null)');
  none('#set($s = "line one\nline two")');
  none('#set($s = "multi\nline")'.replace('\\n', '\n'));
  none('Total: $100 and #hashtag, 50% off (${a})');
  none('#set($a = "x""y")#if($a == "")#end');
  none('${ and ${} and ${ a } are text');
  none('#* ends the template *#');
  none('#[[ $ ]]#');
  none('#macro(row $p)<$bodyContent>#end#@row(1)body#end');
});

test('variables assigned before or around the cursor', () => {
  const check = (source: string, expected: string[]) => {
    const { text, offset } = caret(source);
    assert.deepEqual(collectSetVariables(parseVtl(text).ast, offset).map((v) => `${v.source}:${v.name}`), expected, source);
  };
  check('#set($a = 1)#set($b = 2)|#set($c = 3)', ['set:a', 'set:b']);
  check('#foreach($item in $list) $| #end', ['foreach:item']);
  check('#foreach($item in $list)#end $|', []);
  check('#macro(m $p $q) | #end', ['parameter:p', 'parameter:q']);
  check('#define($block)x#end|', ['define:block']);
  check('#set($a = 1)#set($b = 2)#set($a = 3)|', ['set:b', 'set:a']);
  check('#if($x)#set($inner = 1)#end |', ['set:inner']);
  check('#set($a.b = 1)#set($c = $a)|', ['set:c']);
});

test('cached parses are shared per text', () => {
  const lowered = toVelocityjsAstCached('#if($a)x#end');
  assert.equal(toVelocityjsAstCached('#if($a)x#end'), lowered);
  assert.equal(lowered.ast.length, 1);
  assert.deepEqual(toVelocityjsAstCached('#if($a)x').problems.map((p) => p.code), [VTL_PARSE_CODES.unclosedBlock]);
  const first = parseVtlCached('$a.b');
  assert.equal(parseVtlCached('$a.b'), first);
  assert.notEqual(parseVtlCached('$a.c'), first);
  for (let i = 0; i < 200; i++) parseVtlCached(`$v${i}`);
  assert.notEqual(parseVtlCached('$a.b'), first, 'old entries are evicted');
});

// About 4 MB of pathological text: linear work takes seconds, the timeout catches a hang. A test's
// timeout can only fire while the test awaits, so it yields before and between the heavy parts.
test('never throws, never hangs, always covers the text, on hostile input', { timeout: 60_000 }, async () => {
  await yieldToTimeout();
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const alphabet = ['$', '#', '!', '{', '}', '(', ')', '[', ']', '"', "'", '\\', '.', ',', ':', '=', ' ', '\n', 'a', 'if', 'set', 'end', 'else', 'foreach', 'in', '1', '*', '#*', '*#', '##', '#[[', ']]#', '&&', '..', '_', '-', '@', '#@', 'true', 'null', 'not'];
  for (let n = 0; n < 2000; n++) {
    let text = '';
    const length = Math.floor(random() * 30);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    const { ast, problems } = parseVtl(text);
    assert.equal(ast.end, text.length);
    assert.ok(!problems.some((p) => p.message.startsWith('The template could not be read')), `parser failure on ${JSON.stringify(text)}`);
    for (const node of nodesOf(text)) assert.ok(node.start >= 0 && node.start <= node.end && node.end <= text.length, text);
    for (const p of problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, text);
    const offset = Math.floor(random() * (text.length + 1));
    assert.equal(findNodeAt(ast, offset)[0], ast);
    collectSetVariables(ast, offset);
    toVelocityjsAst(ast);
  }
  await yieldToTimeout();
  const repeated = ['#if(', '#*', '#[[', '$a.b(', "#set($a = '", '#foreach($i in ', '#macro(m ', '${a', "$a.b('\n", '"$a', '\\', '$a.b'];
  for (const hostile of [...repeated.map((piece) => piece.repeat(Math.ceil(250_000 / piece.length))), '#set($a = ' + '1 + '.repeat(100000) + '1)', '$a'.repeat(150000) + '#end' + '$a'.repeat(150000), '$a.b'.repeat(50000) + '.c'.repeat(200000), '#if(1)'.repeat(20000), '('.repeat(20000), '#set($a = ' + '['.repeat(20000), '"$a'.repeat(5000), '${'.repeat(20000), '#*' + '\\'.repeat(200000)]) {
    const { ast } = parseVtl(hostile);
    assert.equal(ast.end, hostile.length);
    assert.doesNotThrow(() => toVelocityjsAst(ast));
    assert.ok(findNodeAt(ast, hostile.length - 1).length > 1);
    await yieldToTimeout();
  }
});
