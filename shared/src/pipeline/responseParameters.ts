import type { IntegrationResponse, MethodResponse } from '../model/types';
import { utf8Text } from './bytes';
import type { EndpointResponse } from './endpointResponse';
import { evaluateParameterSource } from './engines';
import { quoted, type TraceRecorder } from './trace';
import type { HeaderLine } from './types';

const headerTarget = 'method.response.header.';

/**
 * `responseParameters` → method response headers (SEMANTICS 6), in definition order. A source that
 * yields nothing leaves the header absent. A target header the method response does not declare is
 * still set and warned about: AWS rejects it at deploy time, its runtime behaviour is unknown
 * (SEMANTICS 16.10).
 */
export function mapResponseParameters(
  response: IntegrationResponse,
  methodResponse: MethodResponse | undefined,
  endpoint: EndpointResponse,
  context: Record<string, unknown>,
  stageVariables: Record<string, string>,
  trace: TraceRecorder,
): HeaderLine[] {
  const headers: HeaderLine[] = [];
  const endpointView = { headers: endpoint.headers, body: utf8Text(endpoint.body) };
  for (const mapping of response.responseParameters) {
    const target = mapping.target.value;
    if (!target.startsWith(headerTarget)) {
      trace.warn('response-parameter-target', `${target}: only method.response.header.* can be mapped in an integration response`, mapping.target.range);
      continue;
    }
    const name = target.slice(headerTarget.length);
    if (methodResponse && !methodResponse.headers.some((h) => h.name.value.toLowerCase() === name.toLowerCase())) {
      trace.warn(
        'undeclared-response-header',
        `header ${name} is mapped but not declared in method response ${methodResponse.statusCode.value}; AWS rejects this at deploy time`,
        mapping.target.range,
      );
    }
    let outcome: { value?: string; problem?: string };
    try {
      outcome = evaluateParameterSource(mapping.source.value, endpointView, context, stageVariables);
    } catch (error) {
      outcome = { problem: String(error instanceof Error ? error.message : error) };
    }
    if (outcome.problem !== undefined) {
      trace.problem('response-parameter-source', `${name} ← ${mapping.source.value}: ${outcome.problem}`, mapping.source.range);
    }
    if (outcome.value === undefined) {
      trace.step('parameters', `${name} ← ${mapping.source.value}: no value, header not set`, mapping.source.range);
      continue;
    }
    trace.step('parameters', `${name} ← ${mapping.source.value} = ${quoted(outcome.value)}`, mapping.source.range);
    headers.push([name, outcome.value]);
  }
  return headers;
}
