import { ProblemSink } from './problems';
import { readAsVelocity17, type Velocity17Reading } from './velocity17Check';

/** Shared reading state: the template text, a position and the problems found so far. */
export class Cursor {
  /** One cursor alive for good, so that its hidden class and the code optimised for it outlive each parse (see documents/jsonTree.ts, `liveNodes`). */
  private static readonly alive = new Cursor('');
  pos = 0;
  readonly sink = new ProblemSink();
  /** Nesting depth of interpolated strings and parenthesised parts, to bound recursion on hostile input. */
  depth = 0;
  /**
   * How the next text is split, following velocityjs's lexer so the lowered tree matches its parse:
   * right after a plain reference (`afterReference`) whitespace and single characters become their
   * own text pieces.
   */
  textMode: 'initial' | 'afterReference' = 'initial';
  /** Directly inside a macro call's arguments, where a space separates arguments. */
  spaceSeparates = false;
  /** Directly inside a method call's arguments, the one place Velocity 1.7 accepts `null`. */
  nullAllowed = false;

  private readonly found = new Map<string, { from: number; at: number }>();

  /** How Velocity 1.7's own lexer and grammar read the text, where only they can decide. */
  readonly velocity17: Velocity17Reading;

  constructor(readonly text: string) {
    this.velocity17 = readAsVelocity17(text);
  }

  /**
   * Whether 1.7 reads the `##` at `at` as a line comment (after some reference forms its lexer does not:
   * `$a.b##`, `$a.b[1]##`); undefined where 1.7's reading did not get that far.
   */
  lineCommentAt(at: number): boolean | undefined {
    const reading = this.velocity17;
    if (reading.readTo <= at) return undefined;
    // `$a.b###` is still a comment: the first `#` is the prefix of a `##` token.
    return !reading.hashesBeforeHash.has(at) || reading.lineComments.has(at + 1);
  }

  /**
   * `text.indexOf(needle, from)`, remembered: searches that run to the end of the text (unclosed
   * comments, long lines) would otherwise repeat for every construct and make parsing quadratic.
   */
  indexOf(needle: string, from: number): number {
    const last = this.found.get(needle);
    if (last && last.from <= from && (last.at < 0 || from <= last.at)) return last.at;
    const at = this.text.indexOf(needle, from);
    this.found.set(needle, { from, at });
    return at;
  }

  /** Where the line containing `from` ends (its `\n`), or the end of the text. */
  lineEnd(from: number): number {
    const at = this.indexOf('\n', from);
    return at < 0 ? this.text.length : at;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  startsWith(literal: string): boolean {
    return this.text.startsWith(literal, this.pos);
  }

  /** Matches a sticky regular expression at the current position without moving. */
  match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    return pattern.exec(this.text);
  }

  /** Whether a sticky regular expression matches at the current position; builds no match (templates test often). */
  test(pattern: RegExp): boolean {
    pattern.lastIndex = this.pos;
    return pattern.test(this.text);
  }

  /** The length of the identifier ({@link IDENTIFIER}) at the current position, 0 when none starts here. */
  identifierLength(): number {
    const text = this.text;
    let at = this.pos;
    if (!isIdentifierStart(text.charAt(at))) return 0;
    for (at++; at < text.length; at++) {
      const code = text.charCodeAt(at);
      const isPart = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
      if (!isPart) break;
    }
    return at - this.pos;
  }
}

/** Identifier as both Velocity 1.7 and velocityjs read it: hyphens allowed after the first character. */
export const IDENTIFIER = /[_a-zA-Z][a-zA-Z0-9_-]*/y;

export function isIdentifierStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

export function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}
