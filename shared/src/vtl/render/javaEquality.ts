// Java's `equals` and `hashCode`, and Velocity 1.7's `==`, over the value model of javaValues.ts.
import type { JavaNumber } from '../../apigw/index';
import { bigIntOf, compareJavaNumbers, javaNumberEquals, numberKind, toBigDecimal } from './javaMath';
import { isJavaNumber, JavaMapEntry, numberValue } from './javaValues';

/** `a.equals(b)` in Java: numbers equal only with the same boxed type (Integer 1 is neither Long 1 nor Double 1.0). */
export function javaEquals(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (depth > 100) return false;
  if (isJavaNumber(a) && isJavaNumber(b)) return javaNumberEquals(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => javaEquals(item, b[i], depth + 1));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [key, value] of a) {
      if (!b.has(key) || !javaEquals(value, b.get(key), depth + 1)) return false;
    }
    return true;
  }
  if (a instanceof JavaMapEntry && b instanceof JavaMapEntry) return javaEquals(a.key, b.key) && javaEquals(a.value, b.value);
  return false;
}

/** Java's `hashCode()` for strings (used by `$s.hashCode()`). */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

const hashBits = new DataView(new ArrayBuffer(8));

/** `Long.hashCode`: the two halves of the 64 bits, xor-ed. */
function longHash(value: bigint): number {
  const bits = BigInt.asUintN(64, value);
  return Number(BigInt.asIntN(32, bits ^ (bits >> 32n)));
}

/** `BigInteger.hashCode`: the magnitude's 32-bit words, most significant first, folded by 31, times the sign. */
function bigIntegerHash(value: bigint): number {
  const magnitude = value < 0n ? -value : value;
  const words: number[] = [];
  for (let rest = magnitude; rest > 0n; rest >>= 32n) words.unshift(Number(rest & 0xffffffffn));
  let hash = 0;
  for (const word of words) hash = (Math.imul(hash, 31) + word) | 0;
  return value < 0n ? -hash | 0 : hash;
}

/** `Double.hashCode`: the bits of `doubleToLongBits` (one NaN), halves xor-ed. */
function doubleHash(d: number): number {
  hashBits.setFloat64(0, Number.isNaN(d) ? NaN : d);
  return (hashBits.getInt32(0) ^ hashBits.getInt32(4)) | 0;
}

/** `Float.hashCode`: the bits of `floatToIntBits` (one NaN). */
function floatHash(f: number): number {
  hashBits.setFloat32(0, Number.isNaN(f) ? NaN : f);
  return hashBits.getInt32(0);
}

function numberHash(n: number | JavaNumber): number {
  switch (numberKind(n)) {
    case 'Integer':
      return numberValue(n);
    case 'Long':
      return longHash(bigIntOf(n));
    case 'BigInteger':
      return bigIntegerHash(bigIntOf(n));
    case 'BigDecimal': {
      const value = toBigDecimal(n);
      return (Math.imul(31, bigIntegerHash(value.unscaled)) + value.scale) | 0;
    }
    case 'Float':
      return floatHash(numberValue(n));
    default:
      return doubleHash(numberValue(n));
  }
}

/**
 * `value.hashCode()` as Java computes it for the value model: Strings, boxed numbers, Booleans, Lists
 * (31-fold of the items), Maps (sum of key ^ value per entry) and entries. Anything else (an object whose
 * hash is its identity) gives 0.
 */
export function javaHashCode(value: unknown, depth = 0): number {
  if (value === null || value === undefined || depth > 100) return 0;
  if (typeof value === 'string') return javaStringHash(value);
  if (typeof value === 'boolean') return value ? 1231 : 1237;
  if (isJavaNumber(value)) return numberHash(value);
  if (Array.isArray(value)) {
    let hash = 1;
    for (const item of value) hash = (Math.imul(hash, 31) + javaHashCode(item, depth + 1)) | 0;
    return hash;
  }
  if (value instanceof Map) {
    let hash = 0;
    for (const [key, item] of value) hash = (hash + (javaHashCode(key, depth + 1) ^ javaHashCode(item, depth + 1))) | 0;
    return hash;
  }
  if (value instanceof JavaMapEntry) return javaHashCode(value.key, depth + 1) ^ javaHashCode(value.value, depth + 1);
  return 0;
}

/** Velocity's Java class family of a value, for `==`'s "same class" test. */
function javaFamily(value: unknown): string {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (isJavaNumber(value)) return 'Number';
  if (Array.isArray(value)) return 'List';
  if (value instanceof Map) return 'Map';
  return 'Object';
}

/**
 * Velocity 1.7's `==` (ASTEQNode): numbers compare by value (MathUtils.compare), values of one class by `equals`, values
 * of different classes by their `toString()`. API Gateway also treats a null as equal to `""`
 * (SEMANTICS §9.1: a missing value equals both `$null` and `""`).
 */
export function velocityEquals(a: unknown, b: unknown, print: (value: unknown) => string): boolean {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return true;
    return (aNull ? b : a) === '';
  }
  if (isJavaNumber(a) && isJavaNumber(b)) return compareJavaNumbers(a, b) === 0;
  if (javaFamily(a) === javaFamily(b)) return javaEquals(a, b);
  return print(a) === print(b);
}
