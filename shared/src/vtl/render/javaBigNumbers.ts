// The methods of java.math.BigInteger and BigDecimal beyond Number's (a JSON integer past the long range is
// a BigInteger, and MathUtils makes BigDecimals). Their arithmetic methods take their own class only:
// `$big.add(1)` finds no method (an Integer is no BigInteger), `$big.add($big)` does.
import type { JavaNumber } from '../../apigw/index';
import { arity, int, WrongArguments } from './javaArguments';
import { bigDecimalAdd, bigDecimalMultiply, bigDecimalSubtract, bigDecimalTruncated, type BigDecimalValue } from './javaBigDecimal';
import { JavaException } from './javaException';
import { bigIntOf, javaBigDecimal, javaBigInteger, numberKind, toBigDecimal } from './javaMath';
import { isJavaNumber } from './javaValues';

/** What a method needs from the render: the output bound, for a result too long to print. */
export interface BigCallContext {
  checkString(length: number): void;
}

type BigMethod = (receiver: JavaNumber, args: unknown[], call: BigCallContext) => unknown;

function methodTable(methods: Record<string, BigMethod>): Record<string, BigMethod> {
  return Object.assign(Object.create(null) as Record<string, BigMethod>, methods);
}

/** A BigInteger parameter. */
function bigInteger(value: unknown): bigint {
  if (isJavaNumber(value) && numberKind(value) === 'BigInteger') return bigIntOf(value);
  throw new WrongArguments();
}

/** A BigDecimal parameter. */
function bigDecimal(value: unknown): BigDecimalValue {
  if (isJavaNumber(value) && numberKind(value) === 'BigDecimal') return toBigDecimal(value);
  throw new WrongArguments();
}

