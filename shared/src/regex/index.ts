// Java regular expressions (java.util.regex) with a step budget: parser, matcher and analyses.
export * from './ast';
export * from './problems';
export { parseJavaRegex } from './parser';
export type { JavaRegexParse } from './parser';
export { JavaRegex, compileJavaRegex, getJavaRegex } from './javaRegex';
export type { JavaMatch } from './javaRegex';
export { exampleMatches } from './examples';
export { walkRegex } from './walk';
