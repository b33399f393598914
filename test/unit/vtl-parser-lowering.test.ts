import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import velocity from 'velocityjs';
import { parseVtl, toVelocityjsAst, type VelocityjsNode } from '../../shared/src/vtl/parser/index';
import { readAsVelocity17 } from '../../shared/src/vtl/parser/velocity17Check';

/** velocityjs's tree and ours, without positions, keys sorted. */
function canonical(tree: unknown): string {
  return JSON.stringify(tree, (key, value) => {
    if (key === 'pos' || key === 'span') return undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]));
    }
    return value;
  });
}

function ours(text: string): VelocityjsNode[] {
  return toVelocityjsAst(parseVtl(text).ast);
}

/**
 * Deliberate difference: Velocity 1.7 swallows spaces and tabs before `#set` when no text precedes
 * them on the line, or when a backslash does (it ends 1.7's text token); velocityjs keeps them. Applied to velocityjs's tree to compare the rest.
 */
function withoutIndentBeforeSet(nodes: VelocityjsNode[]): VelocityjsNode[] {
  const out: VelocityjsNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (typeof node === 'string' && /^[ \t]+$/.test(node)) {
      // A run of space-only texts right before a #set, with no other text before the run.
      let j = i;
      while (typeof nodes[j] === 'string' && /^[ \t]*$/.test(nodes[j] as string)) j++;
      const next = nodes[j];
      const previous = out[out.length - 1];
      const beforeSet = next !== undefined && typeof next === 'object' && !Array.isArray(next) && next.type === 'set';
      if (beforeSet && (previous === undefined || typeof previous !== 'string' || previous.endsWith('\\'))) {
        for (let k = i; k < j; k++) if (nodes[k] === '') out.push('');
        i = j - 1;
        continue;
      }
    }
    out.push(Array.isArray(node) ? withoutIndentBeforeSet(node) : node);
  }
  return out;
}

function assertSameAsVelocityjs(text: string, label: string): void {
  const difference = differenceFromVelocityjs(text, label);
  if (difference) assert.fail(difference);
}

function differenceFromVelocityjs(text: string, label: string): string | undefined {
  const theirs = withoutIndentBeforeSet(velocity.parse(text) as VelocityjsNode[]);
  const expected = canonical(theirs);
  const actual = canonical(ours(text));
  if (actual === expected) return undefined;
  let at = 0;
  while (actual[at] === expected[at]) at++;
  return (`${label}: ${JSON.stringify(text)}\n  velocityjs: …${expected.slice(Math.max(0, at - 80), at + 120)}\n  ours:       …${actual.slice(Math.max(0, at - 80), at + 120)}`);
}

interface CorpusTemplate {
  source: string;
  template: string;
}

test('lowering matches velocityjs on every corpus and conformance template', () => {
  const corpus: CorpusTemplate[] = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/vtl/corpus-templates.json'), 'utf8'));
  assert.ok(corpus.length >= 70);
  for (const { source, template } of corpus) assertSameAsVelocityjs(template, source);
});