function arithmeticError(message: string): JavaException {
  return new JavaException('java.lang.ArithmeticException', message);
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function signum(value: bigint): number {
  return value > 0n ? 1 : value < 0n ? -1 : 0;
}

/** BigInteger's own methods. */
export const BIG_INTEGER_METHODS = methodTable({
  add: (n, a) => (arity(a, 1), javaBigInteger(bigIntOf(n) + bigInteger(a[0]))),
  subtract: (n, a) => (arity(a, 1), javaBigInteger(bigIntOf(n) - bigInteger(a[0]))),
  multiply: (n, a) => (arity(a, 1), javaBigInteger(bigIntOf(n) * bigInteger(a[0]))),
  divide: (n, a) => {
    arity(a, 1);
    const divisor = bigInteger(a[0]);
    if (divisor === 0n) throw arithmeticError('BigInteger divide by zero');
    return javaBigInteger(bigIntOf(n) / divisor);
  },
  remainder: (n, a) => {
    arity(a, 1);
    const divisor = bigInteger(a[0]);
    if (divisor === 0n) throw arithmeticError('BigInteger divide by zero');
    return javaBigInteger(bigIntOf(n) % divisor);
  },
  mod: (n, a) => {
    arity(a, 1);
    const modulus = bigInteger(a[0]);
    if (modulus <= 0n) throw arithmeticError('BigInteger: modulus not positive');
    return javaBigInteger(((bigIntOf(n) % modulus) + modulus) % modulus);
  },
  pow: (n, a, call) => {
    arity(a, 1);
    const exponent = int(a[0]);
    if (exponent < 0) throw arithmeticError('Negative exponent');
    // A result whose digits could not be printed within the output bound stops the render before it is computed.
    const base = abs(bigIntOf(n));
    if (base > 1n) call.checkString(Math.ceil(base.toString(2).length * exponent * Math.log10(2)));
    return javaBigInteger(bigIntOf(n) ** BigInt(exponent));
  },
  gcd: (n, a) => (arity(a, 1), javaBigInteger(gcd(bigIntOf(n), bigInteger(a[0])))),
  min: (n, a) => (arity(a, 1), bigIntOf(n) <= bigInteger(a[0]) ? n : a[0]),
  max: (n, a) => (arity(a, 1), bigIntOf(n) >= bigInteger(a[0]) ? n : a[0]),
  negate: (n, a) => (arity(a, 0), javaBigInteger(-bigIntOf(n))),
  abs: (n, a) => (arity(a, 0), javaBigInteger(abs(bigIntOf(n)))),
  signum: (n, a) => (arity(a, 0), signum(bigIntOf(n))),
  bitLength: (n, a) => {
    arity(a, 0);
    const value = bigIntOf(n);
    // The bits of the two's-complement form, sign bit excluded.
    return (value < 0n ? -value - 1n : value).toString(2).replace(/^0$/, '').length;
  },
  toString: (n: JavaNumber, a: unknown[]) => {
    arity(a, 1);
    const radix = int(a[0]);
    return bigIntOf(n).toString(radix < 2 || radix > 36 ? 10 : radix);
  },
});

/** BigDecimal's own methods. */
export const BIG_DECIMAL_METHODS = methodTable({
  add: (n, a) => (arity(a, 1), javaBigDecimal(bigDecimalAdd(toBigDecimal(n), bigDecimal(a[0])))),
  subtract: (n, a) => (arity(a, 1), javaBigDecimal(bigDecimalSubtract(toBigDecimal(n), bigDecimal(a[0])))),
  multiply: (n, a) => (arity(a, 1), javaBigDecimal(bigDecimalMultiply(toBigDecimal(n), bigDecimal(a[0])))),
  negate: (n, a) => {
    arity(a, 0);
    const value = toBigDecimal(n);
    return javaBigDecimal({ unscaled: -value.unscaled, scale: value.scale });
  },
  abs: (n, a) => {
    arity(a, 0);
    const value = toBigDecimal(n);
    return javaBigDecimal({ unscaled: abs(value.unscaled), scale: value.scale });
  },
  signum: (n, a) => (arity(a, 0), signum(toBigDecimal(n).unscaled)),
  scale: (n, a) => (arity(a, 0), toBigDecimal(n).scale),
  precision: (n, a) => (arity(a, 0), abs(toBigDecimal(n).unscaled).toString().length),
  unscaledValue: (n, a) => (arity(a, 0), javaBigInteger(toBigDecimal(n).unscaled)),
  toBigInteger: (n, a) => (arity(a, 0), javaBigInteger(bigDecimalTruncated(toBigDecimal(n)))),
  toPlainString: (n, a) => {
    arity(a, 0);
    const { unscaled, scale } = toBigDecimal(n);
    if (scale <= 0) return (unscaled * 10n ** BigInt(-scale)).toString();
    const digits = abs(unscaled).toString().padStart(scale + 1, '0');
    return `${unscaled < 0n ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  },
  stripTrailingZeros: (n, a) => {
    arity(a, 0);
    const { unscaled, scale } = toBigDecimal(n);
    if (unscaled === 0n) return javaBigDecimal({ unscaled: 0n, scale: 0 });
    // Counted on the text: dividing a long number by ten once per zero would be quadratic.
    const text = unscaled.toString();
    const zeros = text.length - text.replace(/0+$/, '').length;
    return javaBigDecimal({ unscaled: BigInt(text.slice(0, text.length - zeros)), scale: scale - zeros });
  },
  setScale: (n, a, call) => {
    // setScale(scale) rounds only when exact (UNNECESSARY); setScale(scale, mode) takes BigDecimal's ROUND_* number.
    arity(a, 1, 2);
    const scale = int(a[0]);
    // A scale this far from the value's asks for as many digits.
    call.checkString(Math.abs(scale - toBigDecimal(n).scale));
    const mode = a.length === 2 ? int(a[1]) : ROUND_UNNECESSARY;
    if (mode < 0 || mode > ROUND_UNNECESSARY) throw new JavaException('java.lang.IllegalArgumentException', 'Invalid rounding mode');
    const value = toBigDecimal(n);
    if (scale >= value.scale) return javaBigDecimal({ unscaled: value.unscaled * 10n ** BigInt(scale - value.scale), scale });
    return javaBigDecimal({ unscaled: roundedQuotient(value.unscaled, 10n ** BigInt(value.scale - scale), mode), scale });
  },
});

const ROUND_UNNECESSARY = 7;

/** `dividend / divisor` (divisor > 0) rounded by a BigDecimal ROUND_* mode (UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN, UNNECESSARY). */
function roundedQuotient(dividend: bigint, divisor: bigint, mode: number): bigint {
  const quotient = dividend / divisor;
  const remainder = dividend - quotient * divisor;
  if (remainder === 0n) return quotient;
  const away = quotient + (dividend < 0n ? -1n : 1n);
  const half = abs(remainder) * 2n;
  switch (mode) {
    case 0:
      return away;
    case 1:
      return quotient;
    case 2:
      return dividend > 0n ? away : quotient;
    case 3:
      return dividend < 0n ? away : quotient;
    case 4:
      return half >= divisor ? away : quotient;
    case 5:
      return half > divisor ? away : quotient;
    case 6:
      return half > divisor || (half === divisor && quotient % 2n !== 0n) ? away : quotient;
    default:
      throw arithmeticError('Rounding necessary');
  }
}
