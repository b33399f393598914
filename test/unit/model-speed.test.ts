// Reading a large definition costs a small multiple of the bare parse of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { parseDocument, stringify } from 'yaml';
import { parseApiDocument } from '../../shared/src/index';

/** An OpenAPI definition of about `bytes` (as JSON) with templates, patterns and header mappings. */
function generatedDefinition(bytes: number): object {
  const paths: Record<string, unknown> = {};
  for (let i = 0, size = 0; size < bytes; i++, size += 1700) {
    paths[`/items${i}/{id}`] = {
      get: {
        responses: { '200': { description: 'ok', headers: { ETag: { schema: { type: 'string' } } } } },
        'x-amazon-apigateway-integration': {
          type: 'aws',
          uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f${i}/invocations`,
          httpMethod: 'POST',
          requestTemplates: { 'application/json': `{"id": "$input.params('id')", "n": ${i}}` },
          responses: {
            default: {
              statusCode: '200',
              responseParameters: { 'method.response.header.ETag': "'x'" },
              responseTemplates: { 'application/json': '#set($r = $input.path(\'$\'))\n{"items": [#foreach($i in $r.items)"$i"#if($foreach.hasNext),#end#end]}' },
            },
            '.*"error".*': { statusCode: '400', responseTemplates: { 'application/json': '{"message": "$input.path(\'$.errorMessage\')"}' } },
          },
        },
      },
    };
  }
  return { openapi: '3.0.1', info: { title: 'generated' }, paths };
}

/**
 * The best time of each of two tasks over `runs` alternating runs: alternating lets a busy machine
 * (tests run in parallel) slow both alike, and the best run is the least disturbed one.
 */
function fastestOfEach(runs: number, first: () => void, second: () => void): [number, number] {
  let bestFirst = Infinity;
  let bestSecond = Infinity;
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    first();
    bestFirst = Math.min(bestFirst, performance.now() - start);
    start = performance.now();
    second();
    bestSecond = Math.min(bestSecond, performance.now() - start);
  }
  return [bestFirst, bestSecond];
}

/** Reads everything a diagnostics pass would: every template's and pattern's decoded map. */
function readFully(text: string, fileName: string): number {
  let characters = 0;
  for (const operation of parseApiDocument(text, fileName).operations) {
    for (const response of operation.integration?.responses ?? []) {
      characters += response.selectionPattern?.embedded.text.length ?? 0;
      for (const template of response.responseTemplates) characters += template.text?.embedded.text.length ?? 0;
    }
  }
  return characters;
}

const definition = generatedDefinition(1_500_000);

for (const [format, text, bare] of [
  ['JSON', JSON.stringify(definition, null, 2), (t: string) => parseTree(t)],
  ['YAML', stringify(definition), (t: string) => parseDocument(t, { keepSourceTokens: true })],
] as const) {
  test(`a ${Math.round(text.length / 1e6)} MB ${format} definition reads within 3x its bare parse`, () => {
    const fileName = format === 'JSON' ? 'big.json' : 'big.yaml';
    assert.ok(readFully(text, fileName) > 0);
    const [parse, read] = fastestOfEach(5, () => bare(text), () => readFully(text, fileName));
    assert.ok(read < 3 * parse, `${format}: read ${read.toFixed(0)} ms, bare parse ${parse.toFixed(0)} ms`);
  });
}
