/**
 * `$util.escapeJavaScript`, `$util.urlEncode`/`urlDecode` and `$util.base64Encode`/`base64Decode`, computed
 * exactly as the Java libraries API Gateway is built on compute them (SEMANTICS §9.3). Every function works
 * on UTF-16 code units, as `java.lang.String` does, so lone surrogates behave as they do in Java.
 */

/** A Java exception turned into a value: the renderer reports it as a template error. */
export interface JavaStringError {
  /** The exception API Gateway's Java code would throw. */
  exception: 'IllegalArgumentException';
  /** The exception's message, as Java words it. */
  message: string;
}

/** The outcome of a function that Java may answer with an exception. */
export type JavaStringResult = { ok: true; value: string } | { ok: false; error: JavaStringError };

const UPPER_HEX = '0123456789ABCDEF';

function hex4(code: number): string {
  return (
    UPPER_HEX[(code >> 12) & 15] + UPPER_HEX[(code >> 8) & 15] + UPPER_HEX[(code >> 4) & 15] + UPPER_HEX[code & 15]
  );
}

const JAVASCRIPT_CONTROL_ESCAPES: Record<number, string> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
};

const JAVASCRIPT_PUNCTUATION_ESCAPES: Record<string, string> = {
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
};

/**
 * `$util.escapeJavaScript(s)`: Apache Commons Lang 2.6 `StringEscapeUtils.escapeJavaScript`, the strongest
 * hypothesis for API Gateway (SEMANTICS §9.3, §16.5; the AWS-authored sample emulator ships commons-lang
 * 2.6). `'` becomes `\'` (invalid in JSON, hence the documented `.replaceAll("\\'","'")` idiom), `"` `\` `/`
 * get a backslash, `\b \t \n \f \r` their short escapes, other control characters and every code unit
 * above 0x7F a `\uXXXX` escape in upper-case hex; a surrogate pair becomes two escapes. DEL (0x7F) is kept.
 * Verified against the real library by `test/unit/util-java.test.ts`.
 */
export function escapeJavaScript(s: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let escaped: string | undefined;
    if (code > 0x7f) escaped = '\\u' + hex4(code);
    else if (code < 0x20) escaped = JAVASCRIPT_CONTROL_ESCAPES[code] ?? '\\u' + hex4(code);
    else escaped = JAVASCRIPT_PUNCTUATION_ESCAPES[s[i]];
    if (escaped === undefined) continue;
    out += s.slice(plainFrom, i) + escaped;
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? s : out + s.slice(plainFrom);
}

/**
 * The bytes `String.getBytes(UTF_8)` gives in Java: like UTF-8, except that a lone surrogate becomes `?`
 * (0x3F), where `TextEncoder` would write U+FFFD.
 */
export function javaUtf8Bytes(s: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        bytes.push(0x3f);
        continue;
      }
    }
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
}

const REPLACEMENT = 0xfffd;

const isContinuation = (b: number): boolean => (b & 0xc0) === 0x80;

/** A three-byte sequence whose first two bytes already cannot be valid (overlong or no continuation). */
const isMalformed3Prefix = (b1: number, b2: number): boolean => (b1 === 0xe0 && (b2 & 0xe0) === 0x80) || !isContinuation(b2);

const isMalformed4Prefix = (b1: number, b2: number): boolean =>
  (b1 === 0xf0 && (b2 < 0x90 || b2 > 0xbf)) || (b1 === 0xf4 && (b2 & 0xf0) !== 0x80) || !isContinuation(b2);

/**
 * `new String(bytes, UTF_8)` as the JDK 17 decoder does it. Invalid input becomes U+FFFD, but not one per
 * maximal subpart as `TextDecoder` does: an encoded surrogate (`ED A0 80`) is one U+FFFD for all three
 * bytes, and a truncated sequence at the end is one U+FFFD. The differential test holds it to the JDK.
 */
