// The extension side's pure parts: the sample store over workspace state, and where scenarios are saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PreviewSampleStore, type PreviewMemento } from '../../client/src/preview/sampleStore';
import { freeScenarioPath, relativeDefinitionPath, scenarioFileStem } from '../../client/src/preview/scenarioPath';
import { defaultPreviewSample } from '../../shared/src/protocol/index';

function memoryMemento(): PreviewMemento & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: (key: string, value: unknown) => {
      if (value === undefined) values.delete(key);
      else values.set(key, structuredClone(value));
      return Promise.resolve();
    },
  };
}

test('samples are kept per document and operation, and forgotten on request', async () => {
  const memento = memoryMemento();
  const store = new PreviewSampleStore(memento);
  const a = defaultPreviewSample({ httpMethod: 'GET', resourcePath: '/a' });
  const b = { ...defaultPreviewSample({ httpMethod: 'POST', resourcePath: '/b' }), stageVariables: 'env=dev' };
  await store.saveSample('file:///x.yaml', 'GET /a', a);
  await store.saveSample('file:///x.yaml', 'POST /b', b);
  await store.saveSample('file:///y.yaml', 'GET /a', b);
  assert.deepEqual(store.sample('file:///x.yaml', 'GET /a'), a);
  assert.deepEqual(store.sample('file:///x.yaml', 'POST /b'), b);
  assert.deepEqual(store.sample('file:///y.yaml', 'GET /a'), b);
  assert.equal(store.sample('file:///z.yaml', 'GET /a'), undefined);
  await store.forgetSample('file:///x.yaml', 'GET /a');
  assert.equal(store.sample('file:///x.yaml', 'GET /a'), undefined);
  await store.saveLastOperation('file:///x.yaml', 'POST /b');
  assert.equal(store.lastOperation('file:///x.yaml'), 'POST /b');
});

test('a stored value of another shape (an older version) is not used', () => {
  const memento = memoryMemento();
  memento.values.set('apigwMapping.preview.sample:file:///x.yaml#GET /a', { backendKind: 'http' });
  memento.values.set('apigwMapping.preview.operation:file:///x.yaml', 42);
  const store = new PreviewSampleStore(memento);
  assert.equal(store.sample('file:///x.yaml', 'GET /a'), undefined);
  assert.equal(store.lastOperation('file:///x.yaml'), undefined);
});

test('scenario file names and definition paths', async () => {
  const stems: [string, string][] = [
    ['GET /pets/{petId}', 'get-pets-petid'],
    ['ANY /{proxy+}', 'any-proxy'],
    ['POST /', 'post'],
    ['', 'operation'],
  ];
  for (const [operation, stem] of stems) assert.equal(scenarioFileStem(operation), stem);
  const paths: [string, string, string][] = [
    ['/w/api/scenarios', '/w/api/openapi.yaml', '../openapi.yaml'],
    ['/w/api/scenarios', '/w/other/sam.yaml', '../../other/sam.yaml'],
    ['/w/api', '/w/api/openapi.yaml', 'openapi.yaml'],
    ['/w/a/b/scenarios', '/w/a/b/scenarios/def.json', 'def.json'],
  ];
  for (const [from, to, expected] of paths) assert.equal(relativeDefinitionPath(from, to), expected, `${from} → ${to}`);
  const taken = new Set(['/w/s/get.scenario.json', '/w/s/get-2.scenario.json']);
  assert.equal(await freeScenarioPath('/w/s', 'get', async (p) => taken.has(p)), '/w/s/get-3.scenario.json');
  assert.equal(await freeScenarioPath('/w/s', 'post', async (p) => taken.has(p)), '/w/s/post.scenario.json');
});
