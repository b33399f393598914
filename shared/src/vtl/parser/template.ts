import type {
  VtlDirectiveHead,
  VtlEscape,
  VtlExpression,
  VtlIf,
  VtlIfBranch,
  VtlName,
  VtlReference,
  VtlSet,
  VtlStatement,
} from './ast';
import { Cursor, IDENTIFIER, isIdentifierStart } from './cursor';
import { expectClose, missingAt, readExpression, readMacroArguments, skipSpace } from './expressions';
import { VTL_PARSE_CODES } from './problems';
import { readReference, startsReference } from './references';

/** A `#end`, `#else` or `#elseif` met while reading a body; the enclosing block decides what it means. */
interface Closer {
  keyword: 'end' | 'else' | 'elseif';
  head: VtlDirectiveHead;
  condition?: VtlExpression;
  start: number;
  end: number;
}

interface BodyResult {
  body: VtlStatement[];
  closer?: Closer;
}

/** Parses `[cur.pos, limit)` as template statements; unclosed blocks and stray closers become problems. */
export function parseStatements(cur: Cursor, limit: number): VtlStatement[] {
  const savedMode = cur.textMode;
  cur.textMode = 'initial';
  const statements: VtlStatement[] = [];
  for (;;) {
    const { body, closer } = readBody(cur, limit);
    append(statements, body);
    if (!closer) break;
    statements.push(strayCloser(cur, closer));
  }
  cur.textMode = savedMode;
  return statements;
}

/** `push(...items)` fails on very long bodies (too many arguments). */
function append(target: VtlStatement[], items: VtlStatement[]): void {
  for (const item of items) target.push(item);
}

function strayCloser(cur: Cursor, closer: Closer): VtlStatement {
  if (closer.keyword === 'end') {
    cur.sink.report(VTL_PARSE_CODES.strayEnd, 'This `#end` closes no block: remove it, or add the `#if`/`#foreach` it should close.', closer.start, closer.end);
  } else {
    cur.sink.report(VTL_PARSE_CODES.elseOutsideIf, `\`#${closer.keyword}\` belongs inside an \`#if … #end\` block: move it there or remove it.`, closer.start, closer.end);
  }
  return { kind: 'stray', keyword: closer.keyword, head: closer.head, condition: closer.condition, start: closer.start, end: closer.end };
}

