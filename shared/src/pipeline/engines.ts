// The pipeline's view of the modules it builds on (regex, VTL, apigw, documents). Each function here
// adapts one pinned module API to what the steps need, so a step never depends on a module's internals.
import { embeddedRangeToDocument } from '../documents/index';
import type { EmbeddedText, OffsetRange } from '../model/types';
import type { HeaderLine } from './types';

/** A problem at offsets of the text it concerns (a pattern, a template). */
export interface TextProblem {
  code: string;
  message: string;
  start: number;
  end: number;
}

export type PatternOutcome = 'match' | 'no-match' | 'step-limit';

/** A compiled selection pattern; `test` is a whole-string Java match under a step budget. */
export interface CompiledPattern {
  test?: (input: string) => PatternOutcome;
  problems: TextProblem[];
}

/** Compiles a Java regular expression. */
export function compileJavaPattern(pattern: string): CompiledPattern {
  return {
    problems: [{ code: 'regex-engine-missing', message: `the Java regex engine is not available to match ${pattern}`, start: 0, end: pattern.length }],
  };
}

/** The inputs a template render needs. */
export interface TemplateInputs {
  template: string;
  body: string;
  params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
  context: Record<string, unknown>;
  stageVariables: Record<string, string>;
}

export interface TemplateOutcome {
  output: string;
  /** `$context` after the render, with what the template set on `requestOverride`/`responseOverride`. */
  context: Record<string, unknown>;
  error?: TextProblem;
  warnings: TextProblem[];
}

/** Renders a mapping template with API Gateway's variables. */
export function renderMappingTemplate(inputs: TemplateInputs): TemplateOutcome {
  return {
    output: '',
    context: inputs.context,
    error: { code: 'vtl-engine-missing', message: 'the VTL renderer is not available', start: 0, end: inputs.template.length },
    warnings: [],
  };
}

/** What `$context` holds for this request: API Gateway's stable defaults with the given overrides. */
export function contextFor(request: { httpMethod: string; path: string; resourcePath?: string }, overrides: Record<string, unknown>): Record<string, unknown> {
  return deepMerge(
    {
      httpMethod: request.httpMethod,
      path: request.path,
      resourcePath: request.resourcePath ?? request.path,
      requestOverride: { header: {}, path: {}, querystring: {} },
      responseOverride: { header: {} },
    },
    overrides,
  );
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Evaluates a `responseParameters` source expression against the endpoint response. */
export function evaluateParameterSource(
  expression: string,
  endpoint: { headers: HeaderLine[]; body: string },
  context: Record<string, unknown>,
  stageVariables: Record<string, string>,
): { value?: string; problem?: string } {
  void endpoint;
  void context;
  void stageVariables;
  return { problem: `mapping sources are not available to evaluate ${expression}` };
}

/** Maps offsets in a decoded embedded text to a range in the document. */
export function documentRange(embedded: EmbeddedText, start: number, end: number): OffsetRange {
  return embeddedRangeToDocument(embedded, start, end);
}
