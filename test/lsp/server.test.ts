// The language server as the editor sees it: a real process speaking LSP on stdio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CompletionList, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { LAMBDA_URI, openApiYaml } from '../service/harness';
import { startTestServer } from './lspClient';

const uri = 'file:///work/api.yaml';
const text = openApiYaml(`type: aws
uri: ${LAMBDA_URI}
httpMethod: POST
responses:
  default:
    statusCode: "200"
    responseTemplates:
      application/json: '{"id": "$context.requestId"}'
  ".*NotFound.*":
    statusCode: "404"`);

function positionOf(needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

test('open, edit, diagnostics, completion, hover, code action, symbols, lenses, simulate', async () => {
  const client = await startTestServer({ severity: { 'pattern-dot-newline': 'off' } });
  try {
    const { connection } = client;
    const opened = client.nextDiagnostics(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const first = await opened;
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['response-undeclared-status'], 'the 404 has no method response; the per-rule setting hides pattern-dot-newline');

    const actions: CodeAction[] = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: first.diagnostics[0].range,
      context: { diagnostics: first.diagnostics },
    });
    assert.equal(actions[0]?.title, 'Declare a 404 method response');
    const edit = actions[0].edit!.changes![uri][0];
    assert.equal(edit.newText, '        "404":\n          description: 404 response\n');

    // Edit: a typo in the template; only the newest version's diagnostics are published.
    const at = positionOf('requestId');
    const edited = client.nextDiagnostics(uri, 3);
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 'requestId'.length } }, text: 'requestI' }],
    });
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 'requestI'.length } }, text: 'requestID' }],
    });
    const second = await edited;
    assert.deepEqual(second.diagnostics.map((d) => d.code).sort(), ['response-undeclared-status', 'vtl-unknown-member']);
    const unknown = second.diagnostics.find((d) => d.code === 'vtl-unknown-member')!;
    assert.deepEqual(unknown.range, { start: at, end: { line: at.line, character: at.character + 9 } });
    assert.match(unknown.message as string, /Did you mean `\$context\.requestId`\?/);

    const completion: CompletionList = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionOf('requestId') });
    assert.ok(completion.items.some((item) => item.label === 'requestId'), 'context members are offered');

    const hover: Hover | null = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf('NotFound') });
    const hoverText = (hover?.contents as { value: string }).value;
    assert.match(hoverText, /errorMessage/);
    assert.match(hoverText, /whole/);

    const symbols: DocumentSymbol[] = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['GET /pets']);
    const lenses: { command: { command: string; arguments: unknown[] } }[] = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.command.command, l.command.arguments]), [['apigwMapping.openPreview', [uri, 'GET /pets']]]);

    const operations: { key: string }[] = await connection.sendRequest('apigw/operations', { uri });
    assert.deepEqual(operations.map((o) => o.key), ['GET /pets']);
    const result: { ok: boolean; statusCode: number; selectedResponse: string; body: string; trace: { range?: unknown }[] } = await connection.sendRequest('apigw/simulate', {
      uri,
      operation: 'GET /pets',
      inputs: { request: { headers: { Accept: 'application/json' } }, backend: { lambda: { payload: { errorMessage: 'NotFound: pet 7', errorType: 'Error' }, functionError: 'Unhandled' } } },
    });
    assert.equal(result.ok, true);
    assert.equal(result.selectedResponse, '404');
    assert.equal(result.statusCode, 500, 'no 404 method response: API Gateway answers 500');
    assert.ok(result.trace.some((entry) => entry.range !== undefined), 'trace entries carry LSP ranges');

    const unknownOperation: { ok: boolean; message: string } = await connection.sendRequest('apigw/simulate', { uri, operation: 'POST /nothing' });
    assert.equal(unknownOperation.ok, false);
  } finally {
    await client.stop();
  }
});

test('requests about documents it does not know, or with nonsense, answer empty and keep the server up', async () => {
  const client = await startTestServer();
  try {
    const { connection } = client;
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    // A handler that throws (no position at all) answers empty and logs why.
    const opened = client.nextDiagnostics(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await opened;
    const broken = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: null });
    assert.equal(broken, null);
    assert.ok(client.log.some((line) => line.startsWith('hover failed')), client.log.join('\n'));
    const odd = await connection.sendRequest('apigw/operations', { uri: 42 });
    assert.deepEqual(odd, []);
    const other = 'file:///work/package.json';
    const published = client.nextDiagnostics(other, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'json', version: 1, text: '{"name": "x", "scripts": {' } });
    assert.deepEqual((await published).diagnostics, [], 'other JSON gets no results at all');
    const completion: CompletionList = await connection.sendRequest('textDocument/completion', { textDocument: { uri: other }, position: { line: 0, character: 3 } });
    assert.deepEqual(completion.items, []);
    assert.equal(client.process.exitCode, null);
  } finally {
    await client.stop();
  }
});

test('settings: diagnostics can be turned off', async () => {
  const client = await startTestServer({ enable: false });
  try {
    const published = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    assert.deepEqual((await published).diagnostics, []);
  } finally {
    await client.stop();
  }
});
