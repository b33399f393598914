/** The public matcher: `java.util.regex` semantics for `matches`, `find`, `replaceAll`, `split`. */
import { RegexNode } from './ast';
import { compileProgram } from './compile';
import { parseJavaRegex } from './parser';
import { DEFAULT_REGEX_STEP_LIMIT, JavaRegexRuntimeError, MatchOptions, RegexProblem, RegexStepLimitError } from './problems';
import { Program } from './program';
import { ReplacementPart, parseJavaReplacement } from './replacement';
import { RegexMachine } from './vm';

/** One match: `groups[0]` is the whole match, `groups[n]` group n (`undefined` when it did not take part). */
export interface JavaMatch {
  start: number;
  end: number;
  groups: (string | undefined)[];
  named: Record<string, string | undefined>;
  /** `[start, end)` of each group in the input, like `groups`. */
  spans: ([number, number] | undefined)[];
}

/** A compiled Java pattern. Calls are independent; each has its own step budget. */
export class JavaRegex {
  readonly source: string;
  /** Java's `groupCount()`. */
  readonly groupCount: number;
  readonly groupNames: Readonly<Record<string, number>>;
  readonly ast: RegexNode;
  /**
   * Where the pattern has a quantified group Java matches recursively, one stack frame group per
   * iteration. Java 17 on a default stack throws StackOverflowError after roughly 1,600 iterations of
   * `(\n|.)*`; this engine does not, so callers can warn when such a pattern meets a long input.
   */
  readonly javaRecursiveLoops: readonly { start: number; end: number }[];
  private readonly machine: RegexMachine;
  private replacementCache?: { text: string; parts: ReplacementPart[] };

  /** Use `compileJavaRegex`/`getJavaRegex`; this constructor expects a pattern already parsed without errors. */
  constructor(source: string, ast: RegexNode, groupCount: number, groupNames: Record<string, number>, program: Program) {
    this.source = source;
    this.ast = ast;
    this.groupCount = groupCount;
    this.groupNames = groupNames;
    this.javaRecursiveLoops = program.recursiveLoops;
    this.machine = new RegexMachine(program, source);
  }

  private withInput<T>(input: string, options: MatchOptions | undefined, body: (machine: RegexMachine) => T): T {
    const machine = this.machine;
    machine.begin(input, options?.stepLimit ?? DEFAULT_REGEX_STEP_LIMIT);
    try {
      return body(machine);
    } catch (e) {
      if (e instanceof RegexStepLimitError || e instanceof JavaRegexRuntimeError) throw e;
      // Deep nesting can exhaust the JavaScript stack where Java's would overflow too.
      if (e instanceof RangeError) throw new RegexStepLimitError(this.source, options?.stepLimit ?? DEFAULT_REGEX_STEP_LIMIT);
      throw new JavaRegexRuntimeError(`Internal error while matching: ${String(e)}`, 'InternalError');
    } finally {
      machine.end();
    }
  }

  /** `Pattern.matches(regex, input)`: the whole input must match. */
  matches(input: string, options?: MatchOptions): boolean {
    return this.withInput(input, options, (machine) => machine.matchWhole());
  }

  /** `Matcher.find(from)`: the first match starting at or after `from` (a UTF-16 offset). */
  find(input: string, from = 0, options?: MatchOptions): JavaMatch | null {
    if (from < 0 || from > input.length) throw new JavaRegexRuntimeError('Illegal start index', 'IndexOutOfBoundsException');
    return this.withInput(input, options, (machine) => (machine.search(from) ? this.snapshot(input, machine) : null));
  }

  /** Every match `Matcher.find()` returns in turn, as `replaceAll` visits them. */
  findAll(input: string, options?: MatchOptions): JavaMatch[] {
    const found: JavaMatch[] = [];
    this.withInput(input, options, (machine) => this.eachMatch(input, machine, () => void found.push(this.snapshot(input, machine))));
    return found;
  }

  /** `String.replaceAll(regex, replacement)` with Java's replacement syntax. */
  replaceAll(input: string, replacement: string, options?: MatchOptions): string {
    return this.replace(input, replacement, true, options);
  }

  /** `String.replaceFirst(regex, replacement)`. */
  replaceFirst(input: string, replacement: string, options?: MatchOptions): string {
    return this.replace(input, replacement, false, options);
  }

