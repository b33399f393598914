// The conformance scenarios that exercise $util, $input and responseParameters on their own, evaluated
// with the apigw functions directly (templates here are one call, so no renderer is needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  UTIL_STRING_FUNCTIONS,
  buildContext,
  createInputPayload,
  evaluateResponseParameterSource,
  type InputPayload,
  type JsonValue,
  type UtilStringFunctionName,
} from '../../shared/src/apigw/index';

const FIXTURES = 'test/fixtures/apigw/conformance';

interface Scenario {
  name: string;
  method: {
    httpMethod: string;
    resourcePath?: string;
    methodIntegration: { integrationResponses: Record<string, { responseTemplates?: Record<string, string>; responseParameters?: Record<string, string> }> };
  };
  request?: { httpMethod?: string; path?: string; headers?: Record<string, string> };
  backend: { http?: { headers?: Record<string, string>; body?: string }; lambda?: { payload: unknown } };
  context?: Record<string, unknown>;
  stageVariables?: Record<string, string>;
  expect: { body?: string; bodyJson?: unknown; headers?: Record<string, string>; headersAbsent?: string[] };
}

const scenarios: Scenario[] = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.scenario.json'))
  .map((name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Scenario);

function backendBody(scenario: Scenario): string {
  if (scenario.backend.lambda) return JSON.stringify(scenario.backend.lambda.payload);
  return scenario.backend.http?.body ?? '';
}

/** What a template made of one `$input`/`$util` call renders to; null → "", as API Gateway prints it. */
function renderSingleCall(template: string, input: InputPayload): string {
  const asText = (value: JsonValue | undefined): string => (value === undefined || value === null ? '' : String(value));
  const argument = (expression: string): string => {
    const literal = /^'(.*)'$/s.exec(expression);
    if (literal) return literal[1];
    if (expression === '$input.body') return input.body;
    const path = /^\$input\.path\(["'](.*)["']\)$/.exec(expression);
    if (path) {
      const result = input.path(path[1]);
      assert.ok(result.ok);
      return asText(result.value);
    }
    throw new Error(`unsupported argument ${expression}`);
  };
  const util = /^\$util\.(\w+)\((.*)\)$/s.exec(template);
  if (util) {
    const result = UTIL_STRING_FUNCTIONS[util[1] as UtilStringFunctionName](argument(util[2]));
    assert.ok(result.ok, `${template} is not an error`);
    return result.value;
  }
  const json = /^\$input\.json\(["'](.*)["']\)$/.exec(template);
  if (json) {
    const result = input.json(json[1]);
    assert.ok(result.ok);
    return result.value;
  }
  return argument(template);
}

test('conformance: templates made of one $util or $input call', () => {
  let checked = 0;
  for (const scenario of scenarios) {
    for (const response of Object.values(scenario.method.methodIntegration.integrationResponses)) {
      const template = response.responseTemplates?.['application/json'];
      if (template === undefined) continue;
      const output = renderSingleCall(template, createInputPayload(backendBody(scenario)));
      if (scenario.expect.body !== undefined) assert.equal(output, scenario.expect.body, scenario.name);
      else assert.deepEqual(JSON.parse(output), scenario.expect.bodyJson, scenario.name);
      checked++;
    }
  }
  assert.equal(checked, 16);
});

test('conformance: responseParameters sources', () => {
  let checked = 0;
  for (const scenario of scenarios) {
    for (const response of Object.values(scenario.method.methodIntegration.integrationResponses)) {
      if (!response.responseParameters) continue;
      const context = buildContext(
        { httpMethod: scenario.request?.httpMethod ?? scenario.method.httpMethod, path: scenario.request?.path ?? '/', resourcePath: scenario.method.resourcePath ?? '/' },
        scenario.context,
      );
      const endpoint = { headers: Object.entries(scenario.backend.http?.headers ?? {}), body: backendBody(scenario) };
      const mapped: Record<string, string> = {};
      for (const [target, source] of Object.entries(response.responseParameters)) {
        const result = evaluateResponseParameterSource(source, endpoint, context, scenario.stageVariables ?? {});
        assert.notEqual(result.problem?.severity, 'error', `${scenario.name}: ${source}`);
        if (result.value !== undefined) mapped[target.replace('method.response.header.', '')] = result.value;
      }
      for (const [name, value] of Object.entries(scenario.expect.headers ?? {})) assert.equal(mapped[name], value, `${scenario.name}: ${name}`);
      for (const name of scenario.expect.headersAbsent ?? []) assert.equal(mapped[name], undefined, `${scenario.name}: ${name} is absent`);
      checked++;
    }
  }
  assert.equal(checked, 6);
});
