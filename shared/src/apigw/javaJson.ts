/**
 * JSON as API Gateway's templates see it: parsed the way Jayway JsonPath's json-smart provider parses it
 * (SEMANTICS §9.1: objects are insertion-ordered `LinkedHashMap`s, arrays `JSONArray`s) and serialized for
 * `$input.json`. The value model matches the VTL renderer's Java values:
 *
 *   JSON object → `Map<string, JsonValue>` (key order kept, any key; a plain object would move `"2"` first)
 *   JSON array  → JS array
 *   string, boolean, null → themselves
 *   number → a JS `number` when Java holds an `Integer`, a `Long` within ±2^53 or a non-integral `Double`;
 *            a `JavaNumber` otherwise (an integral `Double` such as `1.0`, which Java prints `1.0`; a `Long`
 *            beyond ±2^53; a `BigInteger`; a `BigDecimal`), carrying Java's exact text.
 */

import { javaDoubleText } from './javaDoubleText';

/** The Java class json-smart gives a JSON number (a template can also make a `Float`, with `floatValue()`). */
export type JavaNumberType = 'Integer' | 'Long' | 'BigInteger' | 'Float' | 'Double' | 'BigDecimal';

/**
 * A JSON number that a JS `number` cannot stand for without changing how Java prints it. `valueOf()` gives
 * the nearest double for arithmetic and comparison; `toString()` gives Java's `toString()` text.
 */
export class JavaNumber {
  constructor(
    readonly javaType: JavaNumberType,
    /** What Java's `toString()` prints: `1.0`, `1.0E10`, `12345678901234567890`, `1.5E+30`. */
    readonly text: string,
    /** The nearest double. */
    readonly value: number,
  ) {}

  valueOf(): number {
    return this.value;
  }

  toString(): string {
    return this.text;
  }
}

/** A JSON value in the template value model (see the module comment). */
export type JsonValue = null | boolean | string | number | JavaNumber | JsonValue[] | JsonObject;
/** A JSON object: insertion-ordered, as Java's `LinkedHashMap`. */
export type JsonObject = Map<string, JsonValue>;

/** Where and why a text is not JSON. `offset` is a UTF-16 offset into the text. */
export interface JsonSyntaxProblem {
  message: string;
  offset: number;
}

/** A parsed document, or why the text is not JSON. */
export type JsonParseResult = { ok: true; value: JsonValue } | { ok: false; error: JsonSyntaxProblem };

/** json-smart's nesting limit (`JSONParserBase.MAX_DEPTH`); it also keeps every walk over a value shallow. */
export const MAX_JSON_DEPTH = 400;

/**
 * Parses the text `$input.path`, `$input.json` and `$util.parseJson` work on. Never throws.
 *
 * Choices (SEMANTICS §9.2, §16.4; none recorded on AWS):
 * - Strict RFC 8259 JSON. json-smart's permissive mode, which Jayway's default provider uses, would also
 *   accept single quotes, unquoted words (`not json` would be the string "not json"), raw control
 *   characters inside strings, leading zeros, `NaN`, extra commas and text after the value; those are
 *   errors here so that the author sees them: a known difference.
 * - Nesting deeper than 400 levels is an error (json-smart's newer limit; older versions had none).
 * - Empty text is not JSON (an error at offset 0); `createInputPayload` reads an empty body as `{}`.
 * - Numbers keep json-smart's types: integers that fit an `int` are `Integer`, then `Long`, then
 *   `BigInteger`; numbers with a fraction or exponent are `Double`, or `BigDecimal` when the text is longer
 *   than 18 characters and `Double` would not print it back the same.
 * - Duplicate keys: the last value wins, at the first key's position (`LinkedHashMap.put`).
 *
 * What callers do with an error is theirs to decide: `$input.path`/`$input.json` on a non-JSON body render
 * as missing (SEMANTICS §9.2, LocalStack), `$util.parseJson` of invalid text is a template error.
 */
export function parseJsonForTemplate(text: string): JsonParseResult {
  const reader = new JsonReader(text);
  try {
    reader.skipSpace();
    const value = reader.value(0);
    reader.skipSpace();
    if (reader.pos < text.length) reader.fail('unexpected text after the JSON value');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonReadError) return { ok: false, error: { message: error.message, offset: error.offset } };
    return { ok: false, error: { message: `the text cannot be read as JSON (${String(error)})`, offset: 0 } };
  }
}

