/**
 * Java's character predicates (`java.lang.Character` and `java.util.regex.CharPredicates`) on top of
 * the JavaScript engine's Unicode tables. Unicode versions differ slightly (Node's is newer than
 * Java 17's); for assigned, long-standing characters the answers agree.
 */
import { JAVA_UNICODE_BLOCKS } from './unicodeBlocks';

export type CodePointPredicate = (codePoint: number) => boolean;

/** Java's `Character.getType` numbering, index = Java type constant. */
const CATEGORY_BY_JAVA_TYPE = [
  'Cn', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Me', 'Mc', 'Nd', 'Nl', 'No', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', '',
  'Co', 'Cs', 'Pd', 'Ps', 'Pe', 'Pc', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Pi', 'Pf',
] as const;

const categoryProbe = new RegExp(
  CATEGORY_BY_JAVA_TYPE.map((name) => (name ? `(\\p{gc=${name}})` : '(?!)()')).join('|'),
  'u',
);
const bmpTypes = new Uint8Array(0x10000).fill(255);
const astralTypes = new Map<number, number>();

/** `Character.getType(codePoint)`. */
export function javaCharacterType(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = bmpTypes[codePoint];
    if (known !== 255) return known;
  } else {
    const known = astralTypes.get(codePoint);
    if (known !== undefined) return known;
  }
  const found = categoryProbe.exec(String.fromCodePoint(codePoint));
  let type = 0;
  if (found) for (let i = 1; i < found.length; i++) if (found[i] !== undefined) { type = i - 1; break; }
  if (codePoint < 0x10000) bmpTypes[codePoint] = type;
  else if (astralTypes.size < 100_000) astralTypes.set(codePoint, type);
  return type;
}

export const enum JavaType {
  Unassigned = 0, UppercaseLetter = 1, LowercaseLetter = 2, TitlecaseLetter = 3, ModifierLetter = 4,
  OtherLetter = 5, NonSpacingMark = 6, EnclosingMark = 7, CombiningSpacingMark = 8, DecimalDigit = 9,
  LetterNumber = 10, OtherNumber = 11, SpaceSeparator = 12, LineSeparator = 13, ParagraphSeparator = 14,
  Control = 15, Format = 16, PrivateUse = 18, Surrogate = 19, DashPunctuation = 20, StartPunctuation = 21,
  EndPunctuation = 22, ConnectorPunctuation = 23, OtherPunctuation = 24, MathSymbol = 25,
  CurrencySymbol = 26, ModifierSymbol = 27, OtherSymbol = 28, InitialQuote = 29, FinalQuote = 30,
}

function typeMask(...types: number[]): number {
  let mask = 0;
  for (const t of types) mask |= 1 << t;
  return mask;
}

function category(mask: number): CodePointPredicate {
  return (cp) => ((mask >>> javaCharacterType(cp)) & 1) !== 0;
}

const LETTER_MASK = typeMask(JavaType.UppercaseLetter, JavaType.LowercaseLetter, JavaType.TitlecaseLetter, JavaType.ModifierLetter, JavaType.OtherLetter);
const CASED_LETTER_MASK = typeMask(JavaType.UppercaseLetter, JavaType.LowercaseLetter, JavaType.TitlecaseLetter);
const PUNCTUATION_MASK = typeMask(JavaType.DashPunctuation, JavaType.StartPunctuation, JavaType.EndPunctuation, JavaType.ConnectorPunctuation, JavaType.OtherPunctuation, JavaType.InitialQuote, JavaType.FinalQuote);
const SEPARATOR_MASK = typeMask(JavaType.SpaceSeparator, JavaType.LineSeparator, JavaType.ParagraphSeparator);

/** A predicate backed by a JavaScript property escape, with a lazily filled table for the BMP. */
function jsProperty(property: string): CodePointPredicate {
  const probe = new RegExp(`^\\p{${property}}$`, 'u');
  return cached((cp) => probe.test(String.fromCodePoint(cp)));
}

function cached(predicate: CodePointPredicate): CodePointPredicate {
  let table: Uint8Array | undefined;
  return (cp) => {
    if (cp >= 0x10000) return predicate(cp);
    table ??= new Uint8Array(0x10000);
    const known = table[cp];
    if (known !== 0) return known === 2;
    const answer = predicate(cp);
    table[cp] = answer ? 2 : 1;
    return answer;
  };
}

