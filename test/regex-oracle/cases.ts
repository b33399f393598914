// Seeded (pattern, input, replacement) cases for the differential test against java.util.regex, and
// the answer format both sides print (see RegexOracle.java).
import { JavaMatch, JavaRegex, RegexStepLimitError, JavaRegexRuntimeError, compileJavaRegex } from '../../shared/src/regex/index';

export interface OracleCase {
  pattern: string;
  input: string;
  replacement: string;
}

/** mulberry32: small, fast, reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LITERALS = ['a', 'b', 'c', 'a', 'b', 'A', '1', ' ', '-', '\\.', '\\n', '\\t', 'é', '\\\\', '\\$', '\\(', '\\[', '\\*', '_', ':', '\\x41', '\\u00e9', '\\0101', '\\cA',
  '\\Qa.b\\E', '\\Q*\\E', '\\Q', 'É', 'ß', 'ſ', '\u212a', 'k', '\\x{1F600}', '😀', '#', ' # note\n', '\\e', '\\a', '\\f', '\\r\\n', '\\uD83D\\uDE00', 'ǅ'];
const CLASSES = ['[ab]', '[^a]', '[a-c]', '[a-c&&[^b]]', '[abc&&b]', '[a[bc]]', '[^\\s]', '[\\w-]', '[-a]', '[a-]', '[]a]', '[^]a]', '[\\d\\s]', '[A-Z]', '[.]', '[\\p{Lower}]', '[^\\p{Alpha}]', '[\\x{61}-c]', '[a&&]', '[&]', '[a&b]',
  '[é-ê]', '[^😀]', '[a-zA-Z&&[^aeiou]]', '[\\x00-\\x7f]', '[\\v]', '[\\v-\\x0d]', '[K]', '[k-m]', '[^\\P{L}]', '[\\p{IsGreek}]', '[\\Q]\\E]', '[ab&&[^b]c]', '[a&&b&c]', '[a&&[b]&c]', '[\\u00e0-\\u00ff]', '[S]', '[ÿ]'];
const ESCAPES = ['\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '\\h', '\\v', '\\R', '\\p{L}', '\\p{Lu}', '\\pL', '\\P{Alpha}', '\\p{Punct}', '\\p{IsAlphabetic}', '\\p{javaLowerCase}', '\\p{IsLatin}', '\\p{InGreek}', '\\p{ASCII}', '.'];
const ASSERTIONS = ['^', '$', '\\b', '\\B', '\\A', '\\z', '\\Z', '\\G'];
const QUANTIFIERS = ['*', '+', '?', '{2}', '{1,}', '{0,2}', '{1,3}', '*?', '+?', '??', '{1,2}?', '*+', '++', '?+', '{0,2}+', '{0}', '{3,}', '{0,0}', '{2,}?', '{1,3}+'];
const FLAGS = ['(?i)', '(?s)', '(?m)', '(?x)', '(?d)', '(?iu)', '(?-i)', '(?U)', '(?ix)', '(?im)', '(?sd)', '(?m-s)', '(?i-u)', '(?md)', '(?iU)'];
const INPUT_UNITS = ['a', 'b', 'c', 'a', 'b', 'A', 'B', '1', '2', ' ', '_', '-', '.', '\n', '\r', '\r\n', 'é', 'É', 'α', '\u0085', '\u2028', '\t', '$', '\\', '(', '[', '*', 'ab', 'abc', '😀',
  '\u212a', 'ſ', 'ß', 'SS', 'ǅ', 'ǆ', '\uD83D', '\uDE00', 'İ', 'ı', 'k', 'K', 'i', 'I', 'ÿ', 'Ÿ', 'µ', 'Μ', '#', '\u0301', 'é\u0301', '٣'];
const REPLACEMENTS = ['', '-', '$0', '<$1>', '$1$2', '\\$', '\\\\', '$', '$9', '${name}', '$10', 'x\\', '[$0]', '$a'];
const BROKEN = ['(', ')', '[', ']', '{', '}', '*', '+', '?', '\\', '\\k', '\\p', '(?<', '(?', '{1', '{2,1}', '\\x', '\\u12', '\\c', '\\q', '(?<n>', '\\0', '[z-a]', '(?<=a+b*)', '(?<=(a|bc)+)',
  '(?<n>a)(?<n>b)', '\\k<zz>', '\\p{Foo}', '\\p{}', '\\p{L', '(?<=a*+)', '[\\d-z]', '\\x{110000}', '\\x{', '(?<1a>x)', '(?<=(?:a|b){2})', '(?<=(ab){1,2})', '\\1', '\\11', '(?z)', '{', 'a{1,2', 'a{,2}', '\\E', '[a-\\d]', '(?<=\\R)', '\\p{sc=Greek}', '\\p{blk=Foo}', '\\p{gc=Lu}', '\\p{IsFoo}'];

/** A random pattern over a small alphabet; `broken` splices in fragments that often make it invalid. */
export function randomPattern(random: () => number, depth = 0, groups = { count: 0, named: false }): string {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const parts: string[] = [];
  const length = 1 + Math.floor(random() * (depth === 0 ? 4 : 3));
  for (let i = 0; i < length; i++) {
    const roll = random();
    let atom: string;
    if (roll < 0.3) atom = pick(LITERALS);
    else if (roll < 0.42) atom = pick(CLASSES);
    else if (roll < 0.54) atom = pick(ESCAPES);
    else if (roll < 0.6) atom = pick(ASSERTIONS);
    else if (roll < 0.64) atom = pick(FLAGS);
    else if (roll < 0.67 && groups.count > 0) atom = `\\${1 + Math.floor(random() * groups.count)}`;
    else if (roll < 0.69 && groups.named) atom = '\\k<name>';
    else if (depth < 3) {
      const kind = random();
      const inner = () => randomPattern(random, depth + 1, groups);
      if (kind < 0.35) {
        groups.count++;
        atom = `(${inner()})`;
      } else if (kind < 0.5) atom = `(?:${inner()}|${inner()})`;
      else if (kind < 0.58) atom = `(?=${inner()})`;
      else if (kind < 0.64) atom = `(?!${inner()})`;
      else if (kind < 0.7) atom = `(?<=${pick(['a', 'b|cc', '[ab]{1,2}', '\\w', 'a?', '^', '\\w{1,3}', 'a*', '😀', '(a)', '\\b', '(?i)A'])})`;
      else if (kind < 0.74) atom = `(?<!${pick(['a', 'b|cc', '\\d', 'x?'])})`;
      else if (kind < 0.82) atom = `(?>${inner()})`;
      else if (kind < 0.87 && !groups.named) {
        groups.named = true;
        groups.count++;
        atom = `(?<name>${inner()})`;
      } else if (kind < 0.93) atom = `(?i:${inner()})`;
      else atom = `(${inner()}|)`;
    } else atom = pick(LITERALS);
    if (random() < 0.35) atom += pick(QUANTIFIERS);
    parts.push(atom);
  }
  let pattern = parts.join(random() < 0.12 ? '|' : '');
  if (depth === 0 && random() < 0.08) {
    const at = Math.floor(random() * (pattern.length + 1));
    pattern = pattern.slice(0, at) + pick(BROKEN) + pattern.slice(at);
  }
  return pattern;
}

