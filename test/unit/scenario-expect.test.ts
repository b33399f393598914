// Comparing a result with `expect`: only the keys given, header names case-insensitive, bodyJson deep-equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareExpectation, parseScenario, type SimulationResult } from '../../shared/src/index';

const result: SimulationResult = {
  statusCode: 404,
  headers: [
    ['Content-Type', 'application/json'],
    ['X-Multi', 'one'],
    ['x-multi', 'two'],
  ],
  body: new TextEncoder().encode('{"b": [1, 2], "a": "x"}'),
  selectedResponse: '404',
  error: null,
  trace: [],
  warnings: [],
  problems: [],
};

function failuresFor(expect: Record<string, unknown>): string[] {
  const text = JSON.stringify({ definition: 'api.yaml', operation: 'GET /', expect });
  const { scenario, problems } = parseScenario(text, 'e.scenario.json');
  assert.ok(scenario?.expect, JSON.stringify(problems));
  return compareExpectation(scenario.expect, result).map((f) => f.key);
}

test('expectations pass or fail key by key', () => {
  const table: [expect: Record<string, unknown>, failedKeys: string[]][] = [
    [{}, []],
    [{ statusCode: 404 }, []],
    [{ statusCode: 200 }, ['statusCode']],
    [{ headers: { 'content-type': 'application/json' } }, []],
    [{ headers: { 'Content-Type': 'text/plain' } }, ['headers.Content-Type']],
    [{ headers: { 'x-multi': 'one, two' } }, []],
    [{ headers: { 'X-MULTI': ['one', 'two'] } }, []],
    [{ headers: { 'X-Multi': ['two', 'one'] } }, ['headers.X-Multi']],
    [{ headers: { Missing: 'x' } }, ['headers.Missing']],
    [{ headersPresent: ['CONTENT-TYPE'], headersAbsent: ['Server'] }, []],
    [{ headersPresent: ['Server'], headersAbsent: ['x-multi'] }, ['headersPresent.Server', 'headersAbsent.x-multi']],
    [{ bodyJson: { a: 'x', b: [1, 2] } }, []],
    [{ bodyJson: { a: 'x', b: [2, 1] } }, ['bodyJson']],
    [{ body: '{"b": [1, 2], "a": "x"}' }, []],
    [{ body: '{"b":[1,2],"a":"x"}' }, ['body']],
    [{ bodyBase64: Buffer.from('{"b": [1, 2], "a": "x"}').toString('base64') }, []],
    [{ bodyBase64: 'AAAA' }, ['bodyBase64']],
    [{ selectedResponse: '404' }, []],
    [{ selectedResponse: null }, ['selectedResponse']],
    [{ errorType: null }, []],
    [{ errorType: 'API_CONFIGURATION_ERROR' }, ['errorType']],
  ];
  for (const [expect, failedKeys] of table) {
    assert.deepEqual(failuresFor(expect), failedKeys, JSON.stringify(expect));
  }
});
