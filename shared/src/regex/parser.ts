/**
 * Java `java.util.regex.Pattern` syntax, parsed the way `Pattern.compile` reads it: the same cursor
 * movements, the same quirks (`[a&&]`, `x{2}{3}`, multi-digit back references that depend on the
 * groups opened so far) and the same error descriptions at the same index, so a pattern is accepted
 * or rejected exactly as API Gateway would. Parsing never throws: errors become problems.
 */
import {
  ClassEscape,
  ClassExpression,
  ClassUnion,
  JAVA_FLAG_CANON_EQ,
  JAVA_FLAG_CASE_INSENSITIVE,
  JAVA_FLAG_COMMENTS,
  JAVA_FLAG_DOTALL,
  JAVA_FLAG_MULTILINE,
  JAVA_FLAG_UNICODE_CASE,
  JAVA_FLAG_UNICODE_CHARACTER_CLASS,
  JAVA_FLAG_UNIX_LINES,
  QuantifierMode,
  RegexCharClass,
  RegexChar,
  RegexGroup,
  RegexNode,
} from './ast';
import { RegexProblem } from './problems';
import { isAsciiAlnum, isAsciiAlpha, isAsciiDigit, isAsciiHexDigit, isAsciiSpace, javaToLowerCase, javaToUpperCase, lookupJavaProperty } from './unicode';
import { studyLengths } from './study';

/** What `parseJavaRegex` returns: the tree (an `empty` node when the pattern is invalid) and problems. */
export interface JavaRegexParse {
  ast: RegexNode;
  problems: RegexProblem[];
  /** Number of capturing groups (Java's `groupCount()`). */
  groupCount: number;
  /** Named groups and their numbers. */
  groupNames: Record<string, number>;
  /** Where a syntax error was found, counted as Java counts (code points, after `\Q…\E` is undone). */
  javaErrorIndex?: number;
  /** Java's `hasSupplementary`: the find loop then never starts inside a surrogate pair. */
  hasSupplementary: boolean;
}

const MAX_NESTING = 400;

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly index: number,
    readonly code: string,
  ) {}
}

const ch = (s: string): number => s.charCodeAt(0);
const BACKSLASH = 0x5c;

/** Java's `RemoveQEQuoting`: rewrites `\Q…\E` into escaped characters, keeping each one's source offset. */
function removeQuoting(cps: number[], offs: number[], ends: number[]): { cps: number[]; offs: number[]; ends: number[] } {
  const length = cps.length;
  let i = 0;
  while (i < length - 1) {
    if (cps[i] !== BACKSLASH) i += 1;
    else if (cps[i + 1] !== ch('Q')) i += 2;
    else break;
  }
  if (i >= length - 1) return { cps, offs, ends };
  const outCps = cps.slice(0, i);
  const outOffs = offs.slice(0, i);
  const outEnds = ends.slice(0, i);
  let source = i;
  // Each emitted code point spans the source character it came from (the one just read).
  const emit = (c: number, at: number) => {
    outCps.push(c);
    outOffs.push(at);
    outEnds.push(ends[source]);
  };
  i += 2;
  let inQuote = true;
  let beginQuote = true;
  while (i < length) {
    source = i;
    const at = offs[i];
    const c = cps[i++];
    if (c >= 0x80 || isAsciiAlpha(c)) {
      emit(c, at);
    } else if (isAsciiDigit(c)) {
      if (beginQuote) {
        emit(BACKSLASH, at);
        emit(ch('x'), at);
        emit(ch('3'), at);
      }
      emit(c, at);
    } else if (c !== BACKSLASH) {
      if (inQuote) emit(BACKSLASH, at);
      emit(c, at);
    } else if (inQuote) {
      if (cps[i] === ch('E')) {
        i++;
        inQuote = false;
      } else {
        emit(BACKSLASH, at);
        emit(BACKSLASH, at);
      }
    } else if (cps[i] === ch('Q')) {
      i++;
      inQuote = true;
      beginQuote = true;
      continue;
    } else {
      emit(c, at);
      if (i !== length) {
        source = i;
        emit(cps[i], offs[i]);
        i++;
      }
    }
    beginQuote = false;
  }
  return { cps: outCps, offs: outOffs, ends: outEnds };
}

function isSupplementaryOrSurrogate(c: number): boolean {
  return c >= 0x10000 || (c >= 0xd800 && c <= 0xdfff);
}

class JavaPatternParser {
  private readonly temp: number[];
  private readonly offsets: number[];
  private readonly ends: number[];
  private readonly patternLength: number;
  private cursor = 0;
  private flags = 0;
  private capturingGroupCount = 1;
  private depth = 0;
  readonly namedGroups = new Map<string, number>();
  readonly warnings: RegexProblem[] = [];
  hasSupplementary = false;

