// Velocity 1.7 arithmetic and ordering (ASTAddNode … ASTModNode, MathUtils, ASTGTNode …): integers stay
// integers (7 / 2 is 3, truncating), any double makes the result a double, division or modulo by zero
// gives null, `+` with a String operand concatenates, anything else that is not a number gives null.
// A null operand of a concatenation is what `print` makes of it: the renderer passes the reference as
// written, as 1.7's ASTAddNode does (API Gateway's "null prints nothing" applies to output, not to `+`).
import { JavaNumber } from '../../apigw/index';
import { isJavaDouble, isJavaNumber, numberValue, toJavaDouble } from './javaValues';

type AnyJavaNumber = number | JavaNumber;

interface Operation {
  number(x: number, y: number): number;
  bigint(x: bigint, y: bigint): bigint;
}

/** Integer semantics (`/` truncates); a double `/` is plain division. */
const OPERATIONS: Record<string, Operation> = {
  '+': { number: (x, y) => x + y, bigint: (x, y) => x + y },
  '-': { number: (x, y) => x - y, bigint: (x, y) => x - y },
  '*': { number: (x, y) => x * y, bigint: (x, y) => x * y },
  '/': { number: (x, y) => Math.trunc(x / y), bigint: (x, y) => x / y },
  '%': { number: (x, y) => x % y, bigint: (x, y) => x % y },
};

/** The result of `a op b` for `+ - * / %`, or null where Velocity yields null. */
export function javaArithmetic(operator: string, a: unknown, b: unknown, print: (value: unknown) => string): unknown {
  if (operator === '+' && (typeof a === 'string' || typeof b === 'string')) {
    return print(a) + print(b);
  }
  const operation = Object.prototype.hasOwnProperty.call(OPERATIONS, operator) ? OPERATIONS[operator] : undefined;
  if (!operation || !isJavaNumber(a) || !isJavaNumber(b)) return null;
  const x = numberValue(a);
  const y = numberValue(b);
  if ((operator === '/' || operator === '%') && y === 0) return null;
  if (isJavaDouble(a) || isJavaDouble(b)) return toJavaDouble(operator === '/' ? x / y : operation.number(x, y));
  const result = operation.number(x, y);
  // Integers widen (int → long → BigInteger) instead of overflowing; past 2^53 only BigInt is exact.
  if (Number.isSafeInteger(result) && Number.isSafeInteger(x) && Number.isSafeInteger(y)) return result === 0 ? 0 : result;
  return javaInteger(operation.bigint(bigIntOf(a), bigIntOf(b)));
}

/** The exact integer value of a Java integer (a Long or BigInteger keeps its exact text). */
export function bigIntOf(value: number | JavaNumber): bigint {
  if (typeof value === 'number') return BigInt(value);
  return /^-?\d+$/.test(value.text) ? BigInt(value.text) : BigInt(Math.trunc(value.value));
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** An exact integer typed as Velocity 1.7's MathUtils would: a JS number while exact, else Long or BigInteger. */
export function javaInteger(result: bigint): number | JavaNumber {
  if (result >= BigInt(Number.MIN_SAFE_INTEGER) && result <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(result);
  const type = result >= LONG_MIN && result <= LONG_MAX ? 'Long' : 'BigInteger';
  return new JavaNumber(type, result.toString(), Number(result));
}

/** `a op b` for `< <= > >=`: numbers only; anything else compares false, as in Velocity 1.7. */
export function javaCompare(operator: string, a: unknown, b: unknown): boolean {
  if (!isJavaNumber(a) || !isJavaNumber(b)) return false;
  const x = numberValue(a as AnyJavaNumber);
  const y = numberValue(b as AnyJavaNumber);
  switch (operator) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    default:
      return false;
  }
}

/** Unary minus (velocityjs accepts `-(expr)`); null for non-numbers. */
export function javaNegate(a: unknown): unknown {
  if (!isJavaNumber(a)) return null;
  return isJavaDouble(a) ? toJavaDouble(-numberValue(a)) : -numberValue(a) || 0;
}
