/**
 * The backtracking matcher. It follows the control flow of Java's node graph (first alternative
 * first, greedy loops backing off one code point at a time, Java's zero-length-iteration rules and
 * its failure memo for top-level greedy loops) but keeps choice points on an explicit stack, so long
 * inputs cannot overflow the JavaScript stack. Every instruction costs one step of the budget.
 */
import { AssertKind, Instruction, LAZY_LOOP, Op, Program, RepeatMode } from './program';
import { RegexStepLimitError } from './problems';
import { asciiToLower, javaCharacterType, javaIsLetterOrDigit, javaToLowerCase, javaToUpperCase, javaUnicodeWord } from './unicode';

const enum Entry {
  /** Resume at pc `a` with position `b`. */
  Branch,
  RestoreLocal,
  RestoreGroup,
  /** Greedy single-character loop: next pc `a`, current end `b`, lowest end `c`. */
  BackOff,
  /** Lazy single-character loop: instruction `a`, position `b`, count `c`. */
  LazyRepeat,
  /** Lazy loop over an atomic atom: instruction `a`, position `b`, count `c`. */
  LazyAtom,
  /** Drop the most recent deferred group write. */
  Undefer,
  /**
   * A greedy `Loop` tried one more iteration: on failure restore the count (`c`), remember the
   * failure in the loop's memo, and continue after the loop at `b` (`a` is the `LoopTail`).
   */
  LoopChoice,
}

/** Entries beyond this many ints mean Java would long have overflowed its own stack. */
const MAX_STACK_INTS = 1 << 25;

const NON_SPACING_MARK = 6;

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Runs one compiled pattern over one input at a time; reused between calls. */
export class RegexMachine {
  private readonly code: Instruction[];
  private input = '';
  private length = 0;
  /** Group boundaries, two per group (group 0 included); -1 when unset. */
  readonly groups: Int32Array;
  private readonly locals: Int32Array;
  private stack = new Int32Array(256);
  private sp = 0;
  private budget = 0;
  private stepLimit = 0;
  private endAnchored = false;
  /** Java's `oldLast`: where `\G` matches. */
  previousEnd = -1;
  private readonly memos: (Set<number> | undefined)[];
  /** Group writes Java's `GroupCurly` makes after its continuation succeeds: group, start, end. */
  private deferred: number[] = [];
  private deferredLength = 0;

  constructor(
    private readonly program: Program,
    private readonly pattern: string,
  ) {
    this.code = program.code;
    this.groups = new Int32Array((program.groupCount + 1) * 2).fill(-1);
    this.locals = new Int32Array(Math.max(1, program.localCount)).fill(-1);
    this.memos = new Array(program.memoCount).fill(undefined);
  }

  /** Starts a call (`matches`, `find`, `replaceAll`, …) with a fresh step budget. */
  begin(input: string, stepLimit: number): void {
    this.input = input;
    this.length = input.length;
    this.budget = stepLimit;
    this.stepLimit = stepLimit;
    this.previousEnd = -1;
  }

  /** Steps taken since `begin` (the whole budget once it ran out). */
  get stepsUsed(): number {
    return Math.min(this.stepLimit, this.stepLimit - this.budget);
  }

  /** Releases the input, and a stack grown by a long input, so the cache keeps neither alive. */
  end(): void {
    this.input = '';
    this.length = 0;
    if (this.stack.length > 1 << 16) this.stack = new Int32Array(256);
    for (let k = 0; k < this.memos.length; k++) this.memos[k] = undefined;
  }

  private resetState(): void {
    this.deferredLength = 0;
    this.groups.fill(-1);
    for (const memo of this.memos) memo?.clear();
    this.sp = 0;
  }

  /** `Matcher.matches()`: the whole input. */
  matchWhole(): boolean {
    this.resetState();
    this.endAnchored = true;
    if (this.previousEnd < 0) this.previousEnd = 0;
    const { pureLiteral } = this.program;
    let end: number;
    if (pureLiteral !== null) end = this.input === pureLiteral ? this.length : -1;
    else end = this.run(0, 0);
    if (end < 0) return false;
    this.groups[0] = 0;
    this.groups[1] = end;
    return true;
  }

