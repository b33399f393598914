import { utf8Bytes, utf8Text } from './bytes';
import type { IntegrationKind } from './integrationKind';
import { quoted, type TraceRecorder } from './trace';
import type { BackendSample, HeaderLine } from './types';

/** What the integration endpoint answered, before any integration response applies (SEMANTICS 1.1). */
export interface EndpointResponse {
  statusCode: number;
  headers: HeaderLine[];
  body: Uint8Array;
  /** Lambda's `X-Amz-Function-Error` (`Handled`/`Unhandled`) when the function failed. */
  functionError?: string;
}

/**
 * The endpoint response for an HTTP, AWS service or Lambda (custom) integration. A Lambda Invoke
 * answers 200 with `Content-Type: application/json` and the payload as body; a function error adds
 * `X-Amz-Function-Error` (SEMANTICS 4). `echo` answers with the integration request body bytes
 * (binary when the request conversion left them binary).
 */
export function endpointResponse(
  kind: IntegrationKind,
  backend: BackendSample | undefined,
  integrationRequestBody: Uint8Array,
  trace: TraceRecorder,
): EndpointResponse {
  if (!backend) {
    trace.warn('backend-missing', 'no backend sample given: the simulation assumes an empty 200 answer');
    return kind === 'lambda' || kind === 'lambda-proxy' ? lambdaInvoke('', undefined) : { statusCode: 200, headers: [], body: new Uint8Array() };
  }
  const wantsLambda = kind === 'lambda' || kind === 'lambda-proxy';
  if (backend.kind === 'lambda' && !wantsLambda) {
    trace.warn('backend-kind-mismatch', `a Lambda backend sample was given for a ${kind} integration: it is read as an HTTP 200 answer with the payload as body`);
  }
  if (backend.kind === 'http' && wantsLambda) {
    trace.warn('backend-kind-mismatch', `an HTTP backend sample was given for a Lambda integration: it is read as a successful Invoke with that body`);
  }
  let response: EndpointResponse;
  switch (backend.kind) {
    case 'lambda':
      response = wantsLambda
        ? lambdaInvoke(backend.payloadText, backend.functionError)
        : { statusCode: 200, headers: [['Content-Type', 'application/json']], body: utf8Bytes(backend.payloadText) };
      break;
    case 'http':
      response = wantsLambda ? lambdaInvoke(utf8Text(backend.body), undefined) : { ...backend };
      break;
    case 'echo':
      response = wantsLambda
        ? lambdaInvoke(utf8Text(integrationRequestBody), undefined)
        : { statusCode: backend.statusCode, headers: backend.headers, body: integrationRequestBody };
      break;
  }
  trace.step('endpoint', describeEndpoint(kind, response));
  return response;
}

function lambdaInvoke(payloadText: string, functionError: string | undefined): EndpointResponse {
  const headers: HeaderLine[] = [
    ['Content-Type', 'application/json'],
    ['X-Amz-Executed-Version', '$LATEST'],
  ];
  if (functionError !== undefined) headers.push(['X-Amz-Function-Error', functionError]);
  return { statusCode: 200, headers, body: utf8Bytes(payloadText), functionError };
}

function describeEndpoint(kind: IntegrationKind, response: EndpointResponse): string {
  const body = utf8Text(response.body);
  if (kind === 'lambda' || kind === 'lambda-proxy') {
    return response.functionError !== undefined
      ? `Lambda function error (${response.functionError}): payload ${quoted(body)}`
      : `Lambda returned ${quoted(body)}`;
  }
  return `endpoint answered ${response.statusCode} with ${response.body.length} bytes`;
}
