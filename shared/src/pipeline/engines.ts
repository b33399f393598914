// The pipeline's view of the modules it builds on (regex, VTL, apigw, documents). Each function here
// adapts one pinned module API to what the steps need, so a step never depends on a module's internals.
import { buildContext, evaluateResponseParameterSource, type ContextRequest } from '../apigw/index';
import { embeddedRangeToDocument } from '../documents/index';
import type { EmbeddedText, OffsetRange } from '../model/types';
import { getJavaRegex, RegexStepLimitError } from '../regex/index';
import { renderTemplate, type TemplateProblem } from '../vtl/index';
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
  /** Groups Java repeats by recursion, one stack frame per repetition (pattern offsets). */
  recursiveLoops: readonly { start: number; end: number }[];
}

/** Compiles a Java regular expression (the regex module), matching whole strings under a step budget. */
export function compileJavaPattern(pattern: string): CompiledPattern {
  const { regex, problems } = getJavaRegex(pattern);
  const textProblems = problems.map((p) => ({ code: p.code, message: p.message, start: p.start, end: p.end }));
  if (!regex) return { problems: textProblems, recursiveLoops: [] };
  return {
    problems: textProblems,
    recursiveLoops: regex.javaRecursiveLoops,
    test(input) {
      try {
        return regex.matches(input, { stepLimit: selectionStepLimit }) ? 'match' : 'no-match';
      } catch (error) {
        if (error instanceof RegexStepLimitError) return 'step-limit';
        throw error;
      }
    },
  };
}

/** Steps one selection pattern may take on one value: far above any sane pattern, far below a hang. */
const selectionStepLimit = 5_000_000;

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

/** Renders a mapping template with API Gateway's variables (the VTL module's `renderTemplate`). */
export function renderMappingTemplate(inputs: TemplateInputs): TemplateOutcome {
  const rendered = renderTemplate(inputs);
  return {
    output: rendered.output,
    context: rendered.context,
    ...(rendered.error ? { error: textProblem(rendered.error) } : {}),
    warnings: rendered.warnings.map(textProblem),
  };
}

function textProblem(problem: TemplateProblem): TextProblem {
  return { code: problem.code, message: problem.message, start: problem.start, end: problem.end };
}

/** What `$context` holds for this request: API Gateway's stable defaults with the given overrides. */
export function contextFor(request: ContextRequest, overrides: Record<string, unknown>): Record<string, unknown> {
  return buildContext(request, overrides);
}

/** What a mapping source gave: a value, or nothing and why (`error`: API Gateway answers 500). */
export interface ParameterSourceOutcome {
  value?: string;
  problem?: { code: string; message: string; severity: 'error' | 'warning' | 'information' };
}

/** Evaluates a `responseParameters` source expression against the endpoint response (the apigw module). */
export function evaluateParameterSource(
  expression: string,
  endpoint: { headers: HeaderLine[]; body: string },
  context: Record<string, unknown>,
  stageVariables: Record<string, string>,
): ParameterSourceOutcome {
  return evaluateResponseParameterSource(expression, endpoint, context, stageVariables);
}

/** Maps offsets in a decoded embedded text to a range in the document. */
export function documentRange(embedded: EmbeddedText, start: number, end: number): OffsetRange {
  return embeddedRangeToDocument(embedded, start, end);
}
