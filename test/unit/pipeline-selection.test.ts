// SEMANTICS 2 and 3: what is matched per integration type, Java whole-string matching, order, defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as yieldToTimeout } from 'node:timers/promises';
import { lambdaUri, method, simulateInline } from '../fixtures/scenarios/inline';

type Responses = Record<string, { statusCode: string; selectionPattern?: string }>;

const lambdaResponses: Responses = {
  '200': { statusCode: '200' },
  '404': { statusCode: '404', selectionPattern: 'Not found: .*' },
  '400': { statusCode: '400', selectionPattern: 'Invalid*' },
  '500': { statusCode: '500', selectionPattern: '(\\n|.)*Exception(\\n|.)*' },
  '502': { statusCode: '502', selectionPattern: '.*Boom.*' },
};

function lambda(responses: Responses, backend: Record<string, unknown>) {
  return simulateInline({
    method: method({ type: 'AWS', uri: lambdaUri, integrationResponses: responses }, Object.values(responses).map((r) => r.statusCode)),
    request: { httpMethod: 'GET', path: '/r' },
    backend: { lambda: backend },
  });
}

function http(responses: Responses, status: number) {
  return simulateInline({
    method: method({ type: 'HTTP', uri: 'https://example.com/', integrationResponses: responses }, Object.values(responses).map((r) => r.statusCode)),
    backend: { http: { statusCode: status, headers: {}, body: '' } },
  });
}

const error = (message: string) => ({ payload: { errorMessage: message, errorType: 'Error' }, functionError: 'Unhandled' });

test('Lambda custom integrations match the errorMessage of a function error, "" on success', () => {
  const table: [backend: Record<string, unknown>, selected: string, warning?: string][] = [
    [{ payload: { id: 1 } }, '200'],
    [error('Not found: 12'), '404'],
    [error('Not found'), '200'],
    [error('Invalid input'), '200'],
    [error('Invalidd'), '400'],
    [error('java.lang.IllegalStateException: down\n\tat A.b(A.java:1)'), '500'],
    [error('Boom\nstack'), '200', 'pattern-newline'],
    [{ payload: { errorMessage: 'Not found: 1' } }, '200', 'success-payload-error-message'],
    [{ payload: { errorType: 'Error' }, functionError: 'Handled' }, '200'],
    [{ payloadText: '"Not found: 3"' }, '200'],
  ];
  for (const [backend, selected, warning] of table) {
    const result = lambda(lambdaResponses, backend);
    const label = JSON.stringify(backend);
    assert.equal(result.selectedResponse, selected, `${label}: ${JSON.stringify(result.trace)}`);
    assert.equal(result.statusCode, Number(selected), label);
    if (warning) assert.ok(result.warnings.some((w) => w.code === warning), `${label}: expected warning ${warning}, got ${JSON.stringify(result.warnings)}`);
  }
});

test('a recursive group such as (\\n|.)* tried on a long errorMessage: the warning that Java may overflow its stack', () => {
  const responses: Responses = { '200': { statusCode: '200' }, '500': { statusCode: '500', selectionPattern: '(\\n|.)*Exception(\\n|.)*' }, '502': { statusCode: '502', selectionPattern: '[\\s\\S]*Boom[\\s\\S]*' } };
  const table: [message: string, selected: string, warned: boolean][] = [
    ['java.lang.IllegalStateException: down', '500', false],
    [`java.lang.IllegalStateException: down\n${'\tat A.b(A.java:1)\n'.repeat(60)}`, '500', true],
    // Not matched, but tried: Java recurses through the whole value before it fails.
    [`Boom${'.'.repeat(5000)}`, '502', true],
    [`Boom${'.'.repeat(900)}`, '502', false],
  ];
  for (const [message, selected, warned] of table) {
    const result = lambda(responses, error(message));
    assert.equal(result.selectedResponse, selected, message.slice(0, 40));
    const warning = result.warnings.find((w) => w.code === 'pattern-deep-recursion');
    assert.equal(!!warning, warned, `${message.length} characters: ${JSON.stringify(result.warnings)}`);
    if (warning) assert.match(warning.message, /`\(\\n\|\.\)\*`.*StackOverflowError/);
  }
});

test('HTTP integrations match the status code as a whole string', () => {
  const responses: Responses = { '200': { statusCode: '200' }, '400': { statusCode: '400', selectionPattern: '4\\d{2}' }, '401': { statusCode: '401', selectionPattern: '401' } };
  const table: [status: number, selected: string][] = [
    [200, '200'],
    [201, '200'],
    [404, '400'],
    [401, '400'],
    [500, '200'],
  ];
  for (const [status, selected] of table) assert.equal(http(responses, status).selectedResponse, selected, String(status));
});

test('several matching patterns: the lowest status code wins, with a warning', () => {
  const result = lambda({ '502': { statusCode: '502', selectionPattern: '.+' }, '405': { statusCode: '405', selectionPattern: '.*four hundred.*' } }, error('four hundred and five'));
  assert.equal(result.selectedResponse, '405');
  assert.ok(result.warnings.some((w) => w.code === 'several-patterns-match'));
});

test('no match and no default is a 500 configuration error with AWS\'s body and headers', () => {
  const result = http({ '200': { statusCode: '200', selectionPattern: '200' } }, 404);
  assert.equal(result.statusCode, 500);
  assert.equal(result.selectedResponse, null);
  assert.deepEqual(result.error?.type, 'API_CONFIGURATION_ERROR');
  assert.deepEqual(JSON.parse(result.body), { message: 'Internal server error' });
  assert.equal(result.headers['x-amzn-ErrorType'], 'InternalServerErrorException');
});

test('several defaults: the first in definition order, with a warning', () => {
  // Non-numeric keys keep the definition order through JSON.stringify.
  const result = http({ emptyPattern: { statusCode: '201', selectionPattern: '' }, noPattern: { statusCode: '200' } }, 200);
  assert.equal(result.selectedResponse, '201');
  assert.ok(result.warnings.some((w) => w.code === 'several-default-responses'));
});

// The timeout catches a hang; it can only fire while the test awaits, so the test yields around the run.
test('a pattern that does not compile or runs away is reported with a range and never hangs', { timeout: 60_000 }, async () => {
  const broken = http({ '200': { statusCode: '200' }, '400': { statusCode: '400', selectionPattern: '4([0-9' } }, 404);
  assert.equal(broken.selectedResponse, '200');
  assert.ok(broken.problems.length > 0 && broken.problems[0].range, JSON.stringify(broken.problems));

  await yieldToTimeout();
  const runaway = lambda({ '200': { statusCode: '200' }, '400': { statusCode: '400', selectionPattern: '(a|aa)+b' } }, error('a'.repeat(5000)));
  assert.equal(runaway.selectedResponse, '200');
  await yieldToTimeout();
});
