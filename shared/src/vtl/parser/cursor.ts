import { ProblemSink } from './problems';

/** Shared reading state: the template text, a position and the problems found so far. */
export class Cursor {
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

  constructor(readonly text: string) {}

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
