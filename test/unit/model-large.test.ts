// A large definition is read completely, in JSON and in YAML. How fast it is read, against the bare
// parse of the same text, is measured by test/bench/model.bench.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { parseApiDocument } from '../../shared/src/index';
import { generatedDefinition, generatedOperationCount } from '../bench/generated-definition';

const BYTES = 1_000_000;
const definition = generatedDefinition(BYTES);

for (const [format, fileName, text] of [
  ['JSON', 'big.json', JSON.stringify(definition, null, 2)],
  ['YAML', 'big.yaml', stringify(definition)],
] as const) {
  test(`a ${(text.length / 1e6).toFixed(1)} MB ${format} definition is read with every operation, pattern and template`, () => {
    const document = parseApiDocument(text, fileName);
    assert.deepEqual(document.problems, []);
    assert.equal(document.operations.length, generatedOperationCount(BYTES));
    for (const operation of document.operations) {
      const responses = operation.integration?.responses ?? [];
      assert.deepEqual(responses.map((r) => r.selectionPattern?.embedded.text), [undefined, '.*"error".*'], operation.path);
      assert.ok(responses.every((r) => (r.responseTemplates[0]?.text?.embedded.text.length ?? 0) > 0), operation.path);
    }
  });
}