  /** Java's `search(from)`: the first match starting at or after `from`. */
  search(from: number): boolean {
    this.resetState();
    this.endAnchored = false;
    if (this.previousEnd < 0) this.previousEnd = from;
    const { pureLiteral, literalPrefix, minLength, anchoredAtStart, skipsLowSurrogates } = this.program;
    const input = this.input;
    const guard = this.length - minLength;
    if (pureLiteral !== null) {
      const at = input.indexOf(pureLiteral, from);
      this.spend(1 + (at < 0 ? this.length - from : at - from) / 16);
      if (at < 0) return false;
      this.groups[0] = at;
      this.groups[1] = at + pureLiteral.length;
      return true;
    }
    const firstCharacter = this.program.firstCharacter;
    let i = from;
    while (i <= guard) {
      if (anchoredAtStart && i > 0) return false;
      if (firstCharacter !== null) {
        const skipFrom = i;
        while (i < this.length && !firstCharacter(this.codePointAt(i))) {
          if (skipsLowSurrogates && isHigh(input.charCodeAt(i)) && i + 1 < this.length && isLow(input.charCodeAt(i + 1))) i += 2;
          else i++;
        }
        this.spend((i - skipFrom) / 8);
        if (i > guard || i >= this.length) return false;
      }
      if (literalPrefix) {
        const at = input.indexOf(literalPrefix, i);
        this.spend(1 + (at < 0 ? this.length - i : at - i) / 16);
        if (at < 0 || at > guard) return false;
        i = at;
      }
      this.sp = 0;
      this.deferredLength = 0;
      const end = this.run(0, i);
      if (end >= 0) {
        this.groups[0] = i;
        this.groups[1] = end;
        return true;
      }
      if (skipsLowSurrogates && isHigh(input.charCodeAt(i)) && i + 1 < this.length && isLow(input.charCodeAt(i + 1))) i += 2;
      else i++;
    }
    return false;
  }

  private spend(steps: number): void {
    this.budget -= steps;
    if (this.budget < 0) throw new RegexStepLimitError(this.pattern, this.stepLimit);
  }

  private push(kind: number, a: number, b: number, c: number): void {
    let stack = this.stack;
    const sp = this.sp;
    if (sp + 4 > stack.length) {
      if (stack.length >= MAX_STACK_INTS) throw new RegexStepLimitError(this.pattern, this.stepLimit);
      const grown = new Int32Array(stack.length * 2);
      grown.set(stack);
      this.stack = stack = grown;
    }
    stack[sp] = kind;
    stack[sp + 1] = a;
    stack[sp + 2] = b;
    stack[sp + 3] = c;
    this.sp = sp + 4;
  }

  /** Runs a sub-program (an atomic body) to its first success; its choice points are dropped. */
  private runAtomic(pc: number, pos: number): number {
    const base = this.sp;
    const end = this.run(pc, pos);
    this.sp = base;
    return end;
  }

