// Bad input never throws out of apigw and never hangs: seeded mutations of JSON, JSONPath and mapping
// expressions. JSON parsing is also held to JSON.parse: the same texts are accepted, with the same values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as yieldToTimeout } from 'node:timers/promises';
import {
  JavaNumber,
  buildContext,
  compileJsonPath,
  createInputPayload,
  evaluateJsonPath,
  evaluateResponseParameterSource,
  parseJsonForTemplate,
  parseResponseParameterExpression,
  type JsonValue,
} from '../../shared/src/apigw/index';
import { randomTools } from '../fixtures/apigw/seededRandom';


const { between, pick } = randomTools(4242);

const KEYS = ['a', 'b', '2', '__proto__', 'a b', 'é', ''];
const STRINGS = ['', 'x', 'quote " and \\ back', '\u2028', '😀', '\ud800', 'tab\there'];
const NUMBERS = ['0', '-0', '1', '-1.5', '1e3', '2.50', '12345678901234567890', '1.5e-7', '9007199254740993', '3.141592653589793238462643'];

function randomJson(depth: number): string {
  const kind = depth > 4 ? between(0, 3) : between(0, 5);
  if (kind === 0) return JSON.stringify(pick(STRINGS));
  if (kind === 1) return pick(NUMBERS);
  if (kind === 2) return pick(['true', 'false', 'null']);
  if (kind === 3) return JSON.stringify(pick(STRINGS)).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const space = pick(['', ' ', '\n  ']);
  if (kind === 4) return `[${space}${Array.from({ length: between(0, 3) }, () => randomJson(depth + 1)).join(`,${space}`)}]`;
  return `{${space}${Array.from({ length: between(0, 3) }, () => `${JSON.stringify(pick(KEYS))}${space}:${randomJson(depth + 1)}`).join(',')}}`;
}

const NOISE = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '0', '1', '-', '+', '.', 'e', 'E', 't', 'n', 'u', 'x', '\u0001', '\n', "'"];

function mutate(text: string): string {
  let out = text;
  for (let n = between(0, 3); n > 0; n--) {
    const at = between(0, out.length);
    const kind = between(0, 2);
    if (kind === 0) out = out.slice(0, at) + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + pick(NOISE) + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + between(1, 4)).repeat(2) + out.slice(at + between(1, 4));
  }
  return out;
}

/** The JSON.parse view of a parsed value: objects as plain objects, numbers as doubles, -0 as 0. */
function plain(value: JsonValue): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) Object.defineProperty(out, key, { value: plain(item), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof JavaNumber) return value.value;
  if (typeof value === 'number') return value === 0 ? 0 : value;
  return value;
}

