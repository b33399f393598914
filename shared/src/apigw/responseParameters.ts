/**
 * `responseParameters` sources: what a `method.response.header.X` mapping takes its value from
 * (SEMANTICS §6, AWS's D-MAP "Method response header mapping expressions").
 */
import { CONTEXT_VARIABLES, findContextVariable, suggestTemplateMember } from './catalog';
import { isJsonObject, javaNumberText, jsonForTemplate, JavaNumber, parseJsonForTemplate, type JsonParseResult, type JsonValue } from './javaJson';
import { evaluateCompiledJsonPath } from './jsonPath';
import { compileJsonPath, isDefinitePath, type CompiledJsonPath } from './jsonPathSyntax';

/** What a source expression reads. */
export type ResponseParameterSource =
  | { kind: 'header'; name: string }
  | { kind: 'multivalueheader'; name: string }
  | { kind: 'body' }
  /** `path` as written after `integration.response.body`; `jsonPath` with the `$` API Gateway puts in front. */
  | { kind: 'bodyPath'; path: string; jsonPath: string }
  /** `name` is the dotted name after `context.`: `identity.sourceIp`. */
  | { kind: 'context'; name: string }
  | { kind: 'stageVariable'; name: string }
  | { kind: 'static'; value: string }
  | { kind: 'invalid' };

/** A problem in a source expression, at offsets into the expression text (half-open). */
export interface ResponseParameterExpressionProblem {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  start: number;
  end: number;
}

/** A source expression, read for the language server. */
export interface ParsedResponseParameterExpression {
  source: ResponseParameterSource;
  /** Where the name, path or static value is in the expression text; absent for `integration.response.body`. */
  operand?: { start: number; end: number };
  problems: ResponseParameterExpressionProblem[];
}

const HEADER_PREFIX = 'integration.response.header.';
const MULTI_HEADER_PREFIX = 'integration.response.multivalueheader.';
const BODY = 'integration.response.body';
const CONTEXT_PREFIX = 'context.';
const STAGE_VARIABLES_PREFIX = 'stageVariables.';

/** RFC 7230 token characters: what a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Reads a `responseParameters` source expression. Never throws; an unknown or malformed expression is a
 * source of kind `invalid` with an error. Prefixes are case-sensitive, as API Gateway's are.
 */
export function parseResponseParameterExpression(text: string): ParsedResponseParameterExpression {
  const problems: ResponseParameterExpressionProblem[] = [];
  const problem = (code: string, message: string, start: number, end: number, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ code, message, severity, start, end: Math.max(end, start) });
  };
  const invalid = (code: string, message: string, start = 0, end = text.length): ParsedResponseParameterExpression => {
    problem(code, message, start, end);
    return { source: { kind: 'invalid' }, problems };
  };

  if (text.startsWith("'")) {
    if (text.length < 2 || !text.endsWith("'")) return invalid('response-parameter-unclosed-static', "a static value is written between single quotes: 'value'");
    return { source: { kind: 'static', value: text.slice(1, -1) }, operand: { start: 1, end: text.length - 1 }, problems };
  }
  for (const [prefix, kind] of [[HEADER_PREFIX, 'header'], [MULTI_HEADER_PREFIX, 'multivalueheader']] as const) {
    if (!text.startsWith(prefix)) continue;
    const name = text.slice(prefix.length);
    if (name === '') return invalid('response-parameter-missing-name', `name the header after ${prefix}`);
    if (!HEADER_NAME.test(name)) problem('response-parameter-bad-header-name', `"${name}" is not a valid header name`, prefix.length, text.length);
    return { source: { kind, name }, operand: { start: prefix.length, end: text.length }, problems };
  }
  if (text === BODY) return { source: { kind: 'body' }, problems };
  if (text.startsWith(`${BODY}.`) || text.startsWith(`${BODY}[`)) {
    const pathStart = BODY.length + (text[BODY.length] === '.' ? 1 : 0);
    const path = text.slice(pathStart);
    const jsonPath = text[BODY.length] === '.' ? `$.${path}` : `$${path}`;
    const compiled = compileJsonPath(jsonPath);
    if (!compiled.ok) {
      const at = Math.min(text.length, Math.max(pathStart, compiled.error.offset - (jsonPath.length - path.length) + pathStart));
      return invalid('response-parameter-bad-json-path', compiled.error.message, at, Math.min(text.length, at + 1));
    }
    return { source: { kind: 'bodyPath', path, jsonPath }, operand: { start: pathStart, end: text.length }, problems };
  }
  if (text.startsWith(CONTEXT_PREFIX)) {
    const name = text.slice(CONTEXT_PREFIX.length);
    if (name === '' || name.split('.').some((segment) => segment === '')) return invalid('response-parameter-missing-name', 'name the $context variable: context.requestId', CONTEXT_PREFIX.length);
    if (!findContextVariable(name)) {
      const suggestion = suggestTemplateMember(name, CONTEXT_VARIABLES);
      const hint = suggestion ? `; did you mean context.${suggestion}?` : '';
      problem('response-parameter-unknown-context', `$context.${name} is not a documented $context variable${hint}`, CONTEXT_PREFIX.length, text.length, 'warning');
    }
    return { source: { kind: 'context', name }, operand: { start: CONTEXT_PREFIX.length, end: text.length }, problems };
  }
  if (text.startsWith(STAGE_VARIABLES_PREFIX)) {
    const name = text.slice(STAGE_VARIABLES_PREFIX.length);
    if (name === '') return invalid('response-parameter-missing-name', 'name the stage variable: stageVariables.name', STAGE_VARIABLES_PREFIX.length);
    if (!/^[A-Za-z0-9_]+$/.test(name)) problem('response-parameter-bad-stage-variable', 'stage variable names contain only letters, digits and underscores', STAGE_VARIABLES_PREFIX.length, text.length);
    return { source: { kind: 'stageVariable', name }, operand: { start: STAGE_VARIABLES_PREFIX.length, end: text.length }, problems };
  }
  if (text.startsWith('method.request.')) {
    return invalid('response-parameter-request-source', 'method request parameters cannot be mapped into a method response header; use a static value, an integration response header or body, $context or a stage variable');
  }
  const lower = text.toLowerCase();
  if ([HEADER_PREFIX, MULTI_HEADER_PREFIX, BODY, CONTEXT_PREFIX, STAGE_VARIABLES_PREFIX].some((prefix) => lower.startsWith(prefix.toLowerCase()))) {
    return invalid('response-parameter-prefix-case', 'mapping expressions are case-sensitive: integration.response.header.X, integration.response.body, context.X, stageVariables.X');
  }
  return invalid(
    'response-parameter-unknown-source',
    "expected 'static value', integration.response.header.NAME, integration.response.multivalueheader.NAME, integration.response.body[.PATH], context.NAME or stageVariables.NAME",
  );
}

