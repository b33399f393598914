// The variables API Gateway hands a mapping template (SEMANTICS §9.2–9.6): `$input`, `$util`, `$context`,
// `$stageVariables`, built fresh for each render as Java values and host objects. Nothing else exists.
import { base64Decode, base64Encode, createInputPayload, escapeJavaScript, urlDecode, urlEncode, utilParseJson } from '../../apigw/index';
import { hostObject, NO_SUCH_METHOD, type CallContext, type HostObject } from './javaBridge';
import { JavaException } from './javaException';
import { fromPlainJson } from './javaValues';

/** The request-side data a render reads. */
export interface TemplateVariableSources {
  body: string;
  params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
  context: Record<string, unknown>;
  stageVariables: Record<string, string>;
}

/**
 * The override parameters, which may be written once per render (SEMANTICS §9.5: overrides are final):
 * for each map, which of its keys are parameters.
 */
export interface OverrideMaps {
  maps: Map<Map<unknown, unknown>, (key: unknown) => boolean>;
}

/** The global variables of one render, and the override maps inside `$context`. */
export interface TemplateVariables {
  globals: Map<string, unknown>;
  context: Map<unknown, unknown>;
  overrides: OverrideMaps;
}

function arity(args: unknown[], count: number): boolean {
  return args.length === count;
}

/** A Java String argument: Velocity converts nothing, but API Gateway's helpers take `Object`s' text. */
function textOf(value: unknown, call: CallContext): string | null {
  if (value === null || value === undefined) return null;
  return call.print(value);
}

function plainRecord(record: Record<string, string> | undefined): Map<unknown, unknown> {
  const map = new Map<unknown, unknown>();
  if (!record) return map;
  for (const key of Object.keys(record)) map.set(key, String(record[key]));
  return map;
}

function ensureMap(parent: Map<unknown, unknown>, key: string): Map<unknown, unknown> {
  const current = parent.get(key);
  if (current instanceof Map) return current;
  const created = new Map<unknown, unknown>();
  parent.set(key, created);
  return created;
}

/** Builds the variables of one render. `warn` reports doubtful inputs (a body that is not JSON). */
export function buildTemplateVariables(sources: TemplateVariableSources, warn: (code: string, message: string) => void): TemplateVariables {
  const payload = createInputPayload(sources.body);
  let bodyChecked = false;
  const lookupPath = <T>(call: CallContext, path: unknown, lookup: (path: string) => { ok: true; value: T } | { ok: false; error: { message: string } }): T | undefined => {
    const text = textOf(path, call);
    if (text === null) return undefined;
    if (!bodyChecked) {
      bodyChecked = true;
      const problem = payload.bodyError();
      if (problem) warn('vtl-body-not-json', `the body is not JSON (${problem.message} at ${problem.offset}): $input.path and $input.json find nothing`);
    }
    const result = lookup(text);
    if (!result.ok) throw new JavaException('com.jayway.jsonpath.InvalidPathException', result.error.message);
    return result.value;
  };

  const params = new Map<unknown, unknown>([
    ['path', plainRecord(sources.params.path)],
    ['querystring', plainRecord(sources.params.querystring)],
    ['header', plainRecord(sources.params.header)],
  ]);

  const input: HostObject = hostObject(
    '$input',
    {
      // A missing path gives the JSON text `""` (apigw's choice, after LocalStack; unverified on AWS).
      json: (_self, args, call) => (arity(args, 1) ? (lookupPath(call, args[0], (path) => payload.json(path)) ?? null) : NO_SUCH_METHOD),
      path: (_self, args, call) => (arity(args, 1) ? lookupPath(call, args[0], (path) => payload.path(path)) : NO_SUCH_METHOD),
      params: (_self, args, call) => {
        if (args.length === 0) return params;
        if (!arity(args, 1)) return NO_SUCH_METHOD;
        const name = textOf(args[0], call);
        for (const where of ['path', 'querystring', 'header']) {
          const map = params.get(where) as Map<unknown, unknown>;
          if (map.has(name)) return map.get(name);
        }
        return '';
      },
      getBody: (_self, args) => (arity(args, 0) ? payload.body : NO_SUCH_METHOD),
    },
    { body: () => payload.body },
  );

  // For a null argument the encoders and decoders give "" (not null, so `#if` on the result is true), as the
  // oracle's Java $util does: API Gateway prints "" for `urlEncode(null)` (SEMANTICS §9.3) but no recording
  // tells "" from null; escapeJavaScript keeps Commons Lang's null.
  const util: HostObject = hostObject('$util', {
    escapeJavaScript: (_self, args, call) => {
      if (!arity(args, 1)) return NO_SUCH_METHOD;
      const text = textOf(args[0], call);
      return text === null ? null : escapeJavaScript(text);
    },
    parseJson: (_self, args, call) => {
      if (!arity(args, 1)) return NO_SUCH_METHOD;
      const text = textOf(args[0], call);
      if (text === null) return null;
      const parsed = utilParseJson(text);
      if (!parsed.ok) throw new JavaException('net.minidev.json.parser.ParseException', `$util.parseJson: ${parsed.error.message} at ${parsed.error.offset}`);
      return parsed.value;
    },
    urlEncode: (_self, args, call) => {
      if (!arity(args, 1)) return NO_SUCH_METHOD;
      const text = textOf(args[0], call);
      return text === null ? '' : urlEncode(text);
    },
    urlDecode: (_self, args, call) => {
      if (!arity(args, 1)) return NO_SUCH_METHOD;
      const text = textOf(args[0], call);
      if (text === null) return '';
      const result = urlDecode(text);
      if (!result.ok) throw new JavaException(`java.lang.${result.error.exception}`, result.error.message);
      return result.value;
    },
    base64Encode: (_self, args, call) => {
      if (!arity(args, 1)) return NO_SUCH_METHOD;
      const text = textOf(args[0], call);
      return text === null ? '' : base64Encode(text);
    },
    base64Decode: (_self, args, call) => {
      if (!arity(args, 1)) return NO_SUCH_METHOD;
      const text = textOf(args[0], call);
      if (text === null) return '';
      const result = base64Decode(text);
      if (!result.ok) throw new JavaException(`java.lang.${result.error.exception}`, result.error.message);
      return result.value;
    },
  });

  const context = fromPlainJson(sources.context ?? {});
  const contextMap = context instanceof Map ? context : new Map<unknown, unknown>();
  const responseOverride = ensureMap(contextMap, 'responseOverride');
  const requestOverride = ensureMap(contextMap, 'requestOverride');
  const everyKey = (): boolean => true;
  const overrides: OverrideMaps = {
    maps: new Map<Map<unknown, unknown>, (key: unknown) => boolean>([
      // Other keys on responseOverride are allowed and stay plain data (SEMANTICS §9.5).
      [responseOverride, (key) => key === 'status'],
      [ensureMap(responseOverride, 'header'), everyKey],
      [ensureMap(requestOverride, 'header'), everyKey],
      [ensureMap(requestOverride, 'path'), everyKey],
      [ensureMap(requestOverride, 'querystring'), everyKey],
    ]),
  };

  const globals = new Map<string, unknown>([
    ['input', input],
    ['util', util],
    ['context', contextMap],
    ['stageVariables', plainRecord(sources.stageVariables)],
  ]);
  return { globals, context: contextMap, overrides };
}
