import type {
  VtlBinaryOperator,
  VtlCallArguments,
  VtlExpression,
  VtlList,
  VtlMap,
  VtlMapEntry,
  VtlMissing,
  VtlRange,
  VtlStringLiteral,
} from './ast';
import { Cursor, IDENTIFIER, isDigit, isIdentifierStart, isWhitespace } from './cursor';
import { VTL_PARSE_CODES } from './problems';
import { readReference, startsReference } from './references';
import { parseStatements } from './template';

/** Beyond this nesting, input is hostile or broken; stop descending instead of overflowing the stack. */
const MAX_DEPTH = 256;
/** Operators in one chain (`1 + 1 + …`); each one nests the tree a level deeper. */
const MAX_CHAIN = 1000;

/** Moves past whitespace (line breaks included: expressions may span lines). */
export function skipSpace(cur: Cursor, limit: number): void {
  while (cur.pos < limit && isWhitespace(cur.peek())) cur.pos++;
}

/** The placeholder for an expression not written yet, zero-width at `pos`. */
export function missingAt(pos: number): VtlMissing {
  return { kind: 'missing', start: pos, end: pos };
}

interface OperatorLevel {
  symbols: readonly string[];
  words: Readonly<Record<string, VtlBinaryOperator>>;
}

// Velocity 1.7's precedence, loosest first (Parser.jjt: ConditionalOrExpression … MultiplicativeExpression).
const LEVELS: readonly OperatorLevel[] = [
  { symbols: ['||'], words: { or: '||' } },
  { symbols: ['&&'], words: { and: '&&' } },
  { symbols: ['==', '!='], words: { eq: '==', ne: '!=' } },
  // Two-character symbols first, so `<` does not take the first half of `<=`.
  { symbols: ['<=', '>=', '<', '>'], words: { le: '<=', ge: '>=', lt: '<', gt: '>' } },
  { symbols: ['+', '-'], words: {} },
  { symbols: ['*', '/', '%'], words: {} },
];

const WORD = /[a-zA-Z]+(?![a-zA-Z0-9_])/y;

/** Reads a full expression (operators included); a zero-width `missing` node when none is written. */
export function readExpression(cur: Cursor, limit: number): VtlExpression {
  return readLevel(cur, limit, 0);
}

function readLevel(cur: Cursor, limit: number, level: number): VtlExpression {
  if (level >= LEVELS.length) return readUnary(cur, limit);
  let left = readLevel(cur, limit, level + 1);
  // Nothing written here: an operator after it would only pull in unrelated text.
  if (left.kind === 'missing') return left;
  for (let operators = 0; ; operators++) {
    if (operators === MAX_CHAIN) {
      // Every operator nests the tree one level deeper; beyond this the renderer's recursion would fail.
      cur.sink.report(VTL_PARSE_CODES.syntax, 'This expression is too long: split it over several #set lines.', left.start, left.end);
      return left;
    }
    const save = cur.pos;
    skipSpace(cur, limit);
    const op = readOperator(cur, limit, LEVELS[level]);
    if (!op) {
      cur.pos = save;
      return left;
    }
    skipSpace(cur, limit);
    const right = readLevel(cur, limit, level + 1);
    if (right.kind === 'missing') {
      cur.sink.report(VTL_PARSE_CODES.syntax, `Write a value after \`${op.written}\`.`, op.start, op.end);
    }
    left = { kind: 'binary', operator: op.operator, written: { start: op.start, end: op.end, value: op.written }, left, right, start: left.start, end: right.end };
  }
}

function readOperator(
  cur: Cursor,
  limit: number,
  level: OperatorLevel,
): { operator: VtlBinaryOperator; written: string; start: number; end: number } | undefined {
  const start = cur.pos;
  for (const symbol of level.symbols) {
    if (cur.startsWith(symbol) && start + symbol.length <= limit) {
      cur.pos += symbol.length;
      return { operator: symbol as VtlBinaryOperator, written: symbol, start, end: cur.pos };
    }
  }
  const m = cur.match(WORD);
  if (m && start + m[0].length <= limit && Object.hasOwn(level.words, m[0])) {
    cur.pos += m[0].length;
    return { operator: level.words[m[0]], written: m[0], start, end: cur.pos };
  }
  return undefined;
}

