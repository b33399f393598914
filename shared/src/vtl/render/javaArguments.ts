// How a Java method's parameters take a template's arguments, as 1.7's introspection matches them: a
// parameter accepts only the classes Java would pass to it (no conversion from text or between number
// classes beyond Java's widening), so an overload that does not fit is no method at all.
import { JavaException } from './javaException';
import { bigIntOf, isJavaInt, numberKind } from './javaMath';
import { isJavaNumber, numberValue } from './javaValues';

/** Thrown by a parameter that does not take the argument: the call finds no method (null). */
export class WrongArguments extends Error {}

/** Requires one of the argument counts. */
export function arity(args: unknown[], ...counts: number[]): void {
  if (!counts.includes(args.length)) throw new WrongArguments();
}

/** A `String` parameter. Java passes null to it, and the method then dereferences it. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) throw new JavaException('java.lang.NullPointerException', 'a String argument is null');
  throw new WrongArguments();
}

/** An `int` parameter takes an Integer only: 1.7 finds no method for a Long, even a small one. */
export function int(value: unknown): number {
  if (isJavaInt(value)) return value;
  throw new WrongArguments();
}

/** A `long` parameter: an Integer or a Long. */
export function long(value: unknown): bigint {
  if (isJavaNumber(value) && (numberKind(value) === 'Integer' || numberKind(value) === 'Long')) return bigIntOf(value);
  throw new WrongArguments();
}

/** A `double` parameter: an Integer, Long, Float or Double (not a BigInteger or BigDecimal). */
export function double(value: unknown): number {
  if (isJavaNumber(value) && numberKind(value) !== 'BigInteger' && numberKind(value) !== 'BigDecimal') return numberValue(value);
  throw new WrongArguments();
}

/** A `boolean` parameter. */
export function bool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw new WrongArguments();
}

/** A `compareTo(Object)` bridge method: any other class than the receiver's fails its cast. */
export function classCastError(value: unknown, target: string): JavaException {
  return new JavaException('java.lang.ClassCastException', `${javaClassName(value)} cannot be cast to ${target}`);
}

function javaClassName(value: unknown): string {
  if (typeof value === 'string') return 'java.lang.String';
  if (isJavaNumber(value)) return `java.lang.${numberKind(value)}`;
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  return 'java.lang.Object';
}
