// The renderer against outputs of the Velocity 1.7 jar (cases in vtl-jar-checked-cases.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate } from '../../shared/src/vtl/render/index';
import { BARE_REFERENCE_CASES, CONTEXT_CASES, DEFINE_CASES, FAILS, PREFIX_CASES, STRING_CASES, UNKNOWN_CALL_CASES, type JarCheckedCase } from './vtl-jar-checked-cases';

function render(template: string) {
  return renderTemplate({ template, body: '{}', params: { path: {}, querystring: {}, header: {} }, context: {}, stageVariables: {} });
}

const TABLES: [string, readonly JarCheckedCase[]][] = [
  ['context chain', CONTEXT_CASES],
  ['reference without $', BARE_REFERENCE_CASES],
  ['#define', DEFINE_CASES],
  ['string', STRING_CASES],
  ['unknown call', UNKNOWN_CALL_CASES],
  ['$ or # before a token', PREFIX_CASES],
];

for (const [topic, cases] of TABLES) {
  for (const [what, template, expected] of cases) {
    test(`${topic}: ${what}`, () => {
      const result = render(template);
      if (expected === FAILS) {
        assert.ok(result.error, `renders ${JSON.stringify(result.output)}`);
        return;
      }
      assert.equal(result.error, undefined, JSON.stringify(result.error));
      assert.equal(result.output, expected);
    });
  }
}

test('context chain: a used out-of-range argument fails where it is read', () => {
  const result = render('#set($v = [1])#macro(m $p)a$p#end#m($v[1])');
  assert.equal(result.error?.code, 'vtl-java-exception');
  assert.match(result.error.message, /IndexOutOfBoundsException/);
});
