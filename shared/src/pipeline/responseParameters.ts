import type { IntegrationResponse, MethodResponse } from '../model/types';
import { utf8Text } from './bytes';
import type { EndpointResponse } from './endpointResponse';
import { evaluateParameterSource, type ParameterSourceOutcome } from './engines';
import { quoted, type TraceRecorder } from './trace';
import type { HeaderLine } from './types';

const headerTarget = 'method.response.header.';

/**
 * `responseParameters` → method response headers (SEMANTICS 6), in definition order. A source that
 * yields nothing leaves the header absent. A target header the method response does not declare is
 * still set and warned about: AWS rejects it at deploy time, its runtime behaviour is unknown
 * (SEMANTICS 16.10). A source API Gateway cannot evaluate at all (a body that looks like JSON but is
 * not, for a body path) fails the request: `failure` says why (→ 500).
 */
export function mapResponseParameters(
  response: IntegrationResponse,
  methodResponse: MethodResponse | undefined,
  endpoint: EndpointResponse,
  context: Record<string, unknown>,
  stageVariables: Record<string, string>,
  trace: TraceRecorder,
): { headers: HeaderLine[]; failure?: string } {
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
    let outcome: ParameterSourceOutcome;
    try {
      outcome = evaluateParameterSource(mapping.source.value, endpointView, context, stageVariables);
    } catch (error) {
      outcome = { problem: { code: 'response-parameter-source', message: String(error instanceof Error ? error.message : error), severity: 'error' } };
    }
    const problem = outcome.problem;
    if (problem && problem.severity !== 'information') {
      trace.problem(problem.code, `${name} ← ${mapping.source.value}: ${problem.message}`, mapping.source.range);
    }
    if (problem?.severity === 'error') {
      trace.step('parameters', `${name} ← ${mapping.source.value}: ${problem.message} → 500`, mapping.source.range);
      return { headers, failure: problem.message };
    }
    if (outcome.value === undefined) {
      trace.step('parameters', `${name} ← ${mapping.source.value}: no value (${problem?.message ?? 'absent'}), header not set`, mapping.source.range);
      continue;
    }
    trace.step('parameters', `${name} ← ${mapping.source.value} = ${quoted(outcome.value)}`, mapping.source.range);
    headers.push([name, outcome.value]);
  }
  return { headers };
}
