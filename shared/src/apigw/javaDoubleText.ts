/**
 * `Double.toString(d)` exactly as JDK 17 prints it. Up to JDK 18, `sun.misc.FloatingDecimal` does not
 * always print the shortest decimal that reads back as the same double (`2.0E23` prints
 * `1.9999999999999998E23`, `Double.MIN_VALUE` `4.9E-324`, integral doubles above 2^53 their exact digits),
 * so the JavaScript shortest form is not enough. This is the same digit generation on BigInt arithmetic,
 * with the 32- and 64-bit overflow the JDK's int and long fast paths have. `test/unit/util-java.test.ts`
 * holds it to the JDK over seeded doubles of every magnitude.
 */

const SIGNIFICAND_BITS = 52;
const SIGNIFICAND_MASK = (1n << 52n) - 1n;
const HIDDEN_BIT = 1n << 52n;

/** Bits in 5^i (0 for i = 0), as the JDK's `N_5_BITS` table. */
const FIVE_POWER_BITS: readonly number[] = Array.from({ length: 27 }, (_, i) => (i === 0 ? 0 : (5n ** BigInt(i)).toString(2).length));

/** How many low decimal digits of an exact integral value do not matter, by spare binary digits. */
const INSIGNIFICANT_DIGITS = [
  0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11, 11, 12, 12,
  12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19,
];

const fivePowers: bigint[] = [1n];

/** 5^n, cached: digit generation needs powers up to 5^340 for every double it prints. */
function fivePower(n: number): bigint {
  for (let k = fivePowers.length; k <= n; k++) fivePowers.push(fivePowers[k - 1] * 5n);
  return fivePowers[n];
}

function insignificantDigitsForPow2(p2: number): number {
  return p2 > 1 && p2 < INSIGNIFICANT_DIGITS.length ? INSIGNIFICANT_DIGITS[p2] : 0;
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** Trailing zero bits of a non-zero significand (at most 53 bits, so a JS number holds it exactly). */
function trailingZeroBits(n: bigint): number {
  const value = Number(n);
  const low = value % 2 ** 32;
  const lowest = (x: number): number => 31 - Math.clz32(x & -x);
  return low !== 0 ? lowest(low) : 32 + lowest(Math.floor(value / 2 ** 32));
}

/** Decimal digits and FloatingDecimal's exponent: the value is 0.d1d2… × 10^exponent. */
interface DecimalDigits {
  digits: number[];
  exponent: number;
}

/** `developLongDigits`: the digits of an integer value, the insignificant low ones rounded off. */
function longDigits(value: bigint, insignificant: number): DecimalDigits {
  let exponent = 0;
  if (insignificant !== 0) {
    const scale = 10n ** BigInt(insignificant);
    const residue = value % scale;
    value /= scale;
    exponent += insignificant;
    if (residue >= scale >> 1n) value++;
  }
  const text = value.toString();
  const significant = text.replace(/0+$/, '');
  return { digits: [...significant].map(Number), exponent: exponent + text.length };
}

/** FloatingDecimal's estimate of floor(log10(d)) from the significand and binary exponent. */
function estimateDecimalExponent(fractionBits: bigint, binaryExponent: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, 0x3ff0000000000000n | (fractionBits & SIGNIFICAND_MASK));
  const d2 = view.getFloat64(0);
  const estimate = (d2 - 1.5) * 0.289529654 + 0.176091259 + binaryExponent * 0.301029995663981;
  return Math.floor(estimate);
}

/** Wraps to a Java `int` or `long`, or not at all for FDBigInteger arithmetic. */
type Width = 32 | 64 | 0;
const wrap = (width: Width, n: bigint): bigint => (width === 0 ? n : BigInt.asIntN(width, n));