  constructor(private readonly source: string) {
    let cps: number[] = [];
    let offs: number[] = [];
    let ends: number[] = [];
    for (let i = 0; i < source.length; ) {
      const c = source.codePointAt(i)!;
      if (isSupplementaryOrSurrogate(c)) this.hasSupplementary = true;
      cps.push(c);
      offs.push(i);
      i += c >= 0x10000 ? 2 : 1;
      ends.push(i);
    }
    ({ cps, offs, ends } = removeQuoting(cps, offs, ends));
    this.patternLength = cps.length;
    cps.push(0, 0);
    offs.push(source.length, source.length);
    ends.push(source.length, source.length);
    this.temp = cps;
    this.offsets = offs;
    this.ends = ends;
  }

  get groupCount(): number {
    return this.capturingGroupCount - 1;
  }

  parse(): RegexNode {
    const root = this.expr();
    if (this.patternLength !== this.cursor) {
      if (this.peek() === ch(')')) throw this.error("Unmatched closing ')'");
      // Java 17 words a trailing lone backslash this way (later versions say "Unescaped trailing backslash").
      throw this.error('Unexpected internal error');
    }
    return root;
  }

  /** UTF-16 offset in the source of the character at `index` in the rewritten pattern. */
  offsetAt(index: number): number {
    if (index <= 0) return 0;
    if (index >= this.offsets.length) return this.source.length;
    return this.offsets[index];
  }

  private error(message: string, code = 'regex-syntax'): SyntaxFailure {
    return new SyntaxFailure(message, this.cursor - 1, code);
  }

  private unsupported(message: string): SyntaxFailure {
    return new SyntaxFailure(message, this.cursor - 1, 'regex-unsupported');
  }

  // --- cursor primitives (Java's peek/read/next/skip/unread) ----------------------------------------

  /** The rewritten pattern's code points from `from` to `to` as a string. */
  private text(from: number, to: number): string {
    let out = '';
    for (let i = from; i < to && i < this.temp.length; i++) out += String.fromCodePoint(this.temp[i]);
    return out;
  }

  private at(index: number): number {
    return index < this.temp.length ? this.temp[index] : 0;
  }
  private has(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }
  private peek(): number {
    let c = this.at(this.cursor);
    if (this.has(JAVA_FLAG_COMMENTS)) c = this.peekPastWhitespace(c);
    return c;
  }
  private read(): number {
    let c = this.at(this.cursor++);
    if (this.has(JAVA_FLAG_COMMENTS)) c = this.parsePastWhitespace(c);
    return c;
  }
  private next(): number {
    let c = this.at(++this.cursor);
    if (this.has(JAVA_FLAG_COMMENTS)) c = this.peekPastWhitespace(c);
    return c;
  }
  private nextEscaped(): number {
    return this.at(++this.cursor);
  }
  private skip(): number {
    const c = this.at(this.cursor + 1);
    this.cursor += 2;
    return c;
  }
  private unread(): void {
    this.cursor--;
  }
  private peekPastWhitespace(c: number): number {
    while (isAsciiSpace(c) || c === ch('#')) {
      while (isAsciiSpace(c)) c = this.at(++this.cursor);
      if (c === ch('#')) c = this.peekPastLine();
    }
    return c;
  }
  private parsePastWhitespace(c: number): number {
    while (isAsciiSpace(c) || c === ch('#')) {
      while (isAsciiSpace(c)) c = this.at(this.cursor++);
      if (c === ch('#')) c = this.parsePastLine();
    }
    return c;
  }
  private parsePastLine(): number {
    let c = this.at(this.cursor++);
    while (c !== 0 && !this.isLineSeparator(c)) c = this.at(this.cursor++);
    if (c === 0 && this.cursor > this.patternLength) {
      this.cursor = this.patternLength;
      c = this.at(this.cursor++);
    }
    return c;
  }
  private peekPastLine(): number {
    let c = this.at(++this.cursor);
    while (c !== 0 && !this.isLineSeparator(c)) c = this.at(++this.cursor);
    if (c === 0 && this.cursor > this.patternLength) {
      this.cursor = this.patternLength;
      c = this.at(this.cursor);
    }
    return c;
  }
  private isLineSeparator(c: number): boolean {
    if (this.has(JAVA_FLAG_UNIX_LINES)) return c === 0x0a;
    return c === 0x0a || c === 0x0d || (c | 1) === 0x2029 || c === 0x85;
  }
  private accept(expected: number, message: string): void {
    let c = this.at(this.cursor++);
    if (this.has(JAVA_FLAG_COMMENTS)) c = this.parsePastWhitespace(c);
    if (c !== expected) throw this.error(message);
  }

