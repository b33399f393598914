import type { SimulateResult, SimulationSampleInputs } from './lsp';
import type { PreviewSample } from './preview';
import { defaultPreviewSample, previewBackend, previewRequest, type PreviewSampleProblem } from './sample';

/** Headers every answer carries with values that say nothing about the mapping: left out of `expect`. */
const UNMAPPED_HEADERS = new Set(['date', 'x-amzn-requestid', 'x-amz-apigw-id', 'x-amzn-trace-id', 'connection', 'content-length']);

/** The `expect` of a scenario that the result meets: status, selection, error, mapped headers, body. */
export function previewExpectation(result: Extract<SimulateResult, { ok: true }>): Record<string, unknown> {
  const headers = Object.fromEntries(Object.entries(result.headers).filter(([name]) => !UNMAPPED_HEADERS.has(name.toLowerCase())));
  const expect: Record<string, unknown> = { statusCode: result.statusCode, selectedResponse: result.selectedResponse };
  if (result.error) expect.errorType = result.error.type;
  if (Object.keys(headers).length > 0) expect.headers = headers;
  if (result.body.includes('\uFFFD')) expect.bodyBase64 = result.bodyBase64;
  else {
    let parsed: unknown;
    let isJson = false;
    try {
      parsed = JSON.parse(result.body);
      // Only where the parse keeps every value: a number beyond double precision compares wrongly.
      isJson = JSON.stringify(parsed) === JSON.stringify(JSON.parse(JSON.stringify(parsed))) && !/\d{16,}/.test(result.body);
    } catch {
      isJson = false;
    }
    if (isJson) expect.bodyJson = parsed;
    else expect.body = result.body;
  }
  return expect;
}

/** What a scenario file written from the preview holds besides the sample. */
export interface PreviewScenarioTarget {
  /** The definition's path relative to the scenario file's folder, with `/` separators. */
  definition: string;
  operation: string;
  integrationType?: string;
  name?: string;
  /** The current result; a successful one becomes the scenario's `expect`. */
  result?: SimulateResult;
}

