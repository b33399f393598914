// Static methods reached through an instance. 1.7's introspection lists a class's public methods, static
// ones included, so `$n.parseInt('42')` on any Integer calls Integer.parseInt: API Gateway templates use
// `#set($Integer = 0)` to parse numbers this way. These are the static methods of Integer, Long, Double,
// Boolean and String a mapping template has a use for, `String.format` among them (javaFormat.ts).
import { javaDoubleText } from '../../apigw/index';
import { arity, bool, double, int, long, str, WrongArguments } from './javaArguments';
import { JavaException } from './javaException';
import { isJavaInt, javaLong, numberKind } from './javaMath';
import { isJavaArray, isJavaNumber, javaCharacterText, toJavaDouble } from './javaValues';
import { javaFormat } from './javaFormat';

/** What a static method needs from the render: Java's `String.valueOf`, and the output bound. */
export interface StaticCallContext {
  print(value: unknown): string;
  checkString(length: number): void;
}

type StaticMethod = (args: unknown[], call: StaticCallContext) => unknown;
type StaticTable = Record<string, StaticMethod>;

/** A table with no prototype, so only its own methods are found. */
function staticTable(methods: StaticTable): StaticTable {
  return Object.assign(Object.create(null) as StaticTable, methods);
}

function numberFormatError(text: string): JavaException {
  return new JavaException('java.lang.NumberFormatException', `For input string: "${text}"`);
}

/** `Character.digit(c, radix)`: ASCII and fullwidth letters and digits, and every Unicode decimal digit. */
function digitValue(char: string, radix: number): number {
  const code = char.codePointAt(0) ?? -1;
  let value = -1;
  if (/\p{Nd}/u.test(char)) {
    // Decimal digits come in runs of ten, each starting at its zero.
    let zero = code;
    while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    value = (code - zero) % 10;
  } else if (/[a-z]/i.test(char)) {
    value = char.toLowerCase().charCodeAt(0) - 97 + 10;
  } else if (code >= 0xff21 && code <= 0xff3a) {
    value = code - 0xff21 + 10;
  } else if (code >= 0xff41 && code <= 0xff5a) {
    value = code - 0xff41 + 10;
  }
  return value < radix ? value : -1;
}

/** `Integer.parseInt`/`Long.parseLong`: an optional sign, then digits of the radix, within `bits`. */
function parseJavaInteger(text: string, radix: number, bits: 32 | 64): bigint {
  if (radix < 2 || radix > 36) throw new JavaException('java.lang.NumberFormatException', `radix ${radix} out of range`);
  const chars = [...text];
  let i = chars[0] === '-' || chars[0] === '+' ? 1 : 0;
  if (i >= chars.length) throw numberFormatError(text);
  let value = 0n;
  for (; i < chars.length; i++) {
    const digit = digitValue(chars[i], radix);
    if (digit < 0) throw numberFormatError(text);
    value = value * BigInt(radix) + BigInt(digit);
    if (value > 2n ** BigInt(bits - 1)) throw numberFormatError(text);
  }
  const signed = chars[0] === '-' ? -value : value;
  if (signed !== BigInt.asIntN(bits, signed)) throw numberFormatError(text);
  return signed;
}

/** `Double.parseDouble`: Java's decimal syntax (no hex floats here), blanks trimmed, `NaN`, `Infinity`, a d/f suffix. */
function parseJavaDouble(text: string): number {
  const trimmed = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!/^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/.test(trimmed)) throw numberFormatError(text);
  return Number(trimmed.replace(/[fFdD]$/, ''));
}

function radixOf(args: unknown[]): number {
  if (args.length < 2) return 10;
  const radix = int(args[1]);
  return radix < 2 || radix > 36 ? 10 : radix;
}

function compareNumbers(x: number | bigint, y: number | bigint): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

const INTEGER_STATICS = staticTable({
  parseInt: (a) => (arity(a, 1, 2), Number(parseJavaInteger(str(a[0]), a.length === 2 ? int(a[1]) : 10, 32))),
  valueOf: (a: unknown[]) => {
    arity(a, 1, 2);
    if (a.length === 1 && isJavaInt(a[0])) return a[0];
    return Number(parseJavaInteger(str(a[0]), a.length === 2 ? int(a[1]) : 10, 32));
  },
  toString: (a: unknown[]) => (arity(a, 1, 2), int(a[0]).toString(radixOf(a))),
  toHexString: (a) => (arity(a, 1), (int(a[0]) >>> 0).toString(16)),
  toOctalString: (a) => (arity(a, 1), (int(a[0]) >>> 0).toString(8)),
  toBinaryString: (a) => (arity(a, 1), (int(a[0]) >>> 0).toString(2)),
  max: (a) => (arity(a, 2), Math.max(int(a[0]), int(a[1]))),
  min: (a) => (arity(a, 2), Math.min(int(a[0]), int(a[1]))),
  sum: (a) => (arity(a, 2), (int(a[0]) + int(a[1])) | 0),
  compare: (a) => (arity(a, 2), compareNumbers(int(a[0]), int(a[1]))),
  signum: (a) => (arity(a, 1), Math.sign(int(a[0]))),
});

