import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';
import { embeddedRangeToDocument, operationFromGetMethodNode, parseApiDocument, type Operation } from '../../shared/src/index';

function read(text: string): { operation: Operation; problems: { code: string }[] } {
  const node = parseTree(text);
  assert.ok(node);
  return operationFromGetMethodNode(text, node, { name: 'Api' });
}

const lambdaMethod = JSON.stringify(
  {
    httpMethod: 'get',
    resourcePath: '/pets/{petId}',
    methodResponses: {
      '200': { statusCode: '200', responseParameters: { 'method.response.header.ETag': true }, responseModels: { 'application/json': 'Empty' } },
    },
    methodIntegration: {
      type: 'aws',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/f/invocations',
      passthroughBehavior: 'WHEN_NO_MATCH',
      requestTemplates: { 'application/json': '{"id": "$input.params(\'petId\')"}' },
      integrationResponses: {
        '200': { statusCode: '200', responseParameters: { 'method.response.header.ETag': "'abc'" }, responseTemplates: { 'application/json': null } },
        '404': { statusCode: 404, selectionPattern: '.*\\"notFound\\".*', responseTemplates: { 'application/json': '#set($x = "a\\nb")\n$x' } },
      },
    },
  },
  null,
  2,
);

test('a get-method object reads as one operation, in definition order', () => {
  const { operation, problems } = read(lambdaMethod);
  assert.deepEqual(problems, []);
  assert.equal(operation.key, 'GET /pets/{petId}');
  assert.equal(operation.api.name, 'Api');
  assert.equal(operation.integration?.type?.value, 'AWS');
  const responses = operation.integration?.responses ?? [];
  assert.deepEqual(
    responses.map((r) => [r.statusCode?.value, r.statusCode?.scalarType, r.selectionPattern?.value]),
    [
      ['200', 'string', undefined],
      ['404', 'number', '.*\\"notFound\\".*'],
    ],
  );
  assert.equal(responses[0].responseTemplates[0].text, null);
  assert.equal(responses[1].responseTemplates[0].text?.value, '#set($x = "a\\nb")\n$x');
  assert.deepEqual(responses[0].responseParameters.map((p) => [p.target.value, p.source.value]), [['method.response.header.ETag', "'abc'"]]);
  assert.deepEqual(operation.methodResponses.map((m) => [m.statusCode.value, m.headers.map((h) => [h.name.value, h.required]), m.contentTypes.map((c) => c.value)]), [
    ['200', [['ETag', true]], ['application/json']],
  ]);
  const header = operation.methodResponses[0].headers[0].name;
  assert.equal(lambdaMethod.slice(header.range.start, header.range.end), 'ETag');
});

test('a template maps back to the characters that wrote it', () => {
  const { operation } = read(lambdaMethod);
  const template = operation.integration?.responses[1].responseTemplates[0].text;
  assert.ok(template);
  const at = template.value.indexOf('"a');
  const range = embeddedRangeToDocument(template.embedded, at, at + 6);
  assert.equal(lambdaMethod.slice(range.start, range.end), '\\"a\\\\nb\\"');
  const newline = template.value.indexOf('\n$x');
  const newlineRange = embeddedRangeToDocument(template.embedded, newline, newline + 1);
  assert.equal(lambdaMethod.slice(newlineRange.start, newlineRange.end), '\\n');
});

test('wrong shapes become problems, never exceptions', () => {
  for (const text of ['[]', '"x"', '{"httpMethod": 1, "methodIntegration": []}', '{"methodIntegration": {"integrationResponses": {"200": 5}}}', '{"httpMethod": "GET", "methodIntegration": {"integrationResponses": {"200": {"responseTemplates": {"a": ']) {
    const { operation, problems } = read(text);
    assert.ok(operation.key.length > 0);
    assert.ok(problems.length > 0 || text.includes('"a": '), text);
  }
});

test('a saved get-method file reads as its own kind, extra keys ignored', () => {
  const text = readFileSync('test/fixtures/definitions/get-method-lambda-custom.json', 'utf8');
  const document = parseApiDocument(text, 'get-method-lambda-custom.json');
  assert.equal(document.kind, 'get-method');
  assert.deepEqual(document.problems, []);
  assert.equal(document.operations.length, 1);
  const [operation] = document.operations;
  assert.equal(operation.key, 'GET /');
  assert.deepEqual(
    operation.integration?.responses.map((r) => [r.statusCode?.value, r.selectionPattern?.value]),
    [
      ['200', undefined],
      ['404', '.*\\"code\\":\\s*404.*'],
    ],
  );
  assert.deepEqual(
    operation.methodResponses.map((m) => [m.statusCode.value, m.headers.map((h) => `${h.name.value}${h.required ? '!' : ''}`)]),
    [
      ['200', ['Content-Type', 'X-Request-Id!']],
      ['404', []],
    ],
  );
  const template = operation.integration?.responses[0].responseTemplates[0].text;
  assert.ok(template);
  assert.ok(template.value.endsWith('"tag": "éé"}'));
  // The first é is written as itself, the second as \u00e9: each maps to its own characters.
  const first = template.value.indexOf('é');
  const written = [first, first + 1].map((at) => {
    const range = embeddedRangeToDocument(template.embedded, at, at + 1);
    return text.slice(range.start, range.end);
  });
  assert.deepEqual(written, ['é', '\\u00e9']);
});