/** mulberry32: a small full-period generator, so generated templates do not repeat. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('velocityjs renders the lowered corpus exactly as its own parse', () => {
  const corpus: CorpusTemplate[] = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/vtl/corpus-templates.json'), 'utf8'));
  const body = { a: 'x', items: [{ id: 1, name: 'n"1' }, { id: 2, name: 'n2' }], error: 'customerror' };
  const context = () => ({
    input: {
      path: () => body,
      json: () => JSON.stringify(body),
      params: (name?: string) => (name ? 'p' : { header: { h: 'v' }, path: {}, querystring: { q: '1' } }),
      body: JSON.stringify(body),
    },
    util: { escapeJavaScript: (s: unknown) => String(s).replace(/"/g, '\\"'), urlEncode: encodeURIComponent, base64Encode: (s: string) => s },
    context: { requestId: 'r-1', stage: 'dev', responseOverride: { status: 200, header: {} }, identity: { sourceIp: '1.2.3.4' } },
    stageVariables: { env: 'dev' },
  });
  let rendered = 0;
  for (const { source, template } of corpus) {
    const theirs = withoutIndentBeforeSet(velocity.parse(template) as VelocityjsNode[]);
    const expected = new velocity.Compile(theirs as never).render(context());
    assert.equal(new velocity.Compile(ours(template) as never).render(context()), expected, source);
    rendered += expected.length;
  }
  assert.ok(rendered > 2000, 'the corpus renders to real output');
});

/** Deterministic template generator over the constructs API Gateway templates use. */
function generator(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const texts = ['{"a": ', '"x"', ' ', '\n', ', ', '}', 'hello', '  ', '[', ']', ':', '\n  ', ' = ', 'a.b', '(x)', '50%', '$', '#', '#x', '\\$a', '\\#if', '\\\\$a', '{', '.'];
  const names = ['a', 'b', 'inputRoot', 'elem', 'x-y', '_v'];
  const reference = (): string => {
    const leader = pick(['$', '$', '$!']);
    let path = '';
    const segments = Math.floor(random() * 3);
    for (let i = 0; i < segments; i++) {
      path += pick([`.${pick(names)}`, `.get(${literal()})`, `.size()`, `[${pick(['0', '"k"', '$i', '-1'])}]`, `.path('$.a')`, `.m(${literal()}, ${simpleValue()})`]);
    }
    const name = pick(names);
    return random() < 0.2 ? `${leader}{${name}${path}}` : `${leader}${name}${path}`;
  };
  const literal = (): string => pick(['1', '-2', '2.5', '"s"', "'t'", '"x$a"', 'true', 'false', 'null', '01']);
  const simpleValue = (): string => (random() < 0.5 ? literal() : reference().replace('$!', '$'));
  const operand = (depth: number): string => {
    if (depth > 1 || random() < 0.6) return simpleValue();
    return `(${expression(depth + 1)})`;
  };
  const expression = (depth = 0): string => {
    // One operator level per expression: mixing levels is where velocityjs and 1.7 disagree.
    const level = pick([['+', '-'], ['*', '/', '%'], ['&&', 'and'], ['||', 'or'], ['==', '!=', 'eq', 'ne'], ['<', '>', '<=', '>=', 'lt', 'ge']]);
    let out = operand(depth);
    const more = Math.floor(random() * 3);
    for (let i = 0; i < more; i++) out += ` ${pick(level)} ${operand(depth)}`;
    if (random() < 0.15) out = `!${operand(depth)}`;
    return out;
  };
  const value = (): string =>
    pick([expression(), '[1, "2", $a]', '[]', '[1..3]', '[$a..$b]', '{"k": 1, "m": $a.b}', '{}', '{"l": [1]}']);
  const statement = (depth: number): string => {
    const r = random();
    if (r < 0.3) return pick(texts);
    if (r < 0.55) return reference();
    if (depth > 2) return pick(texts);
    const body = () => statements(depth + 1, 1 + Math.floor(random() * 4));
    return pick([
      () => `x#set($${pick(names)} = ${value()})`,
      () => `#if(${expression()})${body()}#end`,
      () => `#if(${expression()})${body()}#else${body()}#end`,
      () => `#if(${expression()})${body()}#elseif(${expression()})${body()}#{else}${body()}#{end}`,
      () => `#foreach($i in ${pick(['$list', '$a.b()', '[1..3]', '[1, 2]'])})${body()}#if($foreach.hasNext),#end#end`,
      () => '#break',
      () => '## note\n',
      () => ' #* block\n *#',
      () => '#[[raw $x]]#',
      () => `#macro(m $p)${body()}#end#m(${literal()} $a)`,
      () => `#define($d)${body()}#end`,
      () => `#evaluate("$a")`,
      () => `#stop()`,
      () => '\n#set($z = 1)\n',
    ])();
  };
  const statements = (depth: number, count: number): string => {
    let out = '';
    for (let i = 0; i < count; i++) out += statement(depth);
    return out;
  };
  return () => statements(0, 1 + Math.floor(random() * 8));
}

