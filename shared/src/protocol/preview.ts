/**
 * The messages between the extension and the preview webview: one discriminated union per direction,
 * on `type`. No `vscode` import: the webview bundle shares this file.
 */
import type { LspRange } from './lsp';
import type { PreviewResultView } from './resultView';

/** Bumped when a message changes shape; a revived webview with another version starts over. */
export const PREVIEW_PROTOCOL_VERSION = 1;

/** Which kind of backend answer the sample gives. */
export type PreviewBackendKind = 'http' | 'lambda' | 'lambdaError';

/** Lambda's `X-Amz-Function-Error` header: how the function failed. */
export type PreviewFunctionError = 'Unhandled' | 'Handled';

/**
 * What the user typed in the sample editors, exactly as typed: every field is text so that nothing is
 * lost while it is half written. Header, parameter and variable lists are one entry a line
 * (`Name: value` for headers, `name=value` for the others).
 */
export interface PreviewSample {
  backendKind: PreviewBackendKind;
  http: { statusCode: string; headers: string; body: string };
  /** A successful Invoke: the payload bytes as the function returned them. */
  lambda: { payload: string };
  lambdaError: {
    functionError: PreviewFunctionError;
    /** When set, `raw` is the payload as written and the three fields below are not used. */
    useRaw: boolean;
    errorMessage: string;
    errorType: string;
    /** One frame a line. */
    stackTrace: string;
    raw: string;
  };
  request: { httpMethod: string; path: string; headers: string; queryParameters: string; pathParameters: string; body: string };
  stageVariables: string;
}

/** An operation as the picker shows it. */
export interface PreviewOperationChoice {
  key: string;
  /** `AWS`, `HTTP_PROXY`, … when the definition says. */
  integrationType?: string;
  /** Status codes of the integration responses, in definition order. */
  integrationResponses: string[];
}

/** What the webview keeps with `setState`, so a reload or restart shows the same thing at once. */
export interface PreviewWebviewState {
  version: number;
  documentUri: string;
  operation?: string;
  sample?: PreviewSample;
}

/** The extension → webview messages. */
export type PreviewHostMessage =
  /** The previewed document and its operations; `selected` is the one shown. */
  | { type: 'document'; documentUri: string; documentLabel: string; operations: PreviewOperationChoice[]; selected?: string; followsCursor: boolean }
  /** The sample of the selected operation: replaces what the editors show (an operation change, a scenario opened). */
  | { type: 'sample'; operation: string; sample: PreviewSample }
  /** The result for the sample of `revision` (the webview ignores results older than what it shows). */
  | { type: 'result'; operation: string; revision: number; view: PreviewResultView }
  /** A short note in the status line: "Saved …", "The language server is starting…". */
  | { type: 'status'; message: string; severity: 'info' | 'error' };

/** The webview → extension messages. */
export type PreviewWebviewMessage =
  /** The script runs and listens; it sends what it restored from `getState`, if anything. */
  | { type: 'ready'; restored?: PreviewWebviewState }
  /** The sample changed (already debounced by the webview); `revision` increases with each change. */
  | { type: 'sampleChanged'; operation: string; revision: number; sample: PreviewSample }
  | { type: 'selectOperation'; operation: string }
  | { type: 'setFollowCursor'; enabled: boolean }
  /** Jump to a place in the previewed definition. */
  | { type: 'reveal'; range: LspRange }
  | { type: 'saveScenario'; operation: string }
  /** Forget the stored sample of the operation and start from the defaults. */
  | { type: 'resetSample'; operation: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isPosition(value: unknown): boolean {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

/** Whether a value is an LSP range with whole, non-negative positions. */
export function isLspRange(value: unknown): value is LspRange {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

function hasStrings(value: unknown, keys: readonly string[]): value is Record<string, string> {
  return isObject(value) && keys.every((key) => isString(value[key]));
}

/** Whether a value has the shape of a sample (a webview's state may come from an older version). */
export function isPreviewSample(value: unknown): value is PreviewSample {
  if (!isObject(value)) return false;
  const error = value.lambdaError;
  return (
    (value.backendKind === 'http' || value.backendKind === 'lambda' || value.backendKind === 'lambdaError') &&
    hasStrings(value.http, ['statusCode', 'headers', 'body']) &&
    hasStrings(value.lambda, ['payload']) &&
    hasStrings(error, ['errorMessage', 'errorType', 'stackTrace', 'raw']) &&
    (error.functionError === 'Unhandled' || error.functionError === 'Handled') &&
    typeof (error as Record<string, unknown>).useRaw === 'boolean' &&
    hasStrings(value.request, ['httpMethod', 'path', 'headers', 'queryParameters', 'pathParameters', 'body']) &&
    isString(value.stageVariables)
  );
}

function isWebviewState(value: unknown): value is PreviewWebviewState {
  return (
    isObject(value) &&
    value.version === PREVIEW_PROTOCOL_VERSION &&
    isString(value.documentUri) &&
    (value.operation === undefined || isString(value.operation)) &&
    (value.sample === undefined || isPreviewSample(value.sample))
  );
}

/**
 * Reads a message the webview posted. The webview runs user content, so the extension checks every
 * message before acting on it; anything else is `undefined`.
 */
export function parsePreviewWebviewMessage(value: unknown): PreviewWebviewMessage | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready', ...(isWebviewState(value.restored) ? { restored: value.restored } : {}) };
    case 'sampleChanged':
      return isString(value.operation) && isCount(value.revision) && isPreviewSample(value.sample)
        ? { type: 'sampleChanged', operation: value.operation, revision: value.revision, sample: value.sample }
        : undefined;
    case 'selectOperation':
    case 'saveScenario':
    case 'resetSample':
      return isString(value.operation) ? { type: value.type, operation: value.operation } : undefined;
    case 'setFollowCursor':
      return typeof value.enabled === 'boolean' ? { type: 'setFollowCursor', enabled: value.enabled } : undefined;
    case 'reveal':
      return isLspRange(value.range) ? { type: 'reveal', range: value.range } : undefined;
    default:
      return undefined;
  }
}
