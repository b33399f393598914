// Java regular expressions for the String methods templates call (`matches`, `replaceAll`,
// `replaceFirst`, `split`), through the project's java.util.regex engine (shared/src/regex), which runs
// every match under a step budget. Its outcomes become what Velocity would make of them: a bad pattern
// or replacement is a Java exception (500 on API Gateway), a runaway match stops the render.
import { getJavaRegex, JavaRegexRuntimeError, RegexStepLimitError, type JavaRegex } from '../../regex/index';
import { JavaException } from './javaException';
import { RenderStop } from './limits';

/** The compiled pattern; throws `JavaException` (PatternSyntaxException) when Java would. */
export function javaPattern(pattern: string): JavaRegex {
  const compiled = getJavaRegex(pattern);
  if (!compiled.regex) {
    const problem = compiled.problems.find((p) => p.severity === 'error');
    throw new JavaException('java.util.regex.PatternSyntaxException', `${problem?.message ?? 'invalid pattern'} near index ${problem?.start ?? 0}\n${pattern}`);
  }
  return compiled.regex;
}

/** Runs one regex operation, turning the engine's errors into Velocity's outcomes. */
export function runJavaRegex<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof RegexStepLimitError) throw new RenderStop('vtl-regex-step-limit', error.message);
    if (error instanceof JavaRegexRuntimeError) throw new JavaException(`java.lang.${error.javaException}`, error.message);
    throw error;
  }
}
