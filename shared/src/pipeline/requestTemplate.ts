import type { Integration, Sourced, Template } from '../model/types';
import { utf8Bytes, utf8Text } from './bytes';
import { gatewayResponse, type GatewayResponse } from './gatewayResponses';
import { firstHeader, mediaTypeOf } from './headers';
import { convertRequestPayload } from './requestConversion';
import { renderDefinitionTemplate, templateParams } from './templateRendering';
import { quoted, type TraceRecorder } from './trace';
import type { SimulationInputs } from './types';

/**
 * The integration request body (bytes: binary when the request conversion left it binary), or the
 * 415/500 API Gateway answers instead of calling the backend.
 */
export type IntegrationRequestOutcome =
  | { rejected: false; body: Uint8Array; templateRan: boolean; context: Record<string, unknown> }
  | { rejected: true; response: GatewayResponse };

/**
 * Integration request (SEMANTICS 7, D-PASS): the request template is selected by the request's
 * Content-Type (absent → `application/json`); without a matching template `passthroughBehavior`
 * decides: WHEN_NO_MATCH (default) passes the body through, WHEN_NO_TEMPLATES passes it only when no
 * template is defined, NEVER rejects; a rejection is 415 Unsupported Media Type. The body the
 * template (`$input.body`) and the backend see is first converted per the integration's
 * `contentHandling` (`requestConversion`, D-CONV request table).
 *
 * Choices where AWS's documentation is silent:
 * - The 415 rejection is decided before the body is converted, so a body that cannot be
 *   base64-decoded under NEVER without a template is a 415, not a 500 (the template choice depends
 *   only on the Content-Type); not warned about, as it only decides which error a doubly broken
 *   request gets.
 * - A request template applied to a payload that is still binary (a binary media type without
 *   CONVERT_TO_TEXT, or text under CONVERT_TO_BINARY) is a 500 (`request-template-binary-body`).
 *   Evidence: D-CONV says a text→binary conversion takes no mapping template and a template can
 *   read a binary payload only as the base64 string of CONVERT_TO_TEXT; on the response side a
 *   template on a binary payload was observed to fail with 500 (SEMANTICS 8, S3
 *   convert_to_binary_with_request_template), and LocalStack answers 500 the same way (SEMANTICS 13).
 */
export function integrationRequest(
  integration: Integration,
  inputs: SimulationInputs,
  binaryMediaTypes: readonly Sourced<string>[],
  context: Record<string, unknown>,
  trace: TraceRecorder,
): IntegrationRequestOutcome {
  const declaredType = mediaTypeOf(firstHeader(inputs.request.headers, 'Content-Type'));
  const contentType = declaredType ?? 'application/json';
  const templates = integration.requestTemplates;
  const template = templates.find((t) => t.contentType.value.trim().toLowerCase() === contentType);
  const behavior = (integration.passthroughBehavior?.value ?? 'WHEN_NO_MATCH').toUpperCase();
  const conversionInputs = { body: inputs.request.body, contentType: declaredType, binaryMediaTypes, contentHandling: integration.contentHandling };

  if (!template) {
    const reject = behavior === 'NEVER' || (behavior === 'WHEN_NO_TEMPLATES' && templates.length > 0);
    if (reject) {
      trace.step('request', `no request template for Content-Type ${contentType} and passthroughBehavior ${behavior} → 415`, integration.passthroughBehavior?.range ?? integration.range);
      return { rejected: true, response: gatewayResponse('UNSUPPORTED_MEDIA_TYPE', `no request template for ${contentType} (passthroughBehavior ${behavior})`) };
    }
    const why = templates.length === 0 ? 'no request templates' : `no request template for Content-Type ${contentType}`;
    const converted = convertRequestPayload(conversionInputs, trace);
    if (!converted.ok) return conversionFailed(converted.reason);
    trace.step('request', `${why}; passthroughBehavior ${behavior} passes the request body through`, integration.passthroughBehavior?.range);
    return { rejected: false, body: converted.body, templateRan: false, context };
  }
  const converted = convertRequestPayload(conversionInputs, trace);
  if (!converted.ok) return conversionFailed(converted.reason);
  if (template.text === null) {
    trace.step('request', `request template ${template.contentType.value} is empty: the request body passes through`, template.range);
    return { rejected: false, body: converted.body, templateRan: false, context };
  }
  if (converted.binary) {
    trace.warn(
      'request-template-binary-body',
      `request template ${template.contentType.value} would transform a binary request body: the simulation answers 500; AWS documents templates only for the base64 text of CONVERT_TO_TEXT (unverified for requests)`,
      template.text.range,
    );
    trace.step('request', `request template ${template.contentType.value} cannot transform a binary request body → 500`, template.text.range);
    return { rejected: true, response: gatewayResponse('API_CONFIGURATION_ERROR', 'Execution failed: a mapping template cannot transform a binary request payload') };
  }
  return renderRequestTemplate(template, template.text.value, utf8Text(converted.body), inputs, context, trace);
}

function conversionFailed(reason: string): IntegrationRequestOutcome {
  return { rejected: true, response: gatewayResponse('API_CONFIGURATION_ERROR', `Execution failed: ${reason}`) };
}

function renderRequestTemplate(
  template: Template,
  templateText: string,
  requestBody: string,
  inputs: SimulationInputs,
  context: Record<string, unknown>,
  trace: TraceRecorder,
): IntegrationRequestOutcome {
  const outcome = renderDefinitionTemplate(
    template,
    templateText,
    { body: requestBody, params: templateParams(inputs.request), context, stageVariables: inputs.stageVariables },
    trace,
  );
  if (outcome.error) {
    trace.step('request', `request template ${template.contentType.value} failed: ${outcome.error.message} → 500`, template.text?.range);
    return { rejected: true, response: gatewayResponse('API_CONFIGURATION_ERROR', `Execution failed due to configuration error: Unable to transform request (template ${template.contentType.value}: ${outcome.error.message})`) };
  }
  trace.step('request', `request template ${template.contentType.value} produced ${quoted(outcome.output)}`, template.text?.range);
  return { rejected: false, body: utf8Bytes(outcome.output), templateRan: true, context: outcome.context };
}
