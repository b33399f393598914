import { exampleMatches, getJavaRegex, parseJavaRegex, JAVA_FLAG_DOTALL, type JavaRegex, type RegexNode, type RegexProblem } from '../../regex/index';

/** Status codes an HTTP, AWS service or MOCK integration can select on (SEMANTICS 2). */
const STATUS_CODES = Array.from({ length: 500 }, (_, i) => String(100 + i));

/** What is known about one selection pattern, independent of where it is written. */
export interface PatternFacts {
  readonly problems: RegexProblem[];
  readonly regex?: JavaRegex;
  readonly ast?: RegexNode;
  /** Strings the pattern matches as a whole, shortest first. */
  readonly examples: string[];
  /** Status codes (100–599) the pattern matches. */
  readonly statusCodes: string[];
  /** `[NotFound]`-like bracket expressions: pattern offsets and the characters inside. */
  bracketWords: { start: number; end: number; inner: string }[];
  /** A final `.*`/`.+` without DOTALL, where a stack trace after the message would have to match: pattern offsets. */
  dotRuns: { start: number; end: number }[];
}

/** Studies a pattern: compiles it, finds likely slips; examples and status codes are found when first asked for. Never throws. */
export function studyPattern(pattern: string): PatternFacts {
  const parsed = parseJavaRegex(pattern);
  const compiled = getJavaRegex(pattern);
  const facts = new StudiedPattern(parsed.problems, compiled.regex, compiled.regex ? parsed.ast : undefined);
  if (!compiled.regex) return facts;
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

/** Examples and status codes cost hundreds of matches: only the integration kinds that need them pay. */
class StudiedPattern implements PatternFacts {
  readonly bracketWords: PatternFacts['bracketWords'] = [];
  readonly dotRuns: PatternFacts['dotRuns'] = [];
  private exampleList?: string[];
  private statusCodeList?: string[];

  constructor(
    readonly problems: RegexProblem[],
    readonly regex: JavaRegex | undefined,
    readonly ast: RegexNode | undefined,
  ) {}

  get examples(): string[] {
    if (this.exampleList === undefined) {
      try {
        this.exampleList = this.ast ? exampleMatches(this.ast, 8) : [];
      } catch {
        this.exampleList = [];
      }
    }
    return this.exampleList;
  }

  get statusCodes(): string[] {
    const regex = this.regex;
    this.statusCodeList ??= regex ? STATUS_CODES.filter((code) => safeMatches(regex, code)) : [];
    return this.statusCodeList;
  }
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
