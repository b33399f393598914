/** Turns the syntax tree into the matcher's program, choosing the Java node each construct becomes. */
import {
  JAVA_FLAG_CASE_INSENSITIVE,
  JAVA_FLAG_MULTILINE,
  JAVA_FLAG_UNICODE_CASE,
  JAVA_FLAG_UNICODE_CHARACTER_CLASS,
  JAVA_FLAG_UNIX_LINES,
  RegexNode,
} from './ast';
import {
  has,
  isAsciiCaseVariant,
  isBmpClass,
  isBmpEscape,
  literalPredicate,
  singleCharacterPredicate,
  withAsciiTable,
} from './predicates';
import { AssertKind, Instruction, LAZY_LOOP, Op, Program, RepeatMode } from './program';
import { isDeterministicBody, isSingleCharacterAtom, studyLengths } from './study';
import { CodePointPredicate, asciiToLower, asciiToUpper, javaToLowerCase, javaToUpperCase } from './unicode';

interface Context {
  /** Inside the body of a quantified group or a look-behind: Java keeps no failure memo there. */
  memoForbidden: boolean;
}

class ProgramBuilder {
  readonly code: Instruction[] = [];
  localCount = 0;
  memoCount = 0;
  readonly recursiveLoops: { start: number; end: number }[] = [];
  skipsLowSurrogates: boolean;

  constructor(
    private readonly memoAllowed: boolean,
    hasSupplementary: boolean,
  ) {
    this.skipsLowSurrogates = hasSupplementary;
  }

  emit(op: Op, fields: Partial<Omit<Instruction, 'op'>> = {}): number {
    this.code.push({ op, a: 0, b: 0, c: 0, d: 0, e: -1, f: 0, g: -1, test: null, text: '', ...fields });
    return this.code.length - 1;
  }

  get pc(): number {
    return this.code.length;
  }

  newLocal(): number {
    return this.localCount++;
  }

  compile(node: RegexNode, ctx: Context): void {
    switch (node.type) {
      case 'empty':
      case 'flagChange':
        return;
      case 'sequence':
        this.compileSequence(node.items, ctx);
        return;
      case 'alternation':
        this.compileAlternatives(node.alternatives, ctx);
        return;
      case 'char':
        this.compileChar(node.codePoint, node.flags);
        return;
      case 'any':
      case 'class':
      case 'classEscape':
        this.noteSupplementary(node);
        this.emit(Op.Set, { test: withAsciiTable(singleCharacterPredicate(node)!) });
        return;
      case 'assertion':
        this.emit(Op.Assert, { a: assertKind(node), b: has(node.flags, JAVA_FLAG_UNICODE_CHARACTER_CLASS) ? 1 : 0 });
        return;
      case 'lineBreak':
        this.emit(Op.LineBreak);
        return;
      case 'backReference': {
        const ci = has(node.flags, JAVA_FLAG_CASE_INSENSITIVE) ? (has(node.flags, JAVA_FLAG_UNICODE_CASE) ? 2 : 1) : 0;
        this.emit(Op.BackReference, { a: node.group, b: ci });
        return;
      }
      case 'group':
        this.compileGroup(node, ctx);
        return;
      case 'quantified':
        this.compileQuantified(node, ctx);
        return;
    }
  }

  /**
   * Java's search loop stops starting inside surrogate pairs once the pattern has a character node
   * whose predicate is not a `BmpCharPredicate` (negations, Unicode properties, case-folded ranges);
   * literal astral characters are noted by the parser.
   */
  private noteSupplementary(node: RegexNode): void {
    if (node.type === 'class' && !isBmpClass(node)) this.skipsLowSurrogates = true;
    if (node.type === 'classEscape' && !isBmpEscape(node.escape, node.flags)) this.skipsLowSurrogates = true;
  }

