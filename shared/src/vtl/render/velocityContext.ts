// Velocity 1.7's chain of contexts, as a template sees it while rendering.
//
// 1.7 does not give a macro a table of argument values. Each call wraps the caller's context in a
// ProxyVMContext: a number or boolean argument is evaluated once at the call, every other argument
// (reference, string, list, map, range) is kept as written and evaluated in the caller's context
// each time the parameter is read (call by name: an unused `$list.add(1)` never runs, a used one runs
// at every use). Reads fall through to the caller's context (a macro sees its caller's parameters);
// writes go to the macro's own table and on up to the global context
// (`velocimacro.context.localscope` is false). A `#foreach` on a null element renders its body in a
// NullHolderContext, which reads its loop variable as null however the body sets it.

/** A macro argument kept as written, evaluated in the caller's context at each read. */
export interface ArgumentByName {
  node: unknown;
}

/** One macro call's context (1.7's ProxyVMContext). */
export class MacroContext {
  /** What `#set` and constant arguments put here (1.7's `localcontext`). */
  readonly local = new Map<string, unknown>();
  /** Arguments passed by name (1.7's `vmproxyhash`). */
  readonly byName = new Map<string, ArgumentByName>();
  /** The text of each argument passed by name, which 1.7 prints for an escaped `\$param`. */
  readonly argumentTexts = new Map<string, string>();

  constructor(readonly inner: ContextLayer | null) {}
}

/** The context of a `#foreach` body on a null element (1.7's `Foreach.NullHolderContext`). */
export class NullHolderContext {
  /** Until the loop variable is removed, it reads as null, whatever is set. */
  active = true;

  constructor(
    readonly inner: ContextLayer | null,
    readonly loopVariable: string,
  ) {}
}

/** A context wrapped around the global one; `null` is the global context itself. */
export type ContextLayer = MacroContext | NullHolderContext;

/** Evaluates an argument kept by name in the given context (the caller's). */
export type EvaluateInContext = (argument: ArgumentByName, layer: ContextLayer | null) => unknown;

/** Reads, writes and removals through a chain of contexts, as 1.7's context classes do them. */
export class VelocityContextChain {
  constructor(
    private readonly globals: Map<string, unknown>,
    private readonly evaluateIn: EvaluateInContext,
  ) {}

  /** The value of `$name` seen from `layer`; may evaluate arguments passed by name. */
  get(layer: ContextLayer | null, name: string): unknown {
    for (let current = layer; current; current = current.inner) {
      if (current instanceof NullHolderContext) {
        if (current.active && current.loopVariable === name) return null;
        continue;
      }
      const value = current.local.get(name);
      if (value !== null && value !== undefined) return value;
      const argument = current.byName.get(name);
      if (argument) return this.evaluateIn(argument, current.inner);
    }
    return this.globals.get(name);
  }

  /** A value `get` would give without evaluating any argument; undefined where it would have to. */
  peek(layer: ContextLayer | null, name: string): unknown {
    for (let current = layer; current; current = current.inner) {
      if (current instanceof NullHolderContext) {
        if (current.active && current.loopVariable === name) return null;
        continue;
      }
      const value = current.local.get(name);
      if (value !== null && value !== undefined) return value;
      if (current.byName.has(name)) return undefined;
    }
    return this.globals.get(name);
  }

  /** `#set($name = value)` from `layer`: every macro context on the way and the global context get it. */
  put(layer: ContextLayer | null, name: string, value: unknown): void {
    for (let current = layer; current; current = current.inner) {
      if (current instanceof NullHolderContext) {
        if (current.loopVariable === name && (value === null || value === undefined)) current.active = true;
      } else {
        current.local.set(name, value);
      }
    }
    this.globals.set(name, value);
  }

  /** Removes `$name` from every context on the way (a `#foreach` restoring an undefined loop variable). */
  remove(layer: ContextLayer | null, name: string): void {
    for (let current = layer; current; current = current.inner) {
      if (current instanceof NullHolderContext) {
        if (current.loopVariable === name) current.active = false;
      } else {
        current.local.delete(name);
        current.byName.delete(name);
      }
    }
    this.globals.delete(name);
  }

  /** The text of the argument 1.7 prints for an escaped bare `\$name`, looked up the chain like a value. */
  argumentText(layer: ContextLayer | null, name: string): string | undefined {
    for (let current = layer; current; current = current.inner) {
      if (current instanceof MacroContext) {
        const text = current.argumentTexts.get(name);
        if (text !== undefined) return text;
      }
    }
    return undefined;
  }
}

/**
 * What `#define($name)…#end` puts in the context (1.7's `Block.Reference`): printing it renders the block
 * in the context of the print, at most `MAX_DEFINE_DEPTH` deep inside itself.
 */
export class DefinedBlock {
  /** How many renders of this block are under way (a block that prints itself nests). */
  depth = 0;

  constructor(readonly body: readonly unknown[]) {}
}

/** 1.7's `directive.define.max.depth` default: deeper, the reference prints as written. */
export const MAX_DEFINE_DEPTH = 2;
