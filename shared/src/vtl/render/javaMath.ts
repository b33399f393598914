// Velocity 1.7 arithmetic and ordering (ASTAddNode … ASTModNode, MathUtils, ASTGTNode …): integers stay
// integers (7 / 2 is 3, truncating), any double makes the result a double, division or modulo by zero
// gives null, `+` with a String operand concatenates, anything else that is not a number gives null.
// A null operand of a concatenation prints as nothing (Velocity 1.7 would print the reference's text;
// API Gateway prints null references as nothing, SEMANTICS §9.1, and we keep that rule everywhere).
import { JavaNumber } from '../../apigw/index';
import { isJavaDouble, isJavaNumber, numberValue, toJavaDouble } from './javaValues';

type AnyJavaNumber = number | JavaNumber;

/** The result of `a op b` for `+ - * / %`, or null where Velocity yields null. */
export function javaArithmetic(operator: string, a: unknown, b: unknown, print: (value: unknown) => string): unknown {
  if (operator === '+' && (typeof a === 'string' || typeof b === 'string')) {
    return print(a) + print(b);
  }
  if (!isJavaNumber(a) || !isJavaNumber(b)) return null;
  const double = isJavaDouble(a) || isJavaDouble(b);
  const x = numberValue(a);
  const y = numberValue(b);
  let result: number;
  switch (operator) {
    case '+':
      result = x + y;
      break;
    case '-':
      result = x - y;
      break;
    case '*':
      result = x * y;
      break;
    case '/':
      if (y === 0) return null;
      result = double ? x / y : Math.trunc(x / y);
      break;
    case '%':
      if (y === 0) return null;
      result = x % y;
      break;
    default:
      return null;
  }
  if (double) return toJavaDouble(result);
  // Integers widen (int → long → BigInteger) instead of overflowing; past 2^53 only BigInt is exact.
  if (!Number.isSafeInteger(result) || !Number.isSafeInteger(x) || !Number.isSafeInteger(y)) return exactIntegerArithmetic(operator, a, b);
  return result === 0 ? 0 : result;
}

function bigIntOf(value: number | JavaNumber): bigint {
  if (typeof value === 'number') return BigInt(value);
  return /^-?\d+$/.test(value.text) ? BigInt(value.text) : BigInt(Math.trunc(value.value));
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Integer arithmetic beyond 2^53, exact, typed as Velocity 1.7's MathUtils would (Long, else BigInteger). */
function exactIntegerArithmetic(operator: string, a: number | JavaNumber, b: number | JavaNumber): unknown {
  const x = bigIntOf(a);
  const y = bigIntOf(b);
  let result: bigint;
  switch (operator) {
    case '+':
      result = x + y;
      break;
    case '-':
      result = x - y;
      break;
    case '*':
      result = x * y;
      break;
    case '/':
      result = x / y;
      break;
    default:
      result = x % y;
  }
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
