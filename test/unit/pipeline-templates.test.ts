// SEMANTICS 7 and 9.5: response template selection by Accept, passthrough, $context.responseOverride,
// MOCK status from the request template, render errors located in the definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario, simulateScenario } from '../../shared/src/index';
import { header, method, simulateInline } from '../fixtures/scenarios/inline';

function http(responseTemplates: Record<string, string | null>, accept: string | undefined, body = '{"a": 1}') {
  return simulateInline({
    method: method({ type: 'HTTP', uri: 'https://example.com/', integrationResponses: { '200': { statusCode: '200', responseTemplates } } }),
    request: { httpMethod: 'GET', path: '/r', ...(accept ? { headers: { Accept: accept } } : {}) },
    backend: { http: { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body } },
  });
}

test('the response template is chosen by Accept: exact, then application/json, then the first', () => {
  const table: [templates: Record<string, string | null>, accept: string | undefined, body: string, warning?: string][] = [
    [{ 'application/json': 'json', 'application/xml': 'xml' }, 'application/xml', 'xml'],
    [{ 'application/json': 'json', 'application/xml': 'xml' }, 'application/xml; charset=UTF-8', 'xml'],
    [{ 'application/xml': 'xml', 'application/json': 'json' }, undefined, 'json'],
    [{ 'application/xml': 'xml', 'application/json': 'json' }, 'text/html', 'json'],
    [{ 'application/xml': 'xml', 'text/plain': 'plain' }, '*/*', 'xml', 'ambiguous-template-fallback'],
    [{ 'application/xml': 'xml' }, undefined, 'xml'],
    [{ 'application/json': 'json', 'text/html': 'html' }, 'text/html, application/json', 'html'],
    [{}, undefined, '{"a": 1}'],
    [{ 'application/json': null }, undefined, '{"a": 1}'],
  ];
  for (const [templates, accept, body, warning] of table) {
    const result = http(templates, accept);
    const label = `${JSON.stringify(templates)} Accept ${accept}`;
    assert.equal(result.body, body, label);
    assert.equal(header(result, 'Content-Type'), 'application/json', `${label}: the template key does not set Content-Type`);
    if (warning) assert.ok(result.warnings.some((w) => w.code === warning), label);
  }
});

test('$context.responseOverride sets the status and headers after the mappings', () => {
  const template = '#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Why = "tea")#set($context.responseOverride.header.Content-Type = "text/plain")teapot';
  const result = http({ 'application/json': template }, undefined);
  assert.equal(result.statusCode, 418);
  assert.equal(result.selectedResponse, '200');
  assert.equal(header(result, 'X-Why'), 'tea');
  assert.equal(header(result, 'Content-Type'), 'text/plain');
  assert.equal(result.body, 'teapot');
});

test('an override status outside 100–599 is ignored with a warning', () => {
  const result = http({ 'application/json': '#set($context.responseOverride.status = 600)x' }, undefined);
  assert.equal(result.statusCode, 200);
  assert.ok(result.warnings.some((w) => w.code === 'override-status-ignored'));
});

test('MOCK answers with the statusCode its request template renders, read leniently', () => {
  const table: [requestTemplate: string, status: number][] = [
    ['{"statusCode": 200}', 200],
    ['{statusCode: 404}', 404],
    ['#set($code = 201){"statusCode": $code}', 201],
    ['{"status": 200}', 500],
  ];
  for (const [requestTemplate, status] of table) {
    const result = simulateInline({
      method: method(
        {
          type: 'MOCK',
          requestTemplates: { 'application/json': requestTemplate },
          integrationResponses: { '200': { statusCode: '200' }, '404': { statusCode: '404', selectionPattern: '404' }, '201': { statusCode: '201', selectionPattern: '201' } },
        },
        ['200', '201', '404'],
      ),
    });
    assert.equal(result.statusCode, status, requestTemplate);
    assert.equal(result.body === '' || status === 500, true, requestTemplate);
  }
});

test('a response template that fails is a 500 whose problem points into the definition', () => {
  const text = JSON.stringify(
    {
      method: method({ type: 'HTTP', uri: 'https://example.com/', integrationResponses: { '200': { statusCode: '200', responseTemplates: { 'application/json': 'ok #set($context.responseOverride.status = 400)#set($context.responseOverride.status = 401)' } } } }),
      backend: { http: { statusCode: 200, headers: {}, body: '{}' } },
    },
    null,
    2,
  );
  const { scenario } = parseScenario(text, 't.scenario.json');
  assert.ok(scenario && scenario.method.kind === 'inline');
  if (scenario.method.kind !== 'inline') return;
  const result = simulateScenario(scenario, scenario.method.operation);
  assert.equal(result.statusCode, 500);
  assert.equal(result.selectedResponse, '200');
  const problem = result.problems[0];
  assert.ok(problem?.range, JSON.stringify(result.problems));
  const templateStart = text.indexOf('"ok #set');
  assert.ok(problem.range.start > templateStart && problem.range.end <= text.indexOf('\n', templateStart), `${JSON.stringify(problem.range)} should fall inside the template`);
});
