// The Java value model templates see. API Gateway renders over Java objects, so every value a template
// can reach is one of these, and printing follows Java's `toString()`. It extends the JSON model of
// shared/src/apigw (javaJson.ts), which `$input.path` and `$util.parseJson` produce:
//   String → JS string          Integer/Long → JS number (integral)
//   Double → JS number when not integral; `JavaNumber` (apigw) when integral, so `1.0` keeps printing `1.0`,
//            and for Longs beyond 2^53, BigInteger, BigDecimal
//   Boolean → JS boolean        null → null (undefined is treated the same)
//   LinkedHashMap → JS `Map` (insertion order, any key; never a plain object, so no prototype reaches it)
//   json-smart JSONArray → JS array (prints as JSON); ArrayList → JS array marked with `arrayList`
//   String[] (from `split`) → JS array marked with `markJavaArray`
//   Map.Entry → `JavaMapEntry`; host objects ($input, $util, $foreach) → `HostObject` (javaBridge.ts)
import { JavaNumber, javaDoubleText, javaNumberText, jsonStringLiteral } from '../../apigw/index';

/** A `java.util.Map.Entry` from `entrySet()`. */
export class JavaMapEntry {
  constructor(
    readonly map: Map<unknown, unknown>,
    readonly key: unknown,
  ) {}
  get value(): unknown {
    return this.map.get(this.key);
  }
}

// Lists from JSON (apigw's parser, JSONPath results) are JSONArrays and far outnumber the lists a
// template builds, so the template's lists are the marked ones: marking is then never a walk over data.
const arrayLists = new WeakSet<unknown[]>();
const javaArrays = new WeakSet<unknown[]>();

const collectionViews = new WeakMap<unknown[], Map<unknown, unknown>>();

/** A `java.util.ArrayList` (list literals, ranges, `subList`): prints `[a, b]`. */
export function arrayList<T extends unknown[]>(list: T): T {
  arrayLists.add(list);
  return list;
}

/**
 * Marks a map's `keySet()`, `values()` or `entrySet()` (javaMaps.ts): a Set or Collection, not a List, so it
 * has no `get`, `indexOf` or `subList`. Prints `[a, b]`.
 */
export function collectionView<T extends unknown[]>(items: T, source: Map<unknown, unknown>): T {
  arrayLists.add(items);
  collectionViews.set(items, source);
  return items;
}

/** The map a `keySet()`/`values()`/`entrySet()` result was taken from. */
export function viewSource(value: unknown[]): Map<unknown, unknown> | undefined {
  return collectionViews.get(value);
}

/** True for a `keySet()`/`values()`/`entrySet()` result. */
export function isCollectionView(value: unknown): value is unknown[] {
  return Array.isArray(value) && collectionViews.has(value);
}

const characters = new WeakMap<object, string>();

/** Records an object as a `java.lang.Character` holding `char` (javaBridge makes them, for `charAt`). */
export function markJavaCharacter<T extends object>(value: T, char: string): T {
  characters.set(value, char);
  return value;
}

/** The character a `java.lang.Character` holds, or undefined for anything else. */
export function javaCharacterText(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? characters.get(value) : undefined;
}

/** The index a property key names (`"0"`, `"12"`), or undefined for any other key: for list views' Proxy traps. */
export function arrayIndexKey(key: string | symbol): number | undefined {
  if (typeof key !== 'string') return undefined;
  const index = Number(key);
  return Number.isInteger(index) && index >= 0 && String(index) === key ? index : undefined;
}

/** Marks a list as a Java array (`String[]` from `split`): Velocity wraps it as a list, Java prints its identity. */
export function markJavaArray<T extends unknown[]>(list: T): T {
  javaArrays.add(list);
  return list;
}

/** True for a json-smart `JSONArray`: any list the template did not build. */
export function isJsonArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && !arrayLists.has(value) && !javaArrays.has(value);
}

/** True for a Java array (`String[]`). */
export function isJavaArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && javaArrays.has(value);
}

/** True for a Java number (Integer, Long, Double, BigInteger, BigDecimal). */
export function isJavaNumber(value: unknown): value is number | JavaNumber {
  return typeof value === 'number' || value instanceof JavaNumber;
}

/** The numeric value of a Java number. */
export function numberValue(value: number | JavaNumber): number {
  return typeof value === 'number' ? value : value.value;
}

/** A Java double from a JS number: integral values are boxed so they keep printing as doubles. */
export function toJavaDouble(n: number): number | JavaNumber {
  return Number.isInteger(n) ? new JavaNumber('Double', javaDoubleText(n), n) : n;
}

const MAX_PRINT_DEPTH = 400;

/** Thrown when printing a value would exceed the output budget. */
export class FormatBudgetError extends Error {}

/** Budget shared by a formatting call: printing a self-referencing or huge structure stops. */
export interface FormatBudget {
  maxChars: number;
}


/**
 * `String.valueOf(value)` as Java would print it: maps `{k=v, k2=v2}`, lists `[a, b]`, JSON arrays as
 * compact JSON, doubles per `Double.toString`, null as `null` (callers print a null *reference* as nothing).
 */
export function javaToString(value: unknown, budget?: FormatBudget): string {
  if (typeof value === 'string') return value;
  const printer = new JavaPrinter(budget?.maxChars ?? Infinity);
  printer.java(value, 0);
  return printer.out;
}