/** `!x`, `not x`, `-x`, or a primary. */
export function readUnary(cur: Cursor, limit: number): VtlExpression {
  const start = cur.pos;
  if (cur.depth > MAX_DEPTH) {
    cur.sink.report(VTL_PARSE_CODES.syntax, 'This expression is nested too deeply to read.', start, start + 1);
    cur.pos = limit;
    return missingAt(start);
  }
  const ch = cur.peek();
  const word = cur.match(WORD);
  const isNot = ch === '!' ? 1 : word && word[0] === 'not' ? 3 : 0;
  if ((isNot || ch === '-') && start < limit) {
    const operator = ch === '-' ? '-' : '!';
    cur.pos += isNot || 1;
    skipSpace(cur, limit);
    cur.depth++;
    const operand = readUnary(cur, limit);
    cur.depth--;
    if (operand.kind === 'missing') {
      cur.sink.report(VTL_PARSE_CODES.syntax, `Write a value after \`${cur.text.slice(start, start + (isNot || 1))}\`.`, start, start + (isNot || 1));
    } else if (operator === '-' && operand.kind !== 'number') {
      cur.sink.report(VTL_PARSE_CODES.notVelocity17, 'Velocity 1.7 allows a minus sign only before a number: write `0 - …` instead.', start, start + 1);
    }
    return { kind: 'unary', operator, operand, start, end: operand.end };
  }
  cur.depth++;
  const primary = readPrimary(cur, limit);
  cur.depth--;
  return primary;
}

function readPrimary(cur: Cursor, limit: number): VtlExpression {
  const start = cur.pos;
  if (start >= limit) return missingAt(start);
  const ch = cur.peek();
  if (ch === '$') {
    if (startsReference(cur, limit)) return readReference(cur, limit, true);
    cur.pos++;
    cur.sink.report(VTL_PARSE_CODES.syntax, 'Write a variable name after `$`.', start, cur.pos);
    return missingAt(start);
  }
  if (ch === '"' || ch === "'") return readString(cur, limit);
  if (isDigit(ch)) return readNumber(cur, limit);
  if (ch === '[') return nested(cur, () => readListOrRange(cur, limit));
  if (ch === '{') return nested(cur, () => readMap(cur, limit));
  if (ch === '(') return nested(cur, () => readParenthesized(cur, limit));
  if (isIdentifierStart(ch)) {
    const m = cur.match(IDENTIFIER)!;
    const value = m[0].slice(0, limit - start);
    const bare = /^[a-zA-Z]*/.exec(value)![0];
    // `true`, `false` and `null` end at a word boundary: `null-1` is null minus one (as velocityjs reads it).
    if (!/[0-9_]/.test(value.charAt(bare.length))) {
      if (bare === 'true' || bare === 'false') {
        cur.pos += bare.length;
        return { kind: 'boolean', value: bare === 'true', start, end: cur.pos };
      }
      if (bare === 'null') {
        cur.pos += bare.length;
        if (!cur.nullAllowed) cur.sink.report(VTL_PARSE_CODES.notVelocity17, 'Velocity 1.7 has no `null` keyword: test `#if(!$x)` or `#if("$!x" == "")` instead.', start, cur.pos);
        return { kind: 'null', start, end: cur.pos };
      }
    }
    if (isReservedWord(bare) && bare === value) return missingAt(start);
    cur.pos += value.length;
    return { kind: 'word', value, start, end: cur.pos };
  }
  return missingAt(start);
}