  /** Source offsets of the code points from `startIndex` up to (not including) `endIndex`. */
  private span(startIndex: number, endIndex = this.cursor): { start: number; end: number; flags: number } {
    const start = this.offsetAt(startIndex);
    const last = Math.min(endIndex, this.ends.length) - 1;
    const end = last >= startIndex && last >= 0 ? this.ends[last] : start;
    return { start, end: Math.max(start, end), flags: this.flags };
  }

  // --- expressions ---------------------------------------------------------------------------------

  private expr(): RegexNode {
    const startIndex = this.cursor;
    const alternatives: RegexNode[] = [];
    for (;;) {
      alternatives.push(this.sequence());
      if (this.peek() !== ch('|')) break;
      this.next();
    }
    if (alternatives.length === 1) return alternatives[0];
    return { type: 'alternation', alternatives, ...this.span(startIndex) };
  }

  private sequence(): RegexNode {
    const startIndex = this.cursor;
    const items: RegexNode[] = [];
    for (;;) {
      const c = this.peek();
      const nodeStart = this.cursor;
      let node: RegexNode | RegexNode[];
      switch (c) {
        case ch('('): {
          items.push(this.group0());
          continue;
        }
        case ch('['):
          node = this.clazz(true);
          break;
        case BACKSLASH: {
          const e = this.nextEscaped();
          if (e === ch('p') || e === ch('P')) {
            node = this.propertyEscape(e === ch('P'), nodeStart);
          } else {
            this.unread();
            node = this.atom();
          }
          break;
        }
        case ch('^'):
          this.next();
          node = { type: 'assertion', kind: 'lineStart', ...this.span(nodeStart, nodeStart + 1) };
          break;
        case ch('$'):
          this.next();
          node = { type: 'assertion', kind: 'lineEnd', ...this.span(nodeStart, nodeStart + 1) };
          break;
        case ch('.'):
          this.next();
          node = { type: 'any', ...this.span(nodeStart, nodeStart + 1) };
          break;
        case ch('|'):
        case ch(')'):
          return this.finishSequence(items, startIndex);
        case ch('?'):
        case ch('*'):
        case ch('+'):
          this.next();
          throw this.error(`Dangling meta character '${String.fromCharCode(c)}'`);
        case 0:
          if (this.cursor >= this.patternLength) return this.finishSequence(items, startIndex);
          node = this.atom();
          break;
        default:
          node = this.atom();
          break;
      }
      if (Array.isArray(node)) {
        for (const item of node) items.push(item);
        continue;
      }
      items.push(this.closure(node, nodeStart));
    }
  }

  private finishSequence(items: RegexNode[], startIndex: number): RegexNode {
    if (items.length === 1) return items[0];
    if (items.length === 0) return { type: 'empty', ...this.span(startIndex, startIndex) };
    return { type: 'sequence', items, ...this.span(startIndex) };
  }

  /**
   * A run of literal characters. Returns several `char` nodes when the run is longer than one (a
   * quantifier then belongs to the next single character), or one node otherwise.
   */
  private atom(): RegexNode | RegexNode[] {
    const chars: RegexChar[] = [];
    const startIndex = this.cursor;
    let prev = -1;
    let c = this.peek();
    scan: for (;;) {
      switch (c) {
        case ch('*'):
        case ch('+'):
        case ch('?'):
        case ch('{'):
          if (chars.length > 1) {
            this.cursor = prev;
            chars.pop();
          }
          break scan;
        case ch('$'):
        case ch('.'):
        case ch('^'):
        case ch('('):
        case ch('['):
        case ch('|'):
        case ch(')'):
          break scan;
        case BACKSLASH: {
          const e = this.nextEscaped();
          if (e === ch('p') || e === ch('P')) {
            if (chars.length > 0) {
              this.unread();
              break scan;
            }
            return this.propertyEscape(e === ch('P'), this.cursor - 1);
          }
          this.unread();
          prev = this.cursor;
          const escaped = this.escape(false, false);
          if (typeof escaped === 'number') {
            chars.push({ type: 'char', codePoint: escaped, ...this.span(prev) });
            c = this.peek();
            continue;
          }
          if (chars.length === 0) return escaped;
          this.cursor = prev;
          break scan;
        }
        default:
          // A NUL code point is the end marker only past the end; inside the pattern it is a literal.
          if (c === 0 && this.cursor >= this.patternLength) break scan;
          prev = this.cursor;
          chars.push({ type: 'char', codePoint: c, ...this.span(prev, prev + 1) });
          c = this.next();
          continue;
      }
    }
    if (chars.length === 1) {
      this.noteSingleCharacter(chars[0].codePoint);
      return chars[0];
    }
    if (chars.length === 0) return { type: 'empty', ...this.span(startIndex, startIndex) };
    return chars;
  }

