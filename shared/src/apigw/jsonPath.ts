/**
 * JSONPath evaluation with Jayway JsonPath's semantics and default options (SEMANTICS §9.2): what
 * `$input.path`, `$input.json` and `integration.response.body.PATH` see.
 *
 * - A definite path (only single names and single indexes) yields one value, or "missing" when any step
 *   is absent (Jayway throws `PathNotFoundException`; `$input.path` then gives null).
 * - An indefinite path yields a new list (a `JSONArray` in Java) of what matched, in document order,
 *   skipping what is absent, except that a step missing while every step before it is definite is still
 *   "missing" (`$.nothing[*]`), as Jayway throws there too.
 */
import { getJavaRegex } from '../regex/index';
import { JavaNumber, isJsonObject, javaDouble, javaNumberText, type JsonValue } from './javaJson';
import {
  compileJsonPath,
  isDefinitePath,
  isDefiniteToken,
  type CompiledJsonPath,
  type FilterExpression,
  type FilterOperand,
  type JsonPathFunctionName,
  type JsonPathSyntaxError,
  type JsonPathToken,
  type RelativePath,
} from './jsonPathSyntax';

/** The outcome of a JSONPath: `found` is false for a missing definite path (value is then undefined). */
export type JsonPathResult =
  | { ok: true; definite: boolean; found: boolean; value: JsonValue | undefined }
  | { ok: false; error: JsonPathSyntaxError };

/** Ways to read values that are not in this module's JSON model (the renderer's own Java values). */
export interface JsonPathOptions {
  /** The numeric value of a number-like object; the default understands JS numbers and `JavaNumber`. */
  numberOf?: (value: unknown) => number | undefined;
}

/** Evaluates `path` on `document` (a parsed JSON value). Never throws. */
export function evaluateJsonPath(document: JsonValue, path: string, options: JsonPathOptions = {}): JsonPathResult {
  const compiled = compileJsonPath(path);
  if (!compiled.ok) return compiled;
  return evaluateCompiledJsonPath(document, compiled.path, options);
}

/** Evaluates an already compiled path on `document`. Never throws. */
export function evaluateCompiledJsonPath(document: JsonValue, path: CompiledJsonPath, options: JsonPathOptions = {}): JsonPathResult {
  const { tokens, definite } = path;
  const walk = new Walk(document, options.numberOf ?? defaultNumberOf);
  let results: JsonValue[] | typeof MISSING;
  try {
    results = walk.run(tokens, document);
  } catch (error) {
    if (error !== OVER_BUDGET) throw error;
    return { ok: false, error: { message: `the JSONPath visits more than ${MAX_VISITS} nodes of this document`, offset: 0 } };
  }
  if (results === MISSING) return { ok: true, definite, found: false, value: undefined };
  if (definite) return results.length ? { ok: true, definite, found: true, value: results[0] } : { ok: true, definite, found: false, value: undefined };
  return { ok: true, definite, found: true, value: results };
}

const MISSING = Symbol('missing');
const OVER_BUDGET = Symbol('over budget');

function defaultNumberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof JavaNumber) return value.value;
  return undefined;
}

/** Scans and filters visit every node; this bounds the work a hostile document and path can ask for. */
const MAX_VISITS = 2_000_000;

class Walk {
  private visits = 0;
  constructor(
    private readonly root: JsonValue,
    private readonly numberOf: (value: unknown) => number | undefined,
  ) {}

  /**
   * The values `tokens` select from `start`, or MISSING when a step is absent in a definite prefix. A
   * function at the end applies to the value the rest selects or, when that is a list of matches, to the
   * list (as Jayway does for `$..price.sum()`).
   */
  run(tokens: JsonPathToken[], start: JsonValue): JsonValue[] | typeof MISSING {
    const last = tokens[tokens.length - 1];
    if (last?.kind !== 'function') return this.select(tokens, start);
    const head = tokens.slice(0, -1);
    const selected = this.select(head, start);
    if (selected === MISSING) return MISSING;
    if (!isDefinitePath(head)) return [applyPathFunction(last.name, selected, this.numberOf)];
    return selected.length ? [applyPathFunction(last.name, selected[0], this.numberOf)] : MISSING;
  }