  private codePointAt(pos: number): number {
    const unit = this.input.charCodeAt(pos);
    if (unit < 0xd800 || unit > 0xdbff) return unit;
    if (pos + 1 < this.length) {
      const low = this.input.charCodeAt(pos + 1);
      if (isLow(low)) return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
    return unit;
  }

  /** Runs from `pc` at `pos` until an `Accept`/`SubEnd` succeeds (its position) or every choice above the entry stack height fails (-1). */
  private run(startPc: number, startPos: number): number {
    const code = this.code;
    const input = this.input;
    const length = this.length;
    const groups = this.groups;
    const locals = this.locals;
    const base = this.sp;
    const deferredBase = this.deferredLength;
    let pc = startPc;
    let pos = startPos;
    main: for (;;) {
      if (--this.budget < 0) throw new RegexStepLimitError(this.pattern, this.stepLimit);
      const ins = code[pc];
      failed: switch (ins.op) {
        case Op.Char:
          if (pos < length && input.charCodeAt(pos) === ins.a) {
            pos++;
            pc++;
            continue main;
          }
          break;
        case Op.CharAsciiFold: {
          if (pos < length) {
            const unit = input.charCodeAt(pos);
            if (unit === ins.a || unit === ins.b) {
              pos++;
              pc++;
              continue main;
            }
          }
          break;
        }
        case Op.CharCodePoint:
        case Op.Set: {
          if (pos >= length) break;
          const cp = this.codePointAt(pos);
          if (ins.op === Op.Set ? !ins.test!(cp) : cp !== ins.a) break;
          pos += cp >= 0x10000 ? 2 : 1;
          pc++;
          continue main;
        }
        case Op.Text:
          if (input.startsWith(ins.text, pos)) {
            pos += ins.text.length;
            pc++;
            continue main;
          }
          break;
        case Op.Jump:
          pc = ins.a;
          continue main;
        case Op.Split:
          this.push(Entry.Branch, ins.b, pos, 0);
          pc = ins.a;
          continue main;
        case Op.GroupOpen:
          this.push(Entry.RestoreLocal, ins.b, locals[ins.b], 0);
          locals[ins.b] = pos;
          pc++;
          continue main;
        case Op.GroupClose: {
          const g = ins.a * 2;
          this.push(Entry.RestoreGroup, ins.a, groups[g], groups[g + 1]);
          groups[g] = locals[ins.b];
          groups[g + 1] = pos;
          pc++;
          continue main;
        }
        case Op.LoopInit: {
          const count = ins.a;
          this.push(Entry.RestoreLocal, count, locals[count], 0);
          if (ins.b > 0) {
            locals[count] = 1;
            pc = ins.e;
          } else if (ins.f === 0) {
            if (ins.c > 0) {
              locals[count] = 1;
              this.push(Entry.Branch, ins.d, pos, 0);
              pc = ins.e;
            } else {
              pc = ins.d;
            }
          } else {
            if (ins.c > 0) this.push(Entry.Branch, ins.g, pos, 0);
            pc = ins.d;
          }
          continue main;
        }
        case Op.LoopLazyEnter:
          locals[ins.a] = 1;
          pc++;
          continue main;
        case Op.LoopTail: {
          if (pos > locals[ins.f]) {
            const countLocal = ins.a;
            const count = locals[countLocal];
            if (count < ins.b) {
              this.push(Entry.RestoreLocal, countLocal, count, 0);
              locals[countLocal] = count + 1;
              pc = ins.e;
              continue main;
            }
            if (ins.g === LAZY_LOOP) {
              if (count < ins.c) this.push(Entry.Branch, pc + 1, pos, 0);
              pc = ins.d;
              continue main;
            }
            if (count < ins.c) {
              const memoIndex = ins.g;
              if (memoIndex >= 0 && this.memos[memoIndex]?.has(pos)) {
                pc = ins.d;
                continue main;
              }
              this.push(Entry.LoopChoice, pc, pos, count);
              locals[countLocal] = count + 1;
              pc = ins.e;
              continue main;
            }
          }
          pc = ins.d;
          continue main;
        }
        case Op.LoopLazyMore: {
          const count = locals[ins.a];
          this.push(Entry.RestoreLocal, ins.a, count, 0);
          locals[ins.a] = count + 1;
          pc = ins.e;
          continue main;
        }
        case Op.Repeat: {
          const test = ins.test!;
          let count = 0;
          while (count < ins.a) {
            if (pos >= length) break failed;
            const cp = this.codePointAt(pos);
            if (!test(cp)) break failed;
            pos += cp >= 0x10000 ? 2 : 1;
            count++;
          }
          if (ins.c === RepeatMode.Lazy) {
            if (count < ins.b) this.push(Entry.LazyRepeat, pc, pos, count);
            pc++;
            continue main;
          }
          const lowest = pos;
          const max = ins.b;
          while (count < max && pos < length) {
            const unit = input.charCodeAt(pos);
            if (unit < 0xd800 || unit > 0xdbff) {
              if (!test(unit)) break;
              pos++;
            } else {
              const cp = this.codePointAt(pos);
              if (!test(cp)) break;
              pos += cp >= 0x10000 ? 2 : 1;
            }
            count++;
          }
          this.budget -= count >> 2;
          if (ins.c === RepeatMode.Greedy && pos > lowest) this.push(Entry.BackOff, pc + 1, pos, lowest);
          pc++;
          continue main;
        }
        case Op.Assert:
          if (this.assert(ins, pos)) {
            pc++;
            continue main;
          }
          break;
        case Op.BackReference: {
          const end = this.backReference(ins, pos);
          if (end < 0) break;
          pos = end;
          pc++;
          continue main;
        }
        case Op.LineBreak: {
          if (pos >= length) break;
          const unit = input.charCodeAt(pos);
          if (unit === 0x0a || unit === 0x0b || unit === 0x0c || unit === 0x85 || unit === 0x2028 || unit === 0x2029) {
            pos++;
            pc++;
            continue main;
          }
          if (unit !== 0x0d) break;
          if (pos + 1 < length && input.charCodeAt(pos + 1) === 0x0a) {
            this.push(Entry.Branch, pc + 1, pos + 1, 0);
            pos += 2;
          } else {
            pos++;
          }
          pc++;
          continue main;
        }
        case Op.LookAhead: {
          const matched = this.runAtomic(pc + 1, pos) >= 0;
          if (matched === (ins.b === 0)) {
            pc = ins.d;
            continue main;
          }
          break;
        }
        case Op.LookBehind: {
          if (this.lookBehind(ins, pc, pos) === (ins.b === 0)) {
            pc = ins.d;
            continue main;
          }
          break;
        }
        case Op.Atomic: {
          const end = this.runAtomic(pc + 1, pos);
          if (end < 0) break;
          pos = end;
          pc = ins.d;
          continue main;
        }
        case Op.RepeatAtom: {
          let count = 0;
          while (count < ins.a) {
            const end = this.runAtomic(pc + 1, pos);
            if (end < 0) break failed;
            pos = end;
            count++;
          }
          if (ins.c === RepeatMode.Lazy) {
            if (count < ins.b) this.push(Entry.LazyAtom, pc, pos, count);
            pc = ins.d;
            continue main;
          }
          while (count < ins.b) {
            const end = this.runAtomic(pc + 1, pos);
            if (end < 0 || end === pos) break;
            if (ins.c === RepeatMode.Greedy) this.push(Entry.Branch, ins.d, pos, 0);
            pos = end;
            count++;
          }
          pc = ins.d;
          continue main;
        }
        case Op.GroupRepeat: {
          const g = ins.e;
          if (g >= 0) this.push(Entry.RestoreGroup, g, groups[g * 2], groups[g * 2 + 1]);
          let count = 0;
          while (count < ins.a) {
            const end = this.runAtomic(pc + 1, pos);
            if (end < 0) break failed;
            if (g >= 0) {
              groups[g * 2] = pos;
              groups[g * 2 + 1] = end;
            }
            pos = end;
            count++;
          }
          if (ins.c === RepeatMode.Lazy) {
            if (count < ins.b) this.push(Entry.LazyAtom, pc, pos, count);
            pc = ins.d;
            continue main;
          }
          const mandatory = count;
          const deferring = g >= 0;
          while (count < ins.b) {
            const end = this.runAtomic(pc + 1, pos);
            if (end < 0 || end === pos) break;
            // Backing off to fewer iterations than this one resumes through GroupDefer, except
            // back to the mandatory ones (Java then restores the group and writes nothing later).
            this.push(Entry.Branch, deferring && count > mandatory ? ins.d - 1 : ins.d, pos, 0);
            if (g >= 0) {
              this.push(Entry.RestoreGroup, g, groups[g * 2], groups[g * 2 + 1]);
              groups[g * 2] = pos;
              groups[g * 2 + 1] = end;
            }
            pos = end;
            count++;
          }
          pc = deferring && count > mandatory ? ins.d - 1 : ins.d;
          continue main;
        }
        case Op.GroupDefer: {
          const g = ins.a;
          const at = this.deferredLength;
          this.deferred[at] = g;
          this.deferred[at + 1] = groups[g * 2];
          this.deferred[at + 2] = groups[g * 2 + 1];
          this.deferredLength = at + 3;
          this.push(Entry.Undefer, 0, 0, 0);
          pc++;
          continue main;
        }
        case Op.SubEnd:
          if (ins.e >= 0 && pos !== locals[ins.e]) break;
          this.applyDeferred(deferredBase);
          return pos;
        case Op.Accept:
          if (this.endAnchored && pos !== length) break;
          this.applyDeferred(deferredBase);
          return pos;
      }
      // Failure: unwind to the most recent choice point above this run's base.
      for (;;) {
        if (this.sp <= base) return -1;
        const stack = this.stack;
        const sp = (this.sp -= 4);
        const a = stack[sp + 1];
        const b = stack[sp + 2];
        const c = stack[sp + 3];
        switch (stack[sp]) {
          case Entry.Branch:
            pc = a;
            pos = b;
            continue main;
          case Entry.RestoreLocal:
            locals[a] = b;
            continue;
          case Entry.Undefer:
            this.deferredLength -= 3;
            continue;
          case Entry.RestoreGroup:
            groups[a * 2] = b;
            groups[a * 2 + 1] = c;
            continue;
          case Entry.LoopChoice: {
            const tail = code[a];
            locals[tail.a] = c;
            if (tail.g >= 0) (this.memos[tail.g] ??= new Set()).add(b);
            pc = tail.d;
            pos = b;
            continue main;
          }
          case Entry.BackOff: {
            const back = b - 2 >= c && isLow(input.charCodeAt(b - 1)) && isHigh(input.charCodeAt(b - 2)) ? b - 2 : b - 1;
            if (back > c) {
              stack[sp + 2] = back;
              this.sp = sp + 4;
            }
            pc = a;
            pos = back;
            continue main;
          }
          case Entry.LazyRepeat: {
            const repeat = code[a];
            if (c >= repeat.b || b >= length) continue;
            const cp = this.codePointAt(b);
            if (!repeat.test!(cp)) continue;
            const next = b + (cp >= 0x10000 ? 2 : 1);
            if (c + 1 < repeat.b) {
              stack[sp + 2] = next;
              stack[sp + 3] = c + 1;
              this.sp = sp + 4;
            }
            pc = a + 1;
            pos = next;
            continue main;
          }
          case Entry.LazyAtom: {
            const repeat = code[a];
            const end = this.runAtomic(a + 1, b);
            if (end < 0 || end === b) continue;
            const g = repeat.op === Op.GroupRepeat ? repeat.e : -1;
            if (g >= 0) {
              this.push(Entry.RestoreGroup, g, groups[g * 2], groups[g * 2 + 1]);
              groups[g * 2] = b;
              groups[g * 2 + 1] = end;
            }
            if (c + 1 < repeat.b) this.push(Entry.LazyAtom, a, end, c + 1);
            pc = repeat.d;
            pos = end;
            continue main;
          }
        }
      }
    }
  }

  /** Java's `GroupCurly` frames write their groups as the successful match unwinds: innermost first. */
  private applyDeferred(base: number): void {
    const deferred = this.deferred;
    for (let k = this.deferredLength - 3; k >= base; k -= 3) {
      const g = deferred[k];
      this.groups[g * 2] = deferred[k + 1];
      this.groups[g * 2 + 1] = deferred[k + 2];
    }
    this.deferredLength = base;
  }

  private assert(ins: Instruction, pos: number): boolean {
    const input = this.input;
    const length = this.length;
    switch (ins.a as AssertKind) {
      case AssertKind.Begin:
        return pos === 0;
      case AssertKind.End:
        return pos === length;
      case AssertKind.Caret: {
        if (pos === length) return false;
        if (pos > 0) {
          const unit = input.charCodeAt(pos - 1);
          if (unit !== 0x0a && unit !== 0x0d && (unit | 1) !== 0x2029 && unit !== 0x85) return false;
          if (unit === 0x0d && input.charCodeAt(pos) === 0x0a) return false;
        }
        return true;
      }
      case AssertKind.UnixCaret:
        if (pos === length) return false;
        return pos === 0 || input.charCodeAt(pos - 1) === 0x0a;
      case AssertKind.Dollar:
      case AssertKind.DollarMultiline: {
        const multiline = ins.a === AssertKind.DollarMultiline;
        if (!multiline) {
          if (pos < length - 2) return false;
          if (pos === length - 2 && !(input.charCodeAt(pos) === 0x0d && input.charCodeAt(pos + 1) === 0x0a)) return false;
        }
        if (pos < length) {
          const unit = input.charCodeAt(pos);
          if (unit === 0x0a) {
            if (pos > 0 && input.charCodeAt(pos - 1) === 0x0d) return false;
          } else if (!(unit === 0x0d || unit === 0x85 || (unit | 1) === 0x2029)) {
            return false;
          }
        }
        return true;
      }
      case AssertKind.UnixDollar:
      case AssertKind.UnixDollarMultiline: {
        if (pos < length) {
          if (input.charCodeAt(pos) !== 0x0a) return false;
          if (ins.a === AssertKind.UnixDollar && pos !== length - 1) return false;
        }
        return true;
      }
      case AssertKind.LastMatch:
        return pos === this.previousEnd;
      case AssertKind.WordBoundary:
      case AssertKind.NotWordBoundary: {
        const boundary = this.isWordBoundary(pos, ins.b === 1);
        return ins.a === AssertKind.WordBoundary ? boundary : !boundary;
      }
    }
    return false;
  }

  /** Java 17's `Bound.check`: word characters are letters, digits and `_` (Unicode), plus marks after them. */
  private isWordBoundary(pos: number, unicodeClasses: boolean): boolean {
    const isWord = (cp: number) => (unicodeClasses ? javaUnicodeWord(cp) : cp === 0x5f || javaIsLetterOrDigit(cp));
    const counts = (cp: number, at: number) => isWord(cp) || (javaCharacterType(cp) === NON_SPACING_MARK && this.hasBaseCharacter(at));
    let left = false;
    if (pos > 0) {
      const low = this.input.charCodeAt(pos - 1);
      const cp = isLow(low) && pos > 1 && isHigh(this.input.charCodeAt(pos - 2)) ? this.codePointAt(pos - 2) : low;
      left = counts(cp, pos - 1);
    }
    let right = false;
    if (pos < this.length) right = counts(this.codePointAt(pos), pos);
    return left !== right;
  }

  private hasBaseCharacter(at: number): boolean {
    for (let x = at; x >= 0; x--) {
      const cp = this.codePointAt(x);
      if (javaIsLetterOrDigit(cp)) return true;
      if (javaCharacterType(cp) === NON_SPACING_MARK) continue;
      return false;
    }
    return false;
  }

  private backReference(ins: Instruction, pos: number): number {
    const g = ins.a * 2;
    if (g + 1 >= this.groups.length) return -1;
    const from = this.groups[g];
    const to = this.groups[g + 1];
    if (from < 0) return -1;
    const size = to - from;
    if (pos + size > this.length) return -1;
    const input = this.input;
    if (ins.b === 0) {
      for (let k = 0; k < size; k++) if (input.charCodeAt(pos + k) !== input.charCodeAt(from + k)) return -1;
      return pos + size;
    }
    // Java's CIBackRef walks both texts by code point, counting the group's length in units.
    let x = pos;
    let j = from;
    let remaining = size;
    for (let k = 0; k < remaining; k++) {
      const c1 = this.codePointAt(x);
      const c2 = this.codePointAt(j);
      if (c1 !== c2) {
        if (ins.b === 2) {
          const u1 = javaToUpperCase(c1);
          const u2 = javaToUpperCase(c2);
          if (u1 !== u2 && javaToLowerCase(u1) !== javaToLowerCase(u2)) return -1;
        } else if (asciiToLower(c1) !== asciiToLower(c2)) {
          return -1;
        }
      }
      x += c1 >= 0x10000 ? 2 : 1;
      j += c2 >= 0x10000 ? 2 : 1;
      if (c1 >= 0x10000) remaining--;
    }
    return pos + size;
  }

  /** Java's `Behind`/`NotBehind` (and the `…S` variants counting code points): shortest candidate first. */
  private lookBehind(ins: Instruction, pc: number, pos: number): boolean {
    const endLocal = ins.e;
    const saved = this.locals[endLocal];
    this.locals[endLocal] = pos;
    let matched = false;
    if (ins.f === 0) {
      const from = Math.max(pos - ins.c, 0);
      for (let j = pos - ins.a; !matched && j >= from; j--) matched = this.runAtomic(pc + 1, j) >= 0;
    } else {
      const from = Math.max(pos - this.unitsBack(pos, ins.c), 0);
      for (let j = pos - this.unitsBack(pos, ins.a); !matched && j >= from; j -= j > from ? this.unitsBack(j, 1) : 1) {
        matched = this.runAtomic(pc + 1, j) >= 0;
      }
    }
    this.locals[endLocal] = saved;
    return matched;
  }

  /** Java's `countChars(seq, index, -codePoints)`: UTF-16 units spanned by that many code points before `index`. */
  private unitsBack(index: number, codePoints: number): number {
    let x = index;
    for (let k = 0; k < codePoints && x > 0; k++) {
      if (isLow(this.input.charCodeAt(x - 1)) && x > 1 && isHigh(this.input.charCodeAt(x - 2))) x -= 2;
      else x -= 1;
    }
    return index - x;
  }
}

