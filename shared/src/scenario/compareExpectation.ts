import { toBase64, utf8Text } from '../pipeline/bytes';
import type { SimulationResult } from '../pipeline/index';
import { groupHeaderLines } from './resultJson';
import type { ExpectationFailure, ScenarioExpectation } from './types';

/**
 * Compares a result with a scenario's `expect`, checking only the keys given (FORMAT.md): header names
 * case-insensitive and values exact (repeated lines joined by ", ", or compared line by line when the
 * expectation is a list), `bodyJson` parsed and deep-equal, `bodyBase64` byte-exact.
 */
export function compareExpectation(expect: ScenarioExpectation, result: SimulationResult): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  const fail = (key: string, message: string, rangeKey: keyof ScenarioExpectation['ranges']) =>
    failures.push({ key, message, ...(expect.ranges[rangeKey] ? { range: expect.ranges[rangeKey] } : {}) });
  const headers = groupHeaderLines(result.headers);

  if (expect.statusCode !== undefined && expect.statusCode !== result.statusCode) {
    fail('statusCode', `expected ${expect.statusCode}, got ${result.statusCode}`, 'statusCode');
  }
  for (const [name, expected] of Object.entries(expect.headers ?? {})) {
    const actual = headers.get(name.toLowerCase())?.values;
    if (!actual) {
      fail(`headers.${name}`, `expected ${JSON.stringify(expected)}, the header is absent`, 'headers');
    } else if (Array.isArray(expected) ? !sameList(expected, actual) : expected !== actual.join(', ')) {
      fail(`headers.${name}`, `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual.length === 1 ? actual[0] : actual)}`, 'headers');
    }
  }
  for (const name of expect.headersPresent ?? []) {
    if (!headers.has(name.toLowerCase())) fail(`headersPresent.${name}`, 'expected the header, it is absent', 'headersPresent');
  }
  for (const name of expect.headersAbsent ?? []) {
    const present = headers.get(name.toLowerCase());
    if (present) fail(`headersAbsent.${name}`, `expected no such header, got ${JSON.stringify(present.values.join(', '))}`, 'headersAbsent');
  }
  const bodyText = utf8Text(result.body);
  if (expect.body !== undefined && expect.body !== bodyText) {
    fail('body', `expected ${JSON.stringify(expect.body)}, got ${JSON.stringify(bodyText)}`, 'body');
  }
  if ('bodyJson' in expect.ranges) {
    let parsed: unknown;
    let parses = true;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      parses = false;
    }
    if (!parses) fail('bodyJson', `the body is not JSON: ${JSON.stringify(bodyText)}`, 'bodyJson');
    else if (!deepEqual(parsed, expect.bodyJson)) fail('bodyJson', `expected ${JSON.stringify(expect.bodyJson)}, got ${JSON.stringify(parsed)}`, 'bodyJson');
  }
  if (expect.bodyBase64 !== undefined) {
    const actual = toBase64(result.body);
    if (actual !== expect.bodyBase64) fail('bodyBase64', `expected ${expect.bodyBase64}, got ${actual}`, 'bodyBase64');
  }
  if ('selectedResponse' in expect.ranges && expect.selectedResponse !== undefined && expect.selectedResponse !== result.selectedResponse) {
    fail('selectedResponse', `expected ${JSON.stringify(expect.selectedResponse)}, got ${JSON.stringify(result.selectedResponse)}`, 'selectedResponse');
  }
  if ('errorType' in expect.ranges && expect.errorType !== undefined) {
    const actual = result.error?.type ?? null;
    if (actual !== expect.errorType) fail('errorType', `expected ${JSON.stringify(expect.errorType)}, got ${JSON.stringify(actual)}`, 'errorType');
  }
  return failures;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** JSON deep equality: object key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ak = Object.keys(a as object);
  const bk = Object.keys(b as object);
  return ak.length === bk.length && ak.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
