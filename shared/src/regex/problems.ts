/** A diagnostic about a pattern, positioned in UTF-16 offsets of the pattern text (half-open). */
export interface RegexProblem {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  start: number;
  end: number;
  /**
   * Syntax errors: the index `PatternSyntaxException.getIndex()` reports. Java counts in the pattern
   * after `\Q…\E` is rewritten and by code point, so it can differ from `start`.
   */
  javaIndex?: number;
}

/** `PatternSyntaxException.getMessage()` for a syntax problem: description, index, pattern and caret. */
export function javaPatternSyntaxMessage(pattern: string, problem: RegexProblem): string {
  const index = problem.javaIndex ?? problem.start;
  let message = `${problem.message}${index >= 0 ? ` near index ${index}` : ''}\n${pattern}`;
  if (index >= 0 && index < pattern.length) {
    let pad = '';
    for (let i = 0; i < index; i++) pad += pattern[i] === '\t' ? '\t' : ' ';
    message += `\n${pad}^`;
  }
  return message;
}

/** Per-call limits for matching. */
export interface MatchOptions {
  /** Maximum number of matcher steps for one call (`matches`, `find`, `replaceAll`, …). */
  stepLimit?: number;
}

/**
 * Steps allowed per call when no limit is given. A linear pattern over a 1 MB input needs a few
 * million steps; an exponential pattern such as `(?:a|a)*?b` on 40 characters reaches this in a
 * fraction of a second.
 */
export const DEFAULT_REGEX_STEP_LIMIT = 10_000_000;

/** Thrown when a match call exceeds its step budget (catastrophic backtracking). */
export class RegexStepLimitError extends Error {
  readonly pattern: string;
  readonly stepLimit: number;
  constructor(pattern: string, stepLimit: number) {
    super(`The regular expression /${pattern}/ needed more than ${stepLimit} steps (catastrophic backtracking); Java would take very long or overflow its stack`);
    this.name = 'RegexStepLimitError';
    this.pattern = pattern;
    this.stepLimit = stepLimit;
  }
}

/**
 * An exception Java itself would throw at run time, with Java's message: a replacement string
 * naming a group that does not exist ("No group 3"), a trailing `$` or `\`, …
 */
export class JavaRegexRuntimeError extends Error {
  /** The Java exception class: `IllegalArgumentException`, `IndexOutOfBoundsException`. */
  readonly javaException: string;
  constructor(message: string, javaException = 'IllegalArgumentException') {
    super(message);
    this.name = 'JavaRegexRuntimeError';
    this.javaException = javaException;
  }
}
