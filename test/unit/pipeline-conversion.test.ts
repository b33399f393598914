// SEMANTICS 8: the contentHandling × binaryMediaTypes × Accept × Content-Type table (D-CONV), row by row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { method, simulateInline } from '../fixtures/scenarios/inline';

const gzipBytes = 'H4sIAA=='; // 1f 8b 08 00: not UTF-8
const helloAsBase64Text = 'aGVsbG8='; // the text "aGVsbG8=", which decodes to "hello"
const base64OfText = (text: string) => Buffer.from(text, 'utf8').toString('base64');

interface Row {
  payload: 'text' | 'binary';
  accept: 'text' | 'binary';
  binaryMediaTypes: boolean;
  contentHandling?: 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY';
  /** base64 of the expected method response body, or 500. */
  expected: string | 500;
}

const table: Row[] = [
  { payload: 'text', accept: 'text', binaryMediaTypes: false, expected: base64OfText(helloAsBase64Text) },
  { payload: 'text', accept: 'text', binaryMediaTypes: false, contentHandling: 'CONVERT_TO_BINARY', expected: base64OfText('hello') },
  { payload: 'binary', accept: 'text', binaryMediaTypes: false, contentHandling: 'CONVERT_TO_TEXT', expected: Buffer.from([0x1f, 0xef, 0xbf, 0xbd, 0x08, 0x00]).toString('base64') },
  { payload: 'binary', accept: 'binary', binaryMediaTypes: false, expected: Buffer.from([0x1f, 0xef, 0xbf, 0xbd, 0x08, 0x00]).toString('base64') },
  { payload: 'text', accept: 'text', binaryMediaTypes: true, expected: base64OfText(helloAsBase64Text) },
  { payload: 'text', accept: 'text', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_BINARY', expected: base64OfText('hello') },
  { payload: 'text', accept: 'text', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_TEXT', expected: base64OfText(helloAsBase64Text) },
  { payload: 'text', accept: 'binary', binaryMediaTypes: true, expected: base64OfText('hello') },
  { payload: 'text', accept: 'binary', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_BINARY', expected: base64OfText('hello') },
  { payload: 'text', accept: 'binary', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_TEXT', expected: base64OfText(helloAsBase64Text) },
  { payload: 'binary', accept: 'text', binaryMediaTypes: true, expected: base64OfText(gzipBytes) },
  { payload: 'binary', accept: 'text', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_BINARY', expected: gzipBytes },
  { payload: 'binary', accept: 'text', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_TEXT', expected: base64OfText(gzipBytes) },
  { payload: 'binary', accept: 'binary', binaryMediaTypes: true, expected: gzipBytes },
  { payload: 'binary', accept: 'binary', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_BINARY', expected: gzipBytes },
  { payload: 'binary', accept: 'binary', binaryMediaTypes: true, contentHandling: 'CONVERT_TO_TEXT', expected: base64OfText(gzipBytes) },
];

function check(row: Row, body: { body?: string; bodyBase64?: string }): void {
  const result = simulateInline({
    method: method({
      type: 'AWS',
      uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/key',
      integrationResponses: { '200': { statusCode: '200', ...(row.contentHandling ? { contentHandling: row.contentHandling } : {}) } },
    }),
    ...(row.binaryMediaTypes ? { binaryMediaTypes: ['image/png'] } : {}),
    request: { httpMethod: 'GET', path: '/r', headers: { Accept: row.accept === 'binary' ? 'image/png' : 'text/plain' } },
    backend: { http: { statusCode: 200, headers: { 'Content-Type': row.payload === 'binary' ? 'image/png' : 'text/plain' }, ...body } },
  });
  const label = JSON.stringify(row);
  if (row.expected === 500) {
    assert.equal(result.statusCode, 500, label);
    assert.equal(result.error?.type, 'API_CONFIGURATION_ERROR', label);
  } else {
    assert.equal(result.statusCode, 200, `${label}: ${JSON.stringify(result.trace)}`);
    assert.equal(result.bodyBase64, row.expected, label);
  }
}

test('each row of the conversion table gives the documented payload', () => {
  for (const row of table) {
    check(row, row.payload === 'binary' ? { bodyBase64: gzipBytes } : { body: helloAsBase64Text });
  }
});

test('a payload that must be base64-decoded but is not base64 is a 500', () => {
  const rows: Row[] = [
    { payload: 'text', accept: 'binary', binaryMediaTypes: true, expected: 500 },
    { payload: 'text', accept: 'text', binaryMediaTypes: false, contentHandling: 'CONVERT_TO_BINARY', expected: 500 },
  ];
  for (const row of rows) check(row, { body: 'this is not base64!' });
  check({ payload: 'text', accept: 'text', binaryMediaTypes: false, contentHandling: 'CONVERT_TO_BINARY', expected: 500 }, { bodyBase64: gzipBytes });
});