  /**
   * Java's `newCharProperty(single(ch))` marks the pattern as able to match supplementary
   * characters (its search then never starts on a low surrogate); a run of several literals does not.
   */
  private noteSingleCharacter(cp: number): void {
    if (isSupplementaryOrSurrogate(cp)) this.hasSupplementary = true;
    if (this.has(JAVA_FLAG_CASE_INSENSITIVE) && this.has(JAVA_FLAG_UNICODE_CASE)) {
      const upper = javaToUpperCase(cp);
      if (upper !== javaToLowerCase(upper)) this.hasSupplementary = true;
    }
  }

  /** `\p…`/`\P…` with the cursor on the `p`. */
  private propertyEscape(complement: boolean, startIndex: number): RegexNode {
    const escape = this.family(complement);
    return { type: 'classEscape', escape, ...this.span(startIndex) };
  }

  /** Java's `ref`: takes more digits only while they still name an opened group. */
  private backReference(first: number, startIndex: number): RegexNode {
    let refNum = first;
    for (;;) {
      const c = this.peek();
      if (!isAsciiDigit(c)) break;
      const candidate = refNum * 10 + (c - 0x30);
      if (this.capturingGroupCount - 1 < candidate) break;
      refNum = candidate;
      this.read();
    }
    return { type: 'backReference', group: refNum, ...this.span(startIndex) };
  }

  /**
   * Java's `escape`: a code point, or (for `\d`, `\b`, `\1`, …) the node it stands for. With the
   * cursor on the backslash.
   */
  private escape(inClass: boolean, isRange: boolean): number | RegexNode {
    const startIndex = this.cursor;
    const c = this.skip();
    const predefined = (kind: ClassEscape['kind'], negated: boolean): RegexNode => ({
      type: 'classEscape',
      escape: { kind, negated },
      ...this.span(startIndex),
    });
    const assertion = (kind: Extract<RegexNode, { type: 'assertion' }>['kind']): RegexNode => ({ type: 'assertion', kind, ...this.span(startIndex) });
    switch (String.fromCodePoint(c)) {
      case '0':
        return this.octal();
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        if (inClass) break;
        return this.backReference(c - 0x30, startIndex);
      case 'A':
        if (inClass) break;
        return assertion('inputStart');
      case 'B':
        if (inClass) break;
        return assertion('notWordBoundary');
      case 'D': return predefined('digit', true);
      case 'G':
        if (inClass) break;
        return assertion('previousMatchEnd');
      case 'H': return predefined('horizontalSpace', true);
      case 'N':
        return this.characterName();
      case 'R':
        if (inClass) break;
        return { type: 'lineBreak', ...this.span(startIndex) };
      case 'S': return predefined('space', true);
      case 'V': return predefined('verticalSpace', true);
      case 'W': return predefined('word', true);
      case 'X':
        if (inClass) break;
        throw this.unsupported('\\X (extended grapheme cluster) is not supported by this simulator');
      case 'Z':
        if (inClass) break;
        return assertion('inputEndBeforeTerminator');
      case 'a': return 0x07;
      case 'b':
        if (inClass) break;
        if (this.peek() === ch('{')) {
          if (this.skip() === ch('g')) {
            if (this.read() === ch('}')) throw this.unsupported('\\b{g} (grapheme boundary) is not supported by this simulator');
            break;
          }
          this.unread();
          this.unread();
        }
        return assertion('wordBoundary');
      case 'c': return this.control();
      case 'd': return predefined('digit', false);
      case 'e': return 0x1b;
      case 'f': return 0x0c;
      case 'h': return predefined('horizontalSpace', false);
      case 'k': {
        if (inClass) break;
        if (this.read() !== ch('<')) throw this.error("\\k is not followed by '<' for named capturing group");
        const name = this.groupName(this.read());
        const group = this.namedGroups.get(name);
        if (group === undefined) throw this.error(`named capturing group <${name}> does not exist`);
        return { type: 'backReference', group, name, ...this.span(startIndex) };
      }
      case 'n': return 0x0a;
      case 'r': return 0x0d;
      case 's': return predefined('space', false);
      case 't': return 0x09;
      case 'u': return this.unicodeEscape();
      case 'v':
        if (isRange) return 0x0b;
        return predefined('verticalSpace', false);
      case 'w': return predefined('word', false);
      case 'x': return this.hex();
      case 'z':
        if (inClass) break;
        return assertion('inputEnd');
      case 'C': case 'E': case 'F': case 'I': case 'J': case 'K': case 'L': case 'M': case 'O': case 'P': case 'Q':
      case 'T': case 'U': case 'Y': case 'g': case 'i': case 'j': case 'l': case 'm': case 'o': case 'p': case 'q': case 'y':
        break;
      default:
        return c;
    }
    throw this.error('Illegal/unsupported escape sequence');
  }

