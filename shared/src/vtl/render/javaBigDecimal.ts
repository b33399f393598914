// java.math.BigDecimal, as far as Velocity 1.7's MathUtils uses it: a BigInteger meeting a Double (or any
// BigDecimal operand) is computed in BigDecimal, exactly, and prints with its scale (`80999999999999999990`,
// `121500000000000000000.0`). A double enters as `new BigDecimal(double)`, its exact binary value
// (0.1 is 0.1000000000000000055511151231257827021181583404541015625), not its shortest text.
import { bigDecimalText } from '../../apigw/index';
import { JavaException } from './javaException';

/** `unscaled × 10^-scale`, as Java keeps it (the scale is part of the value: 1.0 is not 1.00). */
export interface BigDecimalValue {
  readonly unscaled: bigint;
  readonly scale: number;
}

const doubleBits = new DataView(new ArrayBuffer(8));

/** `new BigDecimal(d)`: the double's exact value; NaN and the infinities throw as in Java. */
export function bigDecimalOfDouble(d: number): BigDecimalValue {
  if (!Number.isFinite(d)) throw new JavaException('java.lang.NumberFormatException', 'Infinite or NaN');
  if (d === 0) return { unscaled: 0n, scale: 0 };
  doubleBits.setFloat64(0, d);
  const high = doubleBits.getUint32(0);
  const low = doubleBits.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  let significand = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074;
  } else {
    significand |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  // An odd significand times 5^k has no trailing decimal zero, so the scale is the smallest exact one.
  while ((significand & 1n) === 0n) {
    significand >>= 1n;
    exponent++;
  }
  if (high >>> 31) significand = -significand;
  return exponent >= 0 ? { unscaled: significand << BigInt(exponent), scale: 0 } : { unscaled: significand * 5n ** BigInt(-exponent), scale: -exponent };
}

/** A BigDecimal from Java's `toString()` text (`1.5`, `-0.000`, `1.5E+30`). */
export function bigDecimalOfText(text: string): BigDecimalValue {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:E([+-]?\d+))?$/.exec(text);
  if (!match) return bigDecimalOfDouble(Number(text));
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const unscaled = BigInt(whole + fraction);
  return { unscaled: sign ? -unscaled : unscaled, scale: fraction.length - Number(exponent) };
}

/** `BigDecimal.toString()`: plain digits with the scale, or E-notation when the scale is negative or the value tiny. */
export function bigDecimalToString(value: BigDecimalValue): string {
  return bigDecimalText(`${value.unscaled}E${-value.scale}`);
}

/** The nearest double (`doubleValue()`). */
export function bigDecimalToDouble(value: BigDecimalValue): number {
  return Number(bigDecimalToString(value));
}

/** The integer part, truncated toward zero (what `intValue()`/`longValue()` keep the low bits of). */
export function bigDecimalTruncated(value: BigDecimalValue): bigint {
  return value.scale >= 0 ? value.unscaled / 10n ** BigInt(value.scale) : value.unscaled * 10n ** BigInt(-value.scale);
}

function withScale(value: BigDecimalValue, scale: number): bigint {
  return value.unscaled * 10n ** BigInt(scale - value.scale);
}

/** `a.add(b)`: the larger scale. */
export function bigDecimalAdd(a: BigDecimalValue, b: BigDecimalValue): BigDecimalValue {
  const scale = Math.max(a.scale, b.scale);
  return { unscaled: withScale(a, scale) + withScale(b, scale), scale };
}

/** `a.subtract(b)`: the larger scale. */
export function bigDecimalSubtract(a: BigDecimalValue, b: BigDecimalValue): BigDecimalValue {
  const scale = Math.max(a.scale, b.scale);
  return { unscaled: withScale(a, scale) - withScale(b, scale), scale };
}

/** `a.multiply(b)`: the scales add up. */
export function bigDecimalMultiply(a: BigDecimalValue, b: BigDecimalValue): BigDecimalValue {
  return { unscaled: a.unscaled * b.unscaled, scale: a.scale + b.scale };
}

/**
 * `a.divide(b, ROUND_HALF_DOWN)`: the quotient at `a`'s scale, a tie rounded toward zero. The caller has
 * already refused a zero divisor (Velocity returns null for it).
 */
export function bigDecimalDivideHalfDown(a: BigDecimalValue, b: BigDecimalValue): BigDecimalValue {
  // (a.u / 10^a.s) / (b.u / 10^b.s) at scale a.s is a.u × 10^b.s / b.u.
  let numerator = a.unscaled;
  let denominator = b.unscaled;
  if (b.scale >= 0) numerator *= 10n ** BigInt(b.scale);
  else denominator *= 10n ** BigInt(-b.scale);
  let quotient = numerator / denominator;
  const remainder = numerator - quotient * denominator;
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  if (twiceRemainder > (denominator < 0n ? -denominator : denominator)) {
    quotient += (numerator < 0n) === (denominator < 0n) ? 1n : -1n;
  }
  return { unscaled: quotient, scale: a.scale };
}

/** `a.compareTo(b)`: by value, whatever the scales (-1, 0 or 1). */
export function bigDecimalCompare(a: BigDecimalValue, b: BigDecimalValue): number {
  const scale = Math.max(a.scale, b.scale);
  const x = withScale(a, scale);
  const y = withScale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
