// Velocity 1.7 arithmetic and ordering (ASTAddNode … ASTModNode, ASTGTNode …, MathUtils). Each operation
// is computed in the "base" its operands' classes call for, and the result's class follows from it:
//   Integer/Long with Integer/Long   → long arithmetic; the result is an Integer when both operands are and it
//                                      fits, else a Long; past the long range + - * give a BigInteger
//   BigInteger with Integer/Long/BigInteger → BigInteger (`%` is BigInteger.mod: a divisor ≤ 0 throws)
//   Double with Integer/Long/Float/Double → Double; Float with Integer/Long/Float → Float
//   BigInteger with Double, or any BigDecimal → BigDecimal (exact; `/` keeps the dividend's scale; `%` throws)
// Division or modulo by zero gives null, `+` with a String operand concatenates, anything else that is not a
// number gives null. A null operand of a concatenation is what `print` makes of it: the renderer passes
// the reference as written, as 1.7's ASTAddNode does (API Gateway's "null prints nothing" applies to
// output, not to `+`).
import { JavaNumber, javaFloatText } from '../../apigw/index';
import {
  bigDecimalAdd,
  bigDecimalCompare,
  bigDecimalDivideHalfDown,
  bigDecimalMultiply,
  bigDecimalOfDouble,
  bigDecimalOfText,
  bigDecimalSubtract,
  bigDecimalToDouble,
  bigDecimalToString,
  bigDecimalTruncated,
  type BigDecimalValue,
} from './javaBigDecimal';
import { JavaException } from './javaException';
import { isJavaNumber, numberValue, toJavaDouble } from './javaValues';
import { RenderStop } from './limits';

type AnyJavaNumber = number | JavaNumber;

/** The Java class of a number in the value model. */
export type NumberKind = 'Integer' | 'Long' | 'BigInteger' | 'Float' | 'Double' | 'BigDecimal';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * The Java class of a number: an integral JS number is an Integer within the int range and a Long beyond
 * it (as json-smart and 1.7's integer literals choose by size); a fractional one is a Double.
 */
export function numberKind(n: AnyJavaNumber): NumberKind {
  if (typeof n !== 'number') return n.javaType;
  if (!Number.isInteger(n)) return 'Double';
  return n >= INT_MIN && n <= INT_MAX ? 'Integer' : 'Long';
}

/** True for an `Integer`: what a Java `int` parameter accepts. */
export function isJavaInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX;
}

function isIntegerKind(kind: NumberKind): boolean {
  return kind === 'Integer' || kind === 'Long' || kind === 'BigInteger';
}

/** A Float or a Double. */
export function isFloatingKind(kind: NumberKind): boolean {
  return kind === 'Float' || kind === 'Double';
}

/** A `Float` (from `floatValue()`): its value rounded to float precision, printed as Float.toString. */
export function javaFloat(value: number): JavaNumber {
  const f = Math.fround(value);
  return new JavaNumber('Float', javaFloatText(f), f);
}

/** The exact integer value of a Java integer (a Long or BigInteger keeps its exact text). */
export function bigIntOf(value: AnyJavaNumber): bigint {
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return /^-?\d+$/.test(value.text) ? BigInt(value.text) : BigInt(Math.trunc(value.value));
}

/** An exact integer typed as json-smart and 1.7's literals type it: Integer, else Long, else BigInteger. */
export function javaInteger(result: bigint): AnyJavaNumber {
  if (result >= BigInt(INT_MIN) && result <= BigInt(INT_MAX)) return Number(result);
  return result >= LONG_MIN && result <= LONG_MAX ? javaLong(result) : javaBigInteger(result);
}

/** A `Long` (even a small one: `Long 1` is not `Integer 1` to `equals` or to an `int` parameter). */
export function javaLong(value: bigint): AnyJavaNumber {
  const n = Number(value);
  // Outside the int range a JS number already reads as a Long (numberKind); inside it, the type must be said.
  if (Number.isSafeInteger(n) && (n < INT_MIN || n > INT_MAX)) return n;
  return new JavaNumber('Long', value.toString(), n);
}

/** About a million decimal digits, in hexadecimal digits (cheap to count). */
const MAX_NUMBER_HEX_DIGITS = 830_000;

/**
 * Java would go on computing with ever larger numbers (repeated squaring doubles the digits each time); the
 * render stops at a million digits instead, before one more operation could take seconds.
 */
function checkNumberSize(value: bigint, scale = 0): void {
  if (Math.abs(scale) > 1_000_000 || value.toString(16).length > MAX_NUMBER_HEX_DIGITS) {
    throw new RenderStop('vtl-size-limit', 'a number grew past a million digits');
  }
}

/** A `BigInteger`, whatever its size (MathUtils keeps the class of a BigInteger result, even for 0). */
export function javaBigInteger(value: bigint): JavaNumber {
  checkNumberSize(value);
  return new JavaNumber('BigInteger', value.toString(), Number(value));
}