export function javaStringFromUtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  const length = bytes.length;
  let sp = 0;
  while (sp < length) {
    const b1 = bytes[sp++];
    if (b1 < 0x80) {
      units.push(b1);
    } else if (b1 >= 0xc2 && b1 <= 0xdf) {
      if (sp < length) {
        const b2 = bytes[sp];
        if (isContinuation(b2)) {
          units.push(((b1 & 0x1f) << 6) | (b2 & 0x3f));
          sp++;
        } else {
          units.push(REPLACEMENT);
        }
        continue;
      }
      units.push(REPLACEMENT);
      break;
    } else if (b1 >= 0xe0 && b1 <= 0xef) {
      if (sp + 1 < length) {
        const b2 = bytes[sp];
        const b3 = bytes[sp + 1];
        if (isMalformed3Prefix(b1, b2) || !isContinuation(b3)) {
          units.push(REPLACEMENT);
          if (!isMalformed3Prefix(b1, b2)) sp++;
        } else {
          const unit = ((b1 & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
          units.push(unit >= 0xd800 && unit <= 0xdfff ? REPLACEMENT : unit);
          sp += 2;
        }
        continue;
      }
      if (sp < length && isMalformed3Prefix(b1, bytes[sp])) {
        units.push(REPLACEMENT);
        continue;
      }
      units.push(REPLACEMENT);
      break;
    } else if (b1 >= 0xf0 && b1 <= 0xf7) {
      if (sp + 2 < length) {
        const b2 = bytes[sp];
        const b3 = bytes[sp + 1];
        const b4 = bytes[sp + 2];
        const codePoint = ((b1 & 0x07) << 18) | ((b2 & 0x3f) << 12) | ((b3 & 0x3f) << 6) | (b4 & 0x3f);
        const wellFormed = isContinuation(b2) && isContinuation(b3) && isContinuation(b4);
        if (wellFormed && codePoint >= 0x10000 && codePoint <= 0x10ffff) {
          units.push(0xd800 + ((codePoint - 0x10000) >> 10), 0xdc00 + ((codePoint - 0x10000) & 0x3ff));
          sp += 3;
        } else {
          units.push(REPLACEMENT);
          if (b1 > 0xf4 || isMalformed4Prefix(b1, b2)) continue;
          sp += isContinuation(b3) ? 2 : 1;
        }
        continue;
      }
      if (b1 > 0xf4 || (sp < length && isMalformed4Prefix(b1, bytes[sp]))) {
        units.push(REPLACEMENT);
        continue;
      }
      sp++;
      units.push(REPLACEMENT);
      if (sp < length && !isContinuation(bytes[sp])) continue;
      break;
    } else {
      units.push(REPLACEMENT);
    }
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
  return text;
}

function isUrlSafe(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2e || // .
    code === 0x2d || // -
    code === 0x2a || // *
    code === 0x5f // _
  );
}

/**
 * `$util.urlEncode(s)`: `java.net.URLEncoder.encode(s, "UTF-8")` (SEMANTICS §9.3, observed: `some raw data`
 * → `some+raw+data`). Letters, digits and `.-*_` stay, a space becomes `+`, everything else the upper-case
 * `%XX` of its UTF-8 bytes; a lone surrogate encodes as `%3F`, as Java's encoder writes `?` for it.
 */
export function urlEncode(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    if (isUrlSafe(code)) {
      out += s[i++];
    } else if (code === 0x20) {
      out += '+';
      i++;
    } else {
      const start = i;
      while (i < s.length && !isUrlSafe(s.charCodeAt(i)) && s.charCodeAt(i) !== 0x20) i++;
      for (const byte of javaUtf8Bytes(s.slice(start, i))) out += '%' + UPPER_HEX[byte >> 4] + UPPER_HEX[byte & 15];
    }
  }
  return out;
}

function isDecimalDigit(code: number): boolean {
  return /\p{Nd}/u.test(String.fromCharCode(code));
}

/** `Character.digit(ch, 16)`: ASCII and full-width hex letters, and every Unicode decimal digit. */
function javaHexDigit(s: string, index: number): number {
  const code = s.charCodeAt(index);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (code >= 0xff21 && code <= 0xff26) return code - 0xff21 + 10;
  if (code >= 0xff41 && code <= 0xff46) return code - 0xff41 + 10;
  if (code < 0x80 || !isDecimalDigit(code)) return -1;
  // Decimal digits come in runs of ten starting at zero: the value is the distance to the run's start.
  let value = 0;
  while (value < 9 && isDecimalDigit(code - value - 1)) value++;
  return value;
}

/**
 * `Integer.parseInt(s, begin, end, 16)` as Java 17 does it, with its exception message, for the two
 * characters after a `%`: a leading `+` or `-` is accepted there, and so are non-ASCII digits.
 */
function parseJavaHexPair(s: string, begin: number): { value: number } | { message: string } {
  const text = s.slice(begin, begin + 2);
  let sign = 1;
  let i = 0;
  const first = text[0];
  if (first === '-' || first === '+') {
    if (first === '-') sign = -1;
    i = 1;
  }
  let value = 0;
  for (; i < text.length; i++) {
    const digit = javaHexDigit(s, begin + i);
    if (digit < 0) return { message: `Error at index ${i} in: "${text}"` };
    value = value * 16 + digit;
  }
  return { value: sign * value };
}

/**
 * `$util.urlDecode(s)`: `java.net.URLDecoder.decode(s, "UTF-8")` of Java 17 (SEMANTICS §9.3): `+` is a
 * space, each run of `%XX` escapes is decoded as UTF-8 (invalid bytes → U+FFFD). Where Java throws
 * `IllegalArgumentException` (a `%` not followed by two hex digits, a negative `%-1`) the result is that
 * error, with Java's message; the renderer reports it as a template error.
 */
