// SEMANTICS 6 and 10: responseParameters into headers, then API Gateway's renaming, dropping and defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { header, lambdaUri, method, simulateInline } from '../fixtures/scenarios/inline';

function mappedStatic(name: string, value: string) {
  return simulateInline({
    method: method(
      { type: 'HTTP', uri: 'https://example.com/', integrationResponses: { '200': { statusCode: '200', responseParameters: { [`method.response.header.${name}`]: `'${value}'` } } } },
      ['200'],
      [name],
    ),
    backend: { http: { statusCode: 200, headers: {}, body: 'x' } },
  });
}

test('mapped reserved header names are renamed x-amzn-Remapped-*, Transfer-Encoding is dropped', () => {
  const table: [name: string, sentAs: string | undefined][] = [
    ['Server', 'x-amzn-Remapped-Server'],
    ['Authorization', 'x-amzn-Remapped-Authorization'],
    ['WWW-Authenticate', 'x-amzn-Remapped-WWW-Authenticate'],
    ['Content-MD5', 'x-amzn-Remapped-Content-MD5'],
    ['Transfer-Encoding', undefined],
    ['Via', 'Via'],
    ['Cache-Control', 'Cache-Control'],
    ['Content-Type', 'Content-Type'],
  ];
  for (const [name, sentAs] of table) {
    const result = mappedStatic(name, 'v');
    if (sentAs === undefined) assert.equal(header(result, name), undefined, name);
    else assert.equal(header(result, sentAs), 'v', name);
    if (sentAs !== name && sentAs !== undefined) assert.equal(header(result, name) === 'v', false, `${name} must not be sent under its own name`);
  }
});

test('a mapped Content-Type replaces the default application/json', () => {
  const result = mappedStatic('Content-Type', 'text/html');
  assert.equal(header(result, 'Content-Type'), 'text/html');
});

test('a header mapped but not declared on the method response is set and warned about', () => {
  const result = simulateInline({
    method: method({ type: 'HTTP', uri: 'https://example.com/', integrationResponses: { '200': { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'7'" } } } }),
    backend: { http: { statusCode: 200, headers: {}, body: '' } },
  });
  assert.equal(header(result, 'X-Id'), '7');
  assert.ok(result.warnings.some((w) => w.code === 'undeclared-response-header'));
});

test('Lambda custom error bodies feed header mappings through errorMessage', () => {
  const result = simulateInline({
    method: method(
      {
        type: 'AWS',
        uri: lambdaUri,
        integrationResponses: {
          '400': { statusCode: '400', selectionPattern: '.*"code":400.*', responseParameters: { 'method.response.header.X-Code': 'integration.response.body.errorMessage.code', 'method.response.header.X-Fn': 'integration.response.header.X-Amz-Function-Error' } },
        },
      },
      ['400'],
      ['X-Code', 'X-Fn'],
    ),
    backend: { lambda: { payload: { errorMessage: '{"code":400,"why":"bad"}' }, functionError: 'Handled' } },
  });
  assert.equal(result.statusCode, 400);
  assert.equal(header(result, 'X-Code'), '400');
  assert.equal(header(result, 'X-Fn'), 'Handled');
});

test('a body path mapping over a body that looks like JSON but is not fails with 500', () => {
  const result = simulateInline({
    method: method(
      { type: 'HTTP', uri: 'https://example.com/', integrationResponses: { '200': { statusCode: '200', responseParameters: { 'method.response.header.X-Id': 'integration.response.body.id' } } } },
      ['200'],
      ['X-Id'],
    ),
    backend: { http: { statusCode: 200, headers: {}, body: '{wrongjson' } },
  });
  assert.equal(result.statusCode, 500);
  assert.equal(result.selectedResponse, '200');
});
