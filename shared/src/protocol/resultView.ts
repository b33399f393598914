import { formatPreviewBody, type PreviewBodyFormat } from './bodyFormat';
import type { LspRange, SimulateResult } from './lsp';
import type { PreviewSampleProblem } from './sample';

/** One line of the trace as shown: why the pipeline went the way it did, and where that is decided. */
export interface PreviewTraceLine {
  step: string;
  message: string;
  range?: LspRange;
  /** For a selection pattern tried against the selection value. */
  outcome?: 'matched' | 'not-matched';
}

/** An error or warning, with the place in the definition to jump to when it has one. */
export interface PreviewFinding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  range?: LspRange;
}

/** A body as the preview shows it. */
export interface PreviewBodyView {
  text: string;
  format: PreviewBodyFormat | 'binary';
  /** Whether `text` was re-indented for reading (the bytes the client gets are not). */
  pretty: boolean;
  byteLength: number;
}

/** What the preview shows for one simulation. */
export type PreviewResultView =
  | { kind: 'failure'; message: string; findings: PreviewFinding[]; sampleProblems: PreviewSampleProblem[] }
  | {
      kind: 'result';
      statusCode: number;
      /** The integration response selection chose; null when none applies (proxy, nothing matched). */
      selectedResponse: string | null;
      error: { type: string; message: string } | null;
      headers: { name: string; value: string }[];
      body: PreviewBodyView;
      /** What the request template produced, where one ran. */
      integrationRequestBody?: PreviewBodyView;
      /** The selection steps: the value, each pattern tried, the outcome. */
      selection: PreviewTraceLine[];
      trace: PreviewTraceLine[];
      findings: PreviewFinding[];
      sampleProblems: PreviewSampleProblem[];
    };

function byteLengthOfBase64(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, (base64.length / 4) * 3 - padding);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function bodyView(text: string, contentType: string | undefined, base64?: string): PreviewBodyView {
  // The server turns bytes that are not UTF-8 into U+FFFD; such a body is shown as its bytes.
  if (base64 !== undefined && text.includes('\uFFFD')) {
    return { text: base64, format: 'binary', pretty: false, byteLength: byteLengthOfBase64(base64) };
  }
  const formatted = formatPreviewBody(text, contentType);
  return { ...formatted, byteLength: base64 !== undefined ? byteLengthOfBase64(base64) : utf8Length(text) };
}

function traceLine(entry: { step: string; message: string; range?: LspRange }): PreviewTraceLine {
  const line: PreviewTraceLine = { step: entry.step, message: entry.message, ...(entry.range ? { range: entry.range } : {}) };
  if (entry.step === 'selection') {
    if (/ did not match /.test(entry.message)) line.outcome = 'not-matched';
    else if (/ matched /.test(entry.message)) line.outcome = 'matched';
  }
  return line;
}

function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (key === undefined) return undefined;
  const value = headers[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Turns the server's answer into what the preview shows; pure, so the webview only renders. */
export function buildPreviewResultView(result: SimulateResult, sampleProblems: PreviewSampleProblem[] = [], requestContentType?: string): PreviewResultView {
  const findings: PreviewFinding[] = result.problems.map((p) => ({ severity: 'error', code: p.code, message: p.message, ...(p.range ? { range: p.range } : {}) }));
  if (!result.ok) return { kind: 'failure', message: result.message, findings, sampleProblems };
  findings.push(...result.warnings.map((w): PreviewFinding => ({ severity: 'warning', code: w.code, message: w.message, ...(w.range ? { range: w.range } : {}) })));
  const trace = result.trace.map(traceLine);
  return {
    kind: 'result',
    statusCode: result.statusCode,
    selectedResponse: result.selectedResponse,
    error: result.error,
    headers: Object.entries(result.headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: v }))),
    body: bodyView(result.body, headerValue(result.headers, 'Content-Type'), result.bodyBase64),
    ...(result.integrationRequest ? { integrationRequestBody: bodyView(result.integrationRequest.body, requestContentType) } : {}),
    selection: trace.filter((line) => line.step === 'selection'),
    trace,
    findings,
    sampleProblems,
  };
}
