// The preview of a scenario whose method is inline: the scenario document is its own definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer } from './lspClient';

interface SimulateAnswer {
  ok: boolean;
  statusCode?: number;
  body?: string;
  selectedResponse?: string | null;
  message?: string;
}

/** Conformance scenarios whose result depends on their inline method and on what the file sets besides it. */
const SCENARIOS = [
  'http-status-400', // selection pattern on the backend status
  'lambda-custom-response-override-status-400', // responseOverride in the template
  'lambda-proxy-binary-accept-list-first-binary', // the file's binaryMediaTypes
  'lambda-proxy-binary-accept-bad-media-type',
  'unit-response-parameters-mixed-sources', // the file's context and stageVariables
  'tmpl-pipeline-raw-body-empty-body', // an echo backend, which the preview's sample form cannot write
];

function conformance(name: string): { uri: string; text: string; expect: { statusCode?: number; body?: string; selectedResponse?: string | null } } {
  const text = readFileSync(`test/conformance/${name}.scenario.json`, 'utf8');
  return { uri: `file:///work/conformance/${name}.scenario.json`, text, expect: JSON.parse(text).expect ?? {} };
}

test('apigw/simulate on an inline-method scenario answers what the scenario expects, and follows edits', async () => {
  const client = await startTestServer();
  try {
    const { connection } = client;
    for (const name of SCENARIOS) {
      const { uri, text, expect } = conformance(name);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
      const operations: { key: string }[] = await connection.sendRequest('apigw/operations', { uri });
      assert.equal(operations.length, 1, `${name}: the inline method is the one operation`);
      const result: SimulateAnswer = await connection.sendRequest('apigw/simulate', { uri, operation: operations[0].key, inputsFromDocument: true });
      assert.equal(result.ok, true, `${name}: ${result.message}`);
      if (expect.statusCode !== undefined) assert.equal(result.statusCode, expect.statusCode, name);
      if (expect.body !== undefined) assert.equal(result.body, expect.body, name);
      if (expect.selectedResponse !== undefined) assert.equal(result.selectedResponse, expect.selectedResponse, name);
    }

    // A sample typed in the preview replaces the file's backend; the rest of the file still holds.
    const { uri, text } = conformance('http-status-400');
    const [operation] = (await connection.sendRequest('apigw/operations', { uri })) as { key: string }[];
    const overridden: SimulateAnswer = await connection.sendRequest('apigw/simulate', {
      uri,
      operation: operation.key,
      inputsFromDocument: true,
      inputs: { backend: { http: { statusCode: 200, headers: {}, body: '{}' } } },
    });
    assert.equal(overridden.statusCode, 200);

    // An edit of the file shows in the next simulation.
    const edited = JSON.parse(text);
    edited.backend.http.statusCode = 200;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: JSON.stringify(edited) }] });
    const afterEdit: SimulateAnswer = await connection.sendRequest('apigw/simulate', { uri, operation: operation.key, inputsFromDocument: true });
    assert.equal(afterEdit.statusCode, 200);

    // Half-written JSON says why instead of simulating.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: '{"method": ' }] });
    const broken: SimulateAnswer = await connection.sendRequest('apigw/simulate', { uri, operation: operation.key, inputsFromDocument: true });
    assert.equal(broken.ok, false);
  } finally {
    await client.stop();
  }
});
