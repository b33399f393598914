import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { JsonNodeType, NO_JSON_NODE, parseCompactJsonTree, type CompactJsonTree } from '../../shared/src/documents/compactJsonTree';
import { decodeJsonString } from '../../shared/src/documents/jsonString';
import { sourceTreeFromJson } from '../../shared/src/documents/jsonTree';
import { entryOf, valueOf, type SourceEntry } from '../../shared/src/documents/sourceTree';
import { parseApiDocument } from '../../shared/src/index';

test('JSON string literals decode to their text with one segment per verbatim run and per escape', () => {
  const check = (literal: string, text: string, segments: [number, number, number, number][]): void => {
    const document = `x:${literal};`;
    const decoded = decodeJsonString(document, 2, 2 + literal.length);
    assert.equal(decoded.text, text, literal);
    assert.deepEqual(
      decoded.segments.map((s) => [s.text, s.textLength, s.doc, s.docLength]),
      segments,
      literal,
    );
  };
  check('""', '', [[0, 0, 3, 0]]);
  check('"abc"', 'abc', [[0, 3, 3, 3]]);
  check('"a\\nb"', 'a\nb', [[0, 1, 3, 1], [1, 1, 4, 2], [2, 1, 6, 1]]);
  check('"\\u0041\\/"', 'A/', [[0, 1, 3, 6], [1, 1, 9, 2]]);
  // A surrogate pair written as two escapes: each half maps to its own escape.
  check('"\\ud83d\\ude00"', '\u{1F600}', [[0, 1, 3, 6], [1, 1, 9, 6]]);
  // Malformed escapes stay as written, inside the verbatim run around them.
  check('"a\\xb\\u12"', 'a\\xb\\u12', [[0, 8, 3, 8]]);
  check('"\\q\\t"', '\\q\t', [[0, 2, 3, 2], [2, 1, 5, 2]]);
  // A raw control character, which a strict parser refuses, is kept.
  check('"a\tb\\n"', 'a\tb\n', [[0, 3, 3, 3], [3, 1, 6, 2]]);
  // Unterminated: the text runs to the end of the token.
  check('"ab\\n', 'ab\n', [[0, 2, 3, 2], [2, 1, 5, 2]]);
});

test('a JSON key looked up by name finds the first of repeated keys, the entry whole-object reads give, and entries are counted alike', () => {
  const keys = Array.from({ length: 20 }, (_, i) => `"k${i}": ${i}`);
  for (const text of ['{"a": 1, "b": 2, "a": 3}', `{${keys.join(', ')}, "k3": "again"}`, '{"a": 1, : 2, "b": {"c": "d"}}']) {
    const lookedUp = sourceTreeFromJson(text, parseTree(text)!);
    const whole = sourceTreeFromJson(text, parseTree(text)!);
    assert.equal(whole.kind, 'map');
    if (whole.kind !== 'map' || lookedUp.kind !== 'map') continue;
    assert.equal(lookedUp.entryCount?.(), whole.entries.length, text);
    assert.equal(lookedUp.firstKey?.(), whole.entries[0]?.key.value, text);
    for (const entry of whole.entries) {
      const name = String(entry.key.value);
      const found = entryOf(lookedUp, name);
      const first: SourceEntry | undefined = whole.entries.find((e) => e.key.value === name);
      assert.deepEqual(found?.range, first?.range, `${text} ${name}`);
      assert.deepEqual(found?.value?.range, first?.value?.range, `${text} ${name}: value`);
      assert.deepEqual(valueOf(lookedUp, name)?.range, first?.value?.range, `${text} ${name}: value looked up`);
    }
    assert.equal(entryOf(lookedUp, 'missing'), undefined);
  }
});

test('repeated JSON keys are reported in small and large objects, and only when repeated', () => {
  const keys = (count: number): string => Array.from({ length: count }, (_, i) => `"/p${i}": {"get": {}}`).join(', ');
  const check = (paths: string, repeated: number): void => {
    const document = parseApiDocument(`{"openapi": "3.0.1", "paths": {${paths}}}`, 'api.json');
    assert.equal(document.problems.filter((p) => p.code === 'definition-repeated-key').length, repeated, paths);
  };
  check(keys(3), 0);
  check(`${keys(3)}, "/p1": {"get": {}}`, 1);
  check(keys(30), 0);
  check(`${keys(30)}, "/p29": {"get": {}}, "/p0": {"get": {}}`, 2);
});

