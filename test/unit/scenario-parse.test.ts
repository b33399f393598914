// Scenario files (FORMAT.md): what parses, and every problem's JSON path and range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../shared/src/index';

const inlineMethod = {
  httpMethod: 'GET',
  methodResponses: { '200': { statusCode: '200' } },
  methodIntegration: { type: 'HTTP', uri: 'https://example.com', integrationResponses: { '200': { statusCode: '200' } } },
};

function problemsOf(scenario: unknown): { path: string; message: string; text: string }[] {
  const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario, null, 2);
  return parseScenario(text, 'x.scenario.json').problems.map((p) => ({ path: p.path, message: p.message, text: text.slice(p.range.start, p.range.end) }));
}

test('broken scenarios name the JSON path of each problem', () => {
  const table: [scenario: unknown, path: string, messagePart: string][] = [
    [{ method: inlineMethod, backnd: {} }, '$.backnd', 'unknown key "backnd"'],
    [{ method: inlineMethod, backend: { lambda: { payload: {}, functionError: 'Crashed' } } }, '$.backend.lambda.functionError', 'Handled'],
    [{ method: inlineMethod, backend: { lambda: {} } }, '$.backend.lambda.payload', 'payload'],
    [{ method: inlineMethod, backend: { http: { statusCode: 99 } } }, '$.backend.http.statusCode', 'status code'],
    [{ method: inlineMethod, backend: { http: {}, echo: {} } }, '$.backend', 'exactly one'],
    [{ method: inlineMethod, backend: { lambda: { payload: 1, payloadText: '1' } } }, '$.backend.lambda.payloadText', 'not both'],
    [{ method: inlineMethod, backend: { ftp: {} } }, '$.backend.ftp', 'unknown backend form'],
    [{ method: inlineMethod, request: { headers: { Accept: 3 } } }, '$.request.headers.Accept', 'string'],
    [{ method: inlineMethod, request: { bodyBase64: '***' } }, '$.request.bodyBase64', 'base64'],
    [{ method: inlineMethod, request: { verb: 'GET' } }, '$.request.verb', 'unknown key'],
    [{ method: inlineMethod, expect: { statusCode: 'ok' } }, '$.expect.statusCode', 'status code'],
    [{ method: inlineMethod, expect: { body: 'a', bodyJson: {} } }, '$.expect.bodyJson', 'one of body'],
    [{ method: inlineMethod, expect: { headers: { 'x-id': 1 } } }, "$.expect.headers['x-id']", 'string'],
    [{ method: inlineMethod, expect: { headersAbsent: [1] } }, '$.expect.headersAbsent[0]', 'string'],
    [{ method: inlineMethod, binaryMediaTypes: 'image/png' }, '$.binaryMediaTypes', 'list'],
    [{ request: {} }, '$', 'missing method'],
    [{ method: inlineMethod, definition: 'api.yaml', operation: 'GET /' }, '$.method', 'not both'],
    [{ definition: 'api.yaml' }, '$.operation', 'operation'],
    [{ method: { httpMethod: 'GET' } }, '$.method.methodIntegration', 'no methodIntegration'],
    [[1], '$', 'JSON object'],
    ['{"method": ', '$', 'syntax'],
  ];
  for (const [scenario, path, messagePart] of table) {
    const problems = problemsOf(scenario);
    const found = problems.find((p) => p.path === path);
    assert.ok(found, `${JSON.stringify(scenario)}: expected a problem at ${path}, got ${JSON.stringify(problems)}`);
    assert.ok(found.message.includes(messagePart), `${found.message} should mention ${messagePart}`);
  }
});

test('a problem range covers the offending key or value', () => {
  const [unknown] = problemsOf({ method: inlineMethod, backnd: {} });
  assert.equal(unknown.text, '"backnd"');
  const [status] = problemsOf({ method: inlineMethod, expect: { statusCode: 'ok' } });
  assert.equal(status.text, '"ok"');
});

test('x- and $ keys are allowed; a valid scenario parses with its parts', () => {
  const text = JSON.stringify({
    $schema: 'https://example.com/schema.json',
    'x-note': 'kept out of the way',
    name: 'n',
    method: inlineMethod,
    binaryMediaTypes: ['image/png'],
    stageVariables: { env: 'dev' },
    context: { stage: 'dev' },
    request: { httpMethod: 'GET', path: '/p', headers: { Accept: ['a/b', 'c/d'] }, bodyBase64: 'aGk=' },
    backend: { lambda: { payload: { ok: true }, functionError: 'Handled' } },
    expect: { statusCode: 200, selectedResponse: null, headers: { A: 'b' } },
  });
  const { scenario, problems } = parseScenario(text, 'ok.scenario.json');
  assert.deepEqual(problems, []);
  assert.ok(scenario);
  assert.equal(scenario.name, 'n');
  assert.deepEqual(scenario.request.headers, [
    ['Accept', 'a/b'],
    ['Accept', 'c/d'],
  ]);
  assert.equal(new TextDecoder().decode(scenario.request.body), 'hi');
  assert.deepEqual(scenario.backend, { kind: 'lambda', payloadText: '{"ok":true}', functionError: 'Handled' });
  assert.equal(scenario.expect?.selectedResponse, null);
  assert.equal(scenario.method.kind === 'inline' && scenario.method.operation.api.binaryMediaTypes[0].value, 'image/png');
});

test('a definition reference is kept as written for the host to read', () => {
  const { scenario } = parseScenario(JSON.stringify({ definition: '../api.yaml', operation: 'GET /pets' }), 'd.scenario.json');
  assert.equal(scenario?.method.kind, 'definition');
  if (scenario?.method.kind === 'definition') {
    assert.equal(scenario.method.definition.value, '../api.yaml');
    assert.equal(scenario.method.operation.value, 'GET /pets');
  }
});

test('bad input never throws: every prefix of a real scenario parses to a result or problems', () => {
  const text = readFileSync('test/conformance/mock-response-override-set-in-request-template-with-response-template.scenario.json', 'utf8');
  for (let end = 0; end <= text.length; end += 7) {
    const { scenario, problems } = parseScenario(text.slice(0, end), 'cut.scenario.json');
    assert.ok(scenario || problems.length > 0, `prefix of ${end} characters`);
    for (const problem of problems) assert.ok(problem.path.startsWith('$') && problem.range.start <= problem.range.end);
  }
});