const SPECIAL = /[$#]/g;
/** Deeper block nesting is not real template code; stopping keeps the parser off the stack limit. */
const MAX_BLOCK_DEPTH = 400;
const REFERENCE_START = /!?\{?[a-zA-Z_]/y;
const ESCAPABLE_WORD = /(\{)?([a-zA-Z_][a-zA-Z0-9_]*)(\})?/y;
const ESCAPABLE_DIRECTIVES = new Set(['set', 'if', 'elseif', 'else', 'end', 'foreach', 'break', 'stop', 'macro', 'define', 'evaluate', 'include', 'parse']);
const MACRO_DEFINITION = /#\{?macro\}?[ \t\r\n]*\([ \t\r\n]*([a-zA-Z_][a-zA-Z0-9_-]*)/g;

/**
 * Whether the backslashes before the `$` or `#` at `at` are escapes in Velocity 1.7's lexer: only
 * before a reference (`\$a`, `\$!{a}`) or a directive or macro name (`\#if`, `\#{end}`, `\#mymacro`).
 * Anywhere else (`\$ `, `\#a`, `\#setx`, `\#if@`, `\## comment`, `$\$a`) they are plain text.
 */
function backslashesEscape(text: string, at: number, backslashes: number, limit: number): boolean {
  if (text.charCodeAt(at) === 36) {
    REFERENCE_START.lastIndex = at + 1;
    const start = REFERENCE_START.exec(text);
    return !!start && at + 1 + start[0].length <= limit;
  }
  ESCAPABLE_WORD.lastIndex = at + 1;
  const word = ESCAPABLE_WORD.exec(text);
  if (!word || at + 1 + (word[1] ? word[0].length : word[2].length) > limit) return false;
  if (word[1] ? !word[3] : text.charAt(at + 1 + word[2].length) === '@') return false;
  // 1.7's `#set` token takes no backslashes: pairs before it stay as written (`\\#set(…)` prints `\\`).
  if (word[2] === 'set' && backslashes % 2 === 0) return false;
  return ESCAPABLE_DIRECTIVES.has(word[2]) || macroNamesIn(text).has(word[2]);
}

/**
 * After a `$` or `#` printed as text (`$\\$a`, `#\\$a`), 1.7's lexer is inside that token already: the
 * backslashes are text and what follows is read as if they were not there.
 */
function afterTextDollarOrHash(body: VtlStatement[], at: number): boolean {
  const last = body[body.length - 1];
  if (last?.kind !== 'text' || last.end !== at) return false;
  const ch = last.value.charAt(last.value.length - 1);
  return ch === '$' || ch === '#';
}

/**
 * The end of the escaped reference whose `$` is at `at`, when its text holds a `$`, `#` or backslash
 * (`\$a.b($c)`), which the plain text reading would stop at; otherwise -1. Reads without reporting.
 */
function escapedReferenceEnd(cur: Cursor, at: number, limit: number): number {
  const saved = cur.pos;
  cur.pos = at;
  let end = -1;
  if (startsReference(cur, limit)) {
    const reported = cur.sink.problems.length;
    end = readReference(cur, limit).end;
    cur.sink.problems.length = reported;
    if (!/[$#\\]/.test(cur.text.slice(at + 1, end))) end = -1;
  }
  cur.pos = saved;
  return end;
}

let macroNamesFor: { text: string; names: Set<string> } | undefined;

/** Names of the macros the template defines (1.7 absorbs the backslash of `\#name` for them too). */
function macroNamesIn(text: string): Set<string> {
  if (macroNamesFor?.text !== text) {
    const names = new Set<string>();
    for (const m of text.matchAll(MACRO_DEFINITION)) names.add(m[1]);
    macroNamesFor = { text, names };
  }
  return macroNamesFor.names;
}

function readBody(cur: Cursor, limit: number): BodyResult {
  const body: VtlStatement[] = [];
  const text = cur.text;
  while (cur.pos < limit) {
    if (cur.textMode === 'initial') {
      SPECIAL.lastIndex = cur.pos;
      const found = SPECIAL.exec(text);
      const k = found && found.index < limit ? found.index : -1;
      const bare = bareReferenceWithin(cur, cur.pos, k < 0 ? limit : k);
      if (bare !== undefined) {
        // 1.7's lexer is still after a reference here (across a `#set`, say): the name starts a reference.
        pushText(body, cur.pos, bare, text.slice(cur.pos, bare));
        cur.pos = bare;
        cur.textMode = 'afterReference';
        continue;
      }
      if (k < 0) {
        pushText(body, cur.pos, limit, text.slice(cur.pos, limit));
        cur.pos = limit;
        break;
      }
      const chunkStart = cur.pos;
      let backslashes = 0;
      while (k - backslashes - 1 >= chunkStart && text.charCodeAt(k - backslashes - 1) === 92) backslashes++;
      const unprintedEnd = backslashes ? cur.velocity17.unprintedRuns.get(k - backslashes) : undefined;
      if (unprintedEnd !== undefined && unprintedEnd <= limit) {
        // Backslashes that begin 1.7's token with the `$` after them (`\$#if`): none of it prints.
        pushText(body, chunkStart, k - backslashes, text.slice(chunkStart, k - backslashes));
        cur.pos = unprintedEnd;
        continue;
      }
      let value = text.slice(chunkStart, k);
      const escapes = text.charCodeAt(k) === 36 ? !afterTextDollarOrHash(body, k - backslashes) : true;
      if (backslashes && escapes && backslashesEscape(text, k, backslashes, limit)) {
        // Each pair prints one backslash; an odd one out escapes the `$` or `#`.
        value = value.slice(0, value.length - backslashes) + '\\'.repeat(backslashes >> 1);
        if (backslashes % 2 === 1) {
          pushText(body, chunkStart, k - 1, value);
          const escape: VtlEscape = { kind: 'escape', char: text.charAt(k) as '$' | '#', start: k - 1, end: k + 1 };
          body.push(escape);
          cur.pos = k + 1;
          const escapedEnd = text.charCodeAt(k) === 36 ? escapedReferenceEnd(cur, k, limit) : -1;
          if (escapedEnd > 0) {
            // The escaped reference is still read as one (`\$a.b($c, '$.x')`): its text, arguments included.
            pushText(body, k + 1, escapedEnd, text.slice(k + 1, escapedEnd));
            cur.pos = escapedEnd;
          }
          continue;
        }
      }
      pushText(body, chunkStart, k, value);
      cur.pos = k;
    }
    const ch = cur.peek();
    if (ch === '$') {
      readDollar(cur, limit, body);
      continue;
    }
    if (ch === '#') {
      const closer = readHash(cur, limit, body);
      if (closer) return { body, closer };
      continue;
    }
    if (ch === '\\' && escapesNext(cur, limit)) {
      // Velocity 1.7 escapes `\$`/`\#` right after a reference too (velocityjs prints the backslash).
      cur.textMode = 'initial';
      continue;
    }
    readAfterReference(cur, limit, body);
  }
  return { body };
}

/** The first reference without `$` (see Velocity17Reading.bareReferences) that starts in [from, to). */
function bareReferenceWithin(cur: Cursor, from: number, to: number): number | undefined {
  const references = cur.velocity17.bareReferences;
  if (references.size === 0) return undefined;
  let starts = sortedBareStarts.get(references);
  if (!starts) sortedBareStarts.set(references, (starts = [...references.keys()].sort((a, b) => a - b)));
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] < from) low = middle + 1;
    else high = middle;
  }
  return low < starts.length && starts[low] < to ? starts[low] : undefined;
}

const sortedBareStarts = new WeakMap<Map<number, unknown>, number[]>();

/** Whether the backslashes at the cursor run up to a `$` or `#`. */
function escapesNext(cur: Cursor, limit: number): boolean {
  let i = cur.pos;
  while (i < limit && cur.text.charCodeAt(i) === 92) i++;
  const next = cur.text.charAt(i);
  return i < limit && (next === '$' || next === '#');
}

function pushText(body: VtlStatement[], start: number, end: number, value: string): void {
  if (value) body.push({ kind: 'text', value, start, end });
}

const SPACE_THEN_BRACE = /\s*\}/y;
const WHITESPACE_RUN = /\s+/y;

