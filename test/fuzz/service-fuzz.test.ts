// Mutated corpus definitions (fixed seed): the service never throws and never hangs, whatever the edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../shared/src/index';

const SEED = 0x5eed1234;
const MUTATIONS_PER_FILE = 16;
/** Generous for 2 shared cores; a hang would take far longer. */
const MAX_MS_PER_DOCUMENT = 5_000;
const NASTY = ['{', '}', '[', ']', '"', "'", ':', '#', '$', '\n', ' ', '-', '.', '*', '\\', '(', ')', '!', '|', '>', '&', '\t', '\u2028', '\uD83D', '#if(', '#end', '$input.json(', '$util.', '#foreach($x in $y)', '\\"', '${', '!Sub ', '[NotFound]', '(.*)*$', '\\Q', '404', 'default'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    state ^= state >>> 13;
    return (state >>> 0) / 4294967296;
  };
}

function mutate(text: string, next: () => number): string {
  const at = () => Math.floor(next() * (text.length + 1));
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const start = at();
    const length = Math.floor(next() * 40);
    switch (Math.floor(next() * 4)) {
      case 0:
        text = text.slice(0, start) + text.slice(start + length);
        break;
      case 1:
        text = text.slice(0, start) + NASTY[Math.floor(next() * NASTY.length)] + text.slice(start);
        break;
      case 2:
        text = text.slice(0, start) + text.slice(start, start + length).repeat(2 + Math.floor(next() * 3)) + text.slice(start);
        break;
      default: {
        const lines = text.split('\n');
        const a = Math.floor(next() * lines.length);
        const b = Math.floor(next() * lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        text = lines.join('\n');
      }
    }
  }
  return text;
}

/** Every feature over one document, at a few positions. */
function exercise(document: TextDocument, next: () => number): void {
  const service = createLanguageService();
  const diagnostics = service.doValidation(document, { severity: {} });
  for (const diagnostic of diagnostics) {
    const actions = service.doCodeAction(document, diagnostic.range, { diagnostics: [diagnostic] });
    for (const action of actions) TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] ?? []);
  }
  for (let i = 0; i < 12; i++) {
    const position = document.positionAt(Math.floor(next() * (document.getText().length + 1)));
    service.doComplete(document, position);
    service.doHover(document, position);
  }
  service.findDocumentSymbols(document);
  service.getCodeLenses(document);
  service.listOperations(document);
}

test('mutated corpus files: no exception, no hang', { timeout: 600_000 }, () => {
  const next = random(SEED);
  const files = readdirSync('test/corpus').filter((name) => !name.endsWith('.md'));
  let documents = 0;
  for (const name of files) {
    const original = readFileSync(`test/corpus/${name}`, 'utf8');
    for (let i = 0; i < MUTATIONS_PER_FILE; i++) {
      const text = mutate(original, next);
      const document = TextDocument.create(`file:///fuzz/${i}/${name}`, 'yaml', 1, text);
      const started = performance.now();
      try {
        exercise(document, next);
      } catch (error) {
        assert.fail(`${name} mutation ${i} threw ${error instanceof Error ? error.stack : String(error)}\n--- text ---\n${text}`);
      }
      const elapsed = performance.now() - started;
      assert.ok(elapsed < MAX_MS_PER_DOCUMENT, `${name} mutation ${i} took ${Math.round(elapsed)} ms`);
      documents++;
    }
  }
  assert.equal(documents, files.length * MUTATIONS_PER_FILE);
});