test('lowering matches velocityjs on generated templates', () => {
  const next = generator(20260521);
  let compared = 0;
  const differences: string[] = [];
  for (let n = 0; n < 900; n++) {
    const text = next();
    if (ESCAPE_AFTER_REFERENCE.test(text) || CALL_ON_NAME.test(text)) continue;
    if (LITERAL_BACKSLASH.test(text) || TEXT_BEFORE_ESCAPED_DIRECTIVE.test(text) || DIRECTIVE_NAME_THEN_AT.test(text) || HASHES_AFTER_PROPERTY.test(text) || hasBareReference(text) || hasPrefixedToken(text)) continue;
    if (TOKEN_THEN_BLANKS_THEN_SET.test(text)) continue;
    try {
      velocity.parse(text);
    } catch {
      continue; // velocityjs rejects it: nothing to compare
    }
    // velocityjs repeats an unclosed block's content after it (a deliberate difference, tested below).
    if (parseVtl(text).problems.some((p) => p.code === 'vtl-unclosed-block')) continue;
    const difference = differenceFromVelocityjs(text, `generated #${n}`);
    if (difference) differences.push(difference);
    compared++;
  }
  assert.ok(compared >= 500, `only ${compared} generated templates were comparable`);
  assert.deepEqual(differences, []);
});

test('lowering matches velocityjs on directives with awkward spacing and every operator', () => {
  const random = seededRandom(4242);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const space = () => pick(['', '', ' ', '  ', '\n', '\t']);
  const atom = () =>
    pick(['$a', '$a.b', '$a.b()', '$a.b(1)', "$a.b('x', $c)", '$a[0]', '$a["k"]', '$a[$i]', '${a}', '$!a', '1', '-1', '1.5', '-1.5', '"s"', "'s'", '"x$a"', 'true', 'false', 'null', '0', '"a\\"b"', "'a\\'b'", '$a.b[1].c', '$a-b', '$_', '$a.get("k").size()']);
  let level: readonly string[] = [];
  const expression = (depth = 0): string => {
    const r = random();
    if (depth > 2 || r < 0.4) return atom();
    if (r < 0.55) return `(${space()}${expression(depth + 1)}${space()})`;
    if (r < 0.65) return `!${space()}${expression(depth + 1)}`;
    if (r < 0.7) return `-(${expression(depth + 1)})`;
    return `${expression(depth + 1)}${space()}${pick(level)}${space()}${expression(depth + 1)}`;
  };
  const value = () =>
    pick([expression(), expression(), `[${space()}${atom()}${space()},${space()}${atom()}${space()}]`, '[]', `[${space()}1${space()}..${space()}$n${space()}]`, `{${space()}"k"${space()}:${space()}${atom()}${space()},${space()}'m'${space()}:${space()}[1]${space()}}`, '{}', '[-1..-3]', '{"a":{"b":1}}', '[[1],[2]]']);
  const statement = () =>
    pick([
      () => `#set(${space()}$x${space()}=${space()}${value()}${space()})`,
      () => `#set($x.y = ${value()})`,
      () => `#if(${space()}${expression()}${space()})A#elseif(${expression()})B#else C#end`,
      () => `#foreach(${space()}$i${space()}in${space()}${pick(['$l', '$a.b()', '[1..3]', '[$a, $b]', '$a.keySet()', '{"a":1}'])}${space()})$i#end`,
      () => `#m(${atom()}${pick([' ', ', ', ',', '  '])}${atom()})`,
      () => `#macro(${space()}m${space()}$p${pick([' ', '  '])}$q${space()})$p#end`,
      () => `$a.b(${atom()}${pick([',', ', ', ' ,'])}${atom()})`,
      () => `#define( $d )x#end`,
      () => `#evaluate(${atom()})`,
    ])();
  const levels = [['+', '-'], ['*', '/', '%'], ['==', '!=', 'eq', 'ne'], ['<', '>', '<=', '>=', 'lt', 'gt', 'le', 'ge'], ['&&', 'and'], ['||', 'or']];
  const differences: string[] = [];
  let compared = 0;
  for (let n = 0; n < 1500; n++) {
    level = pick(levels);
    const text = statement() + pick(['', '\n', ' x']);
    try {
      velocity.parse(text);
    } catch {
      continue;
    }
    const difference = differenceFromVelocityjs(text, `directive #${n}`);
    if (difference) differences.push(difference);
    compared++;
  }
  assert.ok(compared >= 1200, `only ${compared} templates were comparable`);
  assert.deepEqual(differences, []);
});