  private control(): number {
    if (this.cursor < this.patternLength) return this.read() ^ 64;
    throw this.error('Illegal control escape sequence');
  }

  private octal(): number {
    const isOctal = (d: number) => d >= 0x30 && d <= 0x37;
    const n = this.read();
    if (isOctal(n)) {
      const m = this.read();
      if (isOctal(m)) {
        const o = this.read();
        if (isOctal(o) && n <= 0x33) return (n - 0x30) * 64 + (m - 0x30) * 8 + (o - 0x30);
        this.unread();
        return (n - 0x30) * 8 + (m - 0x30);
      }
      this.unread();
      return n - 0x30;
    }
    throw this.error('Illegal octal escape sequence');
  }

  private hex(): number {
    const digit = (d: number) => (d <= 0x39 ? d - 0x30 : (d | 0x20) - 0x61 + 10);
    let n = this.read();
    if (isAsciiHexDigit(n)) {
      const m = this.read();
      if (isAsciiHexDigit(m)) return digit(n) * 16 + digit(m);
    } else if (n === ch('{') && isAsciiHexDigit(this.peek())) {
      let value = 0;
      while (isAsciiHexDigit((n = this.read()))) {
        value = value * 16 + digit(n);
        if (value > 0x10ffff) throw this.error('Hexadecimal codepoint is too big');
      }
      if (n !== ch('}')) throw this.error('Unclosed hexadecimal escape sequence');
      return value;
    }
    throw this.error('Illegal hexadecimal escape sequence');
  }

