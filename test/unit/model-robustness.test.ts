// Damaged definitions never throw out of the reader, and every range it returns lies in the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedToDocumentOffset, parseApiDocument, type ApiDocument, type OffsetRange, type SourcedText } from '../../shared/src/index';
import { seededRandom as random } from '../fixtures/definitions/random';

const corpus = 'test/corpus';

const debris = ['"', "'", '{', '}', '[', ']', ':', ',', '!', '!Sub ', '\\', '\n', '  ', '\t', '|', '>-', '#', '&a ', '*a', '- ', '\\u12', '${!'];

/** Cuts, deletes and inserts at random places: what a person typing produces. */
function damage(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  switch (Math.floor(next() * 3)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
    default:
      return text.slice(0, at) + debris[Math.floor(next() * debris.length)] + text.slice(at);
  }
}

function inText(range: OffsetRange, length: number): boolean {
  return range.start >= 0 && range.start <= range.end && range.end <= length;
}

function textsOf(document: ApiDocument): SourcedText[] {
  const texts: SourcedText[] = [];
  for (const operation of document.operations) {
    for (const template of operation.integration?.requestTemplates ?? []) if (template.text) texts.push(template.text);
    for (const response of operation.integration?.responses ?? []) {
      if (response.selectionPattern) texts.push(response.selectionPattern);
      if (response.key) texts.push(response.key);
      for (const template of response.responseTemplates) if (template.text) texts.push(template.text);
    }
  }
  return texts;
}

test('damaged corpus files read without throwing, with every range inside the text', () => {
  const files = readdirSync(corpus).filter((name) => !name.endsWith('.md'));
  for (const name of files) {
    const original = readFileSync(join(corpus, name), 'utf8');
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed * 7919 + name.length);
      let text = original;
      for (let cuts = 1 + Math.floor(next() * 3); cuts > 0; cuts--) text = damage(text, next);
      const label = `${name} seed ${seed}`;
      const document = parseApiDocument(text, name);
      for (const problem of document.problems) assert.ok(inText(problem.range, text.length), `${label}: ${JSON.stringify(problem)}`);
      for (const operation of document.operations) {
        assert.ok(inText(operation.range, text.length) && inText(operation.nameRange, text.length), label);
      }
      for (const sourced of textsOf(document)) {
        assert.ok(inText(sourced.embedded.range, text.length), label);
        for (let offset = 0; offset <= sourced.embedded.text.length; offset++) {
          const documentOffset = embeddedToDocumentOffset(sourced.embedded, offset);
          assert.ok(documentOffset >= 0 && documentOffset <= text.length, label);
        }
      }
    }
  }
});

test('deeply nested and odd inputs are problems, not crashes', () => {
  const inputs: [string, string][] = [
    ['deep.json', '['.repeat(20000)],
    ['deep.yaml', `openapi: 3.0.1\npaths: ${'['.repeat(5000)}`],
    ['deep.json', `{"swagger": "2.0", "paths": ${'{"a": '.repeat(200000)}1${'}'.repeat(200000)}}`],
    ['alias.yaml', 'openapi: 3.0.1\npaths: &p\n  /a: *p\n'],
    ['tags.yaml', 'Resources:\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties: !Ref\n      - !Sub\n      - {a: !GetAtt}\n'],
    ['nul.json', '{"swagger": "2.0", "paths": {"/\u0000": {"get": {}}}}'],
    ['bom.yaml', '\uFEFFopenapi: 3.0.1\npaths: {}\n'],
    ['multi.yaml', 'openapi: 3.0.1\n---\nopenapi: 3.0.1\n'],
  ];
  for (const [name, text] of inputs) {
    const document = parseApiDocument(text, name);
    for (const problem of document.problems) assert.ok(inText(problem.range, text.length), `${name}: ${JSON.stringify(problem)}`);
  }
  // A definition too deep to read still says what it is, with the reason.
  const deep = parseApiDocument(inputs[2][1], 'deep.json');
  assert.deepEqual([deep.kind, deep.problems.map((p) => p.code)], ['openapi2', ['json-syntax']]);
});
