import type { Integration, Template } from '../model/types';
import { utf8Text } from './bytes';
import { gatewayResponse, type GatewayResponse } from './gatewayResponses';
import { firstHeader, mediaTypeOf } from './headers';
import { renderDefinitionTemplate, templateParams } from './templateRendering';
import { quoted, type TraceRecorder } from './trace';
import type { SimulationInputs } from './types';

/** The integration request body, or the 415/500 API Gateway answers instead of calling the backend. */
export type IntegrationRequestOutcome =
  | { rejected: false; body: string; templateRan: boolean; context: Record<string, unknown> }
  | { rejected: true; response: GatewayResponse };

/**
 * Integration request (SEMANTICS 7, D-PASS): the request template is selected by the request's
 * Content-Type (absent → `application/json`); without a matching template `passthroughBehavior`
 * decides: WHEN_NO_MATCH (default) passes the body through, WHEN_NO_TEMPLATES passes it only when no
 * template is defined, NEVER rejects; a rejection is 415 Unsupported Media Type.
 */
export function integrationRequest(
  integration: Integration,
  inputs: SimulationInputs,
  context: Record<string, unknown>,
  trace: TraceRecorder,
): IntegrationRequestOutcome {
  const requestBody = utf8Text(inputs.request.body);
  const contentType = mediaTypeOf(firstHeader(inputs.request.headers, 'Content-Type')) ?? 'application/json';
  const templates = integration.requestTemplates;
  const template = templates.find((t) => t.contentType.value.trim().toLowerCase() === contentType);
  const behavior = (integration.passthroughBehavior?.value ?? 'WHEN_NO_MATCH').toUpperCase();

  if (!template) {
    const reject = behavior === 'NEVER' || (behavior === 'WHEN_NO_TEMPLATES' && templates.length > 0);
    if (reject) {
      trace.step('request', `no request template for Content-Type ${contentType} and passthroughBehavior ${behavior} → 415`, integration.passthroughBehavior?.range ?? integration.range);
      return { rejected: true, response: gatewayResponse('UNSUPPORTED_MEDIA_TYPE', `no request template for ${contentType} (passthroughBehavior ${behavior})`) };
    }
    const why = templates.length === 0 ? 'no request templates' : `no request template for Content-Type ${contentType}`;
    trace.step('request', `${why}; passthroughBehavior ${behavior} passes the request body through`, integration.passthroughBehavior?.range);
    return { rejected: false, body: requestBody, templateRan: false, context };
  }
  return renderRequestTemplate(template, requestBody, inputs, context, trace);
}

function renderRequestTemplate(
  template: Template,
  requestBody: string,
  inputs: SimulationInputs,
  context: Record<string, unknown>,
  trace: TraceRecorder,
): IntegrationRequestOutcome {
  if (template.text === null) {
    trace.step('request', `request template ${template.contentType.value} is empty: the request body passes through`, template.range);
    return { rejected: false, body: requestBody, templateRan: false, context };
  }
  const outcome = renderDefinitionTemplate(
    template,
    template.text.value,
    { body: requestBody, params: templateParams(inputs.request), context, stageVariables: inputs.stageVariables },
    trace,
  );
  if (outcome.error) {
    trace.step('request', `request template ${template.contentType.value} failed: ${outcome.error.message} → 500`, template.text.range);
    return { rejected: true, response: gatewayResponse('API_CONFIGURATION_ERROR', `Execution failed due to configuration error: Unable to transform request (template ${template.contentType.value}: ${outcome.error.message})`) };
  }
  trace.step('request', `request template ${template.contentType.value} produced ${quoted(outcome.output)}`, template.text.range);
  return { rejected: false, body: outcome.output, templateRan: true, context: outcome.context };
}