class JsonReadError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class JsonReader {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    throw new JsonReadError(`invalid JSON: ${message}`, offset);
  }

  skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  value(depth: number): JsonValue {
    if (depth >= MAX_JSON_DEPTH) this.fail(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
    if (word !== undefined && this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return word === 'null' ? null : word === 'true';
    }
    if (c === undefined) this.fail('the text ends where a value should start');
    return this.fail(`unexpected ${describeCharacter(c)} where a value should start`);
  }

  private expect(character: string, what: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== character) {
      const found = this.text[this.pos];
      this.fail(`expected ${what} but found ${found === undefined ? 'the end of the text' : describeCharacter(found)}`);
    }
    this.pos++;
  }

  private object(depth: number): JsonObject {
    const map: JsonObject = new Map();
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return map;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expected a quoted member name');
      const key = this.string();
      this.expect(':', "':' after the member name");
      this.skipSpace();
      map.set(key, this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '}') {
        this.pos++;
        return map;
      }
      this.expect(',', "',' or '}' after an object member");
    }
  }

  private array(depth: number): JsonValue[] {
    const list: JsonValue[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return list;
    }
    for (;;) {
      this.skipSpace();
      list.push(this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return list;
      }
      this.expect(',', "',' or ']' after an array element");
    }
  }

  private string(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let out = '';
    let plainFrom = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) this.fail('unterminated string', start);
      if (c === 0x22) {
        this.pos = pos + 1;
        return out + text.slice(plainFrom, pos);
      }
      if (c < 0x20) this.fail('control character inside a string (write it as an escape such as \\n)', pos);
      if (c !== 0x5c) {
        pos++;
        continue;
      }
      out += text.slice(plainFrom, pos);
      const escape = text[pos + 1];
      if (escape === 'u') {
        const hex = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('\\u must be followed by four hex digits', pos);
        out += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else if (escape !== undefined && escape in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[escape];
        pos += 2;
      } else {
        this.fail(`invalid escape \\${escape ?? ''} inside a string`, pos);
      }
      plainFrom = pos;
    }
  }

  private number(): number | JavaNumber {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text[pos] === '-') pos++;
    const digitsStart = pos;
    while (isDigit(text, pos)) pos++;
    if (pos === digitsStart) this.fail('expected a digit after -', pos);
    if (text[digitsStart] === '0' && pos - digitsStart > 1) this.fail('a number cannot start with 0', digitsStart);
    let integral = true;
    if (text[pos] === '.') {
      integral = false;
      const fractionStart = ++pos;
      while (isDigit(text, pos)) pos++;
      if (pos === fractionStart) this.fail('expected a digit after the decimal point', pos);
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      integral = false;
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      const exponentStart = pos;
      while (isDigit(text, pos)) pos++;
      if (pos === exponentStart) this.fail('expected a digit in the exponent', pos);
    }
    this.pos = pos;
    const literal = text.slice(start, pos);
    return integral ? javaInteger(literal) : javaDecimal(literal);
  }
}

function isDigit(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  return c >= 0x30 && c <= 0x39;
}