  private fourHex(): number {
    let n = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.read();
      if (!isAsciiHexDigit(c)) throw this.error('Illegal Unicode escape sequence');
      n = n * 16 + (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10);
    }
    return n;
  }

  private unicodeEscape(): number {
    const n = this.fourHex();
    if (n >= 0xd800 && n <= 0xdbff) {
      const saved = this.cursor;
      if (this.read() === BACKSLASH && this.read() === ch('u')) {
        const low = this.fourHex();
        if (low >= 0xdc00 && low <= 0xdfff) return (n - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      }
      this.cursor = saved;
    }
    return n;
  }

  private characterName(): number {
    if (this.read() === ch('{')) {
      while (this.read() !== ch('}')) {
        if (this.cursor >= this.patternLength) throw this.error('Unclosed character name escape sequence');
      }
      throw this.unsupported('\\N{name} (character by Unicode name) is not supported by this simulator; write the character or \\x{…} instead');
    }
    throw this.error('Illegal character name escape sequence');
  }

  // --- character classes -----------------------------------------------------------------------------

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw this.unsupported('The pattern nests groups or classes too deeply');
  }

  /** Java's `clazz`: `consume` is false for the right operand of `&&`, which has no brackets. */
  private clazz(consume: boolean): RegexCharClass {
    this.enter();
    const startIndex = this.cursor;
    let prev: ClassExpression | null = null;
    let curr: ClassExpression | null = null;
    const bits: ClassUnion = { type: 'classUnion', members: [], ...this.span(startIndex) };
    let hasBits = false;
    let negated = false;
    let c = this.next();
    if (c === ch('^') && this.at(this.cursor - 1) === ch('[')) {
      c = this.next();
      negated = true;
    }
    // Unions built here may grow in place (keeping long classes flat), unless another variable
    // still refers to them: Java's predicates are immutable, only the shared bit set is not.
    const grown = new Set<ClassExpression>();
    const union = (a: ClassExpression, b: ClassExpression): ClassExpression => {
      if (a.type === 'classUnion' && grown.has(a) && a !== curr) {
        a.members.push(b);
        a.start = Math.min(a.start, b.start);
        a.end = Math.max(a.end, b.end);
        return a;
      }
      const joined: ClassUnion = { type: 'classUnion', members: [a, b], start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), flags: this.flags };
      grown.add(joined);
      return joined;
    };
    for (;;) {
      switch (c) {
        case ch('['): {
          curr = this.clazz(true);
          prev = prev === null ? curr : union(prev, curr);
          c = this.peek();
          continue;
        }
        case ch('&'): {
          c = this.next();
          if (c === ch('&')) {
            c = this.next();
            let right: ClassExpression | null = null;
            while (c !== ch(']') && c !== ch('&')) {
              let operand: ClassExpression;
              if (c === ch('[')) {
                operand = this.clazz(true);
              } else {
                this.unread();
                operand = this.clazz(false);
              }
              right = right === null ? operand : union(right, operand);
              c = this.peek();
            }
            if (hasBits) {
              if (prev === null) prev = curr = bits;
              else prev = union(prev, bits);
              hasBits = false;
            }
            if (right !== null) curr = right;
            if (prev === null) {
              if (right === null) throw this.error('Bad class syntax');
              prev = right;
            } else {
              if (curr === null) curr = this.missingOperand();
              prev = { type: 'classIntersection', left: prev, right: curr, start: prev.start, end: this.span(startIndex).end, flags: this.flags };
            }
            continue;
          }
          this.unread();
          break;
        }
        case 0:
          if (this.cursor >= this.patternLength) throw this.error('Unclosed character class');
          break;
        case ch(']'):
          if (prev !== null || hasBits) {
            if (consume) this.next();
            if (prev === null) prev = bits;
            else if (hasBits) prev = union(prev, bits);
            bits.end = this.span(startIndex).end;
            this.depth--;
            return { type: 'class', negated, body: prev, ...this.span(startIndex) };
          }
          break;
        default:
          break;
      }
      curr = this.range(bits);
      if (curr === null) hasBits = true;
      else if (prev === null) prev = curr;
      else if (prev !== curr) prev = union(prev, curr);
      c = this.peek();
    }
  }

  /**
   * `&&` with nothing usable on its right (`[x[y]z&&]`): Java 17 accepts it and fails at match time
   * (later versions report "Bad intersection syntax"), so it compiles here too, with a warning.
   */
  private missingOperand(): ClassExpression {
    const at = this.offsetAt(this.cursor - 1);
    this.warnings.push({
      code: 'regex-null-intersection',
      message: "This '&&' has no right operand: Java 17 throws NullPointerException when a character reaches it (newer Java rejects the pattern: Bad intersection syntax)",
      severity: 'warning',
      start: at,
      end: at + 1,
    });
    return { type: 'classUnion', members: [], missingOperand: true, start: at, end: at, flags: this.flags };
  }

  /** Java's `bitsOrSingle`: characters below U+0100 join the shared bit set. */
  private bitsOrSingle(bits: ClassUnion, codePoint: number, startIndex: number): ClassExpression | null {
    const item: ClassExpression = { type: 'classChar', codePoint, ...this.span(startIndex) };
    const unicodeFolding = this.has(JAVA_FLAG_CASE_INSENSITIVE) && this.has(JAVA_FLAG_UNICODE_CASE);
    const special = [0xff, 0xb5, 0x49, 0x69, 0x53, 0x73, 0x4b, 0x6b, 0xc5, 0xe5];
    if (codePoint < 256 && !(unicodeFolding && special.includes(codePoint))) {
      bits.members.push(item);
      return null;
    }
    return item;
  }

  /** Java's `range`: one member of a class, a `a-z` range, an escape or a property. */
  private range(bits: ClassUnion): ClassExpression | null {
    const startIndex = this.cursor;
    let c = this.peek();
    if (c === BACKSLASH) {
      c = this.nextEscaped();
      if (c === ch('p') || c === ch('P')) {
        const escape = this.family(c === ch('P'));
        return { type: 'classEscapeItem', escape, ...this.span(startIndex) };
      }
      const isRange = this.at(this.cursor + 1) === ch('-');
      this.unread();
      const escaped = this.escape(true, isRange);
      if (typeof escaped !== 'number') {
        const escape = (escaped as Extract<RegexNode, { type: 'classEscape' }>).escape;
        return { type: 'classEscapeItem', escape, ...this.span(startIndex) };
      }
      c = escaped;
    } else {
      this.next();
    }
    if (this.peek() === ch('-')) {
      const endRange = this.at(this.cursor + 1);
      if (endRange === ch('[')) return this.bitsOrSingle(bits, c, startIndex);
      if (endRange !== ch(']')) {
        this.next();
        let m = this.peek();
        if (m === BACKSLASH) {
          const escaped = this.escape(true, true);
          m = typeof escaped === 'number' ? escaped : -1;
        } else {
          this.next();
        }
        if (m < c) throw this.error('Illegal character range');
        return { type: 'classRange', from: c, to: m, ...this.span(startIndex) };
      }
    }
    return this.bitsOrSingle(bits, c, startIndex);
  }

  /** Java's `family`, with the cursor on the `p`/`P`: `\pL`, `\p{Lu}`, `\p{IsLatin}`, `\p{sc=Greek}`. */
  private family(complement: boolean): ClassEscape {
    let c = this.next();
    let singleLetter = true;
    if (c !== ch('{')) this.unread();
    else singleLetter = false;
    this.next();
    let name: string;
    if (singleLetter) {
      name = String.fromCodePoint(this.at(this.cursor));
      this.read();
    } else {
      const i = this.cursor;
      const saved = this.temp[this.patternLength];
      this.temp[this.patternLength] = ch('}');
      while (this.read() !== ch('}')) {
        // scan to the closing brace (the sentinel stops it)
      }
      this.temp[this.patternLength] = saved;
      const j = this.cursor;
      if (j > this.patternLength) throw this.error('Unclosed character family');
      if (i + 1 >= j) throw this.error('Empty character family');
      name = this.text(i, j - 1);
    }
    const found = lookupJavaProperty(name, this.has(JAVA_FLAG_CASE_INSENSITIVE), this.has(JAVA_FLAG_UNICODE_CHARACTER_CLASS));
    if ('javaError' in found) throw this.error(found.javaError);
    if (complement) this.hasSupplementary = true;
    return { kind: 'property', negated: complement, property: name };
  }

  // --- groups ------------------------------------------------------------------------------------------

  private groupName(first: number): string {
    if (!isAsciiAlpha(first)) throw this.error('capturing group name does not start with a Latin letter');
    let name = '';
    let c = first;
    do {
      name += String.fromCharCode(c);
    } while (isAsciiAlnum((c = this.read())));
    if (c !== ch('>')) throw this.error("named capturing group is missing trailing '>'");
    return name;
  }

  /** Java's `group0`, followed by its quantifier. */
  private group0(): RegexNode {
    this.enter();
    const startIndex = this.cursor;
    const saved = this.flags;
    let c = this.next();
    let group: RegexGroup;
    const make = (kind: RegexGroup['kind'], body: RegexNode, extra: Partial<RegexGroup> = {}): RegexGroup => ({
      type: 'group',
      kind,
      body,
      ...extra,
      start: this.offsetAt(startIndex),
      end: 0,
      flags: saved,
    });
    if (c === ch('?')) {
      c = this.skip();
      switch (c) {
        case ch(':'):
          group = make('nonCapturing', this.expr());
          break;
        case ch('='):
        case ch('!'):
          group = make(c === ch('=') ? 'lookahead' : 'negativeLookahead', this.expr());
          break;
        case ch('>'):
          group = make('atomic', this.expr());
          break;
        case ch('<'): {
          c = this.read();
          if (c !== ch('=') && c !== ch('!')) {
            const name = this.groupName(c);
            if (this.namedGroups.has(name)) throw this.error(`Named capturing group <${name}> is already defined`);
            const index = this.capturingGroupCount++;
            this.namedGroups.set(name, index);
            group = make('capturing', this.expr(), { index, name });
            break;
          }
          const bodyStart = this.cursor;
          const body = this.expr();
          const info = studyLengths(body);
          if (!info.maxValid) throw this.error('Look-behind group does not have an obvious maximum length');
          let countsCodePoints = false;
          for (let i = bodyStart; i < this.patternLength; i++) if (isSupplementaryOrSurrogate(this.temp[i])) countsCodePoints = true;
          group = make(c === ch('=') ? 'lookbehind' : 'negativeLookbehind', body, {
            minLength: info.minLength,
            maxLength: info.maxLength,
            lookbehindCountsCodePoints: countsCodePoints,
          });
          break;
        }
        case ch('$'):
        case ch('@'):
          throw this.error('Unknown group type');
        default: {
          this.unread();
          const flagStart = this.cursor;
          this.addFlags();
          const flagText = this.text(flagStart, this.cursor);
          c = this.read();
          if (c === ch(')')) {
            this.depth--;
            return { type: 'flagChange', flagText, ...this.span(startIndex) };
          }
          if (c !== ch(':')) throw this.error('Unknown inline modifier');
          group = make('nonCapturing', this.expr(), { flagText });
          break;
        }
      }
    } else {
      const index = this.capturingGroupCount++;
      group = make('capturing', this.expr(), { index });
    }
    this.accept(ch(')'), 'Unclosed group');
    this.flags = saved;
    group.end = this.span(startIndex).end;
    this.depth--;
    return this.closure(group, startIndex);
  }

  private addFlags(): void {
    let c = this.peek();
    for (;;) {
      switch (c) {
        case ch('i'): this.flags |= JAVA_FLAG_CASE_INSENSITIVE; break;
        case ch('m'): this.flags |= JAVA_FLAG_MULTILINE; break;
        case ch('s'): this.flags |= JAVA_FLAG_DOTALL; break;
        case ch('d'): this.flags |= JAVA_FLAG_UNIX_LINES; break;
        case ch('u'): this.flags |= JAVA_FLAG_UNICODE_CASE; break;
        case ch('c'): this.flags |= JAVA_FLAG_CANON_EQ; this.warnCanonEq(); break;
        case ch('x'): this.flags |= JAVA_FLAG_COMMENTS; break;
        case ch('U'): this.flags |= JAVA_FLAG_UNICODE_CHARACTER_CLASS | JAVA_FLAG_UNICODE_CASE; break;
        case ch('-'):
          this.next();
          this.subtractFlags();
          return;
        default:
          return;
      }
      c = this.next();
    }
  }

  private subtractFlags(): void {
    let c = this.peek();
    for (;;) {
      switch (c) {
        case ch('i'): this.flags &= ~JAVA_FLAG_CASE_INSENSITIVE; break;
        case ch('m'): this.flags &= ~JAVA_FLAG_MULTILINE; break;
        case ch('s'): this.flags &= ~JAVA_FLAG_DOTALL; break;
        case ch('d'): this.flags &= ~JAVA_FLAG_UNIX_LINES; break;
        case ch('u'): this.flags &= ~JAVA_FLAG_UNICODE_CASE; break;
        case ch('c'): this.flags &= ~JAVA_FLAG_CANON_EQ; break;
        case ch('x'): this.flags &= ~JAVA_FLAG_COMMENTS; break;
        case ch('U'): this.flags &= ~(JAVA_FLAG_UNICODE_CHARACTER_CLASS | JAVA_FLAG_UNICODE_CASE); break;
        default:
          return;
      }
      c = this.next();
    }
  }

  private warnCanonEq(): void {
    const at = this.offsetAt(this.cursor);
    this.warnings.push({
      code: 'regex-canon-eq',
      message: 'Flag c (CANON_EQ, canonical equivalence) is not simulated: characters are compared as written',
      severity: 'warning',
      start: at,
      end: at + 1,
    });
  }

  // --- quantifiers -------------------------------------------------------------------------------------

  private quantifierMode(): QuantifierMode {
    const c = this.next();
    if (c === ch('?')) {
      this.next();
      return 'lazy';
    }
    if (c === ch('+')) {
      this.next();
      return 'possessive';
    }
    return 'greedy';
  }

  /** Java's `closure`: the quantifier after an atom, if any. */
  private closure(body: RegexNode, startIndex: number): RegexNode {
    const c = this.peek();
    let min: number;
    let max: number;
    switch (c) {
      case ch('?'): min = 0; max = 1; break;
      case ch('*'): min = 0; max = Infinity; break;
      case ch('+'): min = 1; max = Infinity; break;
      case ch('{'): {
        let d = this.skip();
        if (!isAsciiDigit(d)) throw this.error('Illegal repetition');
        min = 0;
        do {
          min = min * 10 + (d - 0x30);
          if (min > 0x7fffffff) throw this.error('Illegal repetition range');
        } while (isAsciiDigit((d = this.read())));
        if (d === ch(',')) {
          d = this.read();
          if (d === ch('}')) {
            max = Infinity;
          } else {
            max = 0;
            while (isAsciiDigit(d)) {
              max = max * 10 + (d - 0x30);
              if (max > 0x7fffffff) throw this.error('Illegal repetition range');
              d = this.read();
            }
          }
        } else {
          max = min;
        }
        if (max !== Infinity) {
          if (d !== ch('}')) throw this.error('Unclosed counted closure');
          if (max < min) throw this.error('Illegal repetition range');
        }
        this.unread();
        break;
      }
      default:
        return body;
    }
    const mode = this.quantifierMode();
    return { type: 'quantified', min, max, mode, body, ...this.span(startIndex), flags: body.flags };
  }
}