export function urlDecode(s: string): JavaStringResult {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const bytes: number[] = [];
      while (i + 2 < s.length && s[i] === '%') {
        const parsed = parseJavaHexPair(s, i + 1);
        if ('message' in parsed) {
          return javaError(`URLDecoder: Illegal hex characters in escape (%) pattern - ${parsed.message}`);
        }
        if (parsed.value < 0) {
          return javaError('URLDecoder: Illegal hex characters in escape (%) pattern - negative value');
        }
        bytes.push(parsed.value);
        i += 3;
      }
      if (i < s.length && s[i] === '%') return javaError('URLDecoder: Incomplete trailing escape (%) pattern');
      out += javaStringFromUtf8(Uint8Array.from(bytes));
    } else {
      out += c;
      i++;
    }
  }
  return { ok: true, value: out };
}

function javaError(message: string): { ok: false; error: JavaStringError } {
  return { ok: false, error: { exception: 'IllegalArgumentException', message } };
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) table[BASE64_ALPHABET.charCodeAt(i)] = i;
  table[0x3d] = -2; // '=' padding
  return table;
})();

/**
 * `$util.base64Encode(s)`: `java.util.Base64.getEncoder().encodeToString(s.getBytes(UTF_8))`: standard
 * alphabet, `=` padding, no line breaks (SEMANTICS §9.3 "base64 of the UTF-8 bytes").
 */
export function base64Encode(s: string): string {
  const bytes = javaUtf8Bytes(s);
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const bits = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += BASE64_ALPHABET[bits >> 18] + BASE64_ALPHABET[(bits >> 12) & 63] + BASE64_ALPHABET[(bits >> 6) & 63] + BASE64_ALPHABET[bits & 63];
  }
  if (bytes.length - i === 1) {
    const bits = bytes[i] << 16;
    out += BASE64_ALPHABET[bits >> 18] + BASE64_ALPHABET[(bits >> 12) & 63] + '==';
  } else if (bytes.length - i === 2) {
    const bits = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += BASE64_ALPHABET[bits >> 18] + BASE64_ALPHABET[(bits >> 12) & 63] + BASE64_ALPHABET[(bits >> 6) & 63] + '=';
  }
  return out;
}

/**
 * `$util.base64Decode(s)`: `new String(java.util.Base64.getDecoder().decode(s), UTF_8)` (SEMANTICS §9.3).
 * Chosen because API Gateway is a Java service and this is the JDK's decoder; the behaviour on invalid
 * input is not documented by AWS. So: padding is optional, the URL-safe `-`/`_`, whitespace and any other
 * character outside the standard alphabet are rejected with Java's `IllegalArgumentException` message (a
 * template error), and decoded bytes that are not UTF-8 become U+FFFD. A character above U+00FF is
 * reported as `3f`, because Java first narrows the text to ISO-8859-1, which turns it into `?`.
 */
export function base64Decode(s: string): JavaStringResult {
  const src = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    src[i] = code > 0xff ? 0x3f : code;
  }
  if (src.length === 0) return { ok: true, value: '' };
  if (src.length < 2) return javaError('Input byte[] should at least have 2 bytes for base64 bytes');
  const out: number[] = [];
  let bits = 0;
  let shiftTo = 18;
  let sp = 0;
  while (sp < src.length) {
    const byte = src[sp++];
    const value = BASE64_VALUES[byte];
    if (value < 0) {
      if (value === -2) {
        if ((shiftTo === 6 && (sp === src.length || src[sp++] !== 0x3d)) || shiftTo === 18) {
          return javaError('Input byte array has wrong 4-byte ending unit');
        }
        break;
      }
      // Java prints the byte as a signed value: 0xE9 is "-17".
      const signed = byte > 0x7f ? byte - 256 : byte;
      return javaError(`Illegal base64 character ${signed.toString(16)}`);
    }
    bits |= value << shiftTo;
    shiftTo -= 6;
    if (shiftTo < 0) {
      out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
      shiftTo = 18;
      bits = 0;
    }
  }
  if (shiftTo === 6) out.push((bits >> 16) & 0xff);
  else if (shiftTo === 0) out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff);
  else if (shiftTo === 12) return javaError('Last unit does not have enough valid bits');
  if (sp < src.length) return javaError(`Input byte array has incorrect ending byte at ${sp}`);
  return { ok: true, value: javaStringFromUtf8(Uint8Array.from(out)) };
}

/** The names of the `$util` functions that take one string and give one string. */
export type UtilStringFunctionName = 'escapeJavaScript' | 'urlEncode' | 'urlDecode' | 'base64Encode' | 'base64Decode';

/**
 * The `$util` functions that map a string to a string, by name, each giving a result so that the ones
 * Java can answer with an exception (`urlDecode`, `base64Decode`) are called the same way as the others.
 */
export const UTIL_STRING_FUNCTIONS: Readonly<Record<UtilStringFunctionName, (s: string) => JavaStringResult>> = {
  escapeJavaScript: (s) => ({ ok: true, value: escapeJavaScript(s) }),
  urlEncode: (s) => ({ ok: true, value: urlEncode(s) }),
  urlDecode,
  base64Encode: (s) => ({ ok: true, value: base64Encode(s) }),
  base64Decode,
};
