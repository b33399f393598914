// The project's conformance scenarios are real get-method shapes: each inline method reads cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseApiDocument } from '../../shared/src/index';

const folder = 'test/conformance';

test('every conformance scenario with an inline method reads as one operation without problems', () => {
  const files = readdirSync(folder).filter((name) => name.endsWith('.scenario.json'));
  assert.ok(files.length >= 100, `${files.length} scenarios`);
  for (const name of files) {
    const text = readFileSync(join(folder, name), 'utf8');
    const raw = JSON.parse(text) as { method?: { httpMethod?: string; resourcePath?: string; methodIntegration?: { type?: string; integrationResponses?: Record<string, { selectionPattern?: string }> } } };
    const document = parseApiDocument(text, name);
    assert.equal(document.kind, 'scenario', name);
    assert.deepEqual(document.problems, [], name);
    if (raw.method === undefined) {
      assert.equal(document.operations.length, 0, name);
      continue;
    }
    assert.equal(document.operations.length, 1, name);
    const [operation] = document.operations;
    assert.equal(operation.httpMethod, (raw.method.httpMethod ?? 'ANY').toUpperCase(), name);
    assert.equal(operation.integration?.type?.value, raw.method.methodIntegration?.type, name);
    // Each pattern decodes to what JSON.parse gives, and maps back onto its own characters.
    const patterns = Object.values(raw.method.methodIntegration?.integrationResponses ?? {}).map((r) => r.selectionPattern);
    const read = (operation.integration?.responses ?? []).map((r) => r.selectionPattern?.value);
    assert.deepEqual(read, patterns, name);
    for (const response of operation.integration?.responses ?? []) {
      const pattern = response.selectionPattern;
      if (pattern === undefined) continue;
      assert.equal(JSON.parse(text.slice(pattern.range.start, pattern.range.end)), pattern.value, name);
    }
  }
});
