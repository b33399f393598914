// JSON text → Java values as Jayway JsonPath's json-smart provider builds them: objects become
// insertion-ordered maps (LinkedHashMap; a JS object would move integer-like keys first), arrays become
// JSONArrays, numbers with a fraction or exponent become doubles (so `1.0` still prints `1.0`).
import { markJsonArray, toJavaDouble } from './javaValues';

/** The parsed value, or why the text is not JSON. */
export type JsonToJavaResult = { ok: true; value: unknown } | { ok: false; message: string; offset: number };

const MAX_DEPTH = 512;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses JSON text into Java values; never throws. */
export function parseJsonToJava(text: string): JsonToJavaResult {
  const reader = new JsonReader(text);
  try {
    reader.skipSpace();
    const value = reader.value(0);
    reader.skipSpace();
    if (reader.pos < text.length) throw new JsonSyntaxError('unexpected text after the JSON value', reader.pos);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    return { ok: false, message: String(error), offset: 0 };
  }
}

class JsonReader {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`JSON nested more than ${MAX_DEPTH} levels deep`, this.pos);
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 /* { */) return this.object(depth);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 34 /* " */) return this.string();
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) return this.number();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    throw new JsonSyntaxError(this.pos >= this.text.length ? 'unexpected end of JSON' : 'unexpected character in JSON', this.pos);
  }

  private literal(length: number, value: unknown): unknown {
    this.pos += length;
    return value;
  }

  private object(depth: number): Map<unknown, unknown> {
    const map = new Map<unknown, unknown>();
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      return map;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 34) throw new JsonSyntaxError('expected a quoted key', this.pos);
      const key = this.string();
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58 /* : */) throw new JsonSyntaxError("expected ':'", this.pos);
      this.pos++;
      this.skipSpace();
      map.set(key, this.value(depth + 1));
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 44 /* , */) continue;
      if (c === 125) return map;
      throw new JsonSyntaxError("expected ',' or '}'", this.pos - 1);
    }
  }

  private array(depth: number): unknown[] {
    const list: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 93 /* ] */) {
      this.pos++;
      return markJsonArray(list);
    }
    for (;;) {
      this.skipSpace();
      list.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 44) continue;
      if (c === 93) return markJsonArray(list);
      throw new JsonSyntaxError("expected ',' or ']'", this.pos - 1);
    }
  }

  private string(): string {
    const text = this.text;
    const start = ++this.pos;
    let pos = start;
    // Fast path: no escapes.
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (c === 92 /* \ */) break;
      if (c < 32 || Number.isNaN(c)) throw new JsonSyntaxError(Number.isNaN(c) ? 'unterminated string' : 'control character in a string', pos);
      pos++;
    }
    let out = text.slice(start, pos);
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) throw new JsonSyntaxError('unterminated string', pos);
      if (c === 34) {
        this.pos = pos + 1;
        return out;
      }
      if (c < 32) throw new JsonSyntaxError('control character in a string', pos);
      if (c !== 92) {
        out += text[pos++];
        continue;
      }
      const e = text[pos + 1];
      pos += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = text.slice(pos, pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('bad \\u escape', pos - 2);
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          throw new JsonSyntaxError('bad escape in a string', pos - 2);
      }
    }
  }

  private number(): number | unknown {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    let isDouble = false;
    if (text.charCodeAt(pos) === 45) pos++;
    const digitsStart = pos;
    while (isDigit(text.charCodeAt(pos))) pos++;
    if (pos === digitsStart) throw new JsonSyntaxError('expected a digit', pos);
    if (text.charCodeAt(pos) === 46 /* . */) {
      isDouble = true;
      pos++;
      const fractionStart = pos;
      while (isDigit(text.charCodeAt(pos))) pos++;
      if (pos === fractionStart) throw new JsonSyntaxError('expected a digit after the decimal point', pos);
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      isDouble = true;
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === 45) pos++;
      const exponentStart = pos;
      while (isDigit(text.charCodeAt(pos))) pos++;
      if (pos === exponentStart) throw new JsonSyntaxError('expected a digit in the exponent', pos);
    }
    this.pos = pos;
    const n = Number(text.slice(start, pos));
    return isDouble ? toJavaDouble(n) : n;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
