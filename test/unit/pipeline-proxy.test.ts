// SEMANTICS 11 (Lambda proxy output validation, binary rule) and SEMANTICS 10 (HTTP_PROXY passthrough).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { header, lambdaUri, method, simulateInline } from '../fixtures/scenarios/inline';

function lambdaProxy(lambda: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return simulateInline({
    method: method({ type: 'AWS_PROXY', uri: lambdaUri }, []),
    request: { httpMethod: 'GET', path: '/r', ...((extra.request as object) ?? {}) },
    backend: { lambda },
    ...(extra.binaryMediaTypes ? { binaryMediaTypes: extra.binaryMediaTypes } : {}),
  });
}

test('Lambda proxy outputs: valid shapes answer, malformed ones are 502', () => {
  const table: [payload: unknown, status: number, body: string][] = [
    [{ statusCode: 200 }, 200, ''],
    [{}, 200, ''],
    [{ headers: { a: 'b' } }, 200, ''],
    [{ statusCode: '201', body: 'made' }, 201, 'made'],
    [{ statusCode: 'test' }, 502, '{"message": "Internal server error"}'],
    [{ statusCode: 200, wrongValue: 'value' }, 502, '{"message": "Internal server error"}'],
    ['justAString', 502, '{"message": "Internal server error"}'],
    [{ statusCode: 200, multiValueHeaders: { h: 'v' } }, 502, '{"message": "Internal server error"}'],
    [{ statusCode: 200, body: { not: 'a string' } }, 502, '{"message": "Internal server error"}'],
    [{ headers: null, body: 'x' }, 200, 'x'],
  ];
  for (const [payload, status, body] of table) {
    const result = lambdaProxy({ payload });
    assert.equal(result.statusCode, status, JSON.stringify(payload));
    assert.equal(result.body, body, JSON.stringify(payload));
    assert.equal(result.selectedResponse, null);
  }
});

test('a Lambda proxy function error is a 502 integration failure', () => {
  const result = lambdaProxy({ payload: { errorMessage: 'boom', errorType: 'Error' }, functionError: 'Unhandled' });
  assert.equal(result.statusCode, 502);
  assert.equal(result.error?.type, 'INTEGRATION_FAILURE');
  assert.equal(header(result, 'x-amzn-ErrorType'), 'InternalServerErrorException');
});

test('Lambda proxy headers: multiValueHeaders lines first, booleans as text, default Content-Type', () => {
  const result = lambdaProxy({ payload: { multiValueHeaders: { 'X-M': ['one', 'two'] }, headers: { 'x-m': 'three', Flag: true } } });
  assert.equal(header(result, 'X-M'), 'one, two, three');
  assert.equal(header(result, 'Flag'), 'true');
  assert.equal(header(result, 'Content-Type'), 'application/json');
});

test('isBase64Encoded bodies are decoded only for a binary first Accept type', () => {
  const png = 'iVBORw0KGgo=';
  const table: [accept: string | undefined, types: string[], decoded: boolean][] = [
    ['image/png', ['image/png'], true],
    ['image/png,text/html', ['image/png'], true],
    ['text/html,image/png', ['image/png'], false],
    ['application/anything', ['application/*'], true],
    ['image/*', ['image/png'], false],
    ['*/*', ['image/png'], false],
    ['x/test', ['*/test'], false],
    ['image/jpeg', ['*/*'], true],
    [undefined, ['image/png'], false],
    ['image/png', [], false],
  ];
  for (const [accept, types, decoded] of table) {
    const result = lambdaProxy(
      { payload: { body: png, isBase64Encoded: true } },
      { binaryMediaTypes: types, request: accept ? { headers: { Accept: accept } } : {} },
    );
    const label = `${accept} vs ${JSON.stringify(types)}`;
    assert.equal(result.statusCode, 200, label);
    assert.equal(result.bodyBase64, decoded ? png : Buffer.from(png).toString('base64'), label);
  }
});

test('HTTP_PROXY passes status, body and headers through, renaming reserved backend headers', () => {
  const result = simulateInline({
    method: method({ type: 'HTTP_PROXY', uri: 'https://example.com/', integrationResponses: { '200': { statusCode: '200', selectionPattern: '.*' } } }, []),
    request: { httpMethod: 'GET', path: '/r' },
    backend: { http: { statusCode: 418, headers: { Server: 'gunicorn', 'X-Own': 'yes', 'Content-Type': 'text/plain', Date: 'then' }, body: 'teapot' } },
  });
  assert.equal(result.statusCode, 418);
  assert.equal(result.body, 'teapot');
  assert.equal(result.selectedResponse, null);
  assert.equal(header(result, 'X-Own'), 'yes');
  assert.equal(header(result, 'x-amzn-Remapped-Server'), 'gunicorn');
  assert.equal(header(result, 'x-amzn-Remapped-Date'), 'then');
  assert.equal(header(result, 'Server'), undefined);
  assert.equal(header(result, 'Content-Type'), 'text/plain');
  assert.equal(header(result, 'X-Amzn-Trace-Id'), undefined);
});