/** A `BigDecimal` in the value model. */
export function javaBigDecimal(value: BigDecimalValue): JavaNumber {
  checkNumberSize(value.unscaled, value.scale);
  return new JavaNumber('BigDecimal', bigDecimalToString(value), bigDecimalToDouble(value));
}

/** `Number.intValue()`: a double saturates at the int range (NaN is 0); an integer keeps its low 32 bits. */
export function javaIntValue(n: AnyJavaNumber): number {
  if (!isFloatingKind(numberKind(n))) return Number(BigInt.asIntN(32, integerPart(n)));
  const d = numberValue(n);
  if (Number.isNaN(d)) return 0;
  return Math.max(INT_MIN, Math.min(INT_MAX, Math.trunc(d))) || 0;
}

/** `Number.longValue()`: a double saturates at the long range (NaN is 0); an integer keeps its low 64 bits. */
export function javaLongValue(n: AnyJavaNumber): bigint {
  if (!isFloatingKind(numberKind(n))) return BigInt.asIntN(64, integerPart(n));
  const d = numberValue(n);
  if (Number.isNaN(d)) return 0n;
  if (d >= 2 ** 63) return LONG_MAX;
  if (d <= -(2 ** 63)) return LONG_MIN;
  return BigInt(Math.trunc(d));
}

/** The integer part of an integer or BigDecimal, truncated toward zero. */
function integerPart(n: AnyJavaNumber): bigint {
  return numberKind(n) === 'BigDecimal' ? bigDecimalTruncated(toBigDecimal(n)) : bigIntOf(n);
}

/** MathUtils.toBigDecimal: a BigInteger exactly, anything else through its double value. */
export function toBigDecimal(n: AnyJavaNumber): BigDecimalValue {
  const kind = numberKind(n);
  if (kind === 'BigDecimal') return bigDecimalOfText((n as JavaNumber).text);
  if (kind === 'BigInteger') return { unscaled: bigIntOf(n), scale: 0 };
  return bigDecimalOfDouble(numberValue(n));
}

type Base = 'long' | 'biginteger' | 'float' | 'double' | 'bigdecimal';

/** MathUtils.findCalculationBase. */
function calculationBase(a: AnyJavaNumber, b: AnyJavaNumber): Base {
  const kindA = numberKind(a);
  const kindB = numberKind(b);
  const bothIntegers = isIntegerKind(kindA) && isIntegerKind(kindB);
  const anyBigInteger = kindA === 'BigInteger' || kindB === 'BigInteger';
  if (kindA === 'BigDecimal' || kindB === 'BigDecimal' || (!bothIntegers && anyBigInteger)) return 'bigdecimal';
  if (bothIntegers) return anyBigInteger ? 'biginteger' : 'long';
  return kindA === 'Double' || kindB === 'Double' ? 'double' : 'float';
}

/** MathUtils.wrapPrimitive: the larger operand class, widened to Long when an int result does not fit. */
function wrapLong(result: bigint, a: AnyJavaNumber, b: AnyJavaNumber): AnyJavaNumber {
  const fitsInt = result >= BigInt(INT_MIN) && result <= BigInt(INT_MAX);
  if (fitsInt && numberKind(a) === 'Integer' && numberKind(b) === 'Integer') return Number(result);
  return javaLong(result);
}

/** MathUtils.isZero (checked before `/` and `%`, which then give null). */
function isZero(n: AnyJavaNumber): boolean {
  const kind = numberKind(n);
  if (isIntegerKind(kind)) return bigIntOf(n) === 0n;
  if (kind === 'BigDecimal') return toBigDecimal(n).unscaled === 0n;
  return numberValue(n) === 0;
}

function outsideLong(value: bigint): boolean {
  return value < LONG_MIN || value > LONG_MAX;
}

function longArithmetic(operator: string, a: AnyJavaNumber, b: AnyJavaNumber): AnyJavaNumber {
  const x = bigIntOf(a);
  const y = bigIntOf(b);
  switch (operator) {
    case '+':
    case '-': {
      const exact = operator === '+' ? x + y : x - y;
      return outsideLong(exact) ? javaBigInteger(exact) : wrapLong(exact, a, b);
    }
    case '*': {
      // MathUtils' own overflow test (result / y != x), which lets Long.MIN_VALUE * -1 wrap around.
      const wrapped = BigInt.asIntN(64, x * y);
      return y !== 0n && BigInt.asIntN(64, wrapped / y) !== x ? javaBigInteger(x * y) : wrapLong(wrapped, a, b);
    }
    case '/':
      return wrapLong(BigInt.asIntN(64, x / y), a, b);
    default:
      return wrapLong(x % y, a, b);
  }
}

function bigIntegerArithmetic(operator: string, x: bigint, y: bigint): AnyJavaNumber {
  switch (operator) {
    case '+':
      return javaBigInteger(x + y);
    case '-':
      return javaBigInteger(x - y);
    case '*':
      return javaBigInteger(x * y);
    case '/':
      return javaBigInteger(x / y);
    default:
      if (y <= 0n) throw new JavaException('java.lang.ArithmeticException', 'BigInteger: modulus not positive');
      return javaBigInteger(((x % y) + y) % y);
  }
}

