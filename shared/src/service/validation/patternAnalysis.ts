import { exampleMatches, getJavaRegex, parseJavaRegex, JAVA_FLAG_DOTALL, type JavaRegex, type RegexNode, type RegexProblem } from '../../regex/index';

/** Status codes an HTTP, AWS service or MOCK integration can select on (SEMANTICS 2). */
const STATUS_CODES = Array.from({ length: 500 }, (_, i) => String(100 + i));

/** What is known about one selection pattern, independent of where it is written. */
export interface PatternFacts {
  problems: RegexProblem[];
  regex?: JavaRegex;
  ast?: RegexNode;
  /** Strings the pattern matches as a whole, shortest first. */
  examples: string[];
  /** Status codes (100–599) the pattern matches. */
  statusCodes: string[];
  /** `[NotFound]`-like bracket expressions: pattern offsets and the characters inside. */
  bracketWords: { start: number; end: number; inner: string }[];
  /** A final `.*`/`.+` without DOTALL, where a stack trace after the message would have to match: pattern offsets. */
  dotRuns: { start: number; end: number }[];
}

/** Studies a pattern: compiles it, lists examples and status codes it matches, finds likely slips. Never throws. */
export function studyPattern(pattern: string): PatternFacts {
  const parsed = parseJavaRegex(pattern);
  const compiled = getJavaRegex(pattern);
  const facts: PatternFacts = { problems: parsed.problems, examples: [], statusCodes: [], bracketWords: [], dotRuns: [] };
  if (!compiled.regex) return facts;
  facts.regex = compiled.regex;
  facts.ast = parsed.ast;
  try {
    facts.examples = exampleMatches(parsed.ast, 8);
  } catch {
    facts.examples = [];
  }
  facts.statusCodes = STATUS_CODES.filter((code) => safeMatches(compiled.regex!, code));
  visitRegex(parsed.ast, (node) => {
    if (node.type === 'class' && !node.negated) {
      const inner = pattern.slice(node.start + 1, node.end - 1);
      if (looksLikeBracketedWord(inner)) facts.bracketWords.push({ start: node.start, end: node.end, inner });
    } else if (node.type === 'quantified' && node.end === pattern.length && node.max === Infinity && node.body.type === 'any' && (node.body.flags & JAVA_FLAG_DOTALL) === 0) {
      facts.dotRuns.push({ start: node.start, end: node.end });
    }
  });
  return facts;
}

/** Whether a whole-string match succeeds; a pattern that gives up counts as no match. */
export function safeMatches(regex: JavaRegex, input: string): boolean {
  try {
    return regex.matches(input, { stepLimit: 100_000 });
  } catch {
    return false;
  }
}

/**
 * A bracket expression that reads like a word or a status code put in brackets (`[NotFound]`,
 * `[Bad Request]`, `[400]`): a repeated character, or three or more digits, never mean a set.
 */
function looksLikeBracketedWord(inner: string): boolean {
  if (!/^[A-Za-z0-9 _]+$/.test(inner) || inner.length < 3) return false;
  if (/^\d+$/.test(inner)) return true;
  return new Set(inner).size < inner.length;
}

function visitRegex(root: RegexNode, visit: (node: RegexNode) => void): void {
  const stack: RegexNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    visit(node);
    switch (node.type) {
      case 'sequence':
        stack.push(...node.items);
        break;
      case 'alternation':
        stack.push(...node.alternatives);
        break;
      case 'group':
      case 'quantified':
        stack.push(node.body);
        break;
      default:
        break;
    }
  }
}
