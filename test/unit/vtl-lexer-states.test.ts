// Velocity 1.7's lexer states after a reference (FINDINGS F5, F10): where its lexer is still inside a
// reference, a `[` is an index, `(`/`)` a method call and `##` no comment. Every expectation was
// produced by the real Velocity 1.7 jar through the oracle harness (test/oracle/java).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVtl, VTL_PARSE_CODES } from '../../shared/src/vtl/parser/index';
import { readAsVelocity17 } from '../../shared/src/vtl/parser/velocity17Check';
import { Velocity17Lexer } from '../../shared/src/vtl/parser/velocity17Lexer';
import { renderTemplate } from '../../shared/src/vtl/render/index';

function render(template: string) {
  return renderTemplate({ template, body: '{}', params: { path: {}, querystring: {}, header: {} }, context: {}, stageVariables: {} });
}

/** `«…»` marks the range a problem must cover; returns the text without the marks. */
function marked(source: string): { text: string; start: number; end: number } {
  const start = source.indexOf('«');
  const end = source.indexOf('»') - 1;
  return { text: source.replace('«', '').replace('»', ''), start, end };
}

test('what 1.7 rejects because its lexer is still reading a reference is a positioned problem, and the render fails', () => {
  const check = (source: string, mentions: string) => {
    const { text, start, end } = marked(source);
    const problems = parseVtl(text).problems.filter((p) => p.severity === 'error');
    assert.equal(problems.length, 1, `${text}: ${JSON.stringify(problems)}`);
    const [problem] = problems;
    assert.equal(problem.code, VTL_PARSE_CODES.notVelocity17, text);
    assert.deepEqual([problem.start, problem.end], [start, end], text);
    assert.ok(problem.message.includes(mentions), `${text}: ${problem.message}`);
    const result = render(text);
    assert.equal(result.error?.code, VTL_PARSE_CODES.notVelocity17, text);
    assert.equal(result.output, '');
  };
  // `[` after a reference, even across a #set, a `${…}` after a property, or an #else.
  check('$util#set($v8=1)«[»', 'index');
  check('$d.active$!{util}«[»', 'index');
  check('#if(1)$v4.name$d#else«[»#end', 'index');
  check('$input.body#set( $v4 = 1 )«[»x', 'index');
  // `(` after a property continues it as a method call, so what follows must be arguments.
  check('$a.b$v3(«)»', 'method call');
  check('$input.body#set( $v4 = 1 )(«\n»', 'does not fit');
  check('$d.missing$!{v3}(«.»', 'cannot read');
  check('#set($v = "V")$v.length()[«x»]', 'cannot read');
  // An index left open at the end.
  check('$a.b[1]«[»', 'end of the template');
  // `true`/`false` are literals, never names.
  check('«$true»', 'literal');
  check('$a.«true»', 'literal');
  // `##set(` after a property is the directive `#set` with arguments 1.7 cannot take.
  check('$foreach.count##set($v13«=»1)', 'does not fit');
  // `#set` takes only spaces before its `(`: with a tab it is a macro call whose arguments cannot hold `=`.
  check('#set\t($v «=» 1)', 'does not fit');
});

test('where 1.7 is still in a reference state, ## is text and #set takes the blanks; elsewhere as before', () => {
  const check = (template: string, expected: string) => {
    const result = render(`#set($v = "V")#set($m = {"k": "K"})${template}`);
    assert.equal(result.error, undefined, `${template}: ${JSON.stringify(result.error)}`);
    assert.equal(result.output, expected, template);
  };
  check('$m.k[0]## c\n.', '## c\n.');
  check('$m.k${v}## c\n.', 'KV## c\n.');
  check('#if(true)$m.k$v#end## c\n.', 'KV## c\n.');
  check('$m.k#set($x = 1)## c $v\n.', 'K## c V\n.');
  check('$m.k###c\n.', 'K.');
  check('$m.k$v## c\n.', 'KV.');
  check('$v[0]## c\n.', '.');
  check('$v#set($x = 1)## c $v\n.', 'V.');
  check('#if(false)#else$m.k$!v#{end}x\t#set($x = 1)|', 'KVx|');
  check('$m.k$v#if(true)#{end}y #set($x = 1)|', 'KVy |');
  check('$v#set($x = 1)${v}t #set($y = 1)|$m.k$v#if(true)#{end}t\t#set($y = 1)|', 'VVt |KVt\t|');
  check('$v#set($x = 1)(x)|$v#set($x = 1) [x]|${v}[x]|$v.length()(x)', 'V(x)|V [x]|V[x]|1(x)');
  check('$\\#if|#\\#set( $nothing = 1 )|$!\\#end', '#if|#set(  = 1 )|#end');
  // `\#name` is one escaped-directive token whatever the name: an unknown one keeps its backslash and is text.
  check('\\#endt(|\\#foo(1)|\\#if@x', '\\#endt(|\\#foo(1)|\\#if@x');
  // 1.7's index takes `true`/`false` (its IndexParameter); no map key or list position is a boolean.
  check('[$m[true]][$m[ false ]][$nothing[true]]', '[][][]');
});

