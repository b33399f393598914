// The conformance scenarios that exercise templates directly (kinds template, template_pipeline and
// util_function, plus the override and MOCK map cases), rendered through renderTemplate alone. Copies of
// /work/shared/scenarios/conformance files live in test/fixtures/vtl-render/conformance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTemplate, type RenderResult } from '../../shared/src/vtl/render/index';

interface Scenario {
  name: string;
  'x-aws-validated'?: boolean;
  method: {
    methodIntegration: {
      requestTemplates?: Record<string, string>;
      integrationResponses: Record<string, { responseTemplates?: Record<string, string> }>;
    };
  };
  request?: {
    body?: string;
    headers?: Record<string, string>;
    pathParameters?: Record<string, string>;
    queryStringParameters?: Record<string, string>;
  };
  backend?: { http?: { body?: string }; lambda?: { payload?: unknown; payloadText?: string }; echo?: unknown } | null;
  context?: Record<string, unknown>;
  stageVariables?: Record<string, string>;
  expect: { statusCode?: number; body?: string; bodyJson?: unknown };
}

const DIR = join('test', 'fixtures', 'vtl-render', 'conformance');

function firstTemplate(templates: Record<string, string> | undefined): string | undefined {
  if (!templates) return undefined;
  return templates['application/json'] ?? Object.values(templates)[0];
}

function renderStep(scenario: Scenario, template: string, body: string, context: Record<string, unknown>): RenderResult {
  const request = scenario.request ?? {};
  return renderTemplate({
    template,
    body,
    params: { path: request.pathParameters ?? {}, querystring: request.queryStringParameters ?? {}, header: request.headers ?? {} },
    context,
    stageVariables: scenario.stageVariables ?? {},
  });
}

/** Runs the request template (when there is one) into the backend, then the response template. */
function run(scenario: Scenario): RenderResult {
  const integration = scenario.method.methodIntegration;
  const responseTemplate = firstTemplate(Object.values(integration.integrationResponses)[0]?.responseTemplates);
  assert.ok(responseTemplate !== undefined, 'the scenario has a response template');
  let context: Record<string, unknown> = { ...(scenario.context ?? {}) };
  let body = '';
  const requestTemplate = firstTemplate(integration.requestTemplates);
  if (requestTemplate !== undefined) {
    const request = renderStep(scenario, requestTemplate, scenario.request?.body ?? '', context);
    assert.equal(request.error, undefined, JSON.stringify(request.error));
    context = request.context;
    // An echo backend answers with the integration request; a MOCK integration response has no body.
    body = scenario.backend?.echo ? request.output : '';
  }
  if (scenario.backend?.http) body = scenario.backend.http.body ?? '';
  if (scenario.backend?.lambda) body = scenario.backend.lambda.payloadText ?? JSON.stringify(scenario.backend.lambda.payload);
  return renderStep(scenario, responseTemplate, body, context);
}

const files = readdirSync(DIR).filter((name) => name.endsWith('.scenario.json')).sort();

test('the template conformance fixtures are all here', () => {
  assert.equal(files.length, 36);
});

for (const file of files) {
  const scenario = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Scenario;
  test(`conformance ${scenario.name}${scenario['x-aws-validated'] ? ' (recorded on AWS)' : ''}`, () => {
    const result = run(scenario);
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    if (scenario.expect.body !== undefined) assert.equal(result.output, scenario.expect.body);
    if (scenario.expect.bodyJson !== undefined) assert.deepEqual(JSON.parse(result.output), scenario.expect.bodyJson);
    const override = (result.context.responseOverride as Record<string, unknown> | undefined)?.status;
    if (scenario.expect.statusCode !== undefined && scenario.expect.statusCode !== 200) assert.equal(override, scenario.expect.statusCode);
  });
}
