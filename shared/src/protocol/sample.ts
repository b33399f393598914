import type { SimulationSampleInputs } from './lsp';
import type { PreviewBackendKind, PreviewSample } from './preview';

/** Names the sample editor a problem is in, as the webview's editors are named. */
export type PreviewSampleField =
  | 'http.statusCode'
  | 'http.headers'
  | 'lambda.payload'
  | 'request.headers'
  | 'request.queryParameters'
  | 'request.pathParameters'
  | 'stageVariables';

/** Something in the sample that could not be used as written; the rest of the sample still runs. */
export interface PreviewSampleProblem {
  field: PreviewSampleField;
  /** 1-based line in that editor, when the problem is one line. */
  line?: number;
  message: string;
}

/** What the sample starts with where the user has given nothing yet. */
export interface PreviewSampleDefaults {
  httpMethod: string;
  /** The resource path as the definition writes it: `/pets/{petId}`. */
  resourcePath: string;
  integrationType?: string;
  requestHeaders?: Record<string, string>;
  stageVariables?: Record<string, string>;
}

/** The backend kind an integration type most likely answers with. */
export function backendKindFor(integrationType: string | undefined): PreviewBackendKind {
  return /^aws/i.test(integrationType ?? '') ? 'lambda' : 'http';
}

const lines = (entries: Record<string, string>, separator: string): string =>
  Object.entries(entries)
    .map(([name, value]) => `${name}${separator}${value}`)
    .join('\n');

/** A first sample for an operation: the request its path implies, an empty JSON answer. */
export function defaultPreviewSample(defaults: PreviewSampleDefaults): PreviewSample {
  const pathParameters: Record<string, string> = {};
  for (const match of defaults.resourcePath.matchAll(/\{([^}+]+)\+?\}/g)) pathParameters[match[1]] = '1';
  const requestPath = defaults.resourcePath.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => pathParameters[name]);
  return {
    backendKind: backendKindFor(defaults.integrationType),
    http: { statusCode: '200', headers: 'Content-Type: application/json', body: '{}' },
    lambda: { payload: '{}' },
    lambdaError: { functionError: 'Unhandled', useRaw: false, errorMessage: '', errorType: 'Error', stackTrace: '', raw: '' },
    request: {
      httpMethod: defaults.httpMethod === 'ANY' ? 'GET' : defaults.httpMethod,
      path: requestPath,
      headers: lines(defaults.requestHeaders ?? { Accept: 'application/json' }, ': '),
      queryParameters: '',
      pathParameters: lines(pathParameters, '='),
      body: '',
    },
    stageVariables: lines(defaults.stageVariables ?? {}, '='),
  };
}

/** Header lines (`Name: value`); a name given on several lines becomes a list, one line each. */
export function parsePreviewHeaderLines(text: string, field: PreviewSampleField, problems: PreviewSampleProblem[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (name === '' || /\s/.test(name)) {
      problems.push({ field, line: index + 1, message: `line ${index + 1} is not a header: write "Name: value"` });
      return;
    }
    // HTTP drops the spaces around a field value.
    const value = line.slice(colon + 1).trim();
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  });
  return headers;
}

/** `name=value` lines; the value is kept exactly as written after the first `=`. */
export function parsePreviewNameValueLines(text: string, field: PreviewSampleField, problems: PreviewSampleProblem[]): Record<string, string> {
  const entries: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const equals = line.indexOf('=');
    const name = equals < 0 ? '' : line.slice(0, equals).trim();
    if (name === '') {
      problems.push({ field, line: index + 1, message: `line ${index + 1} is not a parameter: write "name=value"` });
      return;
    }
    if (Object.prototype.hasOwnProperty.call(entries, name)) {
      problems.push({ field, line: index + 1, message: `"${name}" is given twice; the last value is used` });
    }
    entries[name] = line.slice(equals + 1);
  });
  return entries;
}

/** The Lambda error payload the three fields describe, in the order Lambda's runtimes write it. */
export function lambdaErrorPayload(error: PreviewSample['lambdaError']): Record<string, unknown> {
  const stackTrace = error.stackTrace.split(/\r?\n/).filter((frame) => frame.trim() !== '');
  return { errorMessage: error.errorMessage, ...(error.errorType !== '' ? { errorType: error.errorType } : {}), stackTrace };
}

/** The backend of a sample in scenario form (`backend` of FORMAT.md); undefined for MOCK integrations. */
export function previewBackend(sample: PreviewSample, integrationType: string | undefined, problems: PreviewSampleProblem[]): unknown {
  if (/^mock$/i.test(integrationType ?? '')) return undefined;
  switch (sample.backendKind) {
    case 'http': {
      const status = sample.http.statusCode.trim();
      let statusCode = 200;
      if (/^[1-5]\d\d$/.test(status)) statusCode = Number(status);
      else problems.push({ field: 'http.statusCode', message: `"${status}" is not an HTTP status code (100 to 599); 200 is used` });
      const headers = parsePreviewHeaderLines(sample.http.headers, 'http.headers', problems);
      return { http: { statusCode, headers, body: sample.http.body } };
    }
    case 'lambda':
      return { lambda: { payloadText: sample.lambda.payload } };
    case 'lambdaError': {
      const error = sample.lambdaError;
      return error.useRaw
        ? { lambda: { payloadText: error.raw, functionError: error.functionError } }
        : { lambda: { payload: lambdaErrorPayload(error), functionError: error.functionError } };
    }
  }
}

/** The client request of a sample in scenario form (`request` of FORMAT.md). */
export function previewRequest(sample: PreviewSample, problems: PreviewSampleProblem[]): Record<string, unknown> {
  const request = sample.request;
  return {
    httpMethod: request.httpMethod.trim() || 'GET',
    path: request.path,
    headers: parsePreviewHeaderLines(request.headers, 'request.headers', problems),
    queryStringParameters: parsePreviewNameValueLines(request.queryParameters, 'request.queryParameters', problems),
    pathParameters: parsePreviewNameValueLines(request.pathParameters, 'request.pathParameters', problems),
    ...(request.body !== '' ? { body: request.body } : {}),
  };
}

/**
 * The inputs of `apigw/simulate` for a sample. Lines that cannot be read are left out and reported,
 * so a half-typed header never stops the preview.
 */
export function previewSampleToInputs(sample: PreviewSample, integrationType: string | undefined): { inputs: SimulationSampleInputs; problems: PreviewSampleProblem[] } {
  const problems: PreviewSampleProblem[] = [];
  const request = previewRequest(sample, problems);
  const backend = previewBackend(sample, integrationType, problems);
  const stageVariables = parsePreviewNameValueLines(sample.stageVariables, 'stageVariables', problems);
  return { inputs: { request, ...(backend !== undefined ? { backend } : {}), stageVariables }, problems };
}