/** Why a mapping gave no value, or why API Gateway would fail the request. */
export interface ResponseParameterProblem {
  code: string;
  message: string;
  /**
   * `error`: API Gateway answers 500 instead (a body that looks like JSON but is not); `warning`: the
   * expression is invalid and the mapping is skipped; `information`: the source is absent, so the header
   * is not set (SEMANTICS §6 "a mapping whose source is missing is simply absent").
   */
  severity: 'error' | 'warning' | 'information';
}

/** The endpoint (integration) response a mapping reads. */
export interface MappedEndpointResponse {
  /** Header lines in order; a name may repeat. */
  headers: [name: string, value: string][];
  body: string;
}

/** A mapping's outcome: the header value, or nothing and why. */
export interface ResponseParameterValue {
  value?: string;
  problem?: ResponseParameterProblem;
}

/**
 * The value a `responseParameters` source gives for one endpoint response (SEMANTICS §6). Choices where
 * AWS's behaviour is not recorded:
 * - `integration.response.header.X` is case-sensitive (documented, D-NOTES); a repeated header gives its
 *   **last** value, as LocalStack does (unverified, §16.7). `multivalueheader.X` joins every value with
 *   `,` and no space (LocalStack; unverified).
 * - `integration.response.body` of an empty body is `{}` (LocalStack, "validated against AWS").
 * - `integration.response.body.PATH`: strings as they are, numbers as Java prints them, booleans
 *   `true`/`false`, objects and lists as compact JSON (D-LE example). JSON null and a missing path set no
 *   header. A body whose trimmed text starts with `{`, `[`, `'` or `"` but is not JSON fails the request
 *   with 500 (LocalStack's note on AWS); any other non-JSON body just sets no header.
 * - A path through `errorMessage` whose value is a JSON string continues inside that string
 *   (`errorMessage.trace.function`), as D-LE documents for Lambda custom errors.
 * - `context.X` follows the dotted name through `context`; null or absent sets no header; an object is
 *   written as JSON.
 */
export function evaluateResponseParameterSource(
  expression: string,
  endpoint: MappedEndpointResponse,
  context: Record<string, unknown>,
  stageVariables: Record<string, string>,
): ResponseParameterValue {
  return createResponseParameterEvaluator(endpoint, context, stageVariables)(expression);
}

/**
 * `evaluateResponseParameterSource` for every mapping of one integration response: the body is parsed
 * once, on the first mapping that reads into it.
 */
export function createResponseParameterEvaluator(
  endpoint: MappedEndpointResponse,
  context: Record<string, unknown>,
  stageVariables: Record<string, string>,
): (expression: string) => ResponseParameterValue {
  let parsedBody: JsonParseResult | undefined;
  const body = (): JsonParseResult => (parsedBody ??= parseJsonForTemplate(endpoint.body === '' ? '{}' : endpoint.body));
  return (expression) => evaluateSource(expression, endpoint, body, context, stageVariables);
}