function withoutNegativeZero(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(out, key, { value: withoutNegativeZero(item), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value === 0 ? 0 : value;
}

test('parseJsonForTemplate accepts what JSON.parse accepts, with the same values, and never throws', () => {
  let accepted = 0;
  let rejected = 0;
  for (let i = 0; i < 4000; i++) {
    const valid = randomJson(0);
    const text = i % 2 === 0 ? valid : mutate(valid);
    let expected: unknown;
    let reference = true;
    try {
      expected = withoutNegativeZero(JSON.parse(text));
    } catch {
      reference = false;
    }
    const result = parseJsonForTemplate(text);
    assert.equal(result.ok, reference, `${JSON.stringify(text)}: ours ${result.ok ? 'accepts' : `rejects (${result.error.message})`}`);
    if (result.ok) {
      accepted++;
      assert.deepEqual(plain(result.value), expected, JSON.stringify(text));
    } else {
      rejected++;
      assert.ok(result.error.offset >= 0 && result.error.offset <= text.length, `offset within ${JSON.stringify(text)}`);
    }
  }
  assert.ok(accepted > 1000 && rejected > 500, `${accepted} accepted, ${rejected} rejected`);
});

const PATH_PIECES = ['$', '@', '.', '..', '*', '[', ']', '[*]', '[0]', '[-1]', '[1:2]', '[:', "['a']", '["b"]', "'", '"', '(', ')', '?', '[?(@.a', ' < 10', ' == ', "'x'", ' && ', ' || ', '!', '=~', '/a.*/i', ' in ', "['a','b']", 'a', 'b', '2', 'length()', ' ', ','];

const DOCUMENT_TEXT = '{"a":[{"a":1,"b":"x"},{"a":20,"c":[1,2,{"a":null}]}],"b":{"a":{"a":[[]]}},"2":"two"}';

test('JSONPath: random paths compile or fail with an offset in range, and evaluate without throwing', () => {
  const parsed = parseJsonForTemplate(DOCUMENT_TEXT);
  assert.ok(parsed.ok);
  let compiled = 0;
  for (let i = 0; i < 5000; i++) {
    const path = Array.from({ length: between(1, 8) }, () => pick(PATH_PIECES)).join('');
    const result = compileJsonPath(path);
    if (result.ok) {
      compiled++;
      const evaluated = evaluateJsonPath(parsed.value, path);
      assert.ok(evaluated.ok, path);
    } else {
      assert.ok(result.error.offset >= 0 && result.error.offset <= path.length, `${path}: offset ${result.error.offset}`);
    }
  }
  assert.ok(compiled > 500, `${compiled} paths compiled`);
});

// The timeout catches a hang; it can only fire while the test awaits, so each document yields first.
test('hostile documents and paths never hang', { timeout: 60_000 }, async () => {
  const deep = '['.repeat(399) + ']'.repeat(399);
  const wide = `[${Array.from({ length: 3000 }, (_, i) => `{"a":${i},"b":[${i},{"a":${i}}]}`).join(',')}]`;
  for (const body of [deep, wide]) {
    await yieldToTimeout();
    const input = createInputPayload(body);
    for (const path of ['$..*', '$..a', '$..[?(@.a > 10)]', '$..[0]', '$..b[*]..a', '$[*][?(@.b[?(@.a)])]']) {
      const result = input.path(path);
      assert.ok(result.ok || /visits more than/.test(result.error.message), path);
    }
  }
  await yieldToTimeout();
  const manyIndexes = `$[${'0,'.repeat(200_000)}0]`;
  assert.equal(compileJsonPath(manyIndexes).ok, true);
  const cyclic: Record<string, unknown> = { stage: 'test' };
  cyclic.self = cyclic;
  assert.equal(evaluateResponseParameterSource('context.self', { headers: [], body: '' }, cyclic, {}).problem?.code, 'response-parameter-unprintable-context');
  const nestedFilters = `$${'[?(@'.repeat(60)}`;
  assert.equal(compileJsonPath(nestedFilters).ok, false);
  await yieldToTimeout();
});

test('mapping expressions: random text is read and evaluated without throwing', () => {
  const pieces = ['integration.', 'response.', 'header.', 'multivalueheader.', 'body', '.', 'context.', 'stageVariables.', "'", 'method.request.', 'a', 'X-Id', '[0]', '[', 'errorMessage', ' ', 'identity.', 'sourceIp'];
  const context = buildContext({ httpMethod: 'GET', path: '/', resourcePath: '/' });
  const endpoint = { headers: [['X-Id', '1']] as [string, string][], body: '{"errorMessage":"{\\"a\\":[1]}","a":[{"b":2}]}' };
  for (let i = 0; i < 3000; i++) {
    const text = Array.from({ length: between(1, 6) }, () => pick(pieces)).join('');
    const parsed = parseResponseParameterExpression(text);
    for (const problem of parsed.problems) assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length, `${text}: ${problem.code} ${problem.start}-${problem.end}`);
    const result = evaluateResponseParameterSource(text, endpoint, context, { a: 'x' });
    assert.ok(result.value !== undefined || result.problem !== undefined, text);
  }
});
