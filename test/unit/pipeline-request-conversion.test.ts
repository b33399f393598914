// SEMANTICS 8, D-CONV request table: the integration's contentHandling × binaryMediaTypes × request
// Content-Type decide the integration request payload. An echo backend answers with that payload; the
// response side is set to pass it through untouched (binary Accept and Content-Type where the API has
// binaryMediaTypes, text otherwise), so the method response body is the integration request body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { method, simulateInline } from '../fixtures/scenarios/inline';
import type { SimulationResultJson } from '../../shared/src/index';

const base64Text = 'aGVsbG8='; // text that decodes to "hello"
const gzipBytes = Buffer.from([0x1f, 0x8b, 0x08, 0x00]); // not UTF-8
const base64Of = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

interface Row {
  payload: 'text' | 'binary';
  binaryMediaTypes: boolean;
  contentHandling?: 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY';
  /** The documented integration request payload. */
  documented: string;
  /** The integration request bytes it means for the row's body, base64. */
  expectedBase64: string;
}

// One row per row of the documented request table, in its order.
const requestTable: Row[] = [
  { payload: 'text', binaryMediaTypes: false, documented: 'UTF8-encoded string', expectedBase64: base64Of(base64Text) },
  { payload: 'text', binaryMediaTypes: false, contentHandling: 'CONVERT_TO_BINARY', documented: 'Base64-decoded binary blob', expectedBase64: base64Of('hello') },
  { payload: 'text', binaryMediaTypes: false, contentHandling: 'CONVERT_TO_TEXT', documented: 'UTF8-encoded string', expectedBase64: base64Of(base64Text) },
  { payload: 'text', binaryMediaTypes: true, documented: 'Text data', expectedBase64: base64Of(base64Text) },
  { payload: 'text', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_BINARY', documented: 'Base64-decoded binary blob', expectedBase64: base64Of('hello') },
  { payload: 'text', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_TEXT', documented: 'Text data', expectedBase64: base64Of(base64Text) },
  { payload: 'binary', binaryMediaTypes: true, documented: 'Binary data', expectedBase64: base64Of(gzipBytes) },
  { payload: 'binary', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_BINARY', documented: 'Binary data', expectedBase64: base64Of(gzipBytes) },
  { payload: 'binary', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_TEXT', documented: 'Base64-encoded string', expectedBase64: base64Of(base64Of(gzipBytes)) },
];

interface EchoOptions {
  contentType: string | undefined;
  body: { body: string } | { bodyBase64: string };
  binaryMediaTypes: boolean;
  contentHandling?: string;
  requestTemplates?: Record<string, string>;
  responseContentHandling?: string;
}

function echo(options: EchoOptions): SimulationResultJson {
  const responseType = options.binaryMediaTypes ? 'image/png' : 'text/plain';
  return simulateInline({
    method: method({
      type: 'HTTP',
      uri: 'https://example.com/upload',
      ...(options.contentHandling ? { contentHandling: options.contentHandling } : {}),
      ...(options.requestTemplates ? { requestTemplates: options.requestTemplates } : {}),
      integrationResponses: {
        '200': { statusCode: '200', ...(options.responseContentHandling ? { contentHandling: options.responseContentHandling } : {}) },
      },
    }),
    ...(options.binaryMediaTypes ? { binaryMediaTypes: ['image/png'] } : {}),
    request: {
      httpMethod: 'POST',
      path: '/r',
      headers: { Accept: responseType, ...(options.contentType ? { 'Content-Type': options.contentType } : {}) },
      ...options.body,
    },
    backend: { echo: { statusCode: 200, headers: { 'Content-Type': responseType } } },
  });
}

function requestTrace(result: SimulationResultJson): string {
  return result.trace.filter((entry) => entry.step === 'request').map((entry) => entry.message).join('\n');
}

test('each row of the documented request table gives the documented integration request payload', () => {
  for (const row of requestTable) {
    const result = echo({
      contentType: row.payload === 'binary' ? 'image/png' : 'text/plain',
      body: row.payload === 'binary' ? { bodyBase64: base64Of(gzipBytes) } : { body: base64Text },
      binaryMediaTypes: row.binaryMediaTypes,
      contentHandling: row.contentHandling,
    });
    const label = `${JSON.stringify(row)}\n${requestTrace(result)}`;
    assert.equal(result.statusCode, 200, label);
    assert.equal(result.bodyBase64, row.expectedBase64, label);
    if (row.binaryMediaTypes || row.contentHandling) {
      assert.match(requestTrace(result), new RegExp(`request payload: ${row.payload} body`), label);
    }
  }
});

test('a text body that must be base64-decoded but is not base64 is a 500 configuration error', () => {
  for (const binaryMediaTypes of [false, true]) {
    const result = echo({ contentType: 'text/plain', body: { body: 'not base64!' }, binaryMediaTypes, contentHandling: 'CONVERT_TO_BINARY' });
    assert.equal(result.statusCode, 500);
    assert.equal(result.error?.type, 'API_CONFIGURATION_ERROR');
    assert.match(requestTrace(result), /not valid base64 → 500/);
  }
});

test('the request is binary only when its Content-Type matches binaryMediaTypes', () => {
  const check = (contentType: string | undefined, expectedBase64: string) => {
    const result = echo({ contentType, body: { bodyBase64: base64Of('hi') }, binaryMediaTypes: true, contentHandling: 'CONVERT_TO_TEXT' });
    assert.equal(result.bodyBase64, expectedBase64, `Content-Type ${contentType}`);
  };
  check('image/png', base64Of(base64Of('hi')));
  check('image/png; charset=binary', base64Of(base64Of('hi')));
  check('IMAGE/PNG', base64Of(base64Of('hi')));
  check('image/jpeg', base64Of('hi'));
  check(undefined, base64Of('hi'));
});

test('the integration response contentHandling does not convert the request', () => {
  const result = echo({ contentType: 'image/png', body: { bodyBase64: base64Of(gzipBytes) }, binaryMediaTypes: true, responseContentHandling: 'CONVERT_TO_BINARY' });
  assert.equal(result.bodyBase64, base64Of(gzipBytes));
});

test('a template sees a binary body converted to text as base64 through $input.body', () => {
  const result = echo({
    contentType: 'image/png',
    body: { bodyBase64: base64Of(gzipBytes) },
    binaryMediaTypes: true,
    contentHandling: 'CONVERT_TO_TEXT',
    requestTemplates: { 'image/png': '{"data": "$input.body"}' },
  });
  assert.equal(result.statusCode, 200);
  assert.deepEqual(result.integrationRequest, { body: `{"data": "${base64Of(gzipBytes)}"}` });
  assert.deepEqual(result.warnings, []);
});

test('a template on a body that is still binary is a 500, with a warning naming the choice', () => {
  const cases: Array<{ contentType: string; body: EchoOptions['body']; contentHandling?: string }> = [
    { contentType: 'image/png', body: { bodyBase64: base64Of(gzipBytes) } },
    { contentType: 'image/png', body: { bodyBase64: base64Of(gzipBytes) }, contentHandling: 'CONVERT_TO_BINARY' },
    { contentType: 'text/plain', body: { body: base64Text }, contentHandling: 'CONVERT_TO_BINARY' },
  ];
  for (const { contentType, body, contentHandling } of cases) {
    const result = echo({ contentType, body, binaryMediaTypes: true, contentHandling, requestTemplates: { [contentType]: '{"data": "$input.body"}' } });
    const label = `${contentType} ${contentHandling ?? 'unset'}`;
    assert.equal(result.statusCode, 500, label);
    assert.equal(result.error?.type, 'API_CONFIGURATION_ERROR', label);
    assert.deepEqual(result.warnings.map((w) => w.code), ['request-template-binary-body'], label);
  }
});

test('an empty template passes a binary body through untouched', () => {
  const result = echo({ contentType: 'image/png', body: { bodyBase64: base64Of(gzipBytes) }, binaryMediaTypes: true, requestTemplates: { 'image/png': '' } });
  assert.equal(result.statusCode, 200);
  assert.equal(result.bodyBase64, base64Of(gzipBytes));
});

test('a text body that is not UTF-8 is read with U+FFFD and warned about', () => {
  const result = echo({ contentType: 'text/plain', body: { bodyBase64: base64Of(gzipBytes) }, binaryMediaTypes: false });
  assert.equal(result.bodyBase64, base64Of(Buffer.from([0x1f, 0xef, 0xbf, 0xbd, 0x08, 0x00])));
  assert.deepEqual(result.warnings.map((w) => w.code), ['request-body-not-utf8']);
});

test('an unknown contentHandling is treated as unset, with a warning', () => {
  const result = echo({ contentType: 'image/png', body: { bodyBase64: base64Of(gzipBytes) }, binaryMediaTypes: true, contentHandling: 'CONVERT_TO_JPEG' });
  assert.equal(result.bodyBase64, base64Of(gzipBytes));
  assert.ok(result.warnings.some((w) => w.code === 'unknown-content-handling'));
});

test('a Lambda custom integration receives the base64 text of a binary upload under CONVERT_TO_TEXT', () => {
  const result = simulateInline({
    method: method({
      type: 'AWS',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations',
      contentHandling: 'CONVERT_TO_TEXT',
      requestTemplates: { 'application/octet-stream': '{"file": "$input.body"}' },
      integrationResponses: { '200': { statusCode: '200' } },
    }),
    binaryMediaTypes: ['application/octet-stream'],
    request: { httpMethod: 'POST', path: '/r', headers: { 'Content-Type': 'application/octet-stream' }, bodyBase64: base64Of(gzipBytes) },
    backend: { echo: { statusCode: 200, headers: {} } },
  });
  assert.equal(result.statusCode, 200);
  assert.deepEqual(JSON.parse(result.body), { file: base64Of(gzipBytes) });
});
