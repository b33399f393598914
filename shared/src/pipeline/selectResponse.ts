import type { IntegrationResponse } from '../model/types';
import { compileJavaPattern, documentRange, type CompiledPattern } from './engines';
import type { SelectionValue } from './selectionValue';
import type { TraceRecorder } from './trace';

/** Key by which results, traces and scenarios name an integration response: its status code. */
export function responseKey(response: IntegrationResponse): string {
  return response.statusCode?.value ?? response.key?.value ?? '?';
}

/** True for the default response: no `selectionPattern`, or an empty one (SEMANTICS 3). */
export function isDefaultResponse(response: IntegrationResponse): boolean {
  return (response.selectionPattern?.value ?? '') === '';
}

/**
 * Chooses the integration response (SEMANTICS 3): Java whole-string matching, non-default patterns in
 * ascending statusCode order, first match wins; otherwise the default response.
 *
 * Open question (SEMANTICS 16.1): the order among several matching patterns is not documented; the
 * ascending-statusCode rule agrees with the one AWS recording, and a warning names every match.
 * Several defaults: unspecified on AWS; the first in definition order is used, with a warning.
 * A pattern that does not compile or exceeds its step budget is reported and counts as no match.
 */
export function selectIntegrationResponse(
  responses: readonly IntegrationResponse[],
  selection: SelectionValue,
  trace: TraceRecorder,
): IntegrationResponse | undefined {
  const candidates = responses
    .map((response, order) => ({ response, order }))
    .filter(({ response }) => !isDefaultResponse(response))
    .sort((a, b) => statusOrder(a.response) - statusOrder(b.response) || a.order - b.order)
    .map(({ response }) => response);

  const matched: IntegrationResponse[] = [];
  for (const response of candidates) {
    if (patternMatches(response, selection, trace)) matched.push(response);
  }
  if (matched.length > 1) {
    trace.warn(
      'several-patterns-match',
      `${matched.length} selection patterns match ${selection.describe} (${matched.map((r) => `${responseKey(r)}: \`${r.selectionPattern?.value}\``).join(', ')}); the lowest status code is used, AWS does not document the order`,
      matched[1].selectionPattern?.range,
    );
  }
  if (matched.length > 0) return matched[0];

  const defaults = responses.filter(isDefaultResponse);
  if (defaults.length > 1) {
    trace.warn(
      'several-default-responses',
      `${defaults.length} integration responses have no selectionPattern (${defaults.map(responseKey).join(', ')}); the first one is used, AWS leaves this unspecified`,
      defaults[1].range,
    );
  }
  const fallback = defaults[0];
  if (fallback) {
    trace.step('selection', `no pattern matched ${selection.describe} → default response ${responseKey(fallback)}`, fallback.range);
  } else {
    trace.step('selection', `no pattern matched ${selection.describe} and there is no default response → 500`);
  }
  return fallback;
}

function statusOrder(response: IntegrationResponse): number {
  const status = Number(response.statusCode?.value);
  return Number.isFinite(status) ? status : Number.MAX_SAFE_INTEGER;
}

function patternMatches(response: IntegrationResponse, selection: SelectionValue, trace: TraceRecorder): boolean {
  const pattern = response.selectionPattern!;
  const compiled = compileJavaPattern(pattern.value);
  for (const problem of compiled.problems) {
    trace.problem(problem.code, `selectionPattern \`${pattern.value}\`: ${problem.message}`, documentRange(pattern.embedded, problem.start, problem.end));
  }
  if (!compiled.test) {
    trace.step('selection', `\`${pattern.value}\` (${responseKey(response)}) cannot be used: it is not a valid Java regex`, pattern.range);
    return false;
  }
  const outcome = compiled.test(selection.value);
  if (outcome === 'step-limit') {
    trace.problem('regex-step-limit', `selectionPattern \`${pattern.value}\` gave up matching ${selection.describe}: too many backtracking steps`, pattern.range);
    trace.step('selection', `\`${pattern.value}\` (${responseKey(response)}) exceeded its step budget; counted as no match`, pattern.range);
    return false;
  }
  warnDeepRecursion(pattern.value, compiled, selection, trace, response);
  const verb = outcome === 'match' ? 'matched' : 'did not match';
  trace.step('selection', `${selection.describe} ${verb} \`${pattern.value}\` (whole string)${outcome === 'match' ? ` → ${responseKey(response)}` : ''}`, pattern.range);
  if (outcome === 'no-match' && /\n|\r/.test(selection.value) && /\.[*+]/.test(pattern.value) && !/\(\?s\)/.test(pattern.value)) {
    trace.warn('pattern-newline', `\`${pattern.value}\`: '.' does not match line breaks and ${selection.describe} has one; use [\\s\\S]* (or (?s) at the start)`, pattern.range);
  }
  return outcome === 'match';
}

/**
 * Repetitions of a recursive group (such as `(\n|.)*`) at which Java 17 on its default thread stack
 * throws StackOverflowError (measured: about 1,600). API Gateway's stack size is not documented, so
 * the warning starts well below it.
 */
const DEEP_RECURSION_WARNING_LENGTH = 1_000;

/** Java, unlike this engine, may overflow its stack on a long value; the simulation says so. */
function warnDeepRecursion(pattern: string, compiled: CompiledPattern, selection: SelectionValue, trace: TraceRecorder, response: IntegrationResponse): void {
  if (compiled.recursiveLoops.length === 0 || selection.value.length < DEEP_RECURSION_WARNING_LENGTH) return;
  const group = compiled.recursiveLoops[0];
  trace.warn(
    'pattern-deep-recursion',
    `\`${pattern}\` (${responseKey(response)}): Java repeats \`${pattern.slice(group.start, group.end)}\` by recursion, one stack frame per character, and ${selection.describe} has ${selection.value.length} characters: ` +
      'past about 1,600 (Java 17, default stack) trying this pattern fails with StackOverflowError, matched or not, and a deployed API answers 500; this simulation goes on without it. Use [\\s\\S]* instead.',
    documentRange(response.selectionPattern!.embedded, group.start, group.end),
  );
}