/** FloatingDecimal's `dtoa` for a positive finite double given as significand bits and binary exponent. */
function generateDigits(binaryExponent: number, fractionBits: bigint, significantBits: number): DecimalDigits {
  const tailZeros = trailingZeroBits(fractionBits);
  const fractionBitCount = SIGNIFICAND_BITS + 1 - tailZeros;
  const tinyBits = Math.max(0, fractionBitCount - binaryExponent - 1);
  if (binaryExponent <= 62 && binaryExponent >= -21 && tinyBits === 0) {
    // An integer that fits a long: its exact digits.
    const insignificant = binaryExponent > significantBits ? insignificantDigitsForPow2(binaryExponent - significantBits - 1) : 0;
    const value = binaryExponent >= SIGNIFICAND_BITS ? fractionBits << BigInt(binaryExponent - SIGNIFICAND_BITS) : fractionBits >> BigInt(SIGNIFICAND_BITS - binaryExponent);
    return longDigits(value, insignificant);
  }

  let decimalExponent = estimateDecimalExponent(fractionBits, binaryExponent);
  const b5 = Math.max(0, -decimalExponent);
  let b2 = b5 + tinyBits + binaryExponent;
  const s5 = Math.max(0, decimalExponent);
  let s2 = s5 + tinyBits;
  const m5 = b5;
  let m2 = b2 - significantBits;
  const fraction = fractionBits >> BigInt(tailZeros);
  b2 -= fractionBitCount - 1;
  const common2 = Math.min(b2, s2);
  b2 -= common2;
  s2 -= common2;
  m2 -= common2;
  // Just above a power of two the next double down is half as far away.
  if (fractionBitCount === 1) m2 -= 1;
  if (m2 < 0) {
    b2 -= m2;
    s2 -= m2;
    m2 = 0;
  }

  const bBits = fractionBitCount + b2 + (b5 < FIVE_POWER_BITS.length ? FIVE_POWER_BITS[b5] : b5 * 3);
  const tenSBits = s2 + 1 + (s5 + 1 < FIVE_POWER_BITS.length ? FIVE_POWER_BITS[s5 + 1] : (s5 + 1) * 3);
  const width: Width = bBits < 64 && tenSBits < 64 ? (bBits < 32 && tenSBits < 32 ? 32 : 64) : 0;

  let b = wrap(width, (fraction * fivePower(b5)) << BigInt(b2));
  const s = wrap(width, fivePower(s5) << BigInt(s2));
  let m = wrap(width, fivePower(m5) << BigInt(m2));
  const tenS = wrap(width, s * 10n);
  // The int and long paths test `b + m > 10s`; the FDBigInteger path tests `b + m >= 10s`.
  const isLow = (): boolean => b < m;
  const isHigh = (): boolean => (width === 0 ? b + m >= tenS : wrap(width, b + m) > tenS);

  const digits: number[] = [];
  let q = Number(b / s);
  b = wrap(width, 10n * (b % s));
  m = wrap(width, m * 10n);
  let low = isLow();
  let high = isHigh();
  if (q === 0 && !high) decimalExponent--;
  else digits.push(q);
  // Java prints at least one digit after the point, so E-form needs a second digit.
  if (decimalExponent < -3 || decimalExponent >= 8) high = low = false;
  while (!low && !high) {
    q = Number(b / s);
    b = wrap(width, 10n * (b % s));
    m = wrap(width, m * 10n);
    if (width === 0 || m > 0n) {
      low = isLow();
      high = isHigh();
    } else {
      // The int/long paths' overflow guard: an overflowed m ends the digits.
      low = high = true;
    }
    digits.push(q);
  }
  let lowDigitDifference: bigint;
  if (width === 0) lowDigitDifference = high && low ? (b << 1n) - tenS : 0n;
  else lowDigitDifference = wrap(width, wrap(width, b << 1n) - tenS);

  const result: DecimalDigits = { digits, exponent: decimalExponent + 1 };
  if (high) {
    if (low) {
      if (lowDigitDifference === 0n) {
        if ((digits[digits.length - 1] & 1) !== 0) roundUp(result);
      } else if (lowDigitDifference > 0n) {
        roundUp(result);
      }
    } else {
      roundUp(result);
    }
  }
  return result;
}

function roundUp(result: DecimalDigits): void {
  const digits = result.digits;
  let i = digits.length - 1;
  if (digits[i] === 9) {
    while (digits[i] === 9 && i > 0) digits[i--] = 0;
    if (digits[i] === 9) {
      result.exponent += 1;
      digits[0] = 1;
      return;
    }
  }
  digits[i] += 1;
}