  /** `String.split(regex, limit)`: Java 8+ rules (no leading empty piece for a zero-width match at 0; trailing empties dropped when `limit` is 0). */
  split(input: string, limit = 0, options?: MatchOptions): string[] {
    return this.withInput(input, options, (machine) => {
      const pieces: string[] = [];
      const limited = limit > 0;
      let index = 0;
      this.eachMatch(input, machine, () => {
        const start = machine.groups[0];
        const end = machine.groups[1];
        if (!limited || pieces.length < limit - 1) {
          if (index === 0 && start === 0 && start === end) return true;
          pieces.push(input.slice(index, start));
          index = end;
        } else if (pieces.length === limit - 1) {
          pieces.push(input.slice(index));
          index = end;
        }
        return true;
      });
      if (index === 0) return [input];
      if (!limited || pieces.length < limit) pieces.push(input.slice(index));
      let size = pieces.length;
      if (limit === 0) while (size > 0 && pieces[size - 1] === '') size--;
      return pieces.slice(0, size);
    });
  }

  private replace(input: string, replacement: string, all: boolean, options?: MatchOptions): string {
    return this.withInput(input, options, (machine) => {
      const out: string[] = [];
      let appended = 0;
      let parts: ReplacementPart[] | undefined;
      this.eachMatch(input, machine, () => {
        parts ??= this.replacementParts(replacement);
        const start = machine.groups[0];
        if (start > appended) out.push(input.slice(appended, start));
        for (const part of parts) {
          if (typeof part === 'string') out.push(part);
          else {
            const from = machine.groups[part * 2];
            const to = machine.groups[part * 2 + 1];
            if (from !== -1 && to !== -1) out.push(input.slice(from, to));
          }
        }
        appended = machine.groups[1];
        return all;
      });
      if (parts === undefined) return input;
      out.push(input.slice(appended));
      return out.join('');
    });
  }

  private replacementParts(replacement: string): ReplacementPart[] {
    const cached = this.replacementCache;
    if (cached && cached.text === replacement) return cached.parts;
    const parts = parseJavaReplacement(replacement, this.groupCount, this.groupNames as Record<string, number>);
    this.replacementCache = { text: replacement, parts };
    return parts;
  }

  /** Java's `Matcher.find()` loop: after an empty match the next search starts one unit later. */
  private eachMatch(input: string, machine: RegexMachine, onMatch: () => boolean | void): void {
    let first = -1;
    let last = 0;
    for (;;) {
      let from = last;
      if (from === first) from++;
      if (from > input.length) return;
      if (!machine.search(from)) return;
      first = machine.groups[0];
      last = machine.groups[1];
      machine.previousEnd = last;
      if (onMatch() === false) return;
    }
  }

  private snapshot(input: string, machine: RegexMachine): JavaMatch {
    const groups: (string | undefined)[] = [];
    const spans: ([number, number] | undefined)[] = [];
    for (let g = 0; g <= this.groupCount; g++) {
      const from = machine.groups[g * 2];
      const to = machine.groups[g * 2 + 1];
      const unset = from === -1 || to === -1;
      groups.push(unset ? undefined : input.slice(from, to));
      spans.push(unset ? undefined : [from, to]);
    }
    const named: Record<string, string | undefined> = {};
    for (const [name, index] of Object.entries(this.groupNames)) named[name] = groups[index];
    return { start: machine.groups[0], end: machine.groups[1], groups, named, spans };
  }
}

/** Compiles a Java pattern. `regex` is absent when `problems` holds an error. Never throws. */
export function compileJavaRegex(pattern: string): { regex?: JavaRegex; problems: RegexProblem[] } {
  const parsed = parseJavaRegex(pattern);
  if (parsed.problems.some((p) => p.severity === 'error')) return { problems: parsed.problems };
  try {
    const program = compileProgram(parsed.ast, parsed.groupCount, parsed.hasSupplementary);
    return { regex: new JavaRegex(pattern, parsed.ast, parsed.groupCount, parsed.groupNames, program), problems: parsed.problems };
  } catch (e) {
    return { problems: [...parsed.problems, { code: 'regex-internal', message: `Internal error while compiling the pattern: ${String(e)}`, severity: 'error', start: 0, end: pattern.length }] };
  }
}

const CACHE_SIZE = 500;
const cache = new Map<string, { regex?: JavaRegex; problems: RegexProblem[] }>();

/** `compileJavaRegex` through a bounded least-recently-used cache (templates call the same patterns in loops). */
export function getJavaRegex(pattern: string): { regex?: JavaRegex; problems: RegexProblem[] } {
  const hit = cache.get(pattern);
  if (hit) {
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  const compiled = compileJavaRegex(pattern);
  cache.set(pattern, compiled);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return compiled;
}
