import type { OffsetRange } from '../model/types';
import { utf8Text } from './bytes';
import type { EndpointResponse } from './endpointResponse';
import type { IntegrationKind } from './integrationKind';
import { quoted, type TraceRecorder } from './trace';

/** The string `selectionPattern`s are matched against, and what it is, in words. */
export interface SelectionValue {
  value: string;
  /** `status code 404`, `errorMessage 'Not found: 12'` */
  describe: string;
}

/**
 * What selection matches (SEMANTICS 2): HTTP and AWS service integrations the endpoint status code;
 * Lambda custom integrations the `errorMessage` of a function error and "" for a successful invocation
 * (never the Invoke status 200); MOCK the status set by the request template.
 *
 * Open question (SEMANTICS 16.2): whether a successful payload carrying an `errorMessage` key is
 * matched. The simulator follows the documented wording (only function errors count) and warns.
 */
export function selectionValue(kind: IntegrationKind, endpoint: EndpointResponse, trace: TraceRecorder, typeRange?: OffsetRange): SelectionValue {
  if (kind !== 'lambda') {
    const value = String(endpoint.statusCode);
    trace.step('selection', `selection value: the ${kind === 'mock' ? 'MOCK' : 'endpoint'} status code ${value}`, typeRange);
    return { value, describe: `status code ${value}` };
  }
  const errorMessage = errorMessageOf(utf8Text(endpoint.body));
  if (endpoint.functionError === undefined) {
    if (errorMessage !== undefined) {
      trace.warn(
        'success-payload-error-message',
        `the Lambda payload has an errorMessage (${quoted(errorMessage)}) but the invocation succeeded: it is matched as "" (only function errors are matched, SEMANTICS 2; unverified on AWS)`,
      );
    }
    trace.step('selection', 'selection value: "" (the Lambda invocation succeeded; only a function error\'s errorMessage is matched)', typeRange);
    return { value: '', describe: 'the empty errorMessage of a successful invocation' };
  }
  const value = errorMessage ?? '';
  trace.step(
    'selection',
    errorMessage === undefined
      ? 'selection value: "" (the function error has no errorMessage)'
      : `selection value: errorMessage ${quoted(value)} of the function error`,
    typeRange,
  );
  return { value, describe: errorMessage === undefined ? 'the empty errorMessage' : `errorMessage ${quoted(value)}` };
}

function errorMessageOf(payload: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const message = (parsed as Record<string, unknown>).errorMessage;
  if (message === undefined || message === null) return undefined;
  return typeof message === 'string' ? message : JSON.stringify(message);
}