/**
 * Compact JSON as json-smart writes it (`JSONArray.toString()`, `JSONValue.toJSONString`): no spaces,
 * `/` escaped as `\/`, maps as JSON objects in insertion order.
 */
export function toCompactJson(value: unknown, budget?: FormatBudget): string {
  const printer = new JavaPrinter(budget?.maxChars ?? Infinity);
  printer.json(value, 0);
  return printer.out;
}

/** One printing run: appends to `out`, stops past `max` characters or too deep a nesting. */
class JavaPrinter {
  out = '';
  /** Containers being printed, to spot a value that contains itself. */
  private readonly open: unknown[] = [];

  constructor(private readonly max: number) {}

  private add(text: string): void {
    this.out += text;
    if (this.out.length > this.max) throw new FormatBudgetError(`printing a value needs more than ${this.max} characters`);
  }

  private enter(value: unknown, depth: number): void {
    if (depth > MAX_PRINT_DEPTH) throw new FormatBudgetError(`printing a value nested more than ${MAX_PRINT_DEPTH} levels deep`);
    this.open.push(value);
  }

  java(value: unknown, depth: number): void {
    if (value === null || value === undefined) return this.add('null');
    if (typeof value === 'string') return this.add(value);
    if (typeof value === 'boolean') return this.add(value ? 'true' : 'false');
    if (isJavaNumber(value)) return this.add(javaNumberText(value));
    if (Array.isArray(value)) {
      if (javaArrays.has(value)) return this.add('[Ljava.lang.String;@1b6d3586');
      if (!arrayLists.has(value)) return this.json(value, depth);
      this.enter(value, depth);
      this.add('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.add(', ');
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null && this.open.includes(item)) this.add('(this Collection)');
        else this.java(item, depth + 1);
      }
      this.add(']');
      this.open.pop();
      return;
    }
    if (value instanceof Map) {
      this.enter(value, depth);
      this.add('{');
      let first = true;
      for (const [key, item] of value) {
        if (!first) this.add(', ');
        first = false;
        if (key === value) this.add('(this Map)');
        else this.java(key, depth + 1);
        this.add('=');
        if (item === value) this.add('(this Map)');
        else if (typeof item === 'object' && item !== null && this.open.includes(item)) throw new FormatBudgetError('printing a value that contains itself');
        else this.java(item, depth + 1);
      }
      this.add('}');
      this.open.pop();
      return;
    }
    if (value instanceof JavaMapEntry) {
      this.java(value.key, depth + 1);
      this.add('=');
      return this.java(value.value, depth + 1);
    }
    if (typeof value === 'object' && 'javaString' in value && typeof value.javaString === 'string') return this.add(value.javaString);
    this.add('java.lang.Object@1');
  }

  json(value: unknown, depth: number): void {
    if (value === null || value === undefined) return this.add('null');
    if (typeof value === 'string') return this.add(jsonSmartQuote(value));
    if (typeof value === 'boolean') return this.add(value ? 'true' : 'false');
    if (isJavaNumber(value)) return this.add(Number.isFinite(numberValue(value)) ? javaNumberText(value) : 'null');
    if (this.open.includes(value)) throw new FormatBudgetError('printing a value that contains itself');
    if (Array.isArray(value)) {
      this.enter(value, depth);
      this.add('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.add(',');
        this.json(value[i], depth + 1);
      }
      this.add(']');
      this.open.pop();
      return;
    }
    if (value instanceof Map) {
      this.enter(value, depth);
      this.add('{');
      let first = true;
      for (const [key, item] of value) {
        if (!first) this.add(',');
        first = false;
        this.add(jsonSmartQuote(javaToString(key)));
        this.add(':');
        this.json(item, depth + 1);
      }
      this.add('}');
      this.open.pop();
      return;
    }
    this.add(jsonSmartQuote(javaToString(value)));
  }
}

/**
 * json-smart's default style (`JSONValue.COMPRESSION`, used by `JSONArray.toString()`) also protects `/`
 * for the web; otherwise it quotes as `$input.json` does (apigw's `jsonStringLiteral`).
 */
function jsonSmartQuote(text: string): string {
  const quoted = jsonStringLiteral(text);
  return quoted.includes('/') ? quoted.replace(/\//g, '\\/') : quoted;
}

/** Plain JSON (for `$context` coming back out) from Java values. */
export function toPlainJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_PRINT_DEPTH) return null;
  if (value === undefined) return null;
  if (value instanceof JavaNumber) return value.value;
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item, depth + 1));
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) {
      Object.defineProperty(out, javaToString(key), { value: toPlainJson(item, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (value instanceof JavaMapEntry) return javaToString(value);
  if (typeof value === 'object' && value !== null) return javaToString(value);
  return value;
}

/** Java values from plain JSON (`$context`, parameters): objects become insertion-ordered maps. */
export function fromPlainJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_PRINT_DEPTH) return null;
  if (Array.isArray(value)) return arrayList(value.map((item) => fromPlainJson(item, depth + 1)));
  if (typeof value === 'object' && value !== null) {
    const map = new Map<unknown, unknown>();
    for (const key of Object.keys(value)) map.set(key, fromPlainJson((value as Record<string, unknown>)[key], depth + 1));
    return map;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}
