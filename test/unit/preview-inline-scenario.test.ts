// Reading an inline-method scenario into the preview, and the inputs the server runs it with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { previewSampleFromScenario, previewSampleToInputs, scenarioInputsWithOverrides, type SimulationSampleInputs } from '../../shared/src/protocol/index';

/** A Lambda `payload` is sent as its compact JSON (FORMAT.md): the sample keeps it as that text. */
function compactPayload(backend: { lambda?: { payload?: unknown; functionError?: string } }): unknown {
  if (!backend.lambda || backend.lambda.functionError !== undefined || backend.lambda.payload === undefined) return backend;
  return { lambda: { payloadText: JSON.stringify(backend.lambda.payload) } };
}

const scenarioText = (name: string) => readFileSync(`test/conformance/${name}.scenario.json`, 'utf8');

test('an inline-method scenario reads as its own definition, and its sample gives back its request and backend', () => {
  const check = (name: string) => {
    const text = scenarioText(name);
    const scenario = JSON.parse(text);
    const read = previewSampleFromScenario(text);
    assert.ok(!('error' in read), name);
    assert.equal(read.inlineMethod, true, name);
    assert.equal(read.definition, undefined, name);
    const { inputs, problems } = previewSampleToInputs(read.sample, scenario.method.methodIntegration.type);
    assert.deepEqual(problems, [], name);
    const request = inputs.request as Record<string, unknown>;
    for (const key of ['httpMethod', 'path', 'headers', 'queryStringParameters', 'body'] as const) {
      if (scenario.request?.[key] !== undefined) assert.deepEqual(request[key], scenario.request[key], `${name}: request.${key}`);
    }
    assert.deepEqual(inputs.backend, compactPayload(scenario.backend), `${name}: backend`);
  };
  check('http-status-400');
  check('lambda-custom-response-override-status-400');
  check('lambda-proxy-binary-accept-bad-media-type');
});

test('a scenario that names a definition is not read as inline', () => {
  const read = previewSampleFromScenario(JSON.stringify({ definition: '../openapi.yaml', operation: 'GET /pets', request: {} }));
  assert.ok(!('error' in read));
  assert.equal(read.inlineMethod, false);
  assert.deepEqual(read.notes, []);
});

test('the scenario file gives the inputs; each key of the overrides replaces the file, the others stay', () => {
  const file = JSON.stringify({
    method: { httpMethod: 'GET' },
    request: { path: '/a' },
    backend: { echo: { statusCode: 200 } },
    stageVariables: { env: 'dev' },
    context: { stage: 'dev' },
    binaryMediaTypes: ['image/png'],
    expect: { statusCode: 200 },
  });
  const check = (overrides: SimulationSampleInputs | undefined, expected: unknown) => assert.deepEqual(scenarioInputsWithOverrides(file, overrides), expected);
  const fromFile = { request: { path: '/a' }, backend: { echo: { statusCode: 200 } }, stageVariables: { env: 'dev' }, context: { stage: 'dev' }, binaryMediaTypes: ['image/png'] };
  check(undefined, { inputs: fromFile });
  check({}, { inputs: fromFile });
  check(
    { request: { path: '/b' }, backend: { http: { statusCode: 404 } }, stageVariables: {} },
    { inputs: { ...fromFile, request: { path: '/b' }, backend: { http: { statusCode: 404 } }, stageVariables: {} } },
  );
  assert.deepEqual(scenarioInputsWithOverrides('{"method": {}}', undefined), { inputs: {} });
  assert.ok('error' in scenarioInputsWithOverrides('{"method": ', undefined));
  assert.ok('error' in scenarioInputsWithOverrides('[1]', undefined));
});
