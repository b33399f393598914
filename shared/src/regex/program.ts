/**
 * The instruction set the backtracking matcher runs. Each Java node kind that matters to the
 * result (Loop, LazyLoop, Curly, CharPropertyGreedy, Branch, Pos/Neg, Behind, Ques, …) has an
 * instruction with the same semantics; atomic constructs run their body as a sub-program.
 */
import { CodePointPredicate } from './unicode';

export const enum Op {
  /** End of the whole pattern; `matches()` also requires the end of input. */
  Accept,
  /** One UTF-16 unit equal to `a`. */
  Char,
  /** One code point equal to `a` (astral characters and lone surrogates). */
  CharCodePoint,
  /** One ASCII letter in either case: `a` lower, `b` upper. */
  CharAsciiFold,
  /** One code point satisfying `test`. */
  Set,
  /** The UTF-16 units of `text`. */
  Text,
  Jump,
  /** Try `a`, then `b`. */
  Split,
  /** Group head: saves the position in local `b`; group `a` (or -1) is the group it opens. */
  GroupOpen,
  /** Group tail: records group `a` from local `b` to here. */
  GroupClose,
  /** `Prolog`/`matchInit` of a Java `Loop`/`LazyLoop`. */
  LoopInit,
  /** The end of one iteration of a `Loop`/`LazyLoop`. */
  LoopTail,
  /** Lazy loop: enter the body for the first optional iteration. */
  LoopLazyEnter,
  /** Lazy loop: one more iteration after the continuation failed. */
  LoopLazyMore,
  /** `x*`, `x{n,m}` over one character: greedy, lazy (`c`=1) or possessive (`c`=2). */
  Repeat,
  Assert,
  BackReference,
  /** `\R`. */
  LineBreak,
  /** `(?=…)` (`b`=0) or `(?!…)` (`b`=1); body from pc+1, continuation at `d`. */
  LookAhead,
  /** `(?<=…)`/`(?<!…)`: `a` min length, `c` max length, `e` local holding the look-behind end. */
  LookBehind,
  /** `(?>…)`. */
  Atomic,
  /** Java `Curly`/`Ques` over an atom that is matched atomically per iteration. */
  RepeatAtom,
  /**
   * Java `GroupCurly`: a quantified group whose body can match only one way. Iterations are atomic;
   * `e` is the group recorded (or -1), and an empty greedy iteration leaves the group unrecorded.
   */
  GroupRepeat,
  /**
   * Right before a greedy capturing `GroupRepeat`'s continuation: Java's `GroupCurly` writes its
   * group again once the rest of the match has succeeded, so the value is recorded for then.
   */
  GroupDefer,
  /** End of a sub-program. `e` >= 0: the look-behind end local that must equal the position. */
  SubEnd,
}

/** `LoopTail.g` of a lazy loop (otherwise the failure-memo index, or -1). */
export const LAZY_LOOP = -2;

export const enum AssertKind {
  Begin,
  Caret,
  UnixCaret,
  End,
  Dollar,
  DollarMultiline,
  UnixDollar,
  UnixDollarMultiline,
  LastMatch,
  WordBoundary,
  NotWordBoundary,
}

export const enum RepeatMode {
  Greedy = 0,
  Lazy = 1,
  Possessive = 2,
}

export interface Instruction {
  op: Op;
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  g: number;
  test: CodePointPredicate | null;
  text: string;
}

export interface Program {
  code: Instruction[];
  groupCount: number;
  localCount: number;
  memoCount: number;
  /** Java's `hasSupplementary`: the search never starts on the low half of a surrogate pair. */
  skipsLowSurrogates: boolean;
  /** Starts with `\A` or a non-multiline `^`: only position 0 can match. */
  anchoredAtStart: boolean;
  /** The shortest input the pattern can match (Java's `Start.minLength`). */
  minLength: number;
  /** A literal every match starts with (case-sensitive), for a fast scan. */
  literalPrefix: string;
  /** The whole pattern is this literal (no flags, groups or metacharacters). */
  pureLiteral: string | null;
  /**
   * Quantified groups Java matches by recursing once per iteration (its `Loop` node): on long
   * inputs Java overflows its stack there (about 1,600 iterations of `(\n|.)*` on a default JVM).
   */
  recursiveLoops: { start: number; end: number }[];
  /** Every match starts with a code point satisfying this, so the search skips other positions. */
  firstCharacter: CodePointPredicate | null;
}
