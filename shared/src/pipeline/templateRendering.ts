import type { Template } from '../model/types';
import { documentRange, renderMappingTemplate, type TemplateOutcome } from './engines';
import { headerValues } from './headers';
import type { TraceRecorder } from './trace';
import type { SimulationRequest } from './types';

/** The method request parameters as templates see them through `$input.params()`. */
export function templateParams(request: SimulationRequest): {
  path: Record<string, string>;
  querystring: Record<string, string>;
  header: Record<string, string>;
} {
  const header: Record<string, string> = {};
  for (const [name] of request.headers) {
    if (!(name in header)) header[name] = headerValues(request.headers, name)[0];
  }
  return { path: { ...request.pathParameters }, querystring: { ...request.queryStringParameters }, header };
}

/**
 * Renders one template of the definition and reports its warnings and error at definition ranges
 * (template offsets mapped through the template's embedded text).
 */
export function renderDefinitionTemplate(
  template: Template,
  text: string,
  inputs: Omit<Parameters<typeof renderMappingTemplate>[0], 'template'>,
  trace: TraceRecorder,
): TemplateOutcome {
  let outcome: TemplateOutcome;
  try {
    outcome = renderMappingTemplate({ ...inputs, template: text });
  } catch (error) {
    // The renderer promises not to throw; if it ever does, the simulation still answers.
    outcome = {
      output: '',
      context: inputs.context,
      error: { code: 'vtl-internal-error', message: String(error instanceof Error ? error.message : error), start: 0, end: text.length },
      warnings: [],
    };
  }
  const rangeOf = (start: number, end: number) => (template.text ? documentRange(template.text.embedded, start, end) : template.range);
  for (const warning of outcome.warnings) {
    trace.warn(warning.code, `template ${template.contentType.value}: ${warning.message}`, rangeOf(warning.start, warning.end));
  }
  if (outcome.error) {
    trace.problem(outcome.error.code, `template ${template.contentType.value}: ${outcome.error.message}`, rangeOf(outcome.error.start, outcome.error.end));
  }
  return outcome;
}