/** Right after a plain reference: velocityjs emits the next piece of text on its own. */
function readAfterReference(cur: Cursor, limit: number, body: VtlStatement[]): void {
  const start = cur.pos;
  const bare = cur.velocity17.bareReferences.get(start);
  if (bare && bare.end <= limit) {
    // A reference without `$` (`$a.b()x[1]`): 1.7 prints its name and nothing of the rest.
    const name = cur.text.slice(start, bare.nameEnd);
    cur.sink.report(
      VTL_PARSE_CODES.referenceWithoutDollar,
      `Velocity 1.7 reads \`${cur.text.slice(start, bare.end)}\` right after a reference as a reference without \`$\` and prints only \`${name}\`: put a space or \`\${…}\` before it to keep it as text.`,
      start,
      bare.end,
      'warning',
    );
    body.push({ kind: 'text', value: name, start, end: bare.end });
    cur.pos = bare.end;
    cur.textMode = cur.velocity17.bareReferences.has(cur.pos) ? 'afterReference' : 'initial';
    return;
  }
  const brace = cur.match(SPACE_THEN_BRACE);
  if (brace && start + brace[0].length <= limit) {
    cur.pos += brace[0].length;
    cur.textMode = 'initial';
  } else if (isIdentifierStart(cur.peek())) {
    const m = cur.match(IDENTIFIER)!;
    cur.pos = Math.min(limit, start + m[0].length);
  } else {
    // velocityjs tries "any one character" before "whitespace run": only a line break starts a run.
    const ws = isLineBreak(cur.peek()) ? cur.match(WHITESPACE_RUN) : null;
    cur.pos = ws ? Math.min(limit, start + ws[0].length) : start + 1;
    cur.textMode = 'initial';
  }
  pushText(body, start, cur.pos, cur.text.slice(start, cur.pos));
}

function isLineBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029';
}

