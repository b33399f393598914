// Java's `equals` and Velocity 1.7's `==` over the value model of javaValues.ts.
import { compareJavaNumbers, javaNumberEquals } from './javaMath';
import { isJavaNumber, JavaMapEntry } from './javaValues';

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