const LONG_STATICS = staticTable({
  parseLong: (a) => (arity(a, 1, 2), javaLong(parseJavaInteger(str(a[0]), a.length === 2 ? int(a[1]) : 10, 64))),
  valueOf: (a: unknown[]) => {
    arity(a, 1, 2);
    if (a.length === 1 && isJavaNumber(a[0])) return javaLong(long(a[0]));
    return javaLong(parseJavaInteger(str(a[0]), a.length === 2 ? int(a[1]) : 10, 64));
  },
  toString: (a: unknown[]) => (arity(a, 1, 2), long(a[0]).toString(radixOf(a))),
  toHexString: (a) => (arity(a, 1), BigInt.asUintN(64, long(a[0])).toString(16)),
  max: (a) => (arity(a, 2), javaLong(long(a[0]) > long(a[1]) ? long(a[0]) : long(a[1]))),
  min: (a) => (arity(a, 2), javaLong(long(a[0]) < long(a[1]) ? long(a[0]) : long(a[1]))),
  sum: (a) => (arity(a, 2), javaLong(BigInt.asIntN(64, long(a[0]) + long(a[1])))),
  compare: (a) => (arity(a, 2), compareNumbers(long(a[0]), long(a[1]))),
  signum: (a) => {
    arity(a, 1);
    const value = long(a[0]);
    return value > 0n ? 1 : value < 0n ? -1 : 0;
  },
});

const DOUBLE_STATICS = staticTable({
  parseDouble: (a) => (arity(a, 1), toJavaDouble(parseJavaDouble(str(a[0])))),
  valueOf: (a: unknown[]) => (arity(a, 1), toJavaDouble(isJavaNumber(a[0]) ? double(a[0]) : parseJavaDouble(str(a[0])))),
  toString: (a: unknown[]) => (arity(a, 1), javaDoubleText(double(a[0]))),
  isNaN: (a) => (arity(a, 1), Number.isNaN(double(a[0]))),
  isInfinite: (a) => {
    arity(a, 1);
    const value = double(a[0]);
    return value === Infinity || value === -Infinity;
  },
  // Math.max and Math.min already order -0.0 below 0.0 and let NaN win, as Java's do.
  max: (a) => (arity(a, 2), toJavaDouble(Math.max(double(a[0]), double(a[1])))),
  min: (a) => (arity(a, 2), toJavaDouble(Math.min(double(a[0]), double(a[1])))),
  sum: (a) => (arity(a, 2), toJavaDouble(double(a[0]) + double(a[1]))),
});

const BOOLEAN_STATICS = staticTable({
  // parseBoolean(String) takes null too (false).
  parseBoolean: (a) => (arity(a, 1), a[0] === null || a[0] === undefined ? false : str(a[0]).toLowerCase() === 'true'),
  valueOf: (a: unknown[]) => (arity(a, 1), typeof a[0] === 'boolean' ? a[0] : a[0] === null || a[0] === undefined ? false : str(a[0]).toLowerCase() === 'true'),
  toString: (a: unknown[]) => (arity(a, 1), String(bool(a[0]))),
});

const STRING_STATICS = staticTable({
  valueOf: (a: unknown[], call: StaticCallContext) => (arity(a, 1), a[0] === null || a[0] === undefined ? 'null' : call.print(a[0])),
  // format(String, Object...): the arguments after the format, or the items of one array argument (varargs).
  format: (a: unknown[], call: StaticCallContext) => {
    if (a.length < 1) throw new WrongArguments();
    const args = a.length === 2 && Array.isArray(a[1]) && isJavaArray(a[1]) ? [...a[1]] : a.slice(1);
    return javaFormat(str(a[0]), args, { print: (value) => call.print(value), charOf: javaCharacterText, checkString: (length) => call.checkString(length) });
  },
  join: (a: unknown[]) => {
    if (a.length < 2) throw new WrongArguments();
    const delimiter = str(a[0]);
    // join(CharSequence, Iterable) for one list, join(CharSequence, CharSequence...) otherwise.
    const items = a.length === 2 && Array.isArray(a[1]) ? a[1] : a.slice(1);
    return items
      .map((item) => {
        if (item === null || item === undefined) return 'null';
        if (typeof item !== 'string') throw new JavaException('java.lang.ClassCastException', 'String.join takes CharSequences only');
        return item;
      })
      .join(delimiter);
  },
});

/** The static methods a receiver's class offers through it, or undefined. */
export function staticMethodsOf(receiver: unknown): StaticTable | undefined {
  if (typeof receiver === 'string') return STRING_STATICS;
  if (typeof receiver === 'boolean') return BOOLEAN_STATICS;
  if (!isJavaNumber(receiver)) return undefined;
  switch (numberKind(receiver)) {
    case 'Integer':
      return INTEGER_STATICS;
    case 'Long':
      return LONG_STATICS;
    case 'Double':
      return DOUBLE_STATICS;
    default:
      return undefined;
  }
}
