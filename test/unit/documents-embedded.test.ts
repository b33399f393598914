import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { documentToEmbeddedOffset, embeddedRangeToDocument, embeddedToDocumentOffset, parseApiDocument } from '../../shared/src/index';
import type { EmbeddedText } from '../../shared/src/model/types';
import { parseJsonSourceTree, sourceTreeFromJson } from '../../shared/src/documents/jsonTree';
import { parseYamlTree } from '../../shared/src/documents/yamlTree';
import { valueOf, type SourceScalar } from '../../shared/src/documents/sourceTree';
import { seededRandom as random } from '../fixtures/definitions/random';

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

function sourceOf(pieces: readonly string[], next: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += pick(next, pieces);
  return out;
}

/** The embedded text of the value under key `v` of a one-key JSON object or YAML mapping. */
function embeddedOf(document: string, format: 'json' | 'yaml'): EmbeddedText {
  if (format === 'json') {
    const root = parseTree(document);
    assert.ok(root);
    // Read both ways: from a node jsonc-parser built, and from the text as definitions are read.
    const fromNode = (valueOf(sourceTreeFromJson(document, root), 'v') as SourceScalar).embedded();
    const fromText = (valueOf(parseJsonSourceTree(document, [], {}), 'v') as SourceScalar).embedded();
    assert.deepEqual({ ...fromText, segments: fromText.segments }, { ...fromNode, segments: fromNode.segments }, document);
    return fromText;
  }
  const tree = parseYamlTree(document);
  assert.deepEqual(tree.problems, [], document);
  return (valueOf(tree.root, 'v') as SourceScalar).embedded();
}

/** Characters a decoded character may come from when it is not a copy: escapes, quotes doubled, folds. */
const producers = new Set(['\\', "'", ' ', '\t', '\n', '\r']);

/**
 * The map's contract: every decoded offset goes to the document and back to itself, the document
 * character there produced it, and the decoded text is what the parser itself decodes.
 */
function checkRoundTrip(document: string, format: 'json' | 'yaml'): void {
  checkMap(document, format);
  // Windows line ends: the `\r` belongs to the line break and decodes to nothing of its own.
  if (format === 'yaml' && document.includes('\n')) checkMap(document.replace(/\n/g, '\r\n'), format);
}

function checkMap(document: string, format: 'json' | 'yaml'): void {
  const embedded = embeddedOf(document, format);
  const expected = format === 'json' ? (JSON.parse(document) as { v: string }).v : String((parseYaml(document) as { v: unknown }).v ?? '');
  checkEmbedded(document, embedded, expected, JSON.stringify(document));
}

function checkEmbedded(document: string, embedded: EmbeddedText, expected: string, label: string): void {
  assert.equal(embedded.text, expected, `decoded text of ${label}`);
  assert.equal(embedded.approximate, undefined, `exact map for ${label}`);
  for (let t = 0; t < embedded.text.length; t++) {
    const d = embeddedToDocumentOffset(embedded, t);
    assert.equal(documentToEmbeddedOffset(embedded, d), t, `offset ${t} of ${label}`);
    const produced = document[d];
    assert.ok(
      produced === embedded.text[t] || producers.has(produced) || /[0-9a-fA-FxuU"\/bfnrtvNLP_ae]/.test(produced),
      `offset ${t} (${JSON.stringify(embedded.text[t])}) maps to ${JSON.stringify(produced)} in ${label}`,
    );
    if (produced === embedded.text[t] && !producers.has(produced)) continue;
    // A character that is not a plain copy must come from an escape, a doubled quote or a fold.
    const around = document.slice(Math.max(0, d - 9), d + 1);
    assert.ok(/[\\'\s]/.test(around), `offset ${t} of ${label}`);
  }
  assert.equal(documentToEmbeddedOffset(embedded, embedded.range.start - 1), undefined);
  assert.equal(documentToEmbeddedOffset(embedded, embedded.range.end + 1), undefined);
}

const words = ['a', 'Ab', '$input.path', '(', ')', '{', '}', '#set', '=', '"x"', 'é', '😀', '0', '.*', '[', ']', '$'];

test('JSON strings map both ways with every escape', () => {
  const pieces = [...words, '\\"', '\\\\', '\\/', '\\n', '\\t', '\\b', '\\f', '\\r', '\\u0041', '\\u00e9', '\\ud83d\\ude00', ' '];
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    checkRoundTrip(`{"v": "${sourceOf(pieces, next, Math.floor(next() * 30))}"}`, 'json');
  }
});

test('YAML double-quoted scalars map both ways with escapes, continuations and folding', () => {
  const pieces = [...words, ' ', '  ', '\\"', '\\\\', '\\n', '\\t', '\\x41', '\\u00e9', '\\U0001F600', '\\/', '\\0', '\\_', '\\ ', '\\\n    ', '\n    ', '\n\n    ', ' \n   ', "'"];
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    checkRoundTrip(`v: "${sourceOf(pieces, next, Math.floor(next() * 30))}"\nw: 1\n`, 'yaml');
  }
});

test('YAML single-quoted scalars map both ways with doubled quotes and folding', () => {
  const pieces = [...words, ' ', "''", '\n  ', '\n\n  ', '  \n   ', '"', '\\'];
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    checkRoundTrip(`v: '${sourceOf(pieces, next, Math.floor(next() * 30))}'\nw: 1\n`, 'yaml');
  }
});

