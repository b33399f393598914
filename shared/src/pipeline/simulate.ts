import type { ApiSettings, IntegrationResponse, Operation } from '../model/types';
import { utf8Bytes, utf8Text } from './bytes';
import { convertPayload } from './contentConversion';
import { contextFor } from './engines';
import { endpointResponse, type EndpointResponse } from './endpointResponse';
import { addGatewayHeaders, gatewayHeaderValues, remapReservedHeaders } from './finalHeaders';
import { gatewayResponse, type GatewayResponse } from './gatewayResponses';
import { firstAcceptedType, firstHeader, mediaTypeOf } from './headers';
import { integrationKindOf, type IntegrationKind } from './integrationKind';
import { readLambdaProxyOutput } from './lambdaProxy';
import { mockEndpointResponse } from './mockResponse';
import { integrationRequest } from './requestTemplate';
import { applyResponseOverride } from './responseOverride';
import { mapResponseParameters } from './responseParameters';
import { selectResponseTemplate } from './responseTemplate';
import { responseKey, selectIntegrationResponse } from './selectResponse';
import { selectionValue } from './selectionValue';
import { renderDefinitionTemplate, templateParams } from './templateRendering';
import { TraceRecorder } from './trace';
import type { HeaderLine, SimulationInputs, SimulationResult } from './types';

interface Finished {
  statusCode: number;
  headers: HeaderLine[];
  body: Uint8Array;
  selectedResponse: string | null;
  error: SimulationResult['error'];
}

/**
 * Simulates API Gateway's answer to one request for one operation, given a sample backend output
 * (SEMANTICS 15). Never throws: broken definitions and inputs become gateway errors, problems and
 * warnings in the result.
 */
export function simulate(operation: Operation, api: ApiSettings, inputs: SimulationInputs): SimulationResult {
  const trace = new TraceRecorder();
  const context = contextFor(
    {
      httpMethod: inputs.request.httpMethod || operation.httpMethod,
      path: inputs.request.path || operation.path,
      resourcePath: operation.path,
      headers: templateParams(inputs.request).header,
    },
    inputs.context,
  );
  let integrationRequestBody: string | undefined;
  let kind: IntegrationKind | undefined;
  let finished: Finished;
  try {
    const integration = operation.integration;
    kind = integration ? integrationKindOf(integration) : undefined;
    if (kind === 'aws-service' && inputs.backend?.kind === 'lambda' && (integration?.uri === undefined || integration.uri.intrinsic !== undefined)) {
      // The URI cannot be read statically (an intrinsic such as Fn::Join): the Lambda sample says what it invokes.
      trace.warn('lambda-uri-assumed', 'the integration URI cannot be resolved statically; the Lambda backend sample is taken to mean it invokes a Lambda function', integration?.uri?.range);
      kind = 'lambda';
    }
    if (!integration || !kind) {
      const why = !integration ? 'the method has no integration' : `integration type ${integration.type?.value ?? '(missing)'} is not HTTP, HTTP_PROXY, AWS, AWS_PROXY or MOCK`;
      trace.step('endpoint', `${why} → 500`, integration?.type?.range ?? operation.nameRange);
      finished = failed(gatewayResponse('API_CONFIGURATION_ERROR', why), null);
    } else if (kind === 'lambda-proxy') {
      finished = lambdaProxy(api, inputs, trace);
    } else if (kind === 'http-proxy') {
      finished = httpProxy(inputs, trace);
    } else {
      const request = integrationRequest(integration, inputs, api.binaryMediaTypes, context, trace);
      if (request.rejected) {
        finished = failed(request.response, null);
      } else {
        if (request.templateRan) integrationRequestBody = utf8Text(request.body);
        finished = nonProxy(operation, api, kind, inputs, request.body, request.context, trace);
      }
    }
  } catch (error) {
    // A defect in a step must not take the host down: report it as an incomplete simulation.
    const message = error instanceof Error ? error.message : String(error);
    trace.problem('simulation-failed', `the simulation stopped unexpectedly: ${message}`);
    finished = failed(gatewayResponse('SIMULATION_INCOMPLETE', message), null);
  }

  const proxy = kind === 'lambda-proxy' || kind === 'http-proxy';
  const headers = addGatewayHeaders(
    finished.headers,
    finished.body.length,
    { defaultContentType: !(kind === 'http-proxy' && finished.error === null), traceId: kind !== 'mock' && kind !== 'http-proxy', connection: kind === 'http-proxy' ? 'close' : 'keep-alive' },
    gatewayHeaderValues(context),
  );
  if (!proxy || finished.error) trace.step('headers', `final status ${finished.statusCode}, Content-Type ${firstHeader(headers, 'Content-Type') ?? '(none)'}`);
  return {
    statusCode: finished.statusCode,
    headers,
    body: finished.body,
    selectedResponse: finished.selectedResponse,
    error: finished.error,
    ...(integrationRequestBody !== undefined ? { integrationRequest: { body: integrationRequestBody } } : {}),
    trace: trace.entries,
    warnings: trace.warnings,
    problems: trace.problems,
  };
}

