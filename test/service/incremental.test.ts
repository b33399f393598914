// Typing inside a template patches the model instead of reading the document again: the patched model
// and its diagnostics must equal a fresh read of the same text, for every kind of scalar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentOf, freshService } from './harness';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return ((state ^ (state >>> 13)) >>> 0) / 4294967296;
  };
}

/**
 * A plain copy of part of the model, each embedded text as its text, range and segments (segments may
 * be made only when first read, so they are read here rather than compared as stored).
 */
function plain(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (copies.has(value)) return copies.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(plain(item, copies));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  const record = value as Record<string, unknown>;
  if ('segments' in record && 'text' in record && 'range' in record) copy.segments = plain(record.segments, copies);
  for (const key of Object.keys(record)) copy[key] = plain(record[key], copies);
  return copy;
}

/** What an edit is compared on: the model without its text, and the problems. */
function snapshot(fileName: string, document: TextDocument, service = freshService()) {
  const parsed = service.parse(document);
  return plain({ api: { ...parsed.api, text: undefined }, templates: parsed.templates.map((site) => site.text), problems: service.findProblems(document) });
}

const INSERTS = ['x', '$util.', ' ', '#if($a)', '}', '$context.requestI', 'é', '#end', '(', '[\\s\\S]*'];
/** Characters that end or re-shape a scalar: the service must notice and read the document again. */
const RESHAPING = ['"', "'", '\\', '\n', '\\"'];

test('in-template edits: the patched model equals a fresh read', () => {
  const next = random(0xc0ffee);
  const files = readdirSync('test/corpus').filter((name) => !name.endsWith('.md'));
  let patched = 0;
  for (const name of files) {
    const service = freshService();
    const original = readFileSync(`test/corpus/${name}`, 'utf8');
    let document = documentOf(name, original);
    const templates = service.parse(document).templates;
    if (templates.length === 0) continue;
    service.findProblems(document);
    for (let i = 0; i < 30; i++) {
      const sites = service.parse(document).templates;
      // An edit that broke the document's syntax may leave no template to type in: start again from the file.
      if (sites.length === 0 || service.parse(document).api.problems.some((p) => p.code.endsWith('-syntax'))) {
        document = TextDocument.update(document, [{ text: original }], document.version + 1);
        continue;
      }
      const site = sites[Math.floor(next() * sites.length)];
      const range = site.text.embedded.range;
      const at = range.start + 1 + Math.floor(next() * Math.max(1, range.end - range.start - 2));
      const remove = next() < 0.3 ? Math.floor(next() * 4) : 0;
      const insert = next() < 0.1 ? RESHAPING[Math.floor(next() * RESHAPING.length)] : next() < 0.8 ? INSERTS[Math.floor(next() * INSERTS.length)] : '';
      const before = service.parse(document);
      document = TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(Math.min(at + remove, range.end - 1)) }, text: insert }], document.version + 1);
      const after = snapshot(name, document, service);
      if (service.parse(document).api === before.api) patched++;
      assert.deepEqual(after, snapshot(name, document), `${name} edit ${i}: ${JSON.stringify(insert)} at ${at}`);
    }
  }
  assert.ok(patched > 100, `most edits are patched in place (${patched})`);
});