/** FloatingDecimal's `getChars`: plain notation for 10^-3 ≤ |d| < 10^7, otherwise `d.dddE±n`. */
function formatDigits(negative: boolean, { digits, exponent }: DecimalDigits): string {
  const text = digits.join('');
  let out = negative ? '-' : '';
  if (exponent > 0 && exponent < 8) {
    const whole = Math.min(digits.length, exponent);
    out += text.slice(0, whole);
    if (whole < exponent) return `${out}${'0'.repeat(exponent - whole)}.0`;
    return `${out}.${whole < digits.length ? text.slice(whole) : '0'}`;
  }
  if (exponent <= 0 && exponent > -3) return `${out}0.${'0'.repeat(-exponent)}${text}`;
  out += `${text[0]}.${digits.length > 1 ? text.slice(1) : '0'}E`;
  return exponent <= 0 ? `${out}-${-exponent + 1}` : `${out}${exponent - 1}`;
}

/** `Double.toString(d)` as JDK 17 (and every JDK before 19) prints it. */
export function javaDoubleText(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  return shortestJavaText(d) ?? exactJavaDoubleText(d);
}

const SMALLEST_NORMAL = 2.2250738585072014e-308;
const shapeView = new DataView(new ArrayBuffer(8));

/**
 * The fast path: for a normal double below 2^53 whose significand is not a power of two, FloatingDecimal's
 * symmetric digit generation stops at the shortest length and rounds the last digit to the nearer value,
 * as JavaScript's shortest form does, so the two agree; E-form with a single digit is left to the exact
 * path, which adds Java's second digit from the exact value (`4.9E-324`). `test/unit/util-java.test.ts`
 * checks the two paths agree over the fast path's range, and both against the JDK.
 */
function shortestJavaText(d: number): string | undefined {
  const magnitude = Math.abs(d);
  if (magnitude < SMALLEST_NORMAL || magnitude >= 2 ** 53) return undefined;
  shapeView.setFloat64(0, d);
  if (shapeView.getUint32(4) === 0 && (shapeView.getUint32(0) & 0xfffff) === 0) return undefined;
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(d);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = d.toExponential().split('e');
  if (!mantissa.includes('.')) return undefined;
  return `${mantissa}E${exponent.replace('+', '')}`;
}

/** `javaDoubleText` by FloatingDecimal's digit generation alone, without the fast path. */
export function exactJavaDoubleText(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const bits = view.getBigUint64(0);
  let fractionBits = bits & SIGNIFICAND_MASK;
  let binaryExponent = Number((bits >> 52n) & 0x7ffn);
  let significantBits: number;
  if (binaryExponent === 0) {
    // Subnormal: normalize so the highest set bit is where the hidden bit would be.
    const leadingZeros = 64 - bitLength(fractionBits);
    const shift = leadingZeros - (63 - SIGNIFICAND_BITS);
    fractionBits <<= BigInt(shift);
    binaryExponent = 1 - shift;
    significantBits = 64 - leadingZeros;
  } else {
    fractionBits |= HIDDEN_BIT;
    significantBits = SIGNIFICAND_BITS + 1;
  }
  binaryExponent -= 1023;
  return formatDigits(d < 0, generateDigits(binaryExponent, fractionBits, significantBits));
}

/**
 * `Float.toString(f)` as JDK 17 prints it: the same FloatingDecimal digit generation, fed the float's 24-bit
 * significand (so integral floats above 2^24 print their exact digits, `2.15696694E15`, not the shortest).
 * `f` must already be a float value (`Math.fround`).
 * Held to the JDK by `test/unit/util-java.test.ts`.
 */
export function javaFloatText(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? 'Infinity' : '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, f);
  const bits = view.getUint32(0);
  let fraction = bits & 0x7fffff;
  let binaryExponent = (bits >>> 23) & 0xff;
  let significantBits: number;
  if (binaryExponent === 0) {
    const leadingZeros = Math.clz32(fraction);
    const shift = leadingZeros - (31 - 23);
    fraction <<= shift;
    binaryExponent = 1 - shift;
    significantBits = 32 - leadingZeros;
  } else {
    fraction |= 1 << 23;
    significantBits = 24;
  }
  binaryExponent -= 127;
  // FloatingDecimal widens the significand to a double's layout (hidden bit at 52) for the shared dtoa.
  return formatDigits(f < 0, generateDigits(binaryExponent, BigInt(fraction) << 29n, significantBits));
}