  private select(tokens: JsonPathToken[], start: JsonValue): JsonValue[] | typeof MISSING {
    const results: JsonValue[] = [];
    try {
      this.step(tokens, 0, start, true, results);
    } catch (error) {
      if (error === MISSING) return MISSING;
      throw error;
    }
    return results;
  }

  private count(): void {
    if (++this.visits > MAX_VISITS) throw OVER_BUDGET;
  }

  /** Applies tokens[index…] to `node`; `upstreamDefinite` is true while every earlier step is definite. */
  private step(tokens: JsonPathToken[], index: number, node: JsonValue, upstreamDefinite: boolean, out: JsonValue[]): void {
    this.count();
    if (index === tokens.length) {
      out.push(node);
      return;
    }
    const token = tokens[index];
    const isLeaf = index === tokens.length - 1;
    const definiteHere = upstreamDefinite && isDefiniteToken(token, isLeaf);
    const next = (value: JsonValue): void => this.step(tokens, index + 1, value, definiteHere, out);
    switch (token.kind) {
      case 'property': {
        if (!isJsonObject(node)) {
          if (upstreamDefinite) throw MISSING;
          return;
        }
        if (token.names.length > 1 && isLeaf) {
          // Jayway merges several names at the end of a path into one map of those present.
          const merged = new Map<string, JsonValue>();
          for (const name of token.names) if (node.has(name)) merged.set(name, node.get(name)!);
          out.push(merged);
          return;
        }
        for (const name of token.names) {
          if (node.has(name)) next(node.get(name)!);
          else if (!isLeaf && definiteHere) throw MISSING;
        }
        return;
      }
      case 'index': {
        if (!Array.isArray(node)) {
          if (upstreamDefinite) throw MISSING;
          return;
        }
        for (const raw of token.indexes) {
          const at = raw < 0 ? node.length + raw : raw;
          if (at >= 0 && at < node.length) next(node[at]);
        }
        return;
      }
      case 'slice': {
        if (!Array.isArray(node)) {
          if (upstreamDefinite) throw MISSING;
          return;
        }
        for (const at of sliceIndexes(token.from, token.to, node.length)) next(node[at]);
        return;
      }
      case 'wildcard': {
        if (Array.isArray(node)) node.forEach(next);
        else if (isJsonObject(node)) for (const value of node.values()) next(value);
        return;
      }
      case 'filter': {
        if (Array.isArray(node)) {
          for (const item of node) if (this.accepts(token.expression, item)) next(item);
        } else if (isJsonObject(node) && this.accepts(token.expression, node)) {
          next(node);
        }
        return;
      }
      case 'function':
        // `run` applies a function; one elsewhere in a path is rejected when the path is compiled.
        return;
      case 'scan': {
        const target = tokens[index + 1];
        if (target === undefined) return;
        this.scan(node, target, (match) => this.step(tokens, index + 1, match, false, out));
        return;
      }
    }
  }

  /** Jayway's deep scan: each node the next step applies to, parents before children. */
  private scan(node: JsonValue, target: JsonPathToken, visit: (node: JsonValue) => void): void {
    this.count();
    if (isJsonObject(node)) {
      if (this.scanMatches(node, target)) visit(node);
      for (const value of node.values()) this.scan(value, target, visit);
    } else if (Array.isArray(node)) {
      if (this.scanMatches(node, target)) visit(node);
      for (const value of node) this.scan(value, target, visit);
    }
  }

  private scanMatches(node: JsonValue, target: JsonPathToken): boolean {
    switch (target.kind) {
      case 'property':
        return isJsonObject(node) && target.names.every((name) => node.has(name));
      case 'index':
      case 'slice':
        return Array.isArray(node);
      case 'filter':
        return this.accepts(target.expression, node);
      default:
        return true;
    }
  }

  // ---- filters

  private accepts(expression: FilterExpression, item: JsonValue): boolean {
    this.count();
    switch (expression.kind) {
      case 'or':
        return this.accepts(expression.left, item) || this.accepts(expression.right, item);
      case 'and':
        return this.accepts(expression.left, item) && this.accepts(expression.right, item);
      case 'not':
        return !this.accepts(expression.operand, item);
      case 'exists':
        return this.resolvePath(expression.path, item) !== MISSING;
      case 'compare':
        return this.compare(expression.operator, expression.left, expression.right, item);
    }
  }