/** Inside brackets, spaces no longer separate macro arguments and `null` is no argument. */
function nested<T>(cur: Cursor, read: () => T, nullAllowed = false): T {
  const { spaceSeparates, nullAllowed: savedNullAllowed } = cur;
  cur.spaceSeparates = false;
  cur.nullAllowed = nullAllowed;
  try {
    return read();
  } finally {
    cur.spaceSeparates = spaceSeparates;
    cur.nullAllowed = savedNullAllowed;
  }
}

function readParenthesized(cur: Cursor, limit: number): VtlExpression {
  const start = cur.pos;
  cur.pos++;
  skipSpace(cur, limit);
  const expression = readExpression(cur, limit);
  if (expression.kind === 'missing') {
    cur.sink.report(VTL_PARSE_CODES.syntax, 'Write an expression inside `( )`.', start, start + 1);
  }
  const closed = expectClose(cur, limit, ')', start, VTL_PARSE_CODES.unclosedParenthesis, 'Close the parenthesis with `)`.');
  return { kind: 'parenthesized', expression, closed, start, end: cur.pos };
}

const RESERVED = new Set(['in', 'and', 'or', 'not', 'eq', 'ne', 'lt', 'gt', 'le', 'ge']);

function isReservedWord(word: string): boolean {
  return RESERVED.has(word);
}

/** Consumes `close` or reports the opener at `openAt` as unclosed. */
export function expectClose(
  cur: Cursor,
  limit: number,
  close: string,
  openAt: number,
  code: (typeof VTL_PARSE_CODES)[keyof typeof VTL_PARSE_CODES],
  message: string,
): boolean {
  const save = cur.pos;
  skipSpace(cur, limit);
  if (cur.pos < limit && cur.peek() === close) {
    cur.pos++;
    return true;
  }
  // Leave the whitespace (a newline, typically) to the template text that follows.
  cur.pos = save;
  cur.sink.report(code, message, openAt, openAt + 1);
  return false;
}

function readNumber(cur: Cursor, limit: number): VtlExpression {
  const start = cur.pos;
  while (cur.pos < limit && isDigit(cur.peek())) cur.pos++;
  let integer = true;
  if (cur.peek() === '.' && isDigit(cur.peek(1)) && cur.pos + 1 < limit) {
    integer = false;
    cur.pos++;
    while (cur.pos < limit && isDigit(cur.peek())) cur.pos++;
  }
  // 1.7's FLOATING_POINT_LITERAL takes an exponent (`1.0E10`, `2E-3`), which makes the literal a Double.
  const exponentSign = cur.peek(1) === '+' || cur.peek(1) === '-' ? 1 : 0;
  const exponentDigitAt = cur.pos + 1 + exponentSign;
  if ((cur.peek() === 'e' || cur.peek() === 'E') && exponentDigitAt < limit && isDigit(cur.text.charAt(exponentDigitAt))) {
    integer = false;
    cur.pos = exponentDigitAt;
    while (cur.pos < limit && isDigit(cur.peek())) cur.pos++;
  }
  return { kind: 'number', raw: cur.text.slice(start, cur.pos), integer, start, end: cur.pos };
}

/**
 * A quoted string. Strings may span lines (Velocity 1.7 and velocityjs agree), but while typing an
 * unclosed quote would swallow the template: a closing quote on a later line counts only when an
 * expression can continue after it; otherwise the string is unterminated at the end of its line.
 * See {@link scanString} for the quotes inside.
 */
