// Sample editors → simulation inputs, and sample ⇄ scenario file: the saved scenario is read by the
// engine's own scenario reader and passes its own expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkScenario, createLanguageService, parseScenario, resolveScenarioOperation } from '../../shared/src/index';
import {
  defaultPreviewSample,
  previewSampleFromScenario,
  previewSampleToInputs,
  previewSampleToScenario,
  type PreviewSample,
  type PreviewSampleProblem,
} from '../../shared/src/protocol/index';
import { simulateOperation } from '../../server/src/simulation';

const base = defaultPreviewSample({ httpMethod: 'GET', resourcePath: '/pets/{petId}', integrationType: 'AWS', requestHeaders: { Accept: 'application/json' } });

function withSample(change: (sample: PreviewSample) => void): PreviewSample {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

test('the default sample follows the operation: path parameters, method, backend kind', () => {
  assert.equal(base.backendKind, 'lambda');
  assert.equal(base.request.path, '/pets/1');
  assert.equal(base.request.pathParameters, 'petId=1');
  assert.equal(defaultPreviewSample({ httpMethod: 'ANY', resourcePath: '/{proxy+}', integrationType: 'HTTP_PROXY' }).request.path, '/1');
  assert.equal(defaultPreviewSample({ httpMethod: 'ANY', resourcePath: '/', integrationType: 'HTTP' }).request.httpMethod, 'GET');
  assert.equal(defaultPreviewSample({ httpMethod: 'POST', resourcePath: '/', integrationType: 'MOCK' }).backendKind, 'http');
});

test('sample → inputs, each editor', () => {
  const cases: [string, PreviewSample, string | undefined, unknown, PreviewSampleProblem[]][] = [
    [
      'a Lambda result is sent as its exact text',
      withSample((s) => (s.lambda.payload = '{ "id": 1 }')),
      'AWS',
      { lambda: { payloadText: '{ "id": 1 }' } },
      [],
    ],
    [
      'a Lambda error from its fields, stack frames one a line',
      withSample((s) => {
        s.backendKind = 'lambdaError';
        s.lambdaError = { ...s.lambdaError, errorMessage: 'Not found: 9', errorType: 'NotFound', stackTrace: 'at a\n\nat b\n' };
      }),
      'AWS',
      { lambda: { payload: { errorMessage: 'Not found: 9', errorType: 'NotFound', stackTrace: ['at a', 'at b'] }, functionError: 'Unhandled' } },
      [],
    ],
    [
      'a Lambda error as its raw payload',
      withSample((s) => {
        s.backendKind = 'lambdaError';
        s.lambdaError = { ...s.lambdaError, useRaw: true, raw: '"just text"', functionError: 'Handled' };
      }),
      'AWS',
      { lambda: { payloadText: '"just text"', functionError: 'Handled' } },
      [],
    ],
    [
      'an HTTP answer: repeated headers one line each, spaces around values dropped',
      withSample((s) => {
        s.backendKind = 'http';
        s.http = { statusCode: ' 404 ', headers: 'Set-Cookie: a=1\nSet-Cookie:b=2 \nX-Id: 7', body: '<p>gone</p>' };
      }),
      'HTTP',
      { http: { statusCode: 404, headers: { 'Set-Cookie': ['a=1', 'b=2'], 'X-Id': '7' }, body: '<p>gone</p>' } },
      [],
    ],
    [
      'a bad status and a bad header line are reported and left out',
      withSample((s) => {
        s.backendKind = 'http';
        s.http = { statusCode: '40', headers: 'no colon here\nOk: yes', body: '' };
      }),
      'HTTP',
      { http: { statusCode: 200, headers: { Ok: 'yes' }, body: '' } },
      [
        { field: 'http.statusCode', message: '"40" is not an HTTP status code (100 to 599); 200 is used' },
        { field: 'http.headers', line: 1, message: 'line 1 is not a header: write "Name: value"' },
      ],
    ],
    ['a MOCK integration has no backend', base, 'MOCK', undefined, []],
  ];
  for (const [name, sample, integrationType, backend, problems] of cases) {
    const converted = previewSampleToInputs(sample, integrationType);
    assert.deepEqual(converted.inputs.backend, backend, name);
    assert.deepEqual(converted.problems, problems, name);
  }
});

test('request and stage variables: values kept exactly after "=", repeated names reported', () => {
  const sample = withSample((s) => {
    s.request.queryParameters = 'q= two words \nq=last\n=nameless';
    s.request.body = '{"a":1}';
    s.stageVariables = 'env=dev';
  });
  const { inputs, problems } = previewSampleToInputs(sample, 'AWS');
  assert.deepEqual(inputs.request, {
    httpMethod: 'GET',
    path: '/pets/1',
    headers: { Accept: 'application/json' },
    queryStringParameters: { q: 'last' },
    pathParameters: { petId: '1' },
    body: '{"a":1}',
  });
  assert.deepEqual(inputs.stageVariables, { env: 'dev' });
  assert.deepEqual(
    problems.map((p) => [p.field, p.line]),
    [
      ['request.queryParameters', 2],
      ['request.queryParameters', 3],
    ],
  );
});

test('a scenario written from a sample reads back into the same sample', () => {
  const samples: PreviewSample[] = [
    base,
    withSample((s) => {
      s.backendKind = 'lambdaError';
      s.lambdaError = { ...s.lambdaError, errorMessage: 'Not found: 9', errorType: 'NotFound', stackTrace: 'at a\nat b' };
      s.stageVariables = 'env=dev\nregion=eu';
      s.request.queryParameters = 'q=1';
    }),
    withSample((s) => {
      s.backendKind = 'lambdaError';
      s.lambdaError = { ...s.lambdaError, useRaw: true, raw: '{"errorMessage":1}' };
    }),
    withSample((s) => {
      s.backendKind = 'http';
      s.http = { statusCode: '502', headers: 'A: 1\nA: 2', body: 'oops' };
      s.request.body = 'posted';
    }),
  ];
  for (const sample of samples) {
    const { scenario } = previewSampleToScenario(sample, { definition: '../openapi.yaml', operation: 'GET /pets/{petId}', integrationType: 'AWS' });
    const read = previewSampleFromScenario(JSON.stringify(scenario, null, 2));
    assert.ok(!('error' in read), JSON.stringify(read));
    // Fields of backends the sample does not use are not written: compare what is.
    // A raw error payload is the whole error: the three fields are not written.
    const backendOf = (s: PreviewSample) =>
      s.backendKind === 'lambdaError' && s.lambdaError.useRaw ? { functionError: s.lambdaError.functionError, raw: s.lambdaError.raw } : s[s.backendKind];
    const used = (s: PreviewSample) => ({ backendKind: s.backendKind, request: s.request, stageVariables: s.stageVariables, backend: backendOf(s) });
    assert.deepEqual(used(read.sample), used(sample));
    assert.equal(read.definition, '../openapi.yaml');
    assert.equal(read.operation, 'GET /pets/{petId}');
  }
});

test('reading a scenario that is not one says why, and notes what the preview cannot show', () => {
  assert.ok('error' in previewSampleFromScenario('{ not json'));
  assert.ok('error' in previewSampleFromScenario('[1]'));
  const echo = previewSampleFromScenario(JSON.stringify({ method: {}, backend: { echo: { statusCode: 200 } } }));
  assert.ok(!('error' in echo));
  assert.equal(echo.notes.length, 2);
});

test('the saved scenario is a valid scenario that passes against the definition', () => {
  const definitionText = readFileSync('test/fixtures/preview/openapi.yaml', 'utf8');
  const document = TextDocument.create('file:///work/api/openapi.yaml', 'yaml', 1, definitionText);
  const service = createLanguageService();
  const operation = 'GET /pets/{petId}';
  const samples: PreviewSample[] = [
    withSample((s) => (s.lambda.payload = '{"id": "7", "name": "Rex <script>", "kind": "dog"}')),
    withSample((s) => {
      s.backendKind = 'lambdaError';
      s.lambdaError = { ...s.lambdaError, errorMessage: 'Not found: 7', errorType: 'NotFound' };
    }),
    withSample((s) => {
      s.backendKind = 'lambdaError';
      s.lambdaError = { ...s.lambdaError, errorMessage: 'java.lang.IllegalStateException: x', stackTrace: 'at x.y(Z.java:1)' };
    }),
  ];
  const expectedStatus = [200, 404, 500];
  samples.forEach((sample, index) => {
    const { inputs } = previewSampleToInputs(sample, 'AWS');
    const result = simulateOperation(service, document, { uri: document.uri, operation, inputs });
    assert.ok(result.ok);
    assert.equal(result.statusCode, expectedStatus[index]);
    const { scenario } = previewSampleToScenario(sample, { definition: '../openapi.yaml', operation, integrationType: 'AWS', name: 'saved', result });
    const parsed = parseScenario(JSON.stringify(scenario, null, 2), '/work/api/scenarios/saved.scenario.json');
    assert.deepEqual(parsed.problems, []);
    assert.ok(parsed.scenario);
    const resolved = resolveScenarioOperation(parsed.scenario, { text: definitionText, fileName: '/work/api/openapi.yaml' });
    assert.ok(resolved.operation);
    const { failures } = checkScenario(parsed.scenario, resolved.operation);
    assert.deepEqual(failures, []);
    assert.equal((scenario.expect as { statusCode: number }).statusCode, expectedStatus[index]);
  });
});