  private compileChar(cp: number, flags: number): void {
    if (has(flags, JAVA_FLAG_CASE_INSENSITIVE)) {
      if (has(flags, JAVA_FLAG_UNICODE_CASE)) {
        const upper = javaToUpperCase(cp);
        if (upper !== javaToLowerCase(upper)) {
          this.emit(Op.Set, { test: literalPredicate(cp, flags) });
          return;
        }
      } else if (cp < 128 && isAsciiCaseVariant(cp)) {
        this.emit(Op.CharAsciiFold, { a: asciiToLower(cp), b: asciiToUpper(cp) });
        return;
      }
    }
    if (cp >= 0xd800 && (cp <= 0xdfff || cp >= 0x10000)) this.emit(Op.CharCodePoint, { a: cp });
    else this.emit(Op.Char, { a: cp });
  }

  private compileSequence(items: RegexNode[], ctx: Context): void {
    let i = 0;
    while (i < items.length) {
      let text = '';
      let j = i;
      while (j < items.length && isPlainUnit(items[j])) {
        text += String.fromCharCode((items[j] as { codePoint: number }).codePoint);
        j++;
      }
      if (j - i >= 2) {
        this.emit(Op.Text, { text });
        i = j;
        continue;
      }
      this.compile(items[i], ctx);
      i++;
    }
  }

  private compileAlternatives(alternatives: (RegexNode | null)[], ctx: Context): void {
    const jumps: number[] = [];
    for (let k = 0; k < alternatives.length; k++) {
      const alternative = alternatives[k];
      if (k < alternatives.length - 1) {
        const split = this.emit(Op.Split);
        this.code[split].a = this.pc;
        if (alternative) this.compile(alternative, ctx);
        jumps.push(this.emit(Op.Jump));
        this.code[split].b = this.pc;
      } else if (alternative) {
        this.compile(alternative, ctx);
      }
    }
    for (const jump of jumps) this.code[jump].a = this.pc;
  }

  private compileGroup(node: Extract<RegexNode, { type: 'group' }>, ctx: Context): void {
    switch (node.kind) {
      case 'capturing': {
        const local = this.newLocal();
        this.emit(Op.GroupOpen, { a: node.index!, b: local });
        this.compile(node.body, ctx);
        this.emit(Op.GroupClose, { a: node.index!, b: local });
        return;
      }
      case 'nonCapturing':
        this.compile(node.body, ctx);
        return;
      case 'lookahead':
      case 'negativeLookahead': {
        const at = this.emit(Op.LookAhead, { b: node.kind === 'negativeLookahead' ? 1 : 0 });
        this.compile(node.body, ctx);
        this.emit(Op.SubEnd);
        this.code[at].d = this.pc;
        return;
      }
      case 'lookbehind':
      case 'negativeLookbehind': {
        const endLocal = this.newLocal();
        const at = this.emit(Op.LookBehind, {
          a: node.minLength ?? 0,
          b: node.kind === 'negativeLookbehind' ? 1 : 0,
          c: node.maxLength ?? 0,
          e: endLocal,
          f: node.lookbehindCountsCodePoints ? 1 : 0,
        });
        this.compile(node.body, { memoForbidden: true });
        this.emit(Op.SubEnd, { e: endLocal });
        this.code[at].d = this.pc;
        return;
      }
      case 'atomic': {
        const at = this.emit(Op.Atomic);
        this.compile(node.body, ctx);
        this.emit(Op.SubEnd);
        this.code[at].d = this.pc;
        return;
      }
    }
  }