function failed(response: GatewayResponse, selectedResponse: string | null): Finished {
  return { statusCode: response.statusCode, headers: response.headers, body: response.body, selectedResponse, error: response.error };
}

function nonProxy(
  operation: Operation,
  api: ApiSettings,
  kind: IntegrationKind,
  inputs: SimulationInputs,
  integrationRequestBody: Uint8Array,
  context: Record<string, unknown>,
  trace: TraceRecorder,
): Finished {
  const integration = operation.integration!;
  let endpoint: EndpointResponse | undefined;
  if (kind === 'mock') {
    endpoint = mockEndpointResponse(utf8Text(integrationRequestBody), trace);
    if (!endpoint) return failed(gatewayResponse('API_CONFIGURATION_ERROR', 'Unable to parse statusCode. It should be an integer that is defined in the request template.'), null);
  } else {
    endpoint = endpointResponse(kind, inputs.backend, integrationRequestBody, trace);
  }

  const selection = selectionValue(kind, endpoint, trace, integration.type?.range);
  const selected = selectIntegrationResponse(integration.responses, selection, trace);
  if (!selected) {
    return failed(
      gatewayResponse(
        'API_CONFIGURATION_ERROR',
        `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${endpoint.statusCode}`,
      ),
      null,
    );
  }
  const key = responseKey(selected);
  return methodResponseFor(operation, api, selected, key, endpoint, inputs, context, trace);
}

