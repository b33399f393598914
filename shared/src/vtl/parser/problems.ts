import type { TemplateProblem } from '../problem';

/** Every problem code the VTL parser reports. */
export const VTL_PARSE_CODES = {
  /** `#if`/`#foreach`/`#macro`/`#define` without its `#end`. */
  unclosedBlock: 'vtl-unclosed-block',
  /** `#end` with no open block. */
  strayEnd: 'vtl-stray-end',
  /** `#else`/`#elseif` outside an `#if`, or after its `#else`. */
  elseOutsideIf: 'vtl-else-outside-if',
  unterminatedString: 'vtl-unterminated-string',
  unclosedParenthesis: 'vtl-unclosed-parenthesis',
  unclosedBracket: 'vtl-unclosed-bracket',
  unclosedBrace: 'vtl-unclosed-brace',
  /** `#include` / `#parse`: API Gateway rejects them. */
  unsupportedDirective: 'vtl-unsupported-directive',
  /** A bare `#stop`: nothing after it renders. */
  stop: 'vtl-stop',
  /** `#name(` that looks like a misspelled directive. */
  unknownDirective: 'vtl-unknown-directive',
  /** `#name(` with no `#macro(name …)` in the template. */
  unknownMacro: 'vtl-unknown-macro',
  /** `\"` inside a double-quoted string (or `\'` inside a single-quoted one). */
  escapedQuote: 'vtl-escaped-quote',
  /**
   * Syntax velocityjs reads but Velocity 1.7 (and so API Gateway) rejects: a `null` literal, a minus
   * before a non-number, `$name(…)` in a directive, spaces inside a reference, a final `$`/`#`.
   */
  notVelocity17: 'vtl-not-velocity-1.7',
  /** A name with `.name`, `.call(…)` or `[…]` right after a reference ending in `)` or `]`: 1.7 prints only the name. */
  referenceWithoutDollar: 'vtl-reference-without-dollar',
  /** A `#end` that 1.7's lexer reads as part of something else (a string argument): the blocks differ. */
  readDifferentlyBy17: 'vtl-read-differently-by-1.7',
  /** Anything else the grammar does not allow (a missing expression, a stray token). */
  syntax: 'vtl-syntax',
} as const;

export type VtlParseCode = (typeof VTL_PARSE_CODES)[keyof typeof VTL_PARSE_CODES];

/** More than this is noise in an editor, and collecting them would cost more than the parse. */
const MAX_PROBLEMS = 500;

/** Collects problems; never more than one per code and range, so recovery cannot flood the editor. */
export class ProblemSink {
  readonly problems: TemplateProblem[] = [];
  private readonly seen = new Set<string>();

  report(code: VtlParseCode, message: string, start: number, end: number, severity: TemplateProblem['severity'] = 'error'): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const key = `${code}:${start}:${end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ code, message, severity, start, end: Math.max(end, start) });
  }
}