const isLowerCase = jsProperty('Lowercase');
const isUpperCase = jsProperty('Uppercase');
const isTitleCase = category(1 << JavaType.TitlecaseLetter);
const isAlphabetic = jsProperty('Alphabetic');
const isIdeographic = jsProperty('Ideographic');
const isLetter = category(LETTER_MASK);
const isDigit = category(1 << JavaType.DecimalDigit);
const isMirrored = jsProperty('Bidi_Mirrored');
const isIdStart = jsProperty('ID_Start');
const isIdContinue = jsProperty('ID_Continue');

/** `Character.isLetterOrDigit`. */
export function javaIsLetterOrDigit(cp: number): boolean {
  return ((typeMask(JavaType.DecimalDigit) | LETTER_MASK) >>> javaCharacterType(cp) & 1) !== 0;
}

function isIdentifierIgnorable(cp: number): boolean {
  return (cp >= 0 && cp <= 8) || (cp >= 0x0e && cp <= 0x1b) || (cp >= 0x7f && cp <= 0x9f) || javaCharacterType(cp) === JavaType.Format;
}

function isJavaWhitespace(cp: number): boolean {
  if ((cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f)) return true;
  if (cp === 0xa0 || cp === 0x2007 || cp === 0x202f) return false;
  return ((SEPARATOR_MASK >>> javaCharacterType(cp)) & 1) !== 0;
}

const javaIdentifierStart = category(LETTER_MASK | typeMask(JavaType.LetterNumber, JavaType.CurrencySymbol, JavaType.ConnectorPunctuation));
const javaIdentifierPartMask = LETTER_MASK | typeMask(JavaType.CurrencySymbol, JavaType.ConnectorPunctuation, JavaType.DecimalDigit, JavaType.LetterNumber, JavaType.CombiningSpacingMark, JavaType.NonSpacingMark);

// --- case mapping -------------------------------------------------------------------------------

const upperCache = new Map<number, number>();
const lowerCache = new Map<number, number>();

/** `Character.toUpperCase(int)`: the simple (one code point) mapping. */
export function javaToUpperCase(cp: number): number {
  if (cp < 0x80) return cp >= 0x61 && cp <= 0x7a ? cp - 32 : cp;
  let mapped = upperCache.get(cp);
  if (mapped === undefined) {
    mapped = singleCodePoint(String.fromCodePoint(cp).toUpperCase(), cp);
    if (cp === 0xdf) mapped = cp;
    if (upperCache.size > 50_000) upperCache.clear();
    upperCache.set(cp, mapped);
  }
  return mapped;
}

/** `Character.toLowerCase(int)`: the simple (one code point) mapping. */
export function javaToLowerCase(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  let mapped = lowerCache.get(cp);
  if (mapped === undefined) {
    mapped = cp === 0x130 ? 0x69 : singleCodePoint(String.fromCodePoint(cp).toLowerCase(), cp);
    if (lowerCache.size > 50_000) lowerCache.clear();
    lowerCache.set(cp, mapped);
  }
  return mapped;
}

function singleCodePoint(text: string, fallback: number): number {
  const first = text.codePointAt(0)!;
  return text.length === (first >= 0x10000 ? 2 : 1) ? first : fallback;
}

/** `ASCII.toLower`: only A-Z change. */
export function asciiToLower(cp: number): number {
  return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
}

/** `ASCII.toUpper`: only a-z change. */
export function asciiToUpper(cp: number): number {
  return cp >= 0x61 && cp <= 0x7a ? cp - 32 : cp;
}

// --- ASCII classes (java.util.regex.ASCII) ---------------------------------------------------------

export function isAsciiDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}
export function isAsciiAlpha(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}
export function isAsciiAlnum(cp: number): boolean {
  return isAsciiAlpha(cp) || isAsciiDigit(cp);
}
export function isAsciiWord(cp: number): boolean {
  return isAsciiAlnum(cp) || cp === 0x5f;
}
export function isAsciiSpace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
}
export function isAsciiHexDigit(cp: number): boolean {
  return isAsciiDigit(cp) || (cp >= 0x41 && cp <= 0x46) || (cp >= 0x61 && cp <= 0x66);
}
function isAsciiPunct(cp: number): boolean {
  return (cp >= 0x21 && cp <= 0x2f) || (cp >= 0x3a && cp <= 0x40) || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0x7e);
}