function methodResponseFor(
  operation: Operation,
  api: ApiSettings,
  selected: IntegrationResponse,
  key: string,
  endpoint: EndpointResponse,
  inputs: SimulationInputs,
  context: Record<string, unknown>,
  trace: TraceRecorder,
): Finished {
  const status = selected.statusCode?.value;
  const methodResponse = operation.methodResponses.find((m) => m.statusCode.value === status);
  if (!methodResponse) {
    trace.step('method-response', `integration response ${key} selects status ${status ?? '(none)'}, which has no method response → 500`, selected.statusCode?.range ?? selected.range);
    return failed(gatewayResponse('API_CONFIGURATION_ERROR', `Execution failed due to configuration error: Output mapping refers to an invalid method response: ${status ?? '(none)'}`), key);
  }
  trace.step('method-response', `method response ${status}`, methodResponse.range);

  const converted = convertPayload(
    {
      body: endpoint.body,
      payloadType: mediaTypeOf(firstHeader(endpoint.headers, 'Content-Type')),
      acceptType: firstAcceptedType(inputs.request.headers),
      binaryMediaTypes: api.binaryMediaTypes,
      contentHandling: selected.contentHandling,
    },
    trace,
  );
  if (!converted.ok) return failed(gatewayResponse('API_CONFIGURATION_ERROR', `Execution failed: ${converted.reason}`), key);

  const parameters = mapResponseParameters(selected, methodResponse, endpoint, context, inputs.stageVariables, trace);
  if (parameters.failure !== undefined) return failed(gatewayResponse('API_CONFIGURATION_ERROR', `Execution failed: ${parameters.failure}`), key);
  const mapped = parameters.headers;

  let body = converted.body;
  let finalContext = context;
  const template = selectResponseTemplate(selected, inputs.request.headers, trace);
  if (template && template.text === null) {
    trace.step('template', `template ${template.contentType.value} is empty: the payload passes through`, template.range);
  } else if (template && template.text) {
    if (converted.binary) {
      trace.step('template', `template ${template.contentType.value} cannot transform a binary payload → 500`, template.text.range);
      return failed(gatewayResponse('API_CONFIGURATION_ERROR', 'Execution failed: a mapping template cannot transform a binary payload'), key);
    }
    const rendered = renderDefinitionTemplate(
      template,
      template.text.value,
      { body: utf8Text(converted.body), params: templateParams(inputs.request), context, stageVariables: inputs.stageVariables },
      trace,
    );
    if (rendered.error) {
      trace.step('template', `template ${template.contentType.value} failed: ${rendered.error.message} → 500`, template.text.range);
      return failed(gatewayResponse('API_CONFIGURATION_ERROR', `Execution failed due to configuration error: Unable to transform response (template ${template.contentType.value}: ${rendered.error.message})`), key);
    }
    trace.step('template', `template ${template.contentType.value} rendered ${rendered.output.length} characters`, template.text.range);
    body = utf8Bytes(rendered.output);
    finalContext = rendered.context;
  }

  const overridden = applyResponseOverride(finalContext, Number(status), mapped, trace);
  const modelTypes = methodResponse.contentTypes.map((t) => t.value.toLowerCase());
  if (firstHeader(overridden.headers, 'Content-Type') === undefined && modelTypes.length > 0 && !modelTypes.includes('application/json')) {
    // SEMANTICS 16.9: one report says the model's content type became the response Content-Type; unverified.
    trace.warn(
      'content-type-from-model',
      `the method response models ${modelTypes.join(', ')} but nothing sets Content-Type: the simulation answers application/json as recorded on AWS; one report says the model's type is used instead (unverified)`,
      methodResponse.contentTypes[0].range,
    );
  }
  const headers = remapReservedHeaders(overridden.headers, 'method-response', trace);
  return { statusCode: overridden.statusCode, headers, body, selectedResponse: key, error: null };
}

function lambdaProxy(api: ApiSettings, inputs: SimulationInputs, trace: TraceRecorder): Finished {
  trace.step('proxy', 'Lambda proxy integration: integration responses and templates do not apply');
  const endpoint = endpointResponse('lambda-proxy', inputs.backend, inputs.request.body, trace);
  const outcome = readLambdaProxyOutput(endpoint, firstAcceptedType(inputs.request.headers), api.binaryMediaTypes, trace);
  if (!outcome.ok) {
    trace.step('proxy', `${outcome.reason} → ${outcome.status}`);
    return failed(gatewayResponse(outcome.status === 502 ? 'INTEGRATION_FAILURE' : 'API_CONFIGURATION_ERROR', outcome.reason, outcome.status), null);
  }
  trace.step('proxy', `the Lambda proxy output is valid: status ${outcome.statusCode}`);
  const headers = remapReservedHeaders(outcome.headers, 'proxy', trace);
  return { statusCode: outcome.statusCode, headers, body: outcome.body, selectedResponse: null, error: null };
}

function httpProxy(inputs: SimulationInputs, trace: TraceRecorder): Finished {
  trace.step('proxy', 'HTTP proxy integration: the backend answer passes through; integration responses and templates do not apply');
  const endpoint = endpointResponse('http-proxy', inputs.backend, utf8Bytes(utf8Text(inputs.request.body)), trace);
  const headers = remapReservedHeaders(endpoint.headers, 'proxy', trace);
  return { statusCode: endpoint.statusCode, headers, body: endpoint.body, selectedResponse: null, error: null };
}