const SOUP = 'ab()[]{}*+?|\\^$.-&:=!<>,0123dDwWsSbBpPkQExuLcRzZAG#n \'';

/** Characters thrown together: mostly invalid patterns, to compare the parsers' verdicts. */
export function soupPattern(random: () => number): string {
  const length = 1 + Math.floor(random() * 10);
  let pattern = '';
  for (let i = 0; i < length; i++) pattern += SOUP[Math.floor(random() * SOUP.length)];
  return pattern;
}

export function randomInput(random: () => number): string {
  const length = Math.floor(random() * (random() < 0.2 ? 24 : 9));
  let text = '';
  for (let i = 0; i < length; i++) text += INPUT_UNITS[Math.floor(random() * INPUT_UNITS.length)];
  return text;
}

export function generateCases(seed: number, count: number): OracleCase[] {
  const random = seededRandom(seed);
  const cases: OracleCase[] = [];
  for (let i = 0; i < count; i++) {
    const pattern = random() < 0.15 ? soupPattern(random) : randomPattern(random);
    cases.push({ pattern, input: randomInput(random), replacement: REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)] });
  }
  return cases;
}

export function hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

export function unhex(text: string): string {
  let out = '';
  for (let i = 0; i + 4 <= text.length; i += 4) out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
  return out;
}

const MAX_FINDS = 20;

/** Our answer, in the oracle's line format. `S` when the step budget ran out. */
export function answer(c: OracleCase): string {
  const compiled = compileJavaRegex(c.pattern);
  if (!compiled.regex) {
    const error = compiled.problems.find((p) => p.severity === 'error')!;
    return `E\t${hex(error.message)}\t${error.javaIndex ?? '?'}`;
  }
  const regex = compiled.regex;
  try {
    return ['M', regex.matches(c.input) ? '1' : '0', finds(regex, c.input), replaceAll(regex, c), split(regex, c.input, 0), split(regex, c.input, -1), split(regex, c.input, 2), findFrom(regex, c.input, Math.floor(c.input.length / 2))].join('\t');
  } catch (e) {
    if (e instanceof RegexStepLimitError) return 'S';
    if (e instanceof JavaRegexRuntimeError) return `X\t${e.javaException}`;
    throw e;
  }
}

function describe(m: JavaMatch): string {
  const parts = [m.start, m.end];
  for (let g = 1; g < m.groups.length; g++) {
    const span = m.spans[g];
    parts.push(span ? span[0] : -1, span ? span[1] : -1);
  }
  return parts.join(',');
}

function finds(regex: JavaRegex, input: string): string {
  const found = regex.findAll(input).slice(0, MAX_FINDS);
  return found.length === 0 ? '-' : found.map(describe).join(';');
}

function findFrom(regex: JavaRegex, input: string, from: number): string {
  const found = regex.find(input, from);
  return found ? describe(found) : '-';
}

function replaceAll(regex: JavaRegex, c: OracleCase): string {
  try {
    return '=' + hex(regex.replaceAll(c.input, c.replacement));
  } catch (e) {
    if (e instanceof JavaRegexRuntimeError) return '!' + hex(e.message);
    throw e;
  }
}

function split(regex: JavaRegex, input: string, limit: number): string {
  const pieces = regex.split(input, limit);
  return `${pieces.length}[${pieces.map(hex).join(',')}]`;
}