function describeCharacter(c: string): string {
  return /[\x21-\x7e]/.test(c) ? `'${c}'` : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** json-smart's `parseNumber`: `Integer`, `Long` or `BigInteger`, by magnitude. */
function javaInteger(literal: string): number | JavaNumber {
  // Up to 15 digits the value is an Integer or a Long well within ±2^53: a JS number holds it exactly.
  if (literal.length <= 15) return Number(literal) || 0;
  const big = BigInt(literal);
  const text = big.toString(); // `-0` is the Integer 0
  if (big >= INT_MIN && big <= INT_MAX) return Number(big);
  const javaType: JavaNumberType = big >= LONG_MIN && big <= LONG_MAX ? 'Long' : 'BigInteger';
  const value = Number(big);
  if (javaType === 'Long' && Number.isSafeInteger(value)) return value;
  return new JavaNumber(javaType, text, value);
}

/** json-smart's `extractFloat` with high-precision floats on (Jayway's permissive mode). */
function javaDecimal(literal: string): number | JavaNumber {
  const value = Number(literal);
  if (literal.length > 18 && !printsBackAs(javaDoubleText(value), literal)) {
    return new JavaNumber('BigDecimal', bigDecimalText(literal), value);
  }
  return javaDouble(value);
}

/**
 * json-smart's `compareDoublePrecision`: whether the double's text has the same digits as the literal,
 * ignoring the exponent marker and its `+`, so that the double loses nothing.
 */
function printsBackAs(doubleText: string, literal: string): boolean {
  if (doubleText.length > literal.length) return false;
  let j = 0;
  for (let i = 0; i < doubleText.length; i++) {
    const c = doubleText[i];
    if (c < '0' || c > '9') {
      if (literal[j] >= '0' && literal[j] <= '9') return false;
      j++;
      if (literal[j] === '+') j++;
      continue;
    }
    if (c !== literal[j]) return false;
    j++;
  }
  return j === literal.length;
}

/** `new BigDecimal(literal).toString()`: the unscaled digits and scale of the literal, in Java's notation. */
export function bigDecimalText(literal: string): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!match) return literal;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const scale = fraction.length - Number(exponent);
  const adjusted = -scale + (digits.length - 1);
  if (scale >= 0 && adjusted >= -6) {
    if (scale === 0) return sign + digits;
    const padded = digits.padStart(scale + 1, '0');
    return `${sign}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}

/** A Java `double` in the template value model: integral values keep their `Double` type (`2.0`). */
export function javaDouble(n: number): number | JavaNumber {
  return Number.isInteger(n) ? new JavaNumber('Double', javaDoubleText(n), n) : n;
}

/** The Java `toString()` text of a JSON number. */
export function javaNumberText(n: number | JavaNumber): string {
  if (n instanceof JavaNumber) return n.text;
  return Number.isInteger(n) ? String(n) : javaDoubleText(n);
}

/** True for a JSON object in the template value model. */
export function isJsonObject(value: unknown): value is JsonObject {
  return value instanceof Map;
}

const JSON_ESCAPED_CHARACTER = /["\\\u0000-\u001f\u007f-\u009f\u2000-\u20ff]/;
const JSON_ESCAPED_CHARACTERS = /["\\\u0000-\u001f\u007f-\u009f\u2000-\u20ff]/g;

const JSON_STRING_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A JSON string literal as json-smart writes it (`JSONStyle.LT_COMPRESS`, the style Jayway's provider
 * uses): `"` `\` and the five short escapes, `\uXXXX` (upper-case) for U+0000–U+001F, U+007F–U+009F and
 * U+2000–U+20FF; `/` and everything else as is.
 */
export function jsonStringLiteral(s: string): string {
  if (!JSON_ESCAPED_CHARACTER.test(s)) return `"${s}"`;
  return `"${s.replace(JSON_ESCAPED_CHARACTERS, (c) => JSON_STRING_ESCAPES[c] ?? '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'))}"`;
}

/**
 * `$input.json(path)`'s text for a JSONPath result (SEMANTICS §9.2, §16.4).
 *
 * - A missing result (`undefined`: a definite path that is not there, or a body that is not JSON) gives
 *   `""`, the JSON empty string, as LocalStack does (conformance case `unit-input-json-missing-on-nonobject`;
 *   unverified on AWS).
 * - Otherwise compact JSON without spaces, in json-smart's `LT_COMPRESS` style (`jsonStringLiteral`),
 *   numbers as Java prints them (`1.0`, `1.0E10`), object members in document order. AWS's exact spacing
 *   is unverified; compare outputs as JSON (SEMANTICS §9.2).
 */
export function jsonForTemplate(value: JsonValue | undefined): string {
  if (value === undefined) return '""';
  return jsonText(value, 0);
}

function jsonText(value: JsonValue, depth: number): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return jsonStringLiteral(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || value instanceof JavaNumber) return jsonNumberText(value);
  if (depth >= MAX_JSON_DEPTH) return 'null';
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + jsonText(value[i], depth + 1);
    return out + ']';
  }
  out = '{';
  let first = true;
  for (const [key, item] of value) {
    out += (first ? '' : ',') + jsonStringLiteral(key) + ':' + jsonText(item, depth + 1);
    first = false;
  }
  return out + '}';
}

/** A number's JSON text: Java's, except that non-finite doubles (never parsed, only computed) become null. */
function jsonNumberText(n: number | JavaNumber): string {
  return Number.isFinite(Number(n)) ? javaNumberText(n) : 'null';
}