export function readString(cur: Cursor, limit: number): VtlStringLiteral {
  const start = cur.pos;
  const quote = cur.peek() as '"' | "'";
  const text = cur.text;
  let i = scanString(text, start, limit, quote);
  let closed = i < limit && text.charAt(i) === quote;
  const firstLineEnd = Math.min(cur.lineEnd(start), limit);
  if (closed && i > firstLineEnd && !continuesExpression(text, i + 1, limit)) {
    closed = false;
    i = firstLineEnd;
  } else if (!closed) {
    i = Math.min(i, firstLineEnd);
  }
  const raw = text.slice(start + 1, i);
  const escaped = `\\${quote}`;
  for (let j = raw.indexOf(escaped); j >= 0; j = raw.indexOf(escaped, j + 2)) {
    cur.sink.report(
      VTL_PARSE_CODES.escapedQuote,
      `Velocity 1.7 rejects \`${escaped}\` inside ${quote === '"' ? 'double' : 'single'} quotes: write \`${quote}${quote}\` for the quote, or use the other kind of quotes around the string.`,
      start + 1 + j,
      start + 3 + j,
    );
  }
  if (!closed) {
    cur.sink.report(VTL_PARSE_CODES.unterminatedString, `Close the string with \`${quote}\`.`, start, i);
  }
  const node: VtlStringLiteral = { kind: 'string', quote, raw, closed, start, end: closed ? i + 1 : i };
  if (quote === '"' && (raw.includes('$') || raw.includes('#'))) {
    cur.pos = start + 1;
    cur.depth++;
    node.parts = cur.depth > MAX_DEPTH ? [] : parseStatements(cur, i);
    cur.depth--;
  }
  cur.pos = node.end;
  return node;
}

/**
 * Index of the closing quote, or `limit` when there is none. A doubled quote (`"a""b"`) is Velocity
 * 1.7's way to write the quote itself; `\"` does not close either (velocityjs reads it as a quote).
 * A backslash pair never escapes the quote after it (`"\\"` and `'\\'` are closed strings).
 */
function scanString(text: string, start: number, limit: number, quote: string): number {
  for (let i = start + 1; i < limit; i++) {
    const c = text.charAt(i);
    if (c === '\\' && (text.charAt(i + 1) === quote || text.charAt(i + 1) === '\\') && i + 1 < limit) i++;
    else if (c === quote && text.charAt(i + 1) === quote && i + 1 < limit) i++;
    else if (c === quote) return i;
  }
  return limit;
}

const CONTINUATION = /[ \t\r\n]*([),\]}:+\-*\/%=!<>&|.]|$)/y;

function continuesExpression(text: string, from: number, limit: number): boolean {
  CONTINUATION.lastIndex = from;
  const m = CONTINUATION.exec(text);
  return m !== null && from + m[0].length <= Math.max(limit, from);
}

function readListOrRange(cur: Cursor, limit: number): VtlList | VtlRange {
  const start = cur.pos;
  cur.pos++;
  skipSpace(cur, limit);
  if (cur.peek() === ']' && cur.pos < limit) {
    cur.pos++;
    return { kind: 'list', items: [], closed: true, start, end: cur.pos };
  }
  const first = readExpression(cur, limit);
  skipSpace(cur, limit);
  if (cur.startsWith('..') && cur.pos + 2 <= limit) {
    cur.pos += 2;
    skipSpace(cur, limit);
    const to = readExpression(cur, limit);
    if (to.kind === 'missing') cur.sink.report(VTL_PARSE_CODES.syntax, 'Write the end of the range after `..`.', to.start - 2, to.start);
    const closed = expectClose(cur, limit, ']', start, VTL_PARSE_CODES.unclosedBracket, 'Close the range with `]`.');
    return { kind: 'range', from: first, to, closed, start, end: cur.pos };
  }
  const items = [first];
  const closed = readSeparated(cur, limit, items, ']', start, VTL_PARSE_CODES.unclosedBracket, 'Close the list with `]`.');
  return { kind: 'list', items, closed, start, end: cur.pos };
}