test('YAML plain scalars over several lines map both ways', () => {
  const pieces = ['a', 'Ab', '$input.path', '(', ')', '.*', '4\\d{2}', 'é', ' ', '\n  ', '\n\n  ', ' \n   '];
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    const body = sourceOf(pieces, next, 1 + Math.floor(next() * 20)).trim();
    if (body === '') continue;
    checkRoundTrip(`v: x${body}\nw: 1\n`, 'yaml');
  }
});

test('YAML block scalars map both ways with every header', () => {
  const headers = ['|', '|-', '|+', '>', '>-', '>+', '|2', '>2', '|2-', '>+2'];
  const lines = ['#set($a = 1)', '$input.json("$")', 'folded text', '  more indented', '', '   ', '\t tab start', '"quoted"'];
  for (let seed = 1; seed <= 400; seed++) {
    const next = random(seed);
    const header = pick(next, headers);
    const count = 1 + Math.floor(next() * 6);
    const body: string[] = [];
    for (let i = 0; i < count; i++) body.push(pick(next, lines));
    if (!/^[^ \t]/.test(body[0]) && !/\d/.test(header)) body[0] = 'first';
    const trailing = '\n'.repeat(Math.floor(next() * 3));
    const document = `root:\n  v: ${header}\n${body.map((line) => (line === '' ? '' : `    ${line}`)).join('\n')}\n${trailing}  w: 1\n`;
    // Nested one level, as templates are; the helper reads `v` at the top, so lift it.
    const lifted = document.replace(/^root:\n/, '').replace(/^ {2}/gm, '');
    checkRoundTrip(lifted, 'yaml');
  }
});

/** Marks `[[…]]` in a document: the decoded range [start, end) must map to exactly the marked characters. */
function checkRange(marked: string, format: 'json' | 'yaml', decodedStart: number, decodedEnd: number): void {
  const open = marked.indexOf('[[');
  const close = marked.indexOf(']]');
  const document = marked.slice(0, open) + marked.slice(open + 2, close) + marked.slice(close + 2);
  const embedded = embeddedOf(document, format);
  assert.deepEqual(embeddedRangeToDocument(embedded, decodedStart, decodedEnd), { start: open, end: close - 2 }, marked);
}

test('decoded ranges map to the characters that wrote them', () => {
  const cases: [string, 'json' | 'yaml', number, number][] = [
    ['{"v": "ab[[\\n]]c"}', 'json', 2, 3],
    ['{"v": "[[\\u0041b]]c"}', 'json', 0, 2],
    ['{"v": "x[[\\ud83d\\ude00]]"}', 'json', 1, 3],
    ['v: "a[[\\x41]]b"\n', 'yaml', 1, 2],
    ["v: 'it[['']]s'\n", 'yaml', 2, 3],
    ['v: |\n  line one\n  [[line]] two\n', 'yaml', 9, 13],
    ['v: >-\n  first\n  [[second]]\n', 'yaml', 6, 12],
    ['v: plain\n  [[continued]]\n', 'yaml', 6, 15],
    ['v: "a\\\n   [[b]]"\n', 'yaml', 1, 2],
  ];
  for (const [marked, format, start, end] of cases) checkRange(marked, format, start, end);
});

test('!Sub templates map through both layers in every quoting style', () => {
  const pieces = ['a', '$input.path', '${!Literal}', '${AWS::Region}', '${!', '}', '"', "'", 'é', ' ', '\\n'];
  const method = (template: string): string =>
    `Resources:\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      Integration:\n        RequestTemplates:\n          application/json: ${template}\n`;
  const styles: [string, (body: string) => string | undefined][] = [
    ['json', (body) => `{"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"Integration": {"RequestTemplates": {"application/json": {"Fn::Sub": ${JSON.stringify(body)}}}}}}}}`],
    ['double', (body) => method(`!Sub ${JSON.stringify(body)}`)],
    // A line break inside single quotes folds; the folding itself is checked above.
    ['single', (body) => (body.includes('\n') ? undefined : method(`!Sub '${body.replace(/'/g, "''")}'`))],
    ['list', (body) => method(`!Sub [${JSON.stringify(body)}, {}]`)],
    ['block', (body) => (body.includes('\n') || body.trim() !== body || body === '' ? undefined : method(`!Sub |-\n            ${body}`))],
  ];
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    const body = sourceOf(pieces, next, 1 + Math.floor(next() * 12)).replace(/\\n/g, '\n');
    for (const [style, write] of styles) {
      const document = write(body);
      if (document === undefined) continue;
      const label = `${style} ${JSON.stringify(body)}`;
      const template = parseApiDocument(document, style === 'json' ? 'template.json' : 'template.yaml').operations[0]?.integration?.requestTemplates[0]?.text;
      assert.ok(template, label);
      assert.equal(template.intrinsic, 'Fn::Sub', label);
      checkEmbedded(document, template.embedded, body.replace(/\$\{!/g, '${'), label);
    }
  }
});