/**
 * A backslash escape right after a reference (or a `#end` that follows one): Velocity 1.7 escapes,
 * velocityjs prints the backslash (a deliberate difference, tested below).
 */
const ESCAPE_AFTER_REFERENCE = /[\w)\]}-]\\+[$#]/;

/**
 * Backslashes that 1.7 prints as they are (velocityjs halves them and escapes): before a `#` with no
 * directive name after it (`\\#a`, `\\## c`), before a `$` that starts no reference (`\\$1`), and after
 * a `$` or `#` printed as text (`$\\$a`). Tested below.
 */
const LITERAL_BACKSLASH =
  /[$#]\\+\$|\\+#(?!\{?(?:set|if|elseif|else|end|foreach|break|stop|macro|define|evaluate|include|parse)\}?(?![\w@]))|\\+\$(?!!?\{?[a-zA-Z_])/;

/** A `$` or `#` printed as text right before an escaped directive: 1.7 drops it (`$\#if` prints `#if`; tested below). */
const TEXT_BEFORE_ESCAPED_DIRECTIVE = /[$#]\\+#/;

/** A directive name followed by `@` is text in 1.7 (`#end@`); velocityjs reads the directive (tested below). */
const DIRECTIVE_NAME_THEN_AT = /#\{?(?:set|if|elseif|else|end|foreach|break|stop|macro|define)\}?@/;

/**
 * `##` while 1.7's lexer is still in the state a property left it in (`$a.b##`, `$a.b[1]##`, `$a.b${c}##`,
 * `$a.b$c#end##`) is text in 1.7, a comment in velocityjs (tested below).
 */
const HASHES_AFTER_PROPERTY = /\.[a-zA-Z_][\w-]*(?:\[[^\]]*\]|\$!?\{?[\w.-]*\}?|#\{?end\}?)*##/;

/** A name with modifiers right after a reference ending in `)` or `]` (`$a.b()x[1]`): a `$`-less reference in 1.7, text in velocityjs (tested below). */
function hasBareReference(text: string): boolean {
  return readAsVelocity17(text).bareReferences.size > 0;
}

/**
 * A `$` or `#` that begins the token of a directive, a block comment, an unparsed block or that ends right
 * before `\\` (`$#if`, `$#*`, `$#[[`, `#\\`): 1.7 prints none of it, and takes `$#m()` as text; velocityjs
 * prints the `$` and reads the rest (tested below).
 */
function hasPrefixedToken(text: string): boolean {
  const reading = readAsVelocity17(text);
  return reading.unprintedRuns.size > 0 || reading.literalDirectiveEnds.size > 0;
}

/**
 * Blanks before `#set` after a text `$`, `#`, backslash or `#word`: 1.7 ends its text token there, so the
 * blanks (and a lone `$`/`#`) go with the `#set`; velocityjs keeps them (tested below).
 */
const TOKEN_THEN_BLANKS_THEN_SET = /(?:[$#\\]|#\{?(?!(?:end|else|break|stop)\b)[a-zA-Z0-9_]+\}?)[ \t]*#\{?set\b/;

/** `$name(` in text: Velocity 1.7 prints the parenthesis, velocityjs calls `name` (tested below). */
const CALL_ON_NAME = /\$!?\{?[a-zA-Z_][\w-]*\(/;

/** `#name(` where no argument can follow: velocityjs's lexer is left in a state not reproduced here. */
const CALL_WITHOUT_ARGUMENT = /#[a-zA-Z_][\w-]*[ ]*\((?!\s*[$'"[{\-0-9\w()!])/;

test('lowering matches velocityjs on short templates made of lexically awkward pieces', () => {
  const pieces = ['$a', '$!a', '${a}', '$!{a}', '$a.b', '$a.b()', '$a[0]', '$a.b(1)', ' ', '\n', '  ', '\t', 'x', '.', ',', '}', '{', '(', ')', '[', ']', '$', '#', '\\', '\\\\', '#if($a)', '#else', '#end', '#{end}', '#{else}', '#set($x = 1)', '#foreach($i in $l)', '#break', '## c\n', '#[[r]]#', '#m()', '#x', '!', '-', '"', "'", ':', '=', '$1', '#1', '*', '@', 'in', 'end', '  }', '\n}', '$a-', '-b', '#*'];
  const random = seededRandom(99);
  const differences: string[] = [];
  let compared = 0;
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const length = 1 + Math.floor(random() * 6);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    if (CALL_WITHOUT_ARGUMENT.test(text) || ESCAPE_AFTER_REFERENCE.test(text) || CALL_ON_NAME.test(text)) continue;
    if (LITERAL_BACKSLASH.test(text) || TEXT_BEFORE_ESCAPED_DIRECTIVE.test(text) || DIRECTIVE_NAME_THEN_AT.test(text) || HASHES_AFTER_PROPERTY.test(text) || hasBareReference(text) || hasPrefixedToken(text)) continue;
    if (TOKEN_THEN_BLANKS_THEN_SET.test(text)) continue;
    try {
      velocity.parse(text);
    } catch {
      continue;
    }
    if (parseVtl(text).problems.some((p) => p.code === 'vtl-unclosed-block')) continue;
    const difference = differenceFromVelocityjs(text, `piece #${n}`);
    if (difference) differences.push(difference);
    compared++;
  }
  assert.ok(compared >= 2000, `only ${compared} templates were comparable`);
  assert.deepEqual(differences, []);
});

test('a name with modifiers after a reference ending in `)` or `]` is 1.7\'s `$`-less reference: only the name prints', () => {
  const call = { type: 'references', id: 'a', leader: '$', path: [{ type: 'method', id: 'b', args: false }], prue: true };
  const check = (text: string, expected: unknown) => assert.equal(canonical(ours(text)), canonical(expected), text);
  check('$a.b()x[1].y|', [call, 'x', '|']);
  check('$a.b()x.f($l.add(1))y[0]|', [call, 'x', 'y', '|']);
  check('$a.b()#set($c = 1)x.y|', [call, { type: 'set', equal: [{ type: 'references', id: 'c', leader: '$' }, { type: 'integer', value: '1' }] }, 'x', '|']);
  // A name alone, or after a space or a formal reference, stays text.
  check('$a.b()x y[1]', [call, 'x', ' ', 'y[1]']);
  check('$a.b() x[1]', [call, ' ', 'x[1]']);
});

test('a defined macro\'s name without parentheses is a call (velocityjs: text); the line break after it stays', () => {
  const check = (text: string, expected: unknown) => assert.equal(canonical(ours(text)), canonical(expected), text);
  check('#macro(a)X#end#a\nY', [[{ type: 'macro', id: 'a' }, 'X'], { type: 'macro_call', id: 'a', bare: true }, '\nY']);
  check('#x y', ['#x', ' y']);
});

test('deliberate differences: the lowering renders like Velocity 1.7 where velocityjs does not', () => {
  const check = (text: string, expected: unknown, velocityjsGives: unknown) => {
    assert.equal(canonical(ours(text)), canonical(expected), text);
    assert.equal(canonical(velocity.parse(text)), canonical(velocityjsGives), `velocityjs changed: ${text}`);
  };
  const ref = (id: string) => ({ type: 'references', id, leader: '$' });
  // A bare #stop stops (velocityjs prints it as text).
  check('a#stop b', ['a', { type: 'macro_call', id: 'stop' }, ' b'], ['a', '#s', 'top b']);
  // Formal directives #{if} … #{end}.
  check('#{if}($a)x#{end}', [[{ type: 'if', condition: ref('a') }, 'x']], ['#{', 'if}(', { ...ref('a'), prue: true }, ')', 'x']);
  // Spaces before #set with no text before them on the line, even in several pieces after a reference.
  check('$b  #set($a = 1)x', [{ ...ref('b'), prue: true }, { type: 'set', equal: [ref('a'), { type: 'integer', value: '1' }] }, 'x'], [
    { ...ref('b'), prue: true },
    ' ',
    ' ',
    { type: 'set', equal: [ref('a'), { type: 'integer', value: '1' }] },
    'x',
  ]);
  // Indentation before #set at the start of a line with nothing else before it.
  check('  #set($a = 1)\ny', [{ type: 'set', equal: [ref('a'), { type: 'integer', value: '1' }] }, 'y'], [
    '  ',
    { type: 'set', equal: [ref('a'), { type: 'integer', value: '1' }] },
    'y',
  ]);
  // A block comment right after a reference is a comment (velocityjs prints it).
  check('$a#* c *#', [{ ...ref('a'), prue: true }, { type: 'comment', value: '#* c *#' }], [{ ...ref('a'), prue: true }, '#*', ' ', 'c *', '#']);
  // `${ a }` is text in 1.7 (velocityjs reads a reference).
  check('${ a }', ['$', '{ a }'], [{ ...ref('a'), isWraped: true, prue: true }]);
  // `$name(s)` in text is the reference and the text `(s)`.
  check('$name(s)', [{ ...ref('name'), prue: true }, '(', 's)'], [{ ...ref('name'), args: [{ type: 'runt', value: 's' }], prue: true }]);
  // An escape right after a reference.
  check('$a\\$b', [{ ...ref('a'), prue: true }, '$', 'b'], [{ ...ref('a'), prue: true }, '\\', { ...ref('b'), prue: true }]);
  // Backslashes that escape nothing in 1.7 stay (checked against the 1.7 jar: \#a, \$1, $\V).
  check('\\#a', ['\\', '#a'], ['#', 'a']);
  check('\\$1', ['\\', '$', '1'], ['$', '1']);
  check('$\\$b', ['$', '\\', { ...ref('b'), prue: true }], ['$', '$', 'b']);
  // `##` right after a reference ending in a property is text in 1.7 (the jar prints `K## c`).
  check('$a.b## c', [{ ...ref('a'), path: [{ type: 'property', id: 'b' }], prue: true }, '#', '#', ' c'], [{ ...ref('a'), path: [{ type: 'property', id: 'b' }], prue: true }, { type: 'comment', value: '## c' }]);
  // Also after an index or a `${…}` that follows the property (the jar prints `K## c` for both).
  const property = { ...ref('a'), path: [{ type: 'property', id: 'b' }], prue: true };
  check('$a.b[1]## c', [{ ...property, path: [...property.path, { type: 'index', id: { type: 'integer', value: '1' } }] }, '#', '#', ' c'], [
    { ...property, path: [...property.path, { type: 'index', id: { type: 'integer', value: '1' } }] },
    { type: 'comment', value: '## c' },
  ]);
  check('$a.b${c}## c', [property, { ...ref('c'), isWraped: true, prue: true }, '#', '#', ' c'], [property, { ...ref('c'), isWraped: true, prue: true }, { type: 'comment', value: '## c' }]);
  // A `$` or `#` printed as text right before an escaped directive is dropped (the jar prints `#if` and `#set(`).
  check('$\\#if', ['#', 'if'], ['$', '#', 'if']);
  check('#\\#set(', ['#', 'set('], ['#', '#', 'set(']);
  // A `$` or `#` that begins a directive's or a comment's token, or ends before `\\`, prints nothing (the
  // jar prints `T`, `ab`, `\\`); a directive name taken with its `$` is text (the jar prints `$#m()`).
  check('$#if(true)T#end', [[{ type: 'if', condition: { type: 'bool', value: 'true' } }, 'T']], ['$', [{ type: 'if', condition: { type: 'bool', value: 'true' } }, 'T']]);
  check('a$#* c *#b', ['a', { type: 'comment', value: '#* c *#' }, 'b'], ['a', '$', { type: 'comment', value: '#* c *#' }, 'b']);
  check('#\\\\', ['\\\\'], ['#', '\\\\']);
  check('$#m()', ['$', '#m()'], ['$', { type: 'macro_call', id: 'm' }]);
  // An unparsed block after `$` prints from the third character of its token (the jar prints `[r`).
  check('$#[[r]]#', [{ type: 'raw', value: '[r' }], ['$', { type: 'raw', value: 'r' }]);
  // Blanks before #set after `#word` go, and a lone `#` with them (the jar prints `a#bb` and `ab`).
  const set = { type: 'set', equal: [ref('x'), { type: 'integer', value: '1' }] };
  check('a#b #set($x = 1)b', ['a', '#b', set, 'b'], ['a', '#b', ' ', set, 'b']);
  check('a# #set($x = 1)b', ['a', set, 'b'], ['a', '#', ' ', set, 'b']);
  // A directive name followed by `@` is text in 1.7; velocityjs reads `#end`.
  check('#end@', ['#e', 'nd@'], []);
  // An unclosed block (a parse error in 1.7) ends at the end of the template; velocityjs repeats its content.
  check('#if($a)x', [[{ type: 'if', condition: ref('a') }, 'x']], [[{ type: 'if', condition: ref('a') }, 'x'], 'x']);
  // A line break after a directive is dropped when written as \r\n too.
  check('#set($a = 1)\r\ny', [{ type: 'set', equal: [ref('a'), { type: 'integer', value: '1' }] }, 'y'], [
    { type: 'set', equal: [ref('a'), { type: 'integer', value: '1' }] },
    '\r\ny',
  ]);
  // && binds tighter than ||.
  check(
    '#set($x = $a || $b && $c)',
    [{ type: 'set', equal: [ref('x'), { type: 'math', operator: '||', expression: [ref('a'), { type: 'math', operator: '&&', expression: [ref('b'), ref('c')] }] }] }],
    [{ type: 'set', equal: [ref('x'), { type: 'math', operator: '&&', expression: [{ type: 'math', operator: '||', expression: [ref('a'), ref('b')] }, ref('c')] }] }],
  );
  // Relational operators bind tighter than equality.
  check(
    '#set($x = $a == $b < $c)',
    [{ type: 'set', equal: [ref('x'), { type: 'math', operator: '==', expression: [ref('a'), { type: 'math', operator: '<', expression: [ref('b'), ref('c')] }] }] }],
    [{ type: 'set', equal: [ref('x'), { type: 'math', operator: '<', expression: [{ type: 'math', operator: '==', expression: [ref('a'), ref('b')] }, ref('c')] }] }],
  );
});

test('templates velocityjs rejects but Velocity 1.7 accepts are lowered the 1.7 way', () => {
  const ref = (id: string) => ({ type: 'references', id, leader: '$' });
  const check = (text: string, expected: unknown) => {
    assert.throws(() => velocity.parse(text), Error, `velocityjs now parses ${text}`);
    assert.equal(canonical(ours(text)), canonical(expected), text);
  };
  // A doubled quote is a quote (checked against the 1.7 jar: prints x"y).
  check('#set($a = "x""y")', [{ type: 'set', equal: [ref('a'), { type: 'string', value: 'x"y', isEval: true }] }]);
  check("#set($a = 'it''s')", [{ type: 'set', equal: [ref('a'), { type: 'string', value: "it's" }] }]);
});

test('lowered nodes keep template positions for runtime errors', () => {
  const text = 'a\n  $input.path("$.x").foo';
  const [, reference] = ours(text) as [string, { pos: unknown; span: unknown; path: { span: unknown }[] }];
  assert.deepEqual(reference.span, { start: 4, end: 26 });
  assert.deepEqual(reference.pos, { first_line: 2, last_line: 2, first_column: 2, last_column: 24 });
  assert.deepEqual(reference.path[1].span, { start: 22, end: 26 });
});