// --- Unicode (UNICODE_CHARACTER_CLASS) versions of \d \s \w ----------------------------------------

/** `\p{IsWhite_Space}` as Java defines it. */
export function javaUnicodeWhiteSpace(cp: number): boolean {
  return ((SEPARATOR_MASK >>> javaCharacterType(cp)) & 1) !== 0 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85;
}

/** `\w` under UNICODE_CHARACTER_CLASS. */
export function javaUnicodeWord(cp: number): boolean {
  if (isAlphabetic(cp)) return true;
  const mask = typeMask(JavaType.NonSpacingMark, JavaType.EnclosingMark, JavaType.CombiningSpacingMark, JavaType.DecimalDigit, JavaType.ConnectorPunctuation);
  return ((mask >>> javaCharacterType(cp)) & 1) !== 0 || cp === 0x200c || cp === 0x200d;
}

export function javaUnicodeDigit(cp: number): boolean {
  return isDigit(cp);
}

export function isHorizontalWhitespace(cp: number): boolean {
  return cp === 0x09 || cp === 0x20 || cp === 0xa0 || cp === 0x1680 || cp === 0x180e || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

export function isVerticalWhitespace(cp: number): boolean {
  return (cp >= 0x0a && cp <= 0x0d) || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

// --- \p{…} lookup ------------------------------------------------------------------------------------

const any: CodePointPredicate = () => true;

function union(...predicates: CodePointPredicate[]): CodePointPredicate {
  return (cp) => predicates.some((p) => p(cp));
}

function hexDigit(cp: number): boolean {
  return isDigit(cp) || (cp >= 0x41 && cp <= 0x46) || (cp >= 0x61 && cp <= 0x66) || (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff26) || (cp >= 0xff41 && cp <= 0xff46);
}

const control = category(1 << JavaType.Control);
const blank: CodePointPredicate = (cp) => javaCharacterType(cp) === JavaType.SpaceSeparator || cp === 0x09;
const graph = category(~typeMask(JavaType.SpaceSeparator, JavaType.LineSeparator, JavaType.ParagraphSeparator, JavaType.Control, JavaType.Surrogate, JavaType.Unassigned));
const anyCase = (cp: number) => isLowerCase(cp) || isUpperCase(cp) || isTitleCase(cp);

/** Java's POSIX names as Unicode properties (`\p{IsAlpha}`, or `\p{Alpha}` under `(?U)`). */
function posixUnicode(upperName: string, caseInsensitive: boolean): CodePointPredicate | undefined {
  switch (upperName) {
    case 'ALPHA': return isAlphabetic;
    case 'LOWER': return caseInsensitive ? anyCase : isLowerCase;
    case 'UPPER': return caseInsensitive ? anyCase : isUpperCase;
    case 'SPACE': return javaUnicodeWhiteSpace;
    case 'PUNCT': return category(PUNCTUATION_MASK);
    case 'XDIGIT': return hexDigit;
    case 'ALNUM': return union(isAlphabetic, isDigit);
    case 'CNTRL': return control;
    case 'DIGIT': return isDigit;
    case 'BLANK': return blank;
    case 'GRAPH': return graph;
    case 'PRINT': return (cp) => (graph(cp) || blank(cp)) && !control(cp);
    default: return undefined;
  }
}

/** Binary properties reachable as `\p{IsAlphabetic}` (Java 17's list) and POSIX names. */
function unicodeBinaryProperty(name: string, caseInsensitive: boolean): CodePointPredicate | undefined {
  const upper = name.toUpperCase();
  switch (upper) {
    case 'ALPHABETIC': return isAlphabetic;
    case 'ASSIGNED': return (cp) => javaCharacterType(cp) !== JavaType.Unassigned;
    case 'CONTROL': return control;
    case 'HEXDIGIT': case 'HEX_DIGIT': return hexDigit;
    case 'IDEOGRAPHIC': return isIdeographic;
    case 'JOINCONTROL': case 'JOIN_CONTROL': return (cp) => cp === 0x200c || cp === 0x200d;
    case 'LETTER': return isLetter;
    case 'LOWERCASE': return caseInsensitive ? anyCase : isLowerCase;
    case 'NONCHARACTERCODEPOINT': case 'NONCHARACTER_CODE_POINT': return (cp) => (cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef);
    case 'TITLECASE': return caseInsensitive ? anyCase : isTitleCase;
    case 'PUNCTUATION': return category(PUNCTUATION_MASK);
    case 'UPPERCASE': return caseInsensitive ? anyCase : isUpperCase;
    case 'WHITESPACE': case 'WHITE_SPACE': return javaUnicodeWhiteSpace;
    case 'WORD': return javaUnicodeWord;
    default: return posixUnicode(upper, caseInsensitive);
  }
}

const GENERAL_CATEGORY_NAMES = new Set(CATEGORY_BY_JAVA_TYPE.filter((n) => n));

/** Categories, their aliases, ASCII POSIX classes and `java…` methods (`CharPredicates.forProperty`). */
function generalProperty(name: string, caseInsensitive: boolean): CodePointPredicate | undefined {
  if (GENERAL_CATEGORY_NAMES.has(name as 'Lu')) {
    const type = CATEGORY_BY_JAVA_TYPE.indexOf(name as 'Lu');
    if (caseInsensitive && (name === 'Lu' || name === 'Ll' || name === 'Lt')) return category(CASED_LETTER_MASK);
    return category(1 << type);
  }
  const ascii = (test: (cp: number) => boolean): CodePointPredicate => (cp) => cp < 128 && test(cp);
  switch (name) {
    case 'L': return category(LETTER_MASK);
    case 'M': return category(typeMask(JavaType.NonSpacingMark, JavaType.EnclosingMark, JavaType.CombiningSpacingMark));
    case 'N': return category(typeMask(JavaType.DecimalDigit, JavaType.LetterNumber, JavaType.OtherNumber));
    case 'Z': return category(SEPARATOR_MASK);
    case 'C': return category(typeMask(JavaType.Control, JavaType.Format, JavaType.PrivateUse, JavaType.Surrogate, JavaType.Unassigned));
    case 'P': return category(PUNCTUATION_MASK);
    case 'S': return category(typeMask(JavaType.MathSymbol, JavaType.CurrencySymbol, JavaType.ModifierSymbol, JavaType.OtherSymbol));
    case 'LC': return category(CASED_LETTER_MASK);
    case 'LD': return category(LETTER_MASK | (1 << JavaType.DecimalDigit));
    case 'L1': return (cp) => cp <= 0xff;
    case 'all': return any;
    case 'ASCII': return (cp) => cp <= 0x7f;
    case 'Alnum': return ascii(isAsciiAlnum);
    case 'Alpha': return ascii(isAsciiAlpha);
    case 'Blank': return (cp) => cp === 0x20 || cp === 0x09;
    case 'Cntrl': return (cp) => cp < 0x20 || cp === 0x7f;
    case 'Digit': return isAsciiDigit;
    case 'Graph': return (cp) => cp >= 0x21 && cp <= 0x7e;
    case 'Lower': return caseInsensitive ? isAsciiAlpha : (cp) => cp >= 0x61 && cp <= 0x7a;
    case 'Print': return (cp) => cp >= 0x20 && cp <= 0x7e;
    case 'Punct': return isAsciiPunct;
    case 'Space': return isAsciiSpace;
    case 'Upper': return caseInsensitive ? isAsciiAlpha : (cp) => cp >= 0x41 && cp <= 0x5a;
    case 'XDigit': return isAsciiHexDigit;
    case 'javaLowerCase': return caseInsensitive ? anyCase : isLowerCase;
    case 'javaUpperCase': return caseInsensitive ? anyCase : isUpperCase;
    case 'javaTitleCase': return caseInsensitive ? anyCase : isTitleCase;
    case 'javaAlphabetic': return isAlphabetic;
    case 'javaIdeographic': return isIdeographic;
    case 'javaDigit': return isDigit;
    case 'javaDefined': return (cp) => javaCharacterType(cp) !== JavaType.Unassigned;
    case 'javaLetter': return isLetter;
    case 'javaLetterOrDigit': return javaIsLetterOrDigit;
    case 'javaJavaIdentifierStart': return javaIdentifierStart;
    case 'javaJavaIdentifierPart': return (cp) => ((javaIdentifierPartMask >>> javaCharacterType(cp)) & 1) !== 0 || isIdentifierIgnorable(cp);
    case 'javaUnicodeIdentifierStart': return isIdStart;
    case 'javaUnicodeIdentifierPart': return (cp) => isIdContinue(cp) || isIdentifierIgnorable(cp);
    case 'javaIdentifierIgnorable': return isIdentifierIgnorable;
    case 'javaSpaceChar': return category(SEPARATOR_MASK);
    case 'javaWhitespace': return isJavaWhitespace;
    case 'javaISOControl': return (cp) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
    case 'javaMirrored': return isMirrored;
    default: return undefined;
  }
}

const scriptCache = new Map<string, CodePointPredicate | null>();

/** `Character.UnicodeScript.forName` (case-insensitive full names with `_`, or 4-letter codes). */
function unicodeScript(name: string): CodePointPredicate | undefined {
  const key = name.toUpperCase();
  if (!/^[A-Z_]+$/.test(key)) return undefined;
  let found = scriptCache.get(key);
  if (found === undefined) {
    found = null;
    const titled = key.toLowerCase().replace(/(^|_)([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
    for (const candidate of [titled, key, key.toLowerCase()]) {
      try {
        found = jsProperty(`Script=${candidate}`);
        break;
      } catch {
        // not a script name in this spelling
      }
    }
    scriptCache.set(key, found);
  }
  return found ?? undefined;
}

const BLOCK_ALIASES: Record<string, string> = {
  GREEKANDCOPTIC: 'GREEK',
  CYRILLICSUPPLEMENT: 'CYRILLIC_SUPPLEMENTARY',
  COMBININGDIACRITICALMARKSFORSYMBOLS: 'COMBINING_MARKS_FOR_SYMBOLS',
};

function blockKey(name: string): string {
  return name.toUpperCase().replace(/[ _-]/g, '');
}

let blockRanges: Map<string, [number, number][]> | undefined;

/** `Character.UnicodeBlock.forName`: the constant name, or the Unicode name with or without spaces. */
function blockPredicate(name: string): CodePointPredicate | undefined {
  if (!blockRanges) {
    blockRanges = new Map();
    for (const [first, last, blockName] of JAVA_UNICODE_BLOCKS) {
      const key = blockKey(blockName);
      const ranges = blockRanges.get(key) ?? [];
      ranges.push([first, last]);
      blockRanges.set(key, ranges);
    }
  }
  const key = blockKey(name);
  const ranges = blockRanges.get(BLOCK_ALIASES[key] ? blockKey(BLOCK_ALIASES[key]) : key);
  if (!ranges) return undefined;
  return (cp) => ranges.some(([first, last]) => cp >= first && cp <= last);
}

export type PropertyLookup = { predicate: CodePointPredicate } | { javaError: string };

/**
 * What `\p{name}` means in Java (`Pattern.family`), or Java's error message.
 */
export function lookupJavaProperty(name: string, caseInsensitive: boolean, unicodeClasses: boolean): PropertyLookup {
  const eq = name.indexOf('=');
  if (eq !== -1) {
    const value = name.slice(eq + 1);
    const key = name.slice(0, eq).toLowerCase();
    let predicate: CodePointPredicate | undefined;
    switch (key) {
      case 'sc': case 'script': predicate = unicodeScript(value); break;
      case 'blk': case 'block': predicate = blockPredicate(value); break;
      case 'gc': case 'general_category': predicate = generalProperty(value, caseInsensitive); break;
    }
    if (predicate) return { predicate };
    return { javaError: `Unknown Unicode property {name=<${key}>, value=<${value}>}` };
  }
  let predicate: CodePointPredicate | undefined;
  if (name.startsWith('In')) {
    predicate = blockPredicate(name.slice(2));
  } else if (name.startsWith('Is')) {
    const short = name.slice(2);
    predicate = unicodeBinaryProperty(short, caseInsensitive) ?? generalProperty(short, caseInsensitive) ?? unicodeScript(short);
  } else {
    if (unicodeClasses) predicate = posixUnicode(name.toUpperCase(), caseInsensitive);
    predicate ??= generalProperty(name, caseInsensitive);
  }
  if (predicate) return { predicate };
  return { javaError: `Unknown character property name {${name}}` };
}