/** After a first item: `, item`* then the closer. Returns whether the closer was found. */
function readSeparated(
  cur: Cursor,
  limit: number,
  items: VtlExpression[],
  close: string,
  openAt: number,
  code: (typeof VTL_PARSE_CODES)[keyof typeof VTL_PARSE_CODES],
  message: string,
): boolean {
  if (items.length && items[items.length - 1].kind === 'missing' && cur.peek() !== close) {
    return expectClose(cur, limit, close, openAt, code, message);
  }
  for (;;) {
    const save = cur.pos;
    skipSpace(cur, limit);
    if (cur.peek() !== ',' || cur.pos >= limit) {
      cur.pos = save;
      break;
    }
    const comma = cur.pos;
    cur.pos++;
    skipSpace(cur, limit);
    const item = readExpression(cur, limit);
    if (item.kind === 'missing') {
      cur.sink.report(VTL_PARSE_CODES.syntax, 'Write a value after `,`.', comma, comma + 1);
      break;
    }
    items.push(item);
  }
  return expectClose(cur, limit, close, openAt, code, message);
}

function readMap(cur: Cursor, limit: number): VtlMap {
  const start = cur.pos;
  cur.pos++;
  const entries: VtlMapEntry[] = [];
  skipSpace(cur, limit);
  if (cur.peek() === '}' && cur.pos < limit) {
    cur.pos++;
    return { kind: 'map', entries, closed: true, start, end: cur.pos };
  }
  for (;;) {
    skipSpace(cur, limit);
    const key = readExpression(cur, limit);
    if (key.kind === 'missing') break;
    skipSpace(cur, limit);
    let value: VtlExpression;
    if (cur.peek() === ':' && cur.pos < limit) {
      cur.pos++;
      skipSpace(cur, limit);
      value = readExpression(cur, limit);
      if (value.kind === 'missing') cur.sink.report(VTL_PARSE_CODES.syntax, 'Write a value after `:`.', value.start - 1, value.start);
    } else {
      cur.sink.report(VTL_PARSE_CODES.syntax, 'Write `:` and a value after the map key.', key.start, key.end);
      value = missingAt(cur.pos);
    }
    entries.push({ kind: 'entry', key, value, start: key.start, end: value.end });
    const save = cur.pos;
    skipSpace(cur, limit);
    if (cur.peek() !== ',' || cur.pos >= limit) {
      cur.pos = save;
      break;
    }
    cur.pos++;
  }
  const closed = expectClose(cur, limit, '}', start, VTL_PARSE_CODES.unclosedBrace, 'Close the map with `}`.');
  return { kind: 'map', entries, closed, start, end: cur.pos };
}

/** `( a, b )` of a method call; the cursor is at `(`. */
export function readCallArguments(cur: Cursor, limit: number): VtlCallArguments {
  return nested(cur, () => readCallArgumentList(cur, limit), true);
}

function readCallArgumentList(cur: Cursor, limit: number): VtlCallArguments {
  const start = cur.pos;
  cur.pos++;
  skipSpace(cur, limit);
  const items: VtlExpression[] = [];
  if (cur.peek() === ')' && cur.pos < limit) {
    cur.pos++;
    return { items, closed: true, start, end: cur.pos };
  }
  const first = readExpression(cur, limit);
  if (first.kind !== 'missing') items.push(first);
  const closed = readSeparated(cur, limit, items, ')', start, VTL_PARSE_CODES.unclosedParenthesis, 'Close the argument list with `)`.');
  return { items, closed, start, end: cur.pos };
}

/** `( a b, c )` of a macro call: arguments separated by spaces or commas. */
export function readMacroArguments(cur: Cursor, limit: number): VtlCallArguments {
  const start = cur.pos;
  cur.pos++;
  const items: VtlExpression[] = [];
  for (;;) {
    const save = cur.pos;
    skipSpace(cur, limit);
    if (cur.peek() === ',' && cur.pos < limit) {
      cur.pos++;
      continue;
    }
    cur.spaceSeparates = true;
    const item = readUnary(cur, limit);
    cur.spaceSeparates = false;
    if (item.kind === 'missing') {
      cur.pos = save;
      break;
    }
    items.push(item);
  }
  const closed = expectClose(cur, limit, ')', start, VTL_PARSE_CODES.unclosedParenthesis, 'Close the argument list with `)`.');
  return { items, closed, start, end: cur.pos };
}
