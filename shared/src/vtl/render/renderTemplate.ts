// One render of an API Gateway mapping template: pure (same input, same output), never throws, never
// hangs. A failure that makes API Gateway answer 500 becomes `error` (with an empty output, as API
// Gateway sends none of it).
import type { TemplateProblem } from '../problem';
import { JavaCompile } from './javaCompile';
import { JavaException } from './javaException';
import { toPlainJson } from './javaValues';
import { RenderBudget, RenderStop, type RenderLimits } from './limits';
import { parseForRender } from './parseForRender';
import { buildTemplateVariables } from './templateVariables';

/** What one render reads. */
export interface TemplateInput {
  template: string;
  /** The text `$input.body` returns and `$input.json`/`$input.path` parse (already converted per contentHandling). */
  body: string;
  /** Method request parameters for `$input.params(...)`. */
  params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
  /** `$context` as plain JSON (defaults from buildContext plus overrides); a changed copy comes back. */
  context: Record<string, unknown>;
  stageVariables: Record<string, string>;
  limits?: Partial<RenderLimits>;
}

/** What one render gives. */
export interface RenderResult {
  output: string;
  /** `$context` after rendering, as plain JSON: `responseOverride.status`, `responseOverride.header.*`, `requestOverride.*`. */
  context: Record<string, unknown>;
  /** A failure that makes API Gateway answer 500 (runtime exception, limit exceeded, override set twice). */
  error?: TemplateProblem;
  warnings: TemplateProblem[];
}

const clock = (): number => Date.now();

/** Renders a mapping template as API Gateway would; never throws, never hangs. */
export function renderTemplate(input: TemplateInput): RenderResult {
  const warnings: TemplateProblem[] = [];
  const template = typeof input.template === 'string' ? input.template : '';
  const parsed = parseForRender(template);
  if (!parsed.ok) return { output: '', context: copyOf(input.context), error: parsed.problem, warnings };

  let compile: JavaCompile | undefined;
  let variables: ReturnType<typeof buildTemplateVariables> | undefined;
  const written = new WeakMap<Map<unknown, unknown>, Set<unknown>>();
  try {
    const budget = new RenderBudget(input.limits, clock);
    variables = buildTemplateVariables(
      {
        body: typeof input.body === 'string' ? input.body : '',
        params: input.params ?? { path: {}, querystring: {}, header: {} },
        context: input.context ?? {},
        stageVariables: input.stageVariables ?? {},
      },
      (code, message) => compile?.warn(code, message),
    );
    const overrides = variables.overrides;
    compile = new JavaCompile(parsed.ast, {
      template,
      globals: variables.globals,
      budget,
      warnings,
      beforeMapWrite(map, key) {
        if (!overrides.maps.get(map)?.(key)) return;
        let keys = written.get(map);
        if (!keys) written.set(map, (keys = new Set()));
        if (keys.has(key)) {
          throw new RenderStop('vtl-override-twice', `the override ${String(key)} is set twice: API Gateway answers 5XX (overrides are final)`);
        }
        keys.add(key);
      },
    });
    const output = compile.renderJava();
    return { output, context: contextOut(variables.context, input.context), warnings };
  } catch (error) {
    const problem = problemOf(error, compile);
    return { output: '', context: variables ? contextOut(variables.context, input.context) : copyOf(input.context), error: problem, warnings };
  }
}

function problemOf(error: unknown, compile: JavaCompile | undefined): TemplateProblem {
  const at = compile?.currentRange() ?? { start: 0, end: 0 };
  if (error instanceof RenderStop) {
    return { code: error.code, message: error.message, severity: 'error', start: error.start ?? at.start, end: error.end ?? at.end };
  }
  if (error instanceof JavaException) {
    return {
      code: 'vtl-java-exception',
      message: `${error.javaClass}: ${error.message} (Velocity stops the render; API Gateway answers 500)`,
      severity: 'error',
      ...at,
    };
  }
  if (error instanceof RangeError) {
    return { code: 'vtl-too-deep', message: `the template nests too deeply to render (${error.message})`, severity: 'error', ...at };
  }
  return { code: 'vtl-internal-error', message: `the renderer failed: ${error instanceof Error ? error.message : String(error)}`, severity: 'error', ...at };
}

function contextOut(context: Map<unknown, unknown>, fallback: Record<string, unknown>): Record<string, unknown> {
  let plain: unknown;
  try {
    plain = toPlainJson(context);
  } catch {
    // A value the template left in $context that Java could not read either (a stale subList view).
    return copyOf(fallback);
  }
  return typeof plain === 'object' && plain !== null && !Array.isArray(plain) ? (plain as Record<string, unknown>) : copyOf(fallback);
}

function copyOf(context: Record<string, unknown> | undefined): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(context ?? {})) as Record<string, unknown>;
  } catch {
    return {};
  }
}
