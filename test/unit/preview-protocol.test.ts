// The preview's message protocol: what the extension accepts from the webview, which runs user content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPreviewSample, parsePreviewWebviewMessage, PREVIEW_PROTOCOL_VERSION, type PreviewWebviewMessage } from '../../shared/src/protocol/index';

const sample = defaultPreviewSample({ httpMethod: 'GET', resourcePath: '/pets/{petId}', integrationType: 'AWS' });
const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };

function check(input: unknown, expected: PreviewWebviewMessage | undefined): void {
  assert.deepEqual(parsePreviewWebviewMessage(input), expected, JSON.stringify(input)?.slice(0, 200));
}

test('well-formed messages are accepted as they are', () => {
  const cases: PreviewWebviewMessage[] = [
    { type: 'ready' },
    { type: 'ready', restored: { version: PREVIEW_PROTOCOL_VERSION, documentUri: 'file:///a.yaml', operation: 'GET /pets', sample } },
    { type: 'sampleChanged', operation: 'GET /pets/{petId}', revision: 3, sample },
    { type: 'selectOperation', operation: 'GET /pets' },
    { type: 'saveScenario', operation: 'GET /pets' },
    { type: 'resetSample', operation: 'GET /pets' },
    { type: 'setFollowCursor', enabled: false },
    { type: 'reveal', range },
  ];
  for (const message of cases) check(message, message);
});

test('malformed messages are refused, never half-read', () => {
  const cases: unknown[] = [
    null,
    'ready',
    [],
    {},
    { type: 'unknown' },
    { type: 'sampleChanged', operation: 'GET /', revision: -1, sample },
    { type: 'sampleChanged', operation: 'GET /', revision: 1.5, sample },
    { type: 'sampleChanged', operation: 'GET /', revision: 1, sample: { ...sample, backendKind: 'soap' } },
    { type: 'sampleChanged', operation: 'GET /', revision: 1, sample: { ...sample, http: { statusCode: 200, headers: '', body: '' } } },
    { type: 'sampleChanged', operation: 'GET /', revision: 1, sample: { ...sample, lambdaError: { ...sample.lambdaError, functionError: 'Maybe' } } },
    { type: 'selectOperation', operation: 7 },
    { type: 'setFollowCursor', enabled: 'yes' },
    { type: 'reveal', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } },
    { type: 'reveal', range: { start: { line: 0 }, end: { line: 0, character: 0 } } },
    { type: 'reveal' },
  ];
  for (const message of cases) check(message, undefined);
});

test('a restored state from another protocol version or of another shape is dropped, the ready message kept', () => {
  check({ type: 'ready', restored: { version: PREVIEW_PROTOCOL_VERSION + 1, documentUri: 'file:///a.yaml' } }, { type: 'ready' });
  check({ type: 'ready', restored: { version: PREVIEW_PROTOCOL_VERSION, documentUri: 'file:///a.yaml', sample: { backendKind: 'http' } } }, { type: 'ready' });
});