/** A scenario file (FORMAT.md) for the sample: the method by reference, the request, the backend, `expect`. */
export function previewSampleToScenario(sample: PreviewSample, target: PreviewScenarioTarget): { scenario: Record<string, unknown>; problems: PreviewSampleProblem[] } {
  const problems: PreviewSampleProblem[] = [];
  const request = previewRequest(sample, problems);
  const backend = previewBackend(sample, target.integrationType, problems);
  const stageVariables = Object.fromEntries(
    sample.stageVariables
      .split(/\r?\n/)
      .filter((line) => line.includes('=') && line.slice(0, line.indexOf('=')).trim() !== '')
      .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1)]),
  );
  const scenario: Record<string, unknown> = {
    ...(target.name ? { name: target.name } : {}),
    definition: target.definition,
    operation: target.operation,
    ...(Object.keys(stageVariables).length > 0 ? { stageVariables } : {}),
    request,
    ...(backend !== undefined ? { backend } : {}),
    ...(target.result?.ok ? { expect: previewExpectation(target.result) } : {}),
  };
  return { scenario, problems };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function headerLines(value: unknown): string {
  if (!isObject(value)) return '';
  return Object.entries(value)
    .flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${name}: ${String(one)}`))
    .join('\n');
}

function nameValueLines(value: unknown): string {
  if (!isObject(value)) return '';
  return Object.entries(value)
    .map(([name, v]) => `${name}=${String(v)}`)
    .join('\n');
}

function decodeBase64Text(base64: string): string {
  try {
    const binary = atob(base64);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

function bodyOf(holder: Record<string, unknown>): string {
  if (typeof holder.body === 'string') return holder.body;
  if (typeof holder.bodyBase64 === 'string') return decodeBase64Text(holder.bodyBase64);
  return '';
}

/** Whether a Lambda error payload is exactly what the three error fields write. */
function isPlainLambdaError(payload: unknown): payload is { errorMessage: string; errorType?: string; stackTrace?: string[] } {
  if (!isObject(payload) || typeof payload.errorMessage !== 'string') return false;
  const keys = Object.keys(payload);
  const expectedOrder = ['errorMessage', 'errorType', 'stackTrace'].filter((key) => key in payload);
  return (
    keys.join() === expectedOrder.join() &&
    (payload.errorType === undefined || (typeof payload.errorType === 'string' && payload.errorType !== '')) &&
    Array.isArray(payload.stackTrace) &&
    payload.stackTrace.every((frame) => typeof frame === 'string' && frame.trim() !== '' && !/[\r\n]/.test(frame))
  );
}

/** A scenario read back into the preview: the definition and operation it names, and its sample. */
export interface PreviewScenarioSample {
  definition?: string;
  operation?: string;
  /**
   * Whether the scenario gives its method inline (`method`): the scenario document is then its own
   * definition, and its `context` and `binaryMediaTypes` hold for the simulation.
   */
  inlineMethod: boolean;
  sample: PreviewSample;
  /** What the preview cannot show of the scenario (an inline method, an echo backend, …). */
  notes: string[];
}

/**
 * Reads a scenario file's text into a sample, so that opening a scenario previews it. Never throws: a
 * text that is not a scenario gives `undefined` and why.
 */
export function previewSampleFromScenario(text: string): PreviewScenarioSample | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `The scenario is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isObject(value)) return { error: 'A scenario is a JSON object.' };
  const notes: string[] = [];
  const request = isObject(value.request) ? value.request : {};
  const operation = typeof value.operation === 'string' ? value.operation : undefined;
  const [methodOfKey, pathOfKey] = operation?.split(' ') ?? [];
  const sample = defaultPreviewSample({ httpMethod: methodOfKey ?? 'GET', resourcePath: pathOfKey ?? '/' });
  sample.request = {
    httpMethod: typeof request.httpMethod === 'string' ? request.httpMethod : sample.request.httpMethod,
    path: typeof request.path === 'string' ? request.path : sample.request.path,
    headers: headerLines(request.headers),
    queryParameters: nameValueLines(request.queryStringParameters),
    pathParameters: isObject(request.pathParameters) ? nameValueLines(request.pathParameters) : sample.request.pathParameters,
    body: bodyOf(request),
  };
  sample.stageVariables = nameValueLines(value.stageVariables);
  const backend = isObject(value.backend) ? value.backend : undefined;
  if (backend && isObject(backend.http)) {
    const http = backend.http;
    sample.backendKind = 'http';
    sample.http = { statusCode: String(http.statusCode ?? 200), headers: headerLines(http.headers), body: bodyOf(http) };
  } else if (backend && isObject(backend.lambda)) {
    const lambda = backend.lambda;
    const payloadText = typeof lambda.payloadText === 'string' ? lambda.payloadText : JSON.stringify(lambda.payload ?? null);
    if (lambda.functionError === 'Handled' || lambda.functionError === 'Unhandled') {
      sample.backendKind = 'lambdaError';
      const plain = lambda.payloadText === undefined && isPlainLambdaError(lambda.payload) ? lambda.payload : undefined;
      sample.lambdaError = {
        functionError: lambda.functionError,
        useRaw: !plain,
        errorMessage: plain?.errorMessage ?? '',
        errorType: plain?.errorType ?? '',
        stackTrace: (plain?.stackTrace ?? []).join('\n'),
        raw: plain ? '' : payloadText,
      };
    } else {
      sample.backendKind = 'lambda';
      sample.lambda = { payload: payloadText };
    }
  } else if (backend && isObject(backend.echo)) {
    notes.push('The scenario answers with an echo backend, which the preview does not offer: an HTTP answer is shown instead.');
  }
  const inlineMethod = isObject(value.method);
  if (inlineMethod) {
    notes.push('The method is the one written in this scenario; its $context values and binary media types are used as written in the file.');
  } else if (value.context !== undefined || value.binaryMediaTypes !== undefined) {
    notes.push('The scenario sets $context values or binary media types, which the preview does not edit.');
  }
  return { ...(typeof value.definition === 'string' ? { definition: value.definition } : {}), ...(operation ? { operation } : {}), inlineMethod, sample, notes };
}

/** The scenario keys that are simulation inputs, in the order `apigw/simulate` takes them. */
const SCENARIO_INPUT_KEYS = ['request', 'backend', 'stageVariables', 'context', 'binaryMediaTypes'] as const;

/**
 * The simulation inputs a scenario file's text holds (its `request`, `backend`, `stageVariables`,
 * `context` and `binaryMediaTypes`, as written), with the keys of `overrides` replacing the scenario's
 * one by one: a preview sample edited by hand wins over the file, the rest of the file still holds.
 * Never throws: a text that is not a JSON object gives why.
 */
export function scenarioInputsWithOverrides(text: string, overrides: SimulationSampleInputs | undefined): { inputs: SimulationSampleInputs } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `The scenario is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isObject(value)) return { error: 'A scenario is a JSON object.' };
  const inputs: Record<string, unknown> = {};
  for (const key of SCENARIO_INPUT_KEYS) {
    const chosen = overrides?.[key] !== undefined ? overrides[key] : value[key];
    if (chosen !== undefined) inputs[key] = chosen;
  }
  return { inputs: inputs as SimulationSampleInputs };
}
