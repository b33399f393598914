// Bounds on one render. Templates come from repositories users clone, so no template may hang or exhaust
// the editor, the language server or CI: every runaway stops with an error at the responsible position.

/** Engine bounds on one render. */
export interface RenderLimits {
  /** Wall-clock time for the whole render. */
  timeMs: number;
  /** Characters of output, and of any single string a template builds. */
  outputChars: number;
  /** `#foreach` iterations over the whole render (all loops together). */
  loopIterations: number;
  /** Nested macro calls (Velocity 1.7's `velocimacro.max.depth` is 20). */
  macroDepth: number;
  /**
   * Iterations of one `#foreach` run. API Gateway documents 1,000 (SEMANTICS §7). Velocity's
   * `directive.foreach.maxloops` stops such a loop quietly, which is how we read the quota: the loop
   * stops after this many iterations and the render goes on, with a warning. 0 means no such limit.
   */
  foreachIterations: number;
  /** Elements of one `[a..b]` range, list or map a template builds. */
  collectionItems: number;
}

/** The bounds a render gets unless the caller says otherwise. */
export const DEFAULT_RENDER_LIMITS: RenderLimits = Object.freeze({
  timeMs: 2_000,
  outputChars: 10 * 1024 * 1024,
  loopIterations: 1_000_000,
  macroDepth: 20,
  foreachIterations: 1_000,
  collectionItems: 1_000_000,
});

/** Why a render stopped early; becomes the render's `error`. */
export class RenderStop extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Template offsets, when the thrower knows them; otherwise the nearest positioned statement is used. */
    readonly start?: number,
    readonly end?: number,
  ) {
    super(message);
  }
}

/** The running counters of one render, checked where work can grow. */
export class RenderBudget {
  readonly limits: RenderLimits;
  private readonly deadline: number;
  private ticks = 0;
  loopIterations = 0;
  outputChars = 0;
  macroDepth = 0;

  constructor(limits: Partial<RenderLimits> | undefined, now: () => number) {
    this.limits = { ...DEFAULT_RENDER_LIMITS, ...definedOnly(limits) };
    this.now = now;
    this.deadline = now() + this.limits.timeMs;
  }

  private readonly now: () => number;

  /** Called at every reference, method call and loop iteration; looks at the clock every 256th call. */
  tick(): void {
    if ((++this.ticks & 255) === 0) this.checkTime();
  }

  checkTime(): void {
    if (this.now() > this.deadline) throw new RenderStop('vtl-time-limit', `the render took longer than ${this.limits.timeMs} ms and was stopped`);
  }

  /** Counts one `#foreach` iteration against the whole-render bound. */
  countIteration(): void {
    if (++this.loopIterations > this.limits.loopIterations) {
      throw new RenderStop('vtl-loop-limit', `more than ${this.limits.loopIterations} #foreach iterations in one render`);
    }
    this.tick();
  }

  /** Counts characters appended to the output. */
  countOutput(chars: number): void {
    this.outputChars += chars;
    if (this.outputChars > this.limits.outputChars) {
      throw new RenderStop('vtl-output-limit', `the output grew past ${this.limits.outputChars} characters`);
    }
  }

  /** Checks the size of a list or map a template grows. */
  checkCollectionSize(items: number): void {
    if (items > this.limits.collectionItems) {
      throw new RenderStop('vtl-size-limit', `a list or map grew past ${this.limits.collectionItems} elements`);
    }
  }

  /** Checks one string a template built (interpolation, concatenation) against the output bound. */
  checkStringLength(length: number): void {
    if (length > this.limits.outputChars) {
      throw new RenderStop('vtl-output-limit', `a string grew past ${this.limits.outputChars} characters`);
    }
  }
}

function definedOnly(limits: Partial<RenderLimits> | undefined): Partial<RenderLimits> {
  const out: Partial<RenderLimits> = {};
  if (!limits) return out;
  for (const key of Object.keys(DEFAULT_RENDER_LIMITS) as (keyof RenderLimits)[]) {
    const value = limits[key];
    if (typeof value === 'number' && !Number.isNaN(value) && value >= 0) out[key] = value;
  }
  return out;
}
