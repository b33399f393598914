// JSONPath for `$input.path` / `$input.json` over the Java values of jsonToJava.ts. API Gateway uses
// Jayway JsonPath: a definite path (`$.a.b[0]`) yields the value itself, an indefinite one (`[*]`, `..`,
// `[0,1]`, slices) yields a JSONArray of every match; a missing definite path yields nothing. This covers
// the paths mapping templates use; filters (`[?(...)]`) are reported as unsupported.
import { markJsonArray } from './javaValues';

/** The outcome of a JSONPath evaluation. */
export type JsonPathResult = { ok: true; found: boolean; value: unknown } | { ok: false; message: string };

type Step =
  | { kind: 'key'; names: string[] }
  | { kind: 'index'; indexes: number[] }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'wildcard' }
  | { kind: 'deep'; name: string | null };

/** Evaluates `path` against `root`; never throws. */
export function evaluateJsonPath(root: unknown, path: string): JsonPathResult {
  let steps: Step[];
  try {
    steps = parsePath(path.trim());
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const definite = steps.every((step) => (step.kind === 'key' && step.names.length === 1) || (step.kind === 'index' && step.indexes.length === 1));
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) applyStep(step, value, next);
    current = next;
  }
  if (definite) return current.length ? { ok: true, found: true, value: current[0] } : { ok: true, found: false, value: null };
  return { ok: true, found: true, value: markJsonArray(current) };
}

function applyStep(step: Step, value: unknown, out: unknown[]): void {
  switch (step.kind) {
    case 'key':
      if (value instanceof Map) for (const name of step.names) if (value.has(name)) out.push(value.get(name));
      return;
    case 'index':
      if (Array.isArray(value)) {
        for (const index of step.indexes) {
          const at = index < 0 ? value.length + index : index;
          if (at >= 0 && at < value.length) out.push(value[at]);
        }
      }
      return;
    case 'slice':
      if (Array.isArray(value)) {
        const start = clampSlice(step.start ?? 0, value.length);
        const end = clampSlice(step.end ?? value.length, value.length);
        for (let i = start; i < end; i++) out.push(value[i]);
      }
      return;
    case 'wildcard':
      if (Array.isArray(value)) out.push(...value);
      else if (value instanceof Map) out.push(...value.values());
      return;
    case 'deep':
      deepScan(value, step.name, out, 0);
      return;
  }
}

function clampSlice(index: number, length: number): number {
  const at = index < 0 ? length + index : index;
  return Math.max(0, Math.min(length, at));
}

function deepScan(value: unknown, name: string | null, out: unknown[], depth: number): void {
  if (depth > 512) return;
  if (value instanceof Map) {
    for (const [key, item] of value) {
      if (name === null || key === name) out.push(item);
    }
    for (const item of value.values()) deepScan(item, name, out, depth + 1);
  } else if (Array.isArray(value)) {
    if (name === null) out.push(...value);
    for (const item of value) deepScan(item, name, out, depth + 1);
  }
}

function parsePath(path: string): Step[] {
  if (!path.startsWith('$')) {
    // Jayway accepts a path without the root; API Gateway templates sometimes write `$input.path('a.b')`.
    path = path.startsWith('[') || path.startsWith('.') ? `$${path}` : `$.${path}`;
  }
  const steps: Step[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.' && path[i + 1] === '.') {
      i += 2;
      if (path[i] === '*') {
        steps.push({ kind: 'deep', name: null });
        i++;
      } else if (path[i] === '[') {
        steps.push({ kind: 'deep', name: null });
      } else {
        const name = readName(path, i);
        steps.push({ kind: 'deep', name: name.text });
        i = name.end;
      }
    } else if (c === '.') {
      i++;
      if (path[i] === '*') {
        steps.push({ kind: 'wildcard' });
        i++;
      } else {
        const name = readName(path, i);
        if (!name.text) throw new Error(`a property name is missing at ${i} in ${path}`);
        steps.push({ kind: 'key', names: [name.text] });
        i = name.end;
      }
    } else if (c === '[') {
      const close = findClose(path, i);
      steps.push(parseBracket(path.slice(i + 1, close).trim(), path));
      i = close + 1;
    } else if (c === ' ') {
      i++;
    } else {
      throw new Error(`unexpected '${c}' at ${i} in ${path}`);
    }
  }
  return steps;
}

function readName(path: string, start: number): { text: string; end: number } {
  let end = start;
  while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
  return { text: path.slice(start, end).trim(), end };
}

function findClose(path: string, open: number): number {
  let quote: string | null = null;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ']') return i;
  }
  throw new Error(`'[' without ']' in ${path}`);
}

function parseBracket(inner: string, path: string): Step {
  if (inner === '*') return { kind: 'wildcard' };
  if (inner.startsWith('?') || inner.startsWith('(')) throw new Error(`JSONPath filters and scripts are not supported in previews: ${path}`);
  if (inner.startsWith("'") || inner.startsWith('"')) {
    const names: string[] = [];
    const quoted = /\s*(['"])((?:\\.|(?!\1).)*)\1\s*(?:,|$)/y;
    let match: RegExpExecArray | null;
    while (quoted.lastIndex < inner.length && (match = quoted.exec(inner)) !== null) names.push(match[2].replace(/\\(.)/g, '$1'));
    if (quoted.lastIndex < inner.length || names.length === 0) throw new Error(`bad bracket [${inner}] in ${path}`);
    return { kind: 'key', names };
  }
  const slice = /^(-?\d+)?\s*:\s*(-?\d+)?$/.exec(inner);
  if (slice) return { kind: 'slice', start: slice[1] === undefined ? undefined : Number(slice[1]), end: slice[2] === undefined ? undefined : Number(slice[2]) };
  if (/^-?\d+(\s*,\s*-?\d+)*$/.test(inner)) return { kind: 'index', indexes: inner.split(',').map((part) => Number(part.trim())) };
  throw new Error(`bad bracket [${inner}] in ${path}`);
}
