/**
 * `$input.body`, `$input.path(x)` and `$input.json(x)` over one payload (SEMANTICS §9.2). The payload is
 * parsed once, on first use, and every lookup answers from that parse.
 */
import { jsonForTemplate, parseJsonForTemplate, type JsonSyntaxProblem, type JsonValue } from './javaJson';
import { evaluateJsonPath, type JsonPathOptions } from './jsonPath';
import type { JsonPathSyntaxError } from './jsonPathSyntax';

/** A lookup's outcome: a value (undefined = missing, which renders as nothing) or a template error. */
export type InputLookup<T> = { ok: true; value: T } | { ok: false; error: JsonPathSyntaxError };

/** The `$input` functions over one payload. */
export interface InputPayload {
  /**
   * `$input.body`: the payload text; an empty payload is `{}` (observed: `tmpl-pipeline-raw-body-empty-body`,
   * `unit-input-body-empty`).
   */
  readonly body: string;
  /** `$input.path(x)`: the JSONPath result as a Java value; `undefined` when missing or the body is not JSON. */
  path(jsonPath: string): InputLookup<JsonValue | undefined>;
  /** `$input.json(x)`: the JSONPath result as JSON text; `""` when missing or the body is not JSON. */
  json(jsonPath: string): InputLookup<string>;
  /** Why the body is not JSON, for a warning; undefined when it is. */
  bodyError(): JsonSyntaxProblem | undefined;
}

/**
 * The `$input` functions for a payload. Choices (SEMANTICS §9.2, §16.4, unverified on AWS): a body that is
 * not JSON makes `$input.path` missing (renders "") and `$input.json` give `""`, as LocalStack does
 * (conformance `unit-input-path-non-json-body`); an invalid JSONPath is a template error.
 */
export function createInputPayload(payload: string, options: JsonPathOptions = {}): InputPayload {
  const body = payload === '' ? '{}' : payload;
  let parsed: ReturnType<typeof parseJsonForTemplate> | undefined;
  const document = (): ReturnType<typeof parseJsonForTemplate> => (parsed ??= parseJsonForTemplate(body));
  const path = (jsonPath: string): InputLookup<JsonValue | undefined> => {
    const doc = document();
    const result = evaluateJsonPath(doc.ok ? doc.value : null, jsonPath, options);
    if (!result.ok) return result;
    return { ok: true, value: doc.ok && result.found ? result.value : undefined };
  };
  return {
    body,
    path,
    json(jsonPath) {
      const result = path(jsonPath);
      return result.ok ? { ok: true, value: jsonForTemplate(result.value) } : result;
    },
    bodyError() {
      const doc = document();
      return doc.ok ? undefined : doc.error;
    },
  };
}

/**
 * `$util.parseJson(text)`: the parsed value, or a template error for text that is not JSON (SEMANTICS §9.3:
 * the documented use is parsing a JSON string such as a Lambda `errorMessage`; AWS's wording for invalid
 * text is not recorded). Empty text is not JSON.
 */
export function utilParseJson(text: string): { ok: true; value: JsonValue } | { ok: false; error: JsonSyntaxProblem } {
  return parseJsonForTemplate(text);
}
