// Java regular expressions (java.util.regex, as Java 17 behaves) for selection patterns and the
// String methods templates call: a parser that reports Java's own syntax errors with offsets, a
// backtracking matcher under a step budget, Java's replacement and split rules, and helpers for
// analysing patterns (tree walker, example matches).
export * from './ast';
export * from './problems';
export { parseJavaRegex } from './parser';
export type { JavaRegexParse } from './parser';
export { JavaRegex, compileJavaRegex, getJavaRegex } from './javaRegex';
export type { JavaMatch } from './javaRegex';
export { exampleMatches } from './examples';
export { walkRegex } from './walk';
