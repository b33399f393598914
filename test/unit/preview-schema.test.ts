// The JSON schema that gives completion in *.scenario.json: every key the conformance scenarios use is
// one the schema describes, and its keys are the scenario format's (FORMAT.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  additionalProperties?: boolean | SchemaNode;
}

const schema = JSON.parse(readFileSync('client/schemas/scenario.schema.json', 'utf8')) as SchemaNode;
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };

function keysOf(node: SchemaNode | undefined): string[] {
  return Object.keys(node?.properties ?? {});
}

test('the manifest points *.scenario.json at the schema', () => {
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '*.scenario.json', url: './client/schemas/scenario.schema.json' }]);
});

test('the schema names the keys of the scenario format', () => {
  assert.deepEqual(keysOf(schema).sort(), ['backend', 'binaryMediaTypes', 'context', 'definition', 'description', 'expect', 'method', 'name', 'operation', 'request', 'stageVariables'].sort());
  assert.deepEqual(keysOf(schema.properties?.request).sort(), ['body', 'bodyBase64', 'headers', 'httpMethod', 'path', 'pathParameters', 'queryStringParameters'].sort());
  assert.deepEqual(keysOf(schema.properties?.expect).sort(), ['body', 'bodyBase64', 'bodyJson', 'errorType', 'headers', 'headersAbsent', 'headersPresent', 'selectedResponse', 'statusCode'].sort());
  assert.deepEqual(schema.properties?.backend?.oneOf?.map((form) => keysOf(form)), [['http'], ['lambda'], ['echo']]);
});

test('every key of the conformance and example scenarios is described', () => {
  const backendForms = new Map((schema.properties?.backend?.oneOf ?? []).map((form) => [keysOf(form)[0], keysOf(form.properties?.[keysOf(form)[0]])]));
  const files = [
    ...readdirSync('test/conformance').filter((n) => n.endsWith('.scenario.json')).map((n) => join('test/conformance', n)),
    ...readdirSync('examples/scenarios').map((n) => join('examples/scenarios', n)),
  ];
  assert.ok(files.length > 100);
  const unknown: string[] = [];
  for (const file of files) {
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const check = (where: string, value: unknown, allowed: string[]) => {
      if (typeof value !== 'object' || value === null) return;
      for (const key of Object.keys(value)) if (!allowed.includes(key) && !/^(x-|\$)/.test(key)) unknown.push(`${file}: ${where}.${key}`);
    };
    check('$', scenario, keysOf(schema));
    check('request', scenario.request, keysOf(schema.properties?.request));
    check('expect', scenario.expect, keysOf(schema.properties?.expect));
    const backend = scenario.backend as Record<string, unknown> | undefined;
    for (const [form, body] of Object.entries(backend ?? {})) check(`backend.${form}`, body, backendForms.get(form) ?? []);
  }
  assert.deepEqual(unknown, []);
});
