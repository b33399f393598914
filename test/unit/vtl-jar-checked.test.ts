// The renderer against outputs of the Velocity 1.7 jar (cases in vtl-jar-checked-cases.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate } from '../../shared/src/vtl/render/index';
import { BARE_REFERENCE_CASES, CONTEXT_CASES } from './vtl-jar-checked-cases';

function render(template: string) {
  return renderTemplate({ template, body: '{}', params: { path: {}, querystring: {}, header: {} }, context: {}, stageVariables: {} });
}

for (const [what, template, expected] of CONTEXT_CASES) {
  test(`context chain: ${what}`, () => {
    const result = render(template);
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.equal(result.output, expected);
  });
}

for (const [what, template, expected] of BARE_REFERENCE_CASES) {
  test(`reference without $: ${what}`, () => {
    const result = render(template);
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.equal(result.output, expected);
  });
}

test('context chain: a used out-of-range argument fails where it is read', () => {
  const result = render('#set($v = [1])#macro(m $p)a$p#end#m($v[1])');
  assert.equal(result.error?.code, 'vtl-java-exception');
  assert.match(result.error.message, /IndexOutOfBoundsException/);
});
