/**
 * The syntax tree of a Java pattern. Every node carries `start`/`end`: UTF-16 offsets in the pattern
 * text as written (before `\Q…\E` quoting is undone), half-open. `flags` holds the match flags in
 * force where the node was written (inline `(?i)` etc.), as `JAVA_FLAG_*` bits.
 */

export const JAVA_FLAG_UNIX_LINES = 0x01;
export const JAVA_FLAG_CASE_INSENSITIVE = 0x02;
export const JAVA_FLAG_COMMENTS = 0x04;
export const JAVA_FLAG_MULTILINE = 0x08;
export const JAVA_FLAG_DOTALL = 0x20;
export const JAVA_FLAG_UNICODE_CASE = 0x40;
export const JAVA_FLAG_CANON_EQ = 0x80;
export const JAVA_FLAG_UNICODE_CHARACTER_CLASS = 0x100;

interface RegexNodeBase {
  start: number;
  end: number;
  flags: number;
}

/** Matches the empty string (an empty pattern or an empty alternative). */
export interface RegexEmpty extends RegexNodeBase {
  type: 'empty';
}

export interface RegexSequence extends RegexNodeBase {
  type: 'sequence';
  items: RegexNode[];
}

export interface RegexAlternation extends RegexNodeBase {
  type: 'alternation';
  alternatives: RegexNode[];
}

/** One literal code point, written plainly or as an escape (`\t`, `\x41`, `\Q…\E` content, `\.`). */
export interface RegexChar extends RegexNodeBase {
  type: 'char';
  codePoint: number;
}

/** `.`: which line terminators it excludes depends on `flags` (DOTALL, UNIX_LINES). */
export interface RegexAnyChar extends RegexNodeBase {
  type: 'any';
}

/** A bracket expression `[…]`. */
export interface RegexCharClass extends RegexNodeBase {
  type: 'class';
  negated: boolean;
  body: ClassExpression;
}

/** A predefined class or property outside brackets: `\d`, `\W`, `\p{Lu}`, `\P{InGreek}`, `\h`. */
export interface RegexClassEscape extends RegexNodeBase {
  type: 'classEscape';
  escape: ClassEscape;
}

export type AssertionKind =
  | 'lineStart' // ^
  | 'lineEnd' // $
  | 'inputStart' // \A
  | 'inputEnd' // \z
  | 'inputEndBeforeTerminator' // \Z
  | 'previousMatchEnd' // \G
  | 'wordBoundary' // \b
  | 'notWordBoundary'; // \B

export interface RegexAssertion extends RegexNodeBase {
  type: 'assertion';
  kind: AssertionKind;
}

/** `\R`: any line break, `\r\n` preferred. */
export interface RegexLineBreak extends RegexNodeBase {
  type: 'lineBreak';
}

export type GroupKind =
  | 'capturing'
  | 'nonCapturing'
  | 'lookahead'
  | 'negativeLookahead'
  | 'lookbehind'
  | 'negativeLookbehind'
  | 'atomic';

export interface RegexGroup extends RegexNodeBase {
  type: 'group';
  kind: GroupKind;
  /** Capturing groups: the group number (1-based). */
  index?: number;
  name?: string;
  body: RegexNode;
  /** Inline flags of a `(?i:…)` group, as written. */
  flagText?: string;
  /** Look-behind only: the shortest and longest text the body can match (Java requires a bound). */
  minLength?: number;
  maxLength?: number;
  /** Look-behind only: Java steps back by code points (not UTF-16 units) when the pattern has astral characters. */
  lookbehindCountsCodePoints?: boolean;
}

/** `(?i)`, `(?-s)`: changes the flags of what follows in the enclosing group. Matches empty. */
export interface RegexFlagChange extends RegexNodeBase {
  type: 'flagChange';
  flagText: string;
}

export type QuantifierMode = 'greedy' | 'lazy' | 'possessive';

export interface RegexQuantified extends RegexNodeBase {
  type: 'quantified';
  min: number;
  /** `Infinity` for `*`, `+`, `{n,}`. */
  max: number;
  mode: QuantifierMode;
  body: RegexNode;
}

export interface RegexBackReference extends RegexNodeBase {
  type: 'backReference';
  group: number;
  name?: string;
}

export type RegexNode =
  | RegexEmpty
  | RegexSequence
  | RegexAlternation
  | RegexChar
  | RegexAnyChar
  | RegexCharClass
  | RegexClassEscape
  | RegexAssertion
  | RegexLineBreak
  | RegexGroup
  | RegexFlagChange
  | RegexQuantified
  | RegexBackReference;

/** A predefined class or a Unicode/POSIX property. */
export interface ClassEscape {
  /**
   * `digit`, `space`, `word`, `horizontalSpace`, `verticalSpace` for `\d \s \w \h \v`;
   * `property` for `\p{…}`.
   */
  kind: 'digit' | 'space' | 'word' | 'horizontalSpace' | 'verticalSpace' | 'property';
  negated: boolean;
  /** The property name as written (`Lu`, `IsLatin`, `InGreek`, `javaLowerCase`, `sc=Greek`). */
  property?: string;
}

interface ClassExpressionBase {
  start: number;
  end: number;
  flags: number;
}

export interface ClassCharItem extends ClassExpressionBase {
  type: 'classChar';
  codePoint: number;
}

export interface ClassRangeItem extends ClassExpressionBase {
  type: 'classRange';
  from: number;
  to: number;
}

export interface ClassEscapeItem extends ClassExpressionBase {
  type: 'classEscapeItem';
  escape: ClassEscape;
}

/** Members joined by union. Java collects plain characters below U+0100 in one such node. */
export interface ClassUnion extends ClassExpressionBase {
  type: 'classUnion';
  members: ClassExpression[];
  /**
   * Stands for the missing right operand of `[x[y]z&&]`: Java 17 compiles it with a null operand
   * and throws NullPointerException when a character reaches it.
   */
  missingOperand?: true;
}

/** `left&&right`. */
export interface ClassIntersection extends ClassExpressionBase {
  type: 'classIntersection';
  left: ClassExpression;
  right: ClassExpression;
}

export type ClassExpression =
  | ClassCharItem
  | ClassRangeItem
  | ClassEscapeItem
  | ClassUnion
  | ClassIntersection
  | RegexCharClass;