  /** A path operand's value: the value for a definite path, a list for an indefinite one. */
  private resolvePath(path: RelativePath, item: JsonValue): JsonValue | typeof MISSING {
    const start = path.from === '@' ? item : this.root;
    const results = this.run(path.tokens, start);
    if (results === MISSING) return MISSING;
    if (isDefinitePath(path.tokens)) return results.length ? results[0] : MISSING;
    return results;
  }

  private operandValue(operand: FilterOperand, item: JsonValue): unknown {
    if (operand.kind === 'path') return this.resolvePath(operand.path, item);
    if (operand.kind === 'literal') return operand.value;
    return operand;
  }

  private compare(operator: string, leftOperand: FilterOperand, rightOperand: FilterOperand, item: JsonValue): boolean {
    const left = this.operandValue(leftOperand, item);
    const right = this.operandValue(rightOperand, item);
    switch (operator) {
      case '==':
        return left !== MISSING && this.equal(left, right);
      case '!=':
        return left === MISSING || !this.equal(left, right);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return this.ordered(operator, left, right);
      case '=~': {
        if (rightOperand.kind !== 'regex') return false;
        if (typeof left === 'string') return matchesWholly(rightOperand.source, rightOperand.flags, left);
        if (typeof left === 'number' || left instanceof JavaNumber) return matchesWholly(rightOperand.source, rightOperand.flags, javaNumberText(left));
        return false;
      }
      case 'in':
        return Array.isArray(right) && right.some((candidate) => this.equal(left, candidate));
      case 'nin':
        return Array.isArray(right) && !right.some((candidate) => this.equal(left, candidate));
      case 'subsetof':
        return Array.isArray(left) && Array.isArray(right) && left.every((a) => right.some((b) => this.equal(a, b)));
      case 'anyof':
        return Array.isArray(left) && Array.isArray(right) && left.some((a) => right.some((b) => this.equal(a, b)));
      case 'noneof':
        return Array.isArray(left) && Array.isArray(right) && !left.some((a) => right.some((b) => this.equal(a, b)));
      case 'contains':
        if (typeof left === 'string') return typeof right === 'string' && left.includes(right);
        return Array.isArray(left) && left.some((candidate) => this.equal(candidate, right));
      case 'size': {
        const size = typeof left === 'string' || Array.isArray(left) ? left.length : undefined;
        return size !== undefined && size === this.numberOf(right);
      }
      case 'empty': {
        if (typeof right !== 'boolean') return false;
        if (typeof left === 'string' || Array.isArray(left)) return (left.length === 0) === right;
        return false;
      }
      default:
        return false;
    }
  }

  /**
   * Jayway's `ValueNode` equality: a number equals a string that reads as the same number; a string
   * equals a number whose text is the string; JSON structures compare by content.
   */
  private equal(left: unknown, right: unknown): boolean {
    const leftNumber = this.numberOf(left);
    const rightNumber = this.numberOf(right);
    if (leftNumber !== undefined) {
      if (rightNumber !== undefined) return leftNumber === rightNumber;
      return typeof right === 'string' && right.trim() !== '' && Number(right) === leftNumber;
    }
    if (typeof left === 'string') {
      if (typeof right === 'string') return left === right;
      return rightNumber !== undefined && String(right) === left;
    }
    if (left === null || typeof left === 'boolean') return left === right;
    if (left === MISSING || right === MISSING) return false;
    return this.sameStructure(left, right, 0);
  }

  private sameStructure(left: unknown, right: unknown, depth: number): boolean {
    if (depth > 100) return false;
    const leftEntries = entriesOf(left);
    const rightEntries = entriesOf(right);
    if (leftEntries && rightEntries) {
      if (leftEntries.kind !== rightEntries.kind || leftEntries.entries.length !== rightEntries.entries.length) return false;
      if (leftEntries.kind === 'list') {
        return leftEntries.entries.every(([, value], i) => this.equalValue(value, rightEntries.entries[i][1], depth));
      }
      const rightMap = new Map(rightEntries.entries);
      return leftEntries.entries.every(([key, value]) => rightMap.has(key) && this.equalValue(value, rightMap.get(key), depth));
    }
    return false;
  }

  private equalValue(left: unknown, right: unknown, depth: number): boolean {
    if (entriesOf(left) || entriesOf(right)) return this.sameStructure(left, right, depth + 1);
    return this.equal(left, right);
  }