test("1.7's lexer: states pushed by a reference survive #set, ${…} and #end", () => {
  const kinds = (text: string) => {
    const lexer = new Velocity17Lexer(text);
    const out: string[] = [];
    for (let token = lexer.next(); token.kind !== 'EOF'; token = lexer.next()) {
      out.push(`${token.kind}:${text.slice(token.start, token.end)}`);
      // The parser's part for a directive name without `(`: back to the state before the `#`.
      if (token.kind === 'WORD' && !lexer.parenthesisFollows()) lexer.pop();
    }
    return out.join(' ');
  };
  assert.equal(kinds('$a.b[1]x'), 'IDENTIFIER:$a DOT:. IDENTIFIER:b INDEX_LBRACKET:[ INTEGER_LITERAL:1 INDEX_RBRACKET:] IDENTIFIER:x');
  assert.equal(kinds('$a[1]x'), 'IDENTIFIER:$a INDEX_LBRACKET:[ INTEGER_LITERAL:1 INDEX_RBRACKET:] IDENTIFIER:x');
  assert.equal(kinds('$a.b${c}['), 'IDENTIFIER:$a DOT:. IDENTIFIER:b LCURLY:${ IDENTIFIER:c RCURLY:} INDEX_LBRACKET:[');
  assert.equal(kinds('$a${c}['), 'IDENTIFIER:$a LCURLY:${ IDENTIFIER:c RCURLY:} TEXT:[');
  assert.equal(kinds('$a#set($b = 1)['), 'IDENTIFIER:$a SET_DIRECTIVE:#set( IDENTIFIER:$b WHITESPACE:  EQUALS:= WHITESPACE:  INTEGER_LITERAL:1 RPAREN:) INDEX_LBRACKET:[');
  assert.equal(kinds('$a.b$c#end##x'), 'IDENTIFIER:$a DOT:. IDENTIFIER:b IDENTIFIER:$c END:#end WORD:##x');
  assert.equal(kinds('x  #set('), 'TEXT:x   SET_DIRECTIVE:#set(');
  assert.equal(kinds('$a  #set('), 'IDENTIFIER:$a SET_DIRECTIVE:  #set(');
  assert.equal(kinds('1..3'), 'TEXT:1..3');
});

test("1.7's reading: where it fails, which ## are comments, what #set and escaped directives take", () => {
  const failure = (text: string) => readAsVelocity17(text).failure;
  assert.equal(failure('#foreach($i in [1..3])$i#end#macro(m $a)$a#end#m("x")'), undefined);
  assert.equal(failure('#if($a && !$b)x#elseif($c)y#else z#end#set($m = {"a": 1, "b": [1, 2]})$m.a'), undefined);
  assert.deepEqual(failure('$a.b$v3()'), { start: 8, end: 9, token: 'REFMOD2_RPAREN' });
  assert.deepEqual(failure('#if(1)x'), { start: 6, end: 7, token: 'EOF' });
  assert.deepEqual(failure('$d.x(.'), { start: 5, end: 6, token: 'lexical' });
  const reading = readAsVelocity17('a## c\n$a.b## d\n$a.b### e\n x #set($v = 1)$a# #set($w = 2)$\\#if');
  assert.deepEqual([...reading.lineComments], [1, 20]);
  assert.deepEqual([...reading.hashesBeforeHash], [10, 19]);
  assert.deepEqual([...reading.setTakesFrom], [[28, 28], [44, 42]]);
  assert.deepEqual([...reading.unprintedRuns], [[56, 57]]);
  // A `$` or `#` that begins a directive's, a comment's or an unparsed block's token, or ends before `\\`.
  const prefixed = readAsVelocity17('$#if(true)x$!#end#*c*#$#* d *#x#\\\\y$#m(1)$#[[r]]#');
  assert.deepEqual([...prefixed.unprintedRuns], [[0, 1], [11, 13], [31, 32], [41, 42], [22, 23]]);
  assert.deepEqual([...prefixed.literalDirectiveEnds], [[36, 41]]);
  assert.deepEqual([...prefixed.textBlockContentFrom], [[42, 44]]);
  // Nesting deeper than any template gets no verdict rather than a stack overflow.
  assert.equal(readAsVelocity17('#if(1)'.repeat(5000)).failure, undefined);
});

test("a call of a macro never defined prints as written, with the blanks and line break 1.7's `)` token took", () => {
  const table: [template: string, expected: string][] = [
    ['a#b()\nY', 'a#b()\nY'],
    ['a#b() \t\r\nY', 'a#b() \t\r\nY'],
    ['#{b}(1)\n\nY', '#{b}(1)\n\nY'],
    ['#b()  x\nY', '#b()  x\nY'],
    ['#foreach($i in [1..2])#b($i)\n#end', '#b($i)\n#b($i)\n'],
    // A defined macro's call takes the line break and prints only the body.
    ['#macro(b)x#end#b()\nY', 'xY'],
  ];
  for (const [template, expected] of table) assert.equal(render(template).output, expected, JSON.stringify(template));
});