/**
 * Steps over characters 1.7 reads but prints nothing for, when a run of them starts here (see
 * Velocity17Reading.unprintedRuns: the `$` of `$#if`, the `#` of `#\\`); whether it did.
 */
function skipUnprinted(cur: Cursor, limit: number): boolean {
  const end = cur.velocity17.unprintedRuns.get(cur.pos);
  if (end === undefined || end > limit) return false;
  cur.pos = end;
  cur.textMode = 'initial';
  return true;
}

function readDollar(cur: Cursor, limit: number, body: VtlStatement[]): void {
  if (skipUnprinted(cur, limit)) return;
  if (startsReference(cur, limit)) {
    const ref = readReference(cur, limit);
    body.push(ref);
    cur.textMode = ref.formal && ref.closed ? 'initial' : 'afterReference';
    return;
  }
  // A `$!` that starts no reference prints its `$` only in 1.7 (`$! x` prints `$ x`).
  const end = cur.velocity17.droppedBangs.has(cur.pos + 1) && cur.pos + 2 <= limit ? cur.pos + 2 : cur.pos + 1;
  pushText(body, cur.pos, end, '$');
  cur.pos = end;
  cur.textMode = 'initial';
}

/**
 * Directive names velocityjs lexes, in its rule order; each needs a non-word character after it.
 * Velocity 1.7 (unlike velocityjs) also reads a name followed by `@` as text (`#end@`, `#if@`).
 */