  private ordered(operator: '<' | '<=' | '>' | '>=', left: unknown, right: unknown): boolean {
    const leftNumber = this.numberOf(left);
    const rightNumber = this.numberOf(right);
    let order: number;
    if (leftNumber !== undefined && rightNumber !== undefined) order = leftNumber - rightNumber;
    else if (typeof left === 'string' && typeof right === 'string') order = left < right ? -1 : left > right ? 1 : 0;
    else return false;
    if (Number.isNaN(order)) return false;
    if (operator === '<') return order < 0;
    if (operator === '<=') return order <= 0;
    if (operator === '>') return order > 0;
    return order >= 0;
  }
}

function entriesOf(value: unknown): { kind: 'list' | 'map'; entries: [string, unknown][] } | undefined {
  if (Array.isArray(value)) return { kind: 'list', entries: value.map((v, i) => [String(i), v]) };
  if (value instanceof Map) return { kind: 'map', entries: [...value.entries()] as [string, unknown][] };
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return { kind: 'map', entries: Object.entries(value) };
  }
  return undefined;
}

/** Jayway's slice rules: `[from:]` and `[:to]` count negative bounds from the end; `[from:to]` does not. */
function sliceIndexes(from: number | undefined, to: number | undefined, length: number): number[] {
  let start: number;
  let end: number;
  if (to === undefined) {
    start = Math.max(0, from! < 0 ? length + from! : from!);
    end = length;
  } else if (from === undefined) {
    start = 0;
    end = Math.min(length, to < 0 ? length + to : to);
  } else {
    start = from;
    end = Math.min(length, to);
  }
  const indexes: number[] = [];
  for (let i = start; i < end; i++) if (i >= 0) indexes.push(i);
  return indexes;
}

/**
 * Jayway's path functions: `length()`/`size()` count a list's items or a map's entries (an Integer),
 * the numeric ones fold a list's numbers into a Double (`min()` of no numbers is `Double.MAX_VALUE` and
 * `max()` `Double.MIN_VALUE`, as Jayway's initial values leave them), `first()`/`last()` pick an item.
 * Anything else gives null.
 */
function applyPathFunction(name: JsonPathFunctionName, input: JsonValue, numberOf: (value: unknown) => number | undefined): JsonValue {
  if (name === 'length' || name === 'size') {
    if (Array.isArray(input)) return input.length;
    return isJsonObject(input) ? input.size : null;
  }
  if (!Array.isArray(input)) return null;
  if (name === 'first') return input.length ? input[0] : null;
  if (name === 'last') return input.length ? input[input.length - 1] : null;
  const numbers = input.map(numberOf).filter((n): n is number => n !== undefined);
  const sum = numbers.reduce((total, n) => total + n, 0);
  switch (name) {
    case 'sum':
      return javaDouble(sum);
    case 'min':
      return javaDouble(numbers.reduce((min, n) => (n < min ? n : min), Number.MAX_VALUE));
    case 'max':
      return javaDouble(numbers.reduce((max, n) => (n > max ? n : max), Number.MIN_VALUE));
    case 'avg':
      return javaDouble(numbers.length ? sum / numbers.length : 0);
    case 'stddev': {
      const squares = numbers.reduce((total, n) => total + n * n, 0);
      return javaDouble(Math.sqrt(squares / numbers.length - (sum * sum) / numbers.length / numbers.length));
    }
  }
}

/** Jayway's regex flags (`/…/i`) as Java inline flags. */
const JAVA_INLINE_FLAGS = /^[dimsuxU]*$/;

/**
 * `=~`: Jayway compiles the pattern with `java.util.regex` and calls `matches()`, a whole-string match;
 * the project's Java regex engine does the same, under its step budget. A pattern Java would reject, or a
 * match that runs out of steps, matches nothing.
 */
function matchesWholly(source: string, flags: string, input: string): boolean {
  const uniqueFlags = [...new Set(flags)].join('');
  if (!JAVA_INLINE_FLAGS.test(uniqueFlags)) return false;
  const { regex } = getJavaRegex(uniqueFlags ? `(?${uniqueFlags})${source}` : source);
  if (!regex) return false;
  try {
    return regex.matches(input);
  } catch {
    return false;
  }
}