function bigDecimalArithmetic(operator: string, a: AnyJavaNumber, b: AnyJavaNumber): AnyJavaNumber {
  if (operator === '%') throw new JavaException('java.lang.ArithmeticException', 'Cannot calculate the modulo of BigDecimals.');
  const x = toBigDecimal(a);
  const y = toBigDecimal(b);
  switch (operator) {
    case '+':
      return javaBigDecimal(bigDecimalAdd(x, y));
    case '-':
      return javaBigDecimal(bigDecimalSubtract(x, y));
    case '*':
      return javaBigDecimal(bigDecimalMultiply(x, y));
    default:
      return javaBigDecimal(bigDecimalDivideHalfDown(x, y));
  }
}

/** Double arithmetic, or Float arithmetic (each operand and the result rounded to float; a double holds a float operation exactly before that rounding). */
function floatingArithmetic(operator: string, x: number, y: number, box: (n: number) => AnyJavaNumber): AnyJavaNumber {
  switch (operator) {
    case '+':
      return box(x + y);
    case '-':
      return box(x - y);
    case '*':
      return box(x * y);
    case '/':
      return box(x / y);
    default:
      return box(x % y);
  }
}

const OPERATORS = new Set(['+', '-', '*', '/', '%']);

/** The result of `a op b` for `+ - * / %`, or null where Velocity yields null; throws where Java throws. */
export function javaArithmetic(operator: string, a: unknown, b: unknown, print: (value: unknown) => string): unknown {
  if (operator === '+' && (typeof a === 'string' || typeof b === 'string')) {
    return print(a) + print(b);
  }
  if (!OPERATORS.has(operator) || !isJavaNumber(a) || !isJavaNumber(b)) return null;
  if ((operator === '/' || operator === '%') && isZero(b)) return null;
  switch (calculationBase(a, b)) {
    case 'long':
      return longArithmetic(operator, a, b);
    case 'biginteger':
      return bigIntegerArithmetic(operator, bigIntOf(a), bigIntOf(b));
    case 'double':
      return floatingArithmetic(operator, numberValue(a), numberValue(b), toJavaDouble);
    case 'float':
      return floatingArithmetic(operator, Math.fround(numberValue(a)), Math.fround(numberValue(b)), javaFloat);
    default:
      return bigDecimalArithmetic(operator, a, b);
  }
}

/** MathUtils.compare: -1, 0 or 1 in the operands' calculation base (NaN compares equal to anything). */
export function compareJavaNumbers(a: AnyJavaNumber, b: AnyJavaNumber): number {
  switch (calculationBase(a, b)) {
    case 'long':
    case 'biginteger': {
      const x = bigIntOf(a);
      const y = bigIntOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'double':
    case 'float': {
      // Float values are floats already; an Integer or Long compared as a float rounds like it.
      const round = calculationBase(a, b) === 'float' ? Math.fround : (n: number): number => n;
      const x = round(numberValue(a));
      const y = round(numberValue(b));
      return x < y ? -1 : x > y ? 1 : 0;
    }
    default:
      return bigDecimalCompare(toBigDecimal(a), toBigDecimal(b));
  }
}

/** `a.equals(b)` for two numbers: the same class and the same value (a BigDecimal's scale included). */
export function javaNumberEquals(a: AnyJavaNumber, b: AnyJavaNumber): boolean {
  const kind = numberKind(a);
  if (kind !== numberKind(b)) return false;
  if (isIntegerKind(kind)) return bigIntOf(a) === bigIntOf(b);
  if (kind === 'BigDecimal') {
    const x = toBigDecimal(a);
    const y = toBigDecimal(b);
    return x.unscaled === y.unscaled && x.scale === y.scale;
  }
  // Double.equals and Float.equals compare bits: NaN equals NaN, 0.0 does not equal -0.0.
  return Object.is(numberValue(a), numberValue(b));
}

/** `a op b` for `< <= > >=`: numbers only; anything else compares false, as in Velocity 1.7. */
export function javaCompare(operator: string, a: unknown, b: unknown): boolean {
  if (!isJavaNumber(a) || !isJavaNumber(b)) return false;
  const order = compareJavaNumbers(a, b);
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    default:
      return false;
  }
}

/** Unary minus (velocityjs accepts `-(expr)`); null for non-numbers. */
export function javaNegate(a: unknown): unknown {
  if (!isJavaNumber(a)) return null;
  const kind = numberKind(a);
  if (kind === 'Double') return toJavaDouble(-numberValue(a));
  if (kind === 'Float') return javaFloat(-numberValue(a));
  if (kind === 'BigDecimal') {
    const value = toBigDecimal(a);
    return javaBigDecimal({ unscaled: -value.unscaled, scale: value.scale });
  }
  return javaInteger(-bigIntOf(a));
}