function absent(message: string): ResponseParameterValue {
  return { problem: { code: 'response-parameter-source-absent', message, severity: 'information' } };
}

function evaluateSource(
  expression: string,
  endpoint: MappedEndpointResponse,
  body: () => JsonParseResult,
  context: Record<string, unknown>,
  stageVariables: Record<string, string>,
): ResponseParameterValue {
  const parsed = parseResponseParameterExpression(expression);
  const source = parsed.source;
  switch (source.kind) {
    case 'invalid':
      return { problem: { code: parsed.problems[0]?.code ?? 'response-parameter-invalid', message: parsed.problems[0]?.message ?? 'invalid mapping expression', severity: 'warning' } };
    case 'static':
      return { value: source.value };
    case 'header':
    case 'multivalueheader': {
      const values = endpoint.headers.filter(([name]) => name === source.name).map(([, value]) => value);
      if (values.length) return { value: source.kind === 'header' ? values[values.length - 1] : values.join(',') };
      const otherCase = endpoint.headers.find(([name]) => name.toLowerCase() === source.name.toLowerCase());
      return absent(
        otherCase
          ? `the endpoint response has "${otherCase[0]}" but not "${source.name}": header mappings are case-sensitive`
          : `the endpoint response has no "${source.name}" header`,
      );
    }
    case 'body':
      return { value: endpoint.body === '' ? '{}' : endpoint.body };
    case 'bodyPath':
      return bodyPathValue(source.jsonPath, endpoint.body, body(), expression);
    case 'context': {
      const value = lookupDotted(context, source.name);
      if (value === undefined || value === null) return absent(`$context.${source.name} has no value`);
      return contextValueText(source.name, value);
    }
    case 'stageVariable': {
      const value = Object.prototype.hasOwnProperty.call(stageVariables, source.name) ? stageVariables[source.name] : undefined;
      if (value === undefined || value === null) return absent(`there is no stage variable "${source.name}"`);
      return { value: String(value) };
    }
  }
}

/** A `$context` value as header text: strings as they are, other scalars as text, structures as JSON. */
function contextValueText(name: string, value: unknown): ResponseParameterValue {
  if (typeof value !== 'object') return { value: String(value) };
  try {
    return { value: JSON.stringify(value instanceof Map ? Object.fromEntries(value) : value) };
  } catch {
    return { problem: { code: 'response-parameter-unprintable-context', message: `$context.${name} cannot be written as text`, severity: 'warning' } };
  }
}

function lookupDotted(root: unknown, dottedName: string): unknown {
  let node: unknown = root;
  for (const segment of dottedName.split('.')) {
    if (node instanceof Map) node = node.get(segment);
    else if (typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, segment)) node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}

function bodyPathValue(jsonPath: string, body: string, parsed: JsonParseResult, expression: string): ResponseParameterValue {
  if (!parsed.ok) {
    if (/^[\s]*[{["']/.test(body)) {
      return {
        problem: {
          code: 'response-parameter-body-not-json',
          message: `${expression} needs a JSON body, and this body looks like JSON but is not (${parsed.error.message} at offset ${parsed.error.offset}); API Gateway answers 500`,
          severity: 'error',
        },
      };
    }
    return absent(`${expression} needs a JSON body; this body is not JSON, so the header is not set`);
  }
  const compiled = compileJsonPath(jsonPath);
  if (!compiled.ok) return { problem: { code: 'response-parameter-bad-json-path', message: compiled.error.message, severity: 'warning' } };
  const result = evaluateCompiledJsonPath(parsed.value, compiled.path);
  if (!result.ok) return { problem: { code: 'response-parameter-bad-json-path', message: result.error.message, severity: 'warning' } };
  const value = result.found ? result.value : evaluateInsideErrorMessage(parsed.value, compiled.path);
  if (value === undefined) return absent(`${jsonPath} is not in the body, so the header is not set`);
  if (value === null) return absent(`${jsonPath} is null in the body, so the header is not set`);
  return { value: headerText(value) };
}

/** D-LE: a Lambda custom error's `errorMessage` holds JSON text, and header mappings read into it. */
function evaluateInsideErrorMessage(document: JsonValue, path: CompiledJsonPath): JsonValue | undefined {
  const [first, ...rest] = path.tokens;
  if (!isJsonObject(document) || rest.length === 0 || first.kind !== 'property' || first.names.length !== 1 || first.names[0] !== 'errorMessage') return undefined;
  const message = document.get('errorMessage');
  if (typeof message !== 'string') return undefined;
  const inner = parseJsonForTemplate(message);
  if (!inner.ok) return undefined;
  const result = evaluateCompiledJsonPath(inner.value, { tokens: rest, definite: isDefinitePath(rest) });
  return result.ok && result.found ? result.value : undefined;
}

function headerText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || value instanceof JavaNumber) return javaNumberText(value);
  if (typeof value === 'boolean') return String(value);
  return jsonForTemplate(value);
}
