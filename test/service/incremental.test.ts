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
function snapshot(document: TextDocument, service = freshService()) {
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
      const after = snapshot(document, service);
      if (service.parse(document).api === before.api) patched++;
      assert.deepEqual(after, snapshot(document), `${name} edit ${i}: ${JSON.stringify(insert)} at ${at}`);
    }
  }
  assert.ok(patched > 100, `most edits are patched in place (${patched})`);
});

test('edits typed in one template and then another, with only diagnostics asked between: each version equals a fresh read', () => {
  const next = random(0xbeef);
  const typed = ['x', ' ', '$util.', '#if($a)', '#end', '(', 'é', '$context.requestI'];
  let edits = 0;
  for (const name of readdirSync('test/corpus').filter((file) => !file.endsWith('.md'))) {
    const service = freshService();
    let document = documentOf(name, readFileSync(`test/corpus/${name}`, 'utf8'));
    // The test keeps the templates' ranges itself: asking the service would settle what it owes.
    const sites = service.parse(document).templates.map((site) => ({ ...site.text.embedded.range }));
    if (sites.length < 2) continue;
    service.findProblems(document);
    const first = Math.floor(next() * sites.length);
    const second = (first + 1 + Math.floor(next() * (sites.length - 1))) % sites.length;
    for (const [index, count] of [[first, 6], [second, 4], [first, 3]]) {
      for (let i = 0; i < count; i++) {
        const { start, end } = sites[index];
        const at = start + 1 + Math.floor(next() * Math.max(1, end - start - 2));
        const insert = typed[Math.floor(next() * typed.length)];
        document = TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: insert }], document.version + 1);
        typedAt(sites, index, at, insert.length);
        assert.deepEqual(plain(service.findProblems(document)), plain(freshService().findProblems(document)), `${name}: ${JSON.stringify(insert)} at ${at}`);
        edits++;
      }
    }
    assert.deepEqual(snapshot(document, service), snapshot(document), `${name}: the model after the edits`);
  }
  assert.ok(edits > 50, `edits typed (${edits})`);
});

/** Moves the test's template ranges for `length` characters typed at `at` inside template `index`. */
function typedAt(sites: { start: number; end: number }[], index: number, at: number, length: number): void {
  for (const [i, site] of sites.entries()) {
    if (i === index || (site.start < at && at < site.end)) site.end += length;
    else if (site.start >= at) {
      site.start += length;
      site.end += length;
    }
  }
}
