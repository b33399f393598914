// Java regular expressions for the String methods templates call (`matches`, `replaceAll`,
// `replaceFirst`, `split`). This is the renderer's only view of a regex engine: when the project's
// java.util.regex engine (shared/src/regex) is available it belongs behind `compileJavaRegex`; until then a
// translation to JavaScript's RegExp covers the common subset and refuses what it cannot translate
// faithfully, so a template never silently gets JavaScript semantics.
import { JavaException } from './javaException';

/** A compiled Java pattern with the operations `java.lang.String` offers. */
export interface RenderRegex {
  matches(input: string): boolean;
  replaceAll(input: string, replacement: string): string;
  replaceFirst(input: string, replacement: string): string;
  split(input: string, limit: number): string[];
}

const cache = new Map<string, RenderRegex | JavaException>();
const CACHE_LIMIT = 500;

/** Compiles a Java pattern; throws `JavaException` (PatternSyntaxException) when it cannot. */
export function compileJavaRegex(pattern: string): RenderRegex {
  let compiled = cache.get(pattern);
  if (!compiled) {
    try {
      compiled = new TranslatedRegex(pattern);
    } catch (error) {
      compiled = error instanceof JavaException ? error : new JavaException('java.util.regex.PatternSyntaxException', String(error));
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, compiled);
  }
  if (compiled instanceof JavaException) throw compiled;
  return compiled;
}

class TranslatedRegex implements RenderRegex {
  private readonly source: string;
  private readonly flags: string;
  private readonly whole: RegExp;

  constructor(pattern: string) {
    const { source, flags } = translate(pattern);
    this.source = source;
    this.flags = flags;
    try {
      this.whole = new RegExp(`^(?:${source})$`, flags);
      new RegExp(source, `${flags}g`);
    } catch (error) {
      throw new JavaException('java.util.regex.PatternSyntaxException', `${(error as Error).message} near index 0\n${pattern}`);
    }
  }

  private global(): RegExp {
    return new RegExp(this.source, `${this.flags}g`);
  }

  matches(input: string): boolean {
    return this.whole.test(input);
  }

  replaceAll(input: string, replacement: string): string {
    const replace = javaReplacement(replacement);
    return input.replace(this.global(), (...args) => replace(args));
  }

  replaceFirst(input: string, replacement: string): string {
    const replace = javaReplacement(replacement);
    return input.replace(new RegExp(this.source, this.flags), (...args) => replace(args));
  }

  split(input: string, limit: number): string[] {
    if (input === '') return [''];
    const parts: string[] = [];
    const regex = this.global();
    let last = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(input)) !== null) {
      if (limit > 0 && parts.length === limit - 1) break;
      const end = match.index + match[0].length;
      if (match[0].length === 0) {
        regex.lastIndex++;
        // Java never yields a leading empty string for a zero-width match at the start.
        if (match.index === 0 || match.index >= input.length) continue;
      }
      parts.push(input.slice(last, match.index));
      last = end;
    }
    parts.push(input.slice(last));
    if (limit === 0) while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    if (limit === 0 && parts.length === 1 && parts[0] === '' && input !== '') return [];
    return parts;
  }
}

function translate(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([imsux]+)\)/.exec(source);
  if (inline) {
    for (const flag of inline[1]) {
      if (flag === 'i') flags += 'i';
      else if (flag === 's') flags += 's';
      else if (flag === 'm') flags += 'm';
      else throw new JavaException('java.util.regex.PatternSyntaxException', `the inline flag (?${flag}) is not supported in previews`);
    }
    source = source.slice(inline[0].length);
  }
  if (/\(\?>|[*+?}]\+|\(\?[a-z-]+[:)]|\\[AZzGQEpPh]|\[\[|&&/.test(source)) {
    throw new JavaException('java.util.regex.PatternSyntaxException', `the pattern uses Java syntax this preview cannot evaluate: ${pattern}`);
  }
  return { source, flags };
}

/** Java's `Matcher.appendReplacement` rules: `$n`, `${name}`, `\x` takes x literally. */
function javaReplacement(replacement: string): (args: unknown[]) => string {
  return (args) => {
    const groups = args.at(-1);
    const named = typeof groups === 'object' && groups !== null ? (groups as Record<string, string | undefined>) : undefined;
    const offsetIndex = named ? args.length - 3 : args.length - 2;
    const captures = args.slice(0, offsetIndex) as (string | undefined)[];
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const ch = replacement[i];
      if (ch === '\\') {
        i++;
        if (i >= replacement.length) throw new JavaException('java.lang.IllegalArgumentException', 'character to be escaped is missing');
        out += replacement[i];
      } else if (ch === '$') {
        i++;
        if (replacement[i] === '{') {
          const close = replacement.indexOf('}', i);
          const name = close < 0 ? '' : replacement.slice(i + 1, close);
          if (!named || !(name in named)) throw new JavaException('java.lang.IllegalArgumentException', `No group with name {${name}}`);
          out += named[name] ?? '';
          i = close;
        } else {
          let digits = '';
          while (i < replacement.length && /[0-9]/.test(replacement[i]) && (digits === '' || Number(digits + replacement[i]) < captures.length)) digits += replacement[i++];
          i--;
          if (digits === '') throw new JavaException('java.lang.IllegalArgumentException', 'Illegal group reference');
          const group = Number(digits);
          if (group >= captures.length) throw new JavaException('java.lang.IndexOutOfBoundsException', `No group ${group}`);
          out += captures[group] ?? '';
        }
      } else out += ch;
    }
    return out;
  };
}
