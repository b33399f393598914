import type { VtlExpression, VtlName, VtlPathSegment, VtlReference } from './ast';
import { Cursor, isIdentifierStart, isWhitespace } from './cursor';
import { readCallArguments, readExpression, skipSpace } from './expressions';
import { VTL_PARSE_CODES } from './problems';

/**
 * Whether a reference starts here: `$` or `$!` followed by a letter, `_`, or `{` and a name
 * (`${`, `${}` and `${ a}` are text in Velocity 1.7; velocityjs allows the space).
 */
export function startsReference(cur: Cursor, limit: number): boolean {
  if (cur.peek() !== '$') return false;
  const afterLeader = cur.peek(1) === '!' ? 2 : 1;
  if (cur.pos + afterLeader >= limit) return false;
  const ch = cur.peek(afterLeader);
  if (ch !== '{') return isIdentifierStart(ch);
  return cur.pos + afterLeader + 1 < limit && isIdentifierStart(cur.peek(afterLeader + 1));
}

/** `(` opens an argument list only when something an argument can start with follows (velocityjs's rule). */
const CALL_OPEN = /\(\s*(?=[$'"[{\-0-9\w()!])/y;
/** `[` opens an index only when a literal (`true`/`false` too, as in 1.7), reference, list or `]` follows. */
const INDEX_OPEN = /\[\s*(?=[-$"'0-9{[\]]|(?:true|false)(?![a-zA-Z0-9_-]))/y;

/**
 * Reads a reference at `$`; the caller checked {@link startsReference}. Inside an expression
 * (`inExpression`) a `.` after the reference can only be a name still to be typed.
 */
export function readReference(cur: Cursor, limit: number, inExpression = false): VtlReference {
  const start = cur.pos;
  cur.pos++;
  const quiet = cur.peek() === '!';
  if (quiet) cur.pos++;
  const formal = cur.peek() === '{';
  if (formal) cur.pos++;
  const name = readName(cur, limit);
  if (!name.value) {
    cur.sink.report(VTL_PARSE_CODES.syntax, 'Write a variable name after `${`, e.g. `${input}`.', start, cur.pos);
  }
  const ref: VtlReference = { kind: 'reference', start, end: cur.pos, quiet, formal, name, path: [], closed: !formal };
  // `$name(…)` calls nothing in Velocity 1.7: in text the parenthesis is text, in a directive it is an
  // error. velocityjs calls `name` there; keep that reading inside directives so the tree matches.
  if (name.value && inExpression && cur.test(CALL_OPEN) && cur.pos < limit) {
    const open = cur.pos;
    ref.args = readCallArguments(cur, limit);
    cur.sink.report(VTL_PARSE_CODES.notVelocity17, `Velocity 1.7 cannot call \`$${name.value}(…)\`: call a method on it instead, e.g. \`$${name.value}.get(…)\`.`, open, open + 1);
  }
  if (name.value) readPath(cur, limit, ref, inExpression);
  if (formal) {
    const close = /\s*\}/y;
    const m = cur.match(close);
    if (m && cur.pos + m[0].length <= limit) {
      if (m[0].length > 1) {
        cur.sink.report(VTL_PARSE_CODES.notVelocity17, 'Velocity 1.7 rejects a space before the `}` of a reference: remove it.', cur.pos, cur.pos + m[0].length - 1);
      }
      cur.pos += m[0].length;
      ref.closed = true;
    } else {
      cur.sink.report(VTL_PARSE_CODES.unclosedBrace, 'Close the reference with `}`.', start, cur.pos);
    }
  } else if (cur.peek() === '.' && cur.pos < limit) {
    ref.danglingDot = { start: cur.pos, end: cur.pos + 1 };
  }
  ref.end = cur.pos;
  return ref;
}

function readName(cur: Cursor, limit: number): VtlName {
  const start = cur.pos;
  const length = cur.identifierLength();
  const value = length > 0 && start + length <= limit ? cur.text.slice(start, start + length) : '';
  cur.pos += value.length;
  return { start, end: cur.pos, value };
}

function readPath(cur: Cursor, limit: number, ref: VtlReference, inExpression: boolean): void {
  const path: VtlPathSegment[] = ref.path;
  for (;;) {
    if (cur.pos >= limit) return;
    if (inExpression && !cur.spaceSeparates && isWhitespace(cur.peek()) && continuesAfterSpace(cur, limit, ref)) continue;
    const ch = cur.peek();
    if (ch === '.' && isIdentifierStart(cur.peek(1)) && cur.pos + 1 < limit) {
      const start = cur.pos;
      cur.pos++;
      const name = readName(cur, limit);
      if (cur.test(CALL_OPEN) && cur.pos < limit) {
        const args = readCallArguments(cur, limit);
        path.push({ kind: 'method', start, end: cur.pos, name, args });
      } else {
        path.push({ kind: 'property', start, end: cur.pos, name });
      }
    } else if (ch === '.' && (ref.formal || (inExpression && cur.peek(1) !== '.'))) {
      // `${context.}` while typing: keep an empty segment so completion knows where it is.
      const start = cur.pos;
      cur.pos++;
      cur.sink.report(VTL_PARSE_CODES.syntax, 'Write a property or method name after `.`.', start, cur.pos);
      path.push({ kind: 'property', start, end: cur.pos, name: { start: cur.pos, end: cur.pos, value: '' } });
      return;
    } else if (ch === '[' && cur.test(INDEX_OPEN)) {
      path.push(readIndex(cur, limit));
    } else {
      return;
    }
  }
}

/**
 * velocityjs skips spaces inside directives, so `$a.b (1)`, `$a .b` and `$a [0]` continue the
 * reference there; Velocity 1.7 rejects them. Reads the continuation (same tree as velocityjs) and
 * reports it, or leaves the cursor alone and returns false.
 */
function continuesAfterSpace(cur: Cursor, limit: number, ref: VtlReference): boolean {
  const gapStart = cur.pos;
  while (cur.pos < limit && isWhitespace(cur.peek())) cur.pos++;
  const gapEnd = cur.pos;
  const ch = cur.peek();
  const last = ref.path[ref.path.length - 1];
  let continues = false;
  if (cur.pos < limit) {
    if (ch === '.' && isIdentifierStart(cur.peek(1))) continues = true;
    else if (ch === '[' && cur.test(INDEX_OPEN)) continues = true;
    else if (ch === '(' && cur.test(CALL_OPEN) && (last ? last.kind === 'property' : !ref.args)) {
      const args = readCallArguments(cur, limit);
      if (last && last.kind === 'property') ref.path[ref.path.length - 1] = { kind: 'method', start: last.start, end: cur.pos, name: last.name, args };
      else ref.args = args;
      continues = true;
    }
  }
  if (!continues) {
    cur.pos = gapStart;
    return false;
  }
  cur.sink.report(VTL_PARSE_CODES.notVelocity17, 'Velocity 1.7 rejects a space inside a reference: remove it.', gapStart, gapEnd);
  return true;
}

function readIndex(cur: Cursor, limit: number): VtlPathSegment {
  const start = cur.pos;
  cur.pos++;
  skipSpace(cur, limit);
  const index: VtlExpression = readExpression(cur, limit);
  skipSpace(cur, limit);
  let closed = false;
  if (cur.peek() === ']' && cur.pos < limit) {
    cur.pos++;
    closed = true;
  } else {
    cur.sink.report(VTL_PARSE_CODES.unclosedBracket, 'Close the index with `]`.', start, start + 1);
  }
  return { kind: 'index', start, end: cur.pos, index, closed };
}