  private compileQuantified(node: Extract<RegexNode, { type: 'quantified' }>, ctx: Context): void {
    const { min, body } = node;
    const max = node.max === Infinity ? Number.MAX_SAFE_INTEGER : node.max;
    const mode = node.mode === 'greedy' ? RepeatMode.Greedy : node.mode === 'lazy' ? RepeatMode.Lazy : RepeatMode.Possessive;
    if (isSingleCharacterAtom(body)) {
      this.noteSupplementary(body);
      const test = body.type === 'char' ? literalPredicate(body.codePoint, body.flags) : singleCharacterPredicate(body)!;
      this.emit(Op.Repeat, { a: min, b: max, c: mode, test: withAsciiTable(test) });
      return;
    }
    const plainGroup = body.type === 'group' && (body.kind === 'capturing' || body.kind === 'nonCapturing');
    if (plainGroup && mode !== RepeatMode.Possessive) {
      const inner: Context = { memoForbidden: true };
      if (min === 0 && max === 1) {
        const empty: RegexNode = { type: 'empty', start: body.end, end: body.end, flags: body.flags };
        this.compileAlternatives(mode === RepeatMode.Greedy ? [body, empty] : [empty, body], inner);
        return;
      }
      if (isDeterministicBody(body.body)) {
        const group = body.kind === 'capturing' ? body.index! : -1;
        const at = this.emit(Op.GroupRepeat, { a: min, b: max, c: mode, e: group });
        this.compile(body.body, inner);
        this.emit(Op.SubEnd);
        // A greedy capturing repeat finds its GroupDefer right before the continuation (at d - 1).
        if (group >= 0 && mode === RepeatMode.Greedy) this.emit(Op.GroupDefer, { a: group });
        this.code[at].d = this.pc;
        return;
      }
      if (max > 1000) this.recursiveLoops.push({ start: node.start, end: node.end });
      this.compileLoop(body, min, max, mode === RepeatMode.Lazy, node.max === Infinity && !ctx.memoForbidden && this.memoAllowed, inner);
      return;
    }
    const at = this.emit(Op.RepeatAtom, { a: min, b: max, c: mode });
    this.compile(body, { memoForbidden: true });
    this.emit(Op.SubEnd);
    this.code[at].d = this.pc;
  }

  /** Java's `Prolog` + `Loop`/`LazyLoop` around a group body. */
  private compileLoop(group: Extract<RegexNode, { type: 'group' }>, min: number, max: number, lazy: boolean, memo: boolean, inner: Context): void {
    const countLocal = this.newLocal();
    const beginLocal = this.newLocal();
    const memoIndex = memo && !lazy ? this.memoCount++ : -1;
    const init = this.emit(Op.LoopInit, { a: countLocal, b: min, c: max, f: lazy ? 1 : 0 });
    if (lazy) this.emit(Op.LoopLazyEnter, { a: countLocal });
    const bodyStart = this.pc;
    const groupIndex = group.kind === 'capturing' ? group.index! : -1;
    this.emit(Op.GroupOpen, { a: groupIndex, b: beginLocal });
    this.compile(group.body, inner);
    if (groupIndex >= 0) this.emit(Op.GroupClose, { a: groupIndex, b: beginLocal });
    const tail = this.emit(Op.LoopTail, { a: countLocal, b: min, c: max, e: bodyStart, f: beginLocal, g: lazy ? LAZY_LOOP : memoIndex });
    if (lazy) this.emit(Op.LoopLazyMore, { a: countLocal, e: bodyStart });
    const exit = this.pc;
    this.code[init].d = exit;
    this.code[init].e = bodyStart;
    this.code[tail].d = exit;
    // LoopLazyEnter sits right after LoopInit: the lazy first iteration resumes there.
    this.code[init].g = lazy ? init + 1 : bodyStart;
  }
}

/** A literal matched unit by unit: a BMP, non-surrogate character without case folding. */
function isPlainUnit(node: RegexNode): boolean {
  if (node.type !== 'char') return false;
  const cp = node.codePoint;
  if (cp >= 0xd800 && (cp <= 0xdfff || cp >= 0x10000)) return false;
  if (!has(node.flags, JAVA_FLAG_CASE_INSENSITIVE)) return true;
  if (has(node.flags, JAVA_FLAG_UNICODE_CASE)) {
    const upper = javaToUpperCase(cp);
    return upper === javaToLowerCase(upper);
  }
  return !(cp < 128 && isAsciiCaseVariant(cp));
}