/** A jsonc-parser node as the fields the compact tree keeps. */
interface PlainNode {
  type: string;
  offset: number;
  length: number;
  value?: unknown;
  children?: PlainNode[];
}

const TYPE_NAMES = ['object', 'array', 'property', 'string', 'number', 'boolean', 'null'];

function plainOfCompact(tree: CompactJsonTree, node: number): PlainNode {
  const plain: PlainNode = { type: TYPE_NAMES[tree.type(node)], offset: tree.offset(node), length: tree.length(node) };
  if (tree.type(node) >= JsonNodeType.String) plain.value = tree.literal(node);
  else {
    plain.children = [];
    for (let child = tree.firstChild(node); child !== NO_JSON_NODE; child = tree.nextSibling(child)) plain.children.push(plainOfCompact(tree, child));
  }
  return plain;
}

function plainOfJsonc(node: JsonNode): PlainNode {
  const plain: PlainNode = { type: node.type, offset: node.offset, length: node.length };
  if (node.children === undefined) plain.value = node.value;
  else plain.children = node.children.map(plainOfJsonc);
  return plain;
}

test('the compact JSON tree holds the nodes and errors of jsonc-parser parseTree, broken documents included', () => {
  const options = { allowTrailingComma: true, disallowComments: false };
  const check = (text: string): void => {
    const expectedErrors: ParseError[] = [];
    const expected = parseTree(text, expectedErrors, options);
    const errors: ParseError[] = [];
    const tree = parseCompactJsonTree(text, errors, options);
    assert.deepEqual(tree.root === NO_JSON_NODE ? undefined : plainOfCompact(tree, tree.root), expected && plainOfJsonc(expected), text.slice(0, 80));
    assert.deepEqual(errors, expectedErrors, text.slice(0, 80));
  };
  for (const text of [
    '',
    '   ',
    '1',
    '"s"',
    '{}',
    '[]',
    '{"a": 1, "b": [true, null, "x\\n"], "c": {"d": -1.5e3}}',
    '{"a": 1, "a": 2,}',
    '[1, 2,]',
    // Broken: missing values, colons, commas and closers, stray tokens, unterminated strings, comments.
    '{"a": }',
    '{"a" 1}',
    '{"a": 1 "b": 2}',
    '{"a": 1, : 2, "b": {"c": "d"}}',
    '{"a": [1, 2}',
    '{"a": {"b": 1]',
    '[1 2 3',
    '{"a": "unterminated\n}',
    '{"a": "bad \\x escape"}',
    '{"a": // comment\n 1 /* block */}',
    '{"a": 1} trailing',
    '{"a": 1}}',
    ']',
    '{{',
    '{"a": tru, "b": nul}',
    // Numbers and strings the text gives back only with care.
    '[-, 1e, 01, -0, 1.5E+3, 0x10, .5]',
    '["\\u0041\\/", "a\tb", "\\ud83d\\ude00", "q\\"", "\\u12", "\\x", "ab\\n',
    '{"ab\\"\n: 1}',
    '{"\\u0061": 1, "a": 2, "\\n": 3, "\\\\n": 4}',
  ]) {
    check(text);
  }
  for (const name of readdirSync('test/corpus').filter((n) => n.endsWith('.json'))) check(readFileSync(`test/corpus/${name}`, 'utf8'));
});

test('compact JSON string comparisons agree with the decoded strings', () => {
  const text = '{"a": 1, "\\u0061": 2, "ab": 3, "a\\/": 4, "a/": 5, "\\n": 6, "\\\\n": 7, "n": 8, "": 9, "\\x": 10, "x": 11}';
  const tree = parseCompactJsonTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const keys: number[] = [];
  for (let property = tree.firstChild(tree.root); property !== NO_JSON_NODE; property = tree.nextSibling(property)) keys.push(tree.firstChild(property));
  const names = keys.map((key) => tree.literal(key) as string);
  assert.deepEqual(names, ['a', 'a', 'ab', 'a/', 'a/', '\n', '\\n', 'n', '', '', 'x']);
  for (const [i, key] of keys.entries()) {
    for (const name of [...names, 'b', '\\']) assert.equal(tree.stringEquals(key, name), names[i] === name, `${JSON.stringify(names[i])} = ${JSON.stringify(name)}`);
    for (const [j, other] of keys.entries()) assert.equal(tree.sameString(key, other), names[i] === names[j], `${i} ${j}`);
  }
});