/** Parses a Java pattern. Never throws; a syntax error becomes one problem at Java's index. */
export function parseJavaRegex(pattern: string): JavaRegexParse {
  const parser = new JavaPatternParser(pattern);
  try {
    const ast = parser.parse();
    const groupNames: Record<string, number> = {};
    for (const [name, index] of parser.namedGroups) groupNames[name] = index;
    return { ast, problems: [...parser.warnings], groupCount: parser.groupCount, groupNames, hasSupplementary: parser.hasSupplementary };
  } catch (e) {
    const empty: RegexNode = { type: 'empty', start: 0, end: pattern.length, flags: 0 };
    if (e instanceof SyntaxFailure) {
      const index = Math.max(0, e.index);
      const start = Math.min(parser.offsetAt(index), pattern.length);
      const codePoint = pattern.codePointAt(start);
      const end = codePoint === undefined ? start : start + (codePoint >= 0x10000 ? 2 : 1);
      return {
        ast: empty,
        problems: [...parser.warnings, { code: e.code, message: e.message, severity: 'error', start, end, javaIndex: e.index }],
        groupCount: 0,
        groupNames: {},
        javaErrorIndex: e.index,
        hasSupplementary: false,
      };
    }
    const message = e instanceof RangeError ? 'The pattern is too deeply nested to analyse' : `Internal error while reading the pattern: ${String(e)}`;
    return { ast: empty, problems: [{ code: 'regex-internal', message, severity: 'error', start: 0, end: pattern.length }], groupCount: 0, groupNames: {}, hasSupplementary: false };
  }
}