const PAREN_DIRECTIVE = /(set|if|elseif|foreach|define|macro)[ ]*(?=[^a-zA-Z0-9_@])/y;
const WORD_DIRECTIVE = /(else|end|break|stop)(?![a-zA-Z0-9_@])/y;
const FORMAL_DIRECTIVE = /\{([a-zA-Z]+)\}/y;
const STOP_CALL = /stop[ ]*\(/y;
/** velocityjs opens a call's arguments only when an argument (or `)`) can follow. */
const CALL_OPEN = /\(\s*(?=[$'"[{\-0-9\w()!])/y;
// 1.7's directive names have no `-`: `#b-(` is `#b` and text.
const MACRO_CALL = /([_a-zA-Z][a-zA-Z0-9_]*)[ ]*(?=\()/y;

type DirectiveName = 'set' | 'if' | 'elseif' | 'foreach' | 'define' | 'macro' | 'else' | 'end' | 'break' | 'stop';
const KNOWN_DIRECTIVES = new Set<string>(['set', 'if', 'elseif', 'foreach', 'define', 'macro', 'else', 'end', 'break', 'stop']);

function readHash(
  cur: Cursor,
  limit: number,
  body: VtlStatement[],
): Closer | undefined {
  const start = cur.pos;
  const text = cur.text;
  const returnMode = cur.textMode;
  if (skipUnprinted(cur, limit)) return undefined;
  const escapedEnd = cur.velocity17.escapedDirectiveEnds.get(start) ?? cur.velocity17.literalDirectiveEnds.get(start);
  if (escapedEnd !== undefined && escapedEnd <= limit) {
    // `\#name` with a name 1.7 does not know (the backslash stays): still its escaped-directive token, so
    // text; so is a directive whose name 1.7 takes with a `$` before it (`$#m()`).
    pushText(body, start, escapedEnd, text.slice(start, escapedEnd));
    cur.pos = escapedEnd;
    cur.textMode = 'initial';
    return undefined;
  }
  if (cur.startsWith('##') && cur.lineCommentAt(start) === false) {
    // 1.7's lexer is still in a reference's state (`$a.b##`, `$a.b[1]##`): its `#` ends that state and
    // starts a directive, so the first `#` is text and the second starts afresh.
    pushText(body, start, start + 1, '#');
    cur.pos = start + 1;
    cur.textMode = 'initial';
    return undefined;
  }
  if (cur.startsWith('##')) {
    const end = Math.min(cur.lineEnd(start), limit);
    body.push({ kind: 'comment', block: false, value: text.slice(start, end), start, end });
    cur.pos = end;
    cur.textMode = 'initial';
    return undefined;
  }
  if (cur.startsWith('#*')) {
    const close = cur.indexOf('*#', start + 3);
    if (close >= 0 && close + 2 <= limit) {
      body.push({ kind: 'comment', block: true, value: text.slice(start, close + 2), start, end: close + 2 });
      cur.pos = close + 2;
      cur.textMode = 'initial';
      return undefined;
    }
    // Unterminated: velocityjs prints it as text, and so does the rest of the template render.
    cur.sink.report(VTL_PARSE_CODES.syntax, 'Close the comment with `*#`.', start, start + 2);
  }
  if (cur.startsWith('#[[')) {
    const close = cur.indexOf(']]#', start + 3);
    if (close >= 0 && close + 3 <= limit) {
      const contentFrom = cur.velocity17.textBlockContentFrom.get(start) ?? start + 3;
      body.push({ kind: 'unparsed', content: text.slice(contentFrom, close), start, end: close + 3 });
      cur.pos = close + 3;
      cur.textMode = 'initial';
      return undefined;
    }
    cur.sink.report(VTL_PARSE_CODES.syntax, 'Close the unparsed block with `]]#`.', start, start + 3);
  }
  if (cur.startsWith('#@') && readBlockCall(cur, limit, body)) return undefined;
  cur.pos = start + 1;
  let name: DirectiveName | undefined;
  let formal = false;
  let nameEnd = 0;
  let callName: string | undefined;
  const formalMatch = cur.match(FORMAL_DIRECTIVE);
  if (formalMatch && start + 1 + formalMatch[0].length <= limit) {
    formal = true;
    nameEnd = start + 1 + formalMatch[0].length;
    if (KNOWN_DIRECTIVES.has(formalMatch[1])) name = formalMatch[1] as DirectiveName;
    else if (text.charAt(nameEnd) === '(') callName = formalMatch[1];
  } else {
    const paren = cur.match(PAREN_DIRECTIVE);
    // `#stop()` is velocityjs's macro-style stop; only the bare word is the directive.
    const word = paren || cur.test(STOP_CALL) ? null : cur.match(WORD_DIRECTIVE);
    const m = paren ?? word;
    if (m && start + 1 + m[1].length <= limit) {
      name = m[1] as DirectiveName;
      nameEnd = start + 1 + m[0].length;
    } else {
      const call = cur.match(MACRO_CALL);
      if (call && start + 1 + call[0].length < limit) {
        nameEnd = start + 1 + call[0].length;
        cur.pos = nameEnd;
        if (cur.test(CALL_OPEN)) {
          callName = call[1];
        } else {
          // `#name(` with nothing an argument can start with: text, as velocityjs reads it; 1.7 fails on it.
          cur.sink.report(VTL_PARSE_CODES.syntax, `\`#${call[1]}(\` starts a macro call in Velocity 1.7: write its arguments and close it with \`)\`.`, start, nameEnd + 1);
          pushText(body, start, nameEnd + 1, text.slice(start, nameEnd + 1));
          cur.pos = nameEnd + 1;
          return undefined;
        }
      }
    }
  }
  if (!name && !callName) {
    if (!readBareMacroCall(cur, limit, body, start)) readHashAsText(cur, limit, body, start);
    return undefined;
  }
  const headName: VtlName = {
    start: start + 1 + (formal ? 1 : 0),
    end: start + 1 + (formal ? 1 : 0) + (name ?? callName!).length,
    value: name ?? callName!,
  };
  const head: VtlDirectiveHead = { name: headName, formal, start, end: nameEnd };
  cur.pos = nameEnd;
  if (callName) {
    const args = readMacroArguments(cur, limit);
    head.end = cur.pos;
    body.push({ kind: 'call', head, args, start, end: cur.pos });
    cur.textMode = 'initial';
    return undefined;
  }
  switch (name!) {
    case 'else':
    case 'end':
      // Whether it closes something is decided by the enclosing block (see readIfBlock, readBlockBody).
      cur.textMode = returnMode;
      return { keyword: name!, head, start, end: cur.pos };
    case 'break':
    case 'stop':
      cur.textMode = returnMode;
      body.push({ kind: name!, head, parenthesised: false, start, end: cur.pos });
      if (name === 'stop') {
        cur.sink.report(VTL_PARSE_CODES.stop, 'Nothing after `#stop` is rendered: remove it unless that is intended.', start, cur.pos, 'warning');
      }
      return undefined;
    default:
      return readParenDirective(cur, limit, body, name!, head);
  }
}

/** `#@name(args) … #end`; false (cursor unmoved) when no call follows the `#@`. */
function readBlockCall(cur: Cursor, limit: number, body: VtlStatement[]): boolean {
  const start = cur.pos;
  cur.pos = start + 2;
  const call = cur.match(MACRO_CALL);
  const nameEnd = call ? start + 2 + call[0].length : 0;
  if (!call || nameEnd >= limit) {
    cur.pos = start;
    return false;
  }
  cur.pos = nameEnd;
  if (!cur.test(CALL_OPEN)) {
    cur.pos = start;
    return false;
  }
  const head: VtlDirectiveHead = { name: { start: start + 2, end: start + 2 + call[1].length, value: call[1] }, formal: false, start, end: nameEnd };
  const args = readMacroArguments(cur, limit);
  head.end = cur.pos;
  cur.textMode = 'initial';
  const { body: callBody, endDirective, end } = readBlockBody(cur, limit, head, `@${call[1]}`);
  body.push({ kind: 'call', head, args, body: callBody, endDirective, start, end });
  return true;
}

/** A `#` that starts no directive: text, split the way velocityjs splits it. */
const BARE_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;

/** `#name` or `#{name}` without parentheses, where the template defines the macro `name`: 1.7 calls it. */
function readBareMacroCall(cur: Cursor, limit: number, body: VtlStatement[], start: number): boolean {
  const formal = cur.text.charAt(start + 1) === '{';
  const pattern = formal ? FORMAL_DIRECTIVE : BARE_NAME;
  pattern.lastIndex = start + 1;
  const m = pattern.exec(cur.text);
  if (!m) return false;
  const name = formal ? m[1] : m[0];
  const end = start + 1 + m[0].length;
  if (end > limit || !macroNamesIn(cur.text).has(name)) return false;
  const nameStart = start + 1 + (formal ? 1 : 0);
  const head: VtlDirectiveHead = { name: { start: nameStart, end: nameStart + name.length, value: name }, formal, start, end };
  body.push({ kind: 'call', head, args: { items: [], closed: true, start: end, end }, bare: true, start, end });
  cur.pos = end;
  cur.textMode = 'initial';
  return true;
}

function readHashAsText(cur: Cursor, limit: number, body: VtlStatement[], start: number): void {
  const next = cur.text.charAt(start + 1);
  let end = start + 1;
  if (cur.textMode === 'afterReference') {
    const ws = /\s+/y;
    ws.lastIndex = start + 1;
    const m = isLineBreak(next) ? ws.exec(cur.text) : null;
    end = m ? start + 1 + m[0].length : start + 2;
  } else if (isIdentifierStart(next) || next === '{') {
    end = start + 2;
  }
  end = Math.min(end, limit);
  pushText(body, start, end, cur.text.slice(start, end));
  cur.pos = end;
}

function readParenDirective(
  cur: Cursor,
  limit: number,
  body: VtlStatement[],
  name: 'set' | 'if' | 'elseif' | 'foreach' | 'define' | 'macro',
  head: VtlDirectiveHead,
): Closer | undefined {
  const start = head.start;
  cur.textMode = 'initial';
  const open = cur.pos;
  const hasParen = cur.peek() === '(' && open < limit;
  if (hasParen) {
    cur.pos++;
    skipSpace(cur, limit);
  } else if (name === 'set') {
    // 1.7 reads `#set` as the directive only with its `(`; without, it is text (`#set x` prints as written).
    cur.sink.report(VTL_PARSE_CODES.syntax, 'Velocity prints `#set` as text here: write `(` after it to set a variable.', start, cur.pos, 'warning');
    pushText(body, start, cur.pos, cur.text.slice(start, cur.pos));
    return undefined;
  } else {
    cur.sink.report(VTL_PARSE_CODES.syntax, `Write \`(\` after \`#${name}\`.`, start, cur.pos);
  }
  if (cur.depth > MAX_BLOCK_DEPTH) {
    cur.sink.report(VTL_PARSE_CODES.syntax, 'Blocks are nested too deeply to read; the rest of the template is shown as text.', start, cur.pos);
    pushText(body, start, limit, cur.text.slice(start, limit));
    cur.pos = limit;
    return undefined;
  }
  const finishHead = (): void => {
    if (hasParen) closeDirective(cur, limit, open);
    head.end = cur.pos;
  };
  switch (name) {
    case 'set': {
      const target = hasParen ? readTargetReference(cur, limit, 'Write the variable to set, e.g. `#set($name = …)`.') : undefined;
      let value: VtlExpression = missingAt(cur.pos);
      if (hasParen) {
        skipSpace(cur, limit);
        if (cur.peek() === '=' && cur.pos < limit) {
          cur.pos++;
          skipSpace(cur, limit);
          value = readExpression(cur, limit);
          if (value.kind === 'missing') cur.sink.report(VTL_PARSE_CODES.syntax, 'Write a value after `=`.', value.start - 1, value.start);
        } else if (target) {
          cur.sink.report(VTL_PARSE_CODES.syntax, 'Write `=` and a value after the variable.', target.start, target.end);
        }
      }
      finishHead();
      const set: VtlSet = { kind: 'set', head, target, value, start, end: cur.pos };
      const takesFrom = cur.velocity17.setTakesFrom.get(start);
      if (takesFrom !== undefined) set.takesFrom = takesFrom;
      body.push(set);
      return undefined;
    }
    case 'if':
    case 'elseif': {
      let condition: VtlExpression = missingAt(cur.pos);
      if (hasParen) {
        condition = readExpression(cur, limit);
        if (condition.kind === 'missing') cur.sink.report(VTL_PARSE_CODES.syntax, `Write a condition inside \`#${name}( )\`.`, open, open + 1);
      }
      finishHead();
      if (name === 'elseif') return { keyword: 'elseif', head, condition, start, end: cur.pos };
      cur.depth++;
      body.push(readIfBlock(cur, limit, head, condition));
      cur.depth--;
      return undefined;
    }
    case 'foreach': {
      let variable: VtlReference | undefined;
      let iterable: VtlExpression = missingAt(cur.pos);
      if (hasParen) {
        variable = readTargetReference(cur, limit, 'Write the loop variable, e.g. `#foreach($item in $list)`.');
        skipSpace(cur, limit);
        const inWord = /in(?![a-zA-Z0-9_])/y;
        if (cur.test(inWord) && cur.pos + 2 <= limit) {
          cur.pos += 2;
          skipSpace(cur, limit);
          iterable = readExpression(cur, limit);
          if (iterable.kind === 'missing') cur.sink.report(VTL_PARSE_CODES.syntax, 'Write what to loop over after `in`.', iterable.start - 2, iterable.start);
        } else if (variable) {
          cur.sink.report(VTL_PARSE_CODES.syntax, 'Write `in` and a list after the loop variable.', variable.start, variable.end);
        }
      }
      finishHead();
      const { body: loopBody, endDirective, end } = readBlockBody(cur, limit, head, 'foreach');
      body.push({ kind: 'foreach', head, variable, iterable, body: loopBody, endDirective, start, end });
      return undefined;
    }
    case 'define': {
      const target = hasParen ? readTargetReference(cur, limit, 'Write the variable to define, e.g. `#define($block)`.') : undefined;
      finishHead();
      const { body: defineBody, endDirective, end } = readBlockBody(cur, limit, head, 'define');
      body.push({ kind: 'define', head, target, body: defineBody, endDirective, start, end });
      return undefined;
    }
    case 'macro': {
      let macroName: VtlName | undefined;
      const params: VtlReference[] = [];
      if (hasParen) {
        const m = cur.match(IDENTIFIER);
        if (m && cur.pos + m[0].length <= limit) {
          macroName = { start: cur.pos, end: cur.pos + m[0].length, value: m[0] };
          cur.pos += m[0].length;
        } else {
          cur.sink.report(VTL_PARSE_CODES.syntax, 'Write the macro name, e.g. `#macro(name $param)`.', open, open + 1);
        }
        for (;;) {
          skipSpace(cur, limit);
          if (cur.peek() === ',' && cur.pos < limit) {
            cur.pos++;
            continue;
          }
          if (!startsReference(cur, limit)) break;
          params.push(readReference(cur, limit));
        }
      }
      finishHead();
      const { body: macroBody, endDirective, end } = readBlockBody(cur, limit, head, 'macro');
      body.push({ kind: 'macro', head, macroName, params, body: macroBody, endDirective, start, end });
      return undefined;
    }
  }
}

function readTargetReference(cur: Cursor, limit: number, message: string): VtlReference | undefined {
  skipSpace(cur, limit);
  if (startsReference(cur, limit)) return readReference(cur, limit);
  cur.sink.report(VTL_PARSE_CODES.syntax, message, cur.pos, Math.min(limit, cur.pos + 1));
  return undefined;
}

/** The `)` ending a directive's parenthesised part; stray text before it on the same line is skipped. */
function closeDirective(cur: Cursor, limit: number, open: number): void {
  const save = cur.pos;
  skipSpace(cur, limit);
  if (cur.peek() === ')' && cur.pos < limit) {
    cur.pos++;
    return;
  }
  cur.pos = save;
  const lineEnd = Math.min(cur.lineEnd(cur.pos), limit);
  const close = cur.indexOf(')', cur.pos);
  if (close >= 0 && close < lineEnd && cur.pos < limit) {
    cur.sink.report(VTL_PARSE_CODES.syntax, 'Unexpected text here: remove it, or join it to the expression with an operator.', cur.pos, close);
    cur.pos = close + 1;
    return;
  }
  expectClose(cur, limit, ')', open, VTL_PARSE_CODES.unclosedParenthesis, 'Close the directive with `)`.');
}

function readIfBlock(cur: Cursor, limit: number, head: VtlDirectiveHead, condition: VtlExpression): VtlIf {
  const node: VtlIf = { kind: 'if', branches: [], start: head.start, end: head.end };
  let branch: VtlIfBranch = { kind: 'branch', keyword: 'if', head, condition, body: [], start: head.start, end: head.end };
  node.branches.push(branch);
  for (;;) {
    const { body, closer } = readBody(cur, limit);
    branch.body = body;
    branch.end = closer ? closer.start : cur.pos;
    if (!closer) {
      reportUnclosed(cur, head, 'if');
      break;
    }
    if (closer.keyword === 'end') {
      node.endDirective = { start: closer.start, end: closer.end };
      break;
    }
    if (branch.keyword === 'else') {
      cur.sink.report(VTL_PARSE_CODES.elseOutsideIf, `\`#${closer.keyword}\` after \`#else\` is never reached: move it before the \`#else\`.`, closer.start, closer.end);
    }
    branch = { kind: 'branch', keyword: closer.keyword, head: closer.head, condition: closer.condition, body: [], start: closer.start, end: closer.end };
    node.branches.push(branch);
  }
  node.end = cur.pos;
  return node;
}

function readBlockBody(
  cur: Cursor,
  limit: number,
  head: VtlDirectiveHead,
  name: string,
): { body: VtlStatement[]; endDirective?: { start: number; end: number }; end: number } {
  const body: VtlStatement[] = [];
  cur.depth++;
  try {
    return readBlockBodyItems(cur, limit, head, name, body);
  } finally {
    cur.depth--;
  }
}

function readBlockBodyItems(
  cur: Cursor,
  limit: number,
  head: VtlDirectiveHead,
  name: string,
  body: VtlStatement[],
): { body: VtlStatement[]; endDirective?: { start: number; end: number }; end: number } {
  for (;;) {
    const result = readBody(cur, limit);
    append(body, result.body);
    const closer = result.closer;
    if (!closer) {
      reportUnclosed(cur, head, name);
      return { body, end: cur.pos };
    }
    if (closer.keyword === 'end') return { body, endDirective: { start: closer.start, end: closer.end }, end: cur.pos };
    body.push(strayCloser(cur, closer));
  }
}

function reportUnclosed(cur: Cursor, head: VtlDirectiveHead, name: string): void {
  cur.sink.report(VTL_PARSE_CODES.unclosedBlock, `This \`#${name}\` has no \`#end\`: add \`#end\` where the block should stop.`, head.start, head.end);
}