function assertKind(node: Extract<RegexNode, { type: 'assertion' }>): AssertKind {
  const unixLines = has(node.flags, JAVA_FLAG_UNIX_LINES);
  const multiline = has(node.flags, JAVA_FLAG_MULTILINE);
  switch (node.kind) {
    case 'lineStart':
      return multiline ? (unixLines ? AssertKind.UnixCaret : AssertKind.Caret) : AssertKind.Begin;
    case 'lineEnd':
      if (unixLines) return multiline ? AssertKind.UnixDollarMultiline : AssertKind.UnixDollar;
      return multiline ? AssertKind.DollarMultiline : AssertKind.Dollar;
    case 'inputStart':
      return AssertKind.Begin;
    case 'inputEnd':
      return AssertKind.End;
    case 'inputEndBeforeTerminator':
      return unixLines ? AssertKind.UnixDollar : AssertKind.Dollar;
    case 'previousMatchEnd':
      return AssertKind.LastMatch;
    case 'wordBoundary':
      return AssertKind.WordBoundary;
    case 'notWordBoundary':
      return AssertKind.NotWordBoundary;
  }
}

function containsBackReference(node: RegexNode): boolean {
  switch (node.type) {
    case 'backReference':
      return true;
    case 'sequence':
      return node.items.some(containsBackReference);
    case 'alternation':
      return node.alternatives.some(containsBackReference);
    case 'group':
    case 'quantified':
      return containsBackReference(node.body);
    default:
      return false;
  }
}

/** The literal text every match must begin with, and whether the pattern is only that text. */
function literalPrefix(node: RegexNode): { prefix: string; whole: boolean } {
  const items = node.type === 'sequence' ? node.items : [node];
  let prefix = '';
  let k = 0;
  for (; k < items.length; k++) {
    const item = items[k];
    if (!isPlainUnit(item)) break;
    prefix += String.fromCharCode((item as { codePoint: number }).codePoint);
  }
  return { prefix, whole: k === items.length && node.type !== 'empty' };
}

/** A test every match's first code point passes, when the pattern must begin by consuming one. */
function firstCharacterTest(node: RegexNode): CodePointPredicate | null {
  switch (node.type) {
    case 'char':
    case 'any':
    case 'class':
    case 'classEscape':
      return singleCharacterPredicate(node);
    case 'sequence': {
      const first = node.items.find((item) => item.type !== 'flagChange');
      return first ? firstCharacterTest(first) : null;
    }
    case 'alternation': {
      const tests = node.alternatives.map(firstCharacterTest);
      if (tests.some((t) => t === null)) return null;
      return (c) => tests.some((t) => t!(c));
    }
    case 'group':
      return node.kind === 'capturing' || node.kind === 'nonCapturing' || node.kind === 'atomic' ? firstCharacterTest(node.body) : null;
    case 'quantified':
      return node.min >= 1 ? firstCharacterTest(node.body) : null;
    default:
      return null;
  }
}

function startsAnchored(node: RegexNode): boolean {
  const first = node.type === 'sequence' ? node.items[0] : node;
  return first?.type === 'assertion' && (first.kind === 'inputStart' || (first.kind === 'lineStart' && !has(first.flags, JAVA_FLAG_MULTILINE)));
}

function withNullable(test: CodePointPredicate | null): CodePointPredicate | null {
  return test ? withAsciiTable(test) : null;
}

/** Compiles a parsed pattern. */
export function compileProgram(ast: RegexNode, groupCount: number, hasSupplementary: boolean): Program {
  const builder = new ProgramBuilder(!containsBackReference(ast), hasSupplementary);
  builder.compile(ast, { memoForbidden: false });
  builder.emit(Op.Accept);
  const { prefix, whole } = literalPrefix(ast);
  const minLength = studyLengths(ast).minLength;
  return {
    code: builder.code,
    groupCount,
    localCount: builder.localCount,
    memoCount: builder.memoCount,
    skipsLowSurrogates: builder.skipsLowSurrogates,
    anchoredAtStart: startsAnchored(ast),
    minLength: minLength > 0 ? minLength : 0,
    literalPrefix: prefix,
    pureLiteral: whole ? prefix : null,
    recursiveLoops: builder.recursiveLoops,
    firstCharacter: prefix ? null : withNullable(firstCharacterTest(ast)),
  };
}
