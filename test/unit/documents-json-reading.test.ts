import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { decodeJsonString } from '../../shared/src/documents/jsonString';
import { sourceTreeFromJson } from '../../shared/src/documents/jsonTree';
import { entryOf, type SourceEntry } from '../../shared/src/documents/sourceTree';
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

test('a JSON key looked up by name finds the first of repeated keys, the same entry whole-object reads give, and entries are counted alike', () => {
  const keys = Array.from({ length: 20 }, (_, i) => `"k${i}": ${i}`);
  for (const text of ['{"a": 1, "b": 2, "a": 3}', `{${keys.join(', ')}, "k3": "again"}`, '{"a": 1, : 2, "b": {"c": "d"}}']) {
    const lookedUp = sourceTreeFromJson(text, parseTree(text)!);
    const whole = sourceTreeFromJson(text, parseTree(text)!);
    assert.equal(whole.kind, 'map');
    if (whole.kind !== 'map' || lookedUp.kind !== 'map') continue;
    assert.equal(lookedUp.entryCount?.(), whole.entries.length, text);
    for (const entry of whole.entries) {
      const name = String(entry.key.value);
      const found = entryOf(lookedUp, name);
      const first: SourceEntry | undefined = whole.entries.find((e) => e.key.value === name);
      assert.deepEqual(found?.range, first?.range, `${text} ${name}`);
      // Once read whole, a lookup gives the very entry the whole read holds.
      assert.equal(entryOf(lookedUp, name), lookedUp.entries.find((e) => e.key.value === name), name);
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
