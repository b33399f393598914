// The integration request before the backend: passthroughBehavior (D-PASS), MOCK status, missing integration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { header, method, simulateInline } from '../fixtures/scenarios/inline';

test('passthroughBehavior without a matching request template: pass through or 415', () => {
  const table: [behavior: string | undefined, templates: Record<string, string>, status: number][] = [
    [undefined, {}, 200],
    ['WHEN_NO_MATCH', { 'application/xml': 'x' }, 200],
    ['WHEN_NO_TEMPLATES', {}, 200],
    ['WHEN_NO_TEMPLATES', { 'application/xml': 'x' }, 415],
    ['NEVER', {}, 415],
    ['NEVER', { 'application/xml': 'x' }, 415],
  ];
  for (const [behavior, requestTemplates, status] of table) {
    const result = simulateInline({
      method: method({
        type: 'HTTP',
        uri: 'https://example.com/',
        requestTemplates,
        ...(behavior ? { passthroughBehavior: behavior } : {}),
        integrationResponses: { '200': { statusCode: '200' } },
      }),
      request: { httpMethod: 'POST', path: '/r', headers: { 'Content-Type': 'text/plain' }, body: 'client body' },
      backend: { echo: { statusCode: 200, headers: {} } },
    });
    const label = `${behavior} ${JSON.stringify(requestTemplates)}`;
    assert.equal(result.statusCode, status, label);
    if (status === 200) assert.equal(result.body, 'client body', label);
    else {
      assert.equal(result.error?.type, 'UNSUPPORTED_MEDIA_TYPE', label);
      assert.equal(header(result, 'x-amzn-ErrorType'), 'UnsupportedMediaTypeException', label);
    }
  }
});

test('a method without an integration, or with an unknown type, is a configuration error', () => {
  for (const integration of [{ type: 'SOAP' }, { type: undefined }]) {
    const result = simulateInline({ method: method(integration), request: {} });
    assert.equal(result.statusCode, 500);
    assert.equal(result.error?.type, 'API_CONFIGURATION_ERROR');
  }
});

test('a selected status without a method response is a 500 that still names the selected response', () => {
  const result = simulateInline({
    method: method({ type: 'HTTP', uri: 'https://example.com/', integrationResponses: { '201': { statusCode: '201' } } }, ['200']),
    backend: { http: { statusCode: 200, headers: {}, body: 'ok' } },
  });
  assert.equal(result.statusCode, 500);
  assert.equal(result.selectedResponse, '201');
  assert.equal(result.error?.type, 'API_CONFIGURATION_ERROR');
  assert.equal(header(result, 'x-amzn-ErrorType'), 'InternalServerErrorException');
});

test('a non-proxy answer gets API Gateway headers; MOCK has no X-Amzn-Trace-Id', () => {
  const http = simulateInline({
    method: method({ type: 'HTTP', uri: 'https://example.com/', integrationResponses: { '200': { statusCode: '200' } } }),
    backend: { http: { statusCode: 200, headers: { 'Content-Type': 'text/html', Server: 'nginx' }, body: 'hello' } },
  });
  assert.equal(header(http, 'Content-Type'), 'application/json', 'the backend Content-Type is not forwarded');
  assert.equal(header(http, 'Content-Length'), '5');
  assert.equal(header(http, 'Server'), undefined);
  for (const name of ['Date', 'Connection', 'x-amzn-RequestId', 'x-amz-apigw-id', 'X-Amzn-Trace-Id']) assert.ok(header(http, name), name);
});

test('odd definitions never throw: they become gateway errors, problems or warnings', () => {
  const integrations: Record<string, unknown>[] = [
    { type: 'HTTP', integrationResponses: { '200': { statusCode: 'abc' } } },
    { type: 'HTTP', integrationResponses: { '200': { statusCode: '200', selectionPattern: 42 } } },
    { type: 'HTTP', integrationResponses: { '200': { statusCode: '200', responseTemplates: { 'application/json': '#foreach($i in [1..100000])$i#end' } } } },
    { type: 'HTTP', integrationResponses: { '200': { statusCode: '200', responseTemplates: { 'application/json': '#if(' } } } },
    { type: 'HTTP', integrationResponses: { '200': { statusCode: '200', responseParameters: { 'method.response.header.X': 'nonsense' } } } },
    { type: 'MOCK', requestTemplates: { 'application/json': '$undefined.call()' }, integrationResponses: { '200': { statusCode: '200' } } },
    { type: 'AWS_PROXY', uri: 'arn:aws:apigateway:us-east-1:s3:path/x' },
  ];
  for (const integration of integrations) {
    const result = simulateInline({ method: method(integration), backend: { http: { statusCode: 200, headers: {}, body: '{"a":1}' } } });
    assert.equal(typeof result.statusCode, 'number', JSON.stringify(integration));
  }
});
