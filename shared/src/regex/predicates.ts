/**
 * Character predicates with Java's meaning: literals under the case flags (`single`, `BitClass`),
 * ranges, `\d \s \w \h \v \p{…}`, bracket expressions, and which of them Java builds as a
 * `BmpCharPredicate` (that choice decides whether its search may start inside a surrogate pair).
 */
import {
  ClassEscape,
  ClassExpression,
  JAVA_FLAG_CASE_INSENSITIVE,
  JAVA_FLAG_DOTALL,
  JAVA_FLAG_UNICODE_CASE,
  JAVA_FLAG_UNICODE_CHARACTER_CLASS,
  JAVA_FLAG_UNIX_LINES,
  RegexNode,
} from './ast';
import {
  CodePointPredicate,
  asciiToLower,
  asciiToUpper,
  isAsciiDigit,
  isAsciiSpace,
  isAsciiWord,
  isHorizontalWhitespace,
  isVerticalWhitespace,
  javaToLowerCase,
  javaToUpperCase,
  javaUnicodeDigit,
  javaUnicodeWhiteSpace,
  javaUnicodeWord,
  lookupJavaProperty,
} from './unicode';
import { JavaRegexRuntimeError } from './problems';

/** Whether `flags` includes `flag`. */
export const has = (flags: number, flag: number) => (flags & flag) !== 0;

/** An ASCII letter (it has another case). */
export function isAsciiCaseVariant(cp: number): boolean {
  return asciiToLower(cp) !== asciiToUpper(cp);
}

/** Answers for ASCII from a table, the rest from the predicate (which also keeps its exceptions). */
export function withAsciiTable(test: CodePointPredicate): CodePointPredicate {
  const ASK = 2;
  const table = new Uint8Array(128);
  for (let cp = 0; cp < 128; cp++) {
    try {
      table[cp] = test(cp) ? 1 : 0;
    } catch {
      table[cp] = ASK;
    }
  }
  return (cp) => {
    if (cp >= 128) return test(cp);
    const known = table[cp];
    return known === ASK ? test(cp) : known === 1;
  };
}

const NULL_OPERAND_MESSAGE = 'Cannot invoke "java.util.regex.Pattern$CharPredicate.is(int)" because "p" is null';

/** Java's `single(ch)` for a literal character under the given flags. */
export function literalPredicate(cp: number, flags: number): CodePointPredicate {
  if (has(flags, JAVA_FLAG_CASE_INSENSITIVE)) {
    if (has(flags, JAVA_FLAG_UNICODE_CASE)) {
      const upper = javaToUpperCase(cp);
      const lower = javaToLowerCase(upper);
      if (upper !== lower) return (c) => c === lower || javaToLowerCase(javaToUpperCase(c)) === lower;
    } else if (cp < 128 && isAsciiCaseVariant(cp)) {
      const lower = asciiToLower(cp);
      const upper = asciiToUpper(cp);
      return (c) => c === lower || c === upper;
    }
  }
  return (c) => c === cp;
}

/** A member of Java's `BitClass` (characters below U+0100), folded as `BitClass.add` does. */
function bitClassPredicate(cp: number, flags: number): CodePointPredicate {
  const members = new Set<number>([cp]);
  if (has(flags, JAVA_FLAG_CASE_INSENSITIVE)) {
    if (cp < 128) {
      members.add(asciiToUpper(cp));
      members.add(asciiToLower(cp));
    } else if (has(flags, JAVA_FLAG_UNICODE_CASE)) {
      members.add(javaToLowerCase(cp));
      members.add(javaToUpperCase(cp));
    }
  }
  return (c) => members.has(c);
}

const BIT_CLASS_EXCEPTIONS = new Set([0xff, 0xb5, 0x49, 0x69, 0x53, 0x73, 0x4b, 0x6b, 0xc5, 0xe5]);

function rangePredicate(from: number, to: number, flags: number): CodePointPredicate {
  const inRange = (c: number) => from <= c && c <= to;
  if (!has(flags, JAVA_FLAG_CASE_INSENSITIVE)) return inRange;
  if (has(flags, JAVA_FLAG_UNICODE_CASE)) {
    return (c) => {
      if (inRange(c)) return true;
      const up = javaToUpperCase(c);
      return inRange(up) || inRange(javaToLowerCase(up));
    };
  }
  return (c) => inRange(c) || (c < 128 && (inRange(asciiToUpper(c)) || inRange(asciiToLower(c))));
}

/** The predicate of `\d \s \w \h \v \p{…}` (negated for the upper-case forms and `\P`). */
export function classEscapePredicate(escape: ClassEscape, flags: number): CodePointPredicate {
  const unicode = has(flags, JAVA_FLAG_UNICODE_CHARACTER_CLASS);
  let test: CodePointPredicate;
  switch (escape.kind) {
    case 'digit': test = unicode ? javaUnicodeDigit : isAsciiDigit; break;
    case 'space': test = unicode ? javaUnicodeWhiteSpace : isAsciiSpace; break;
    case 'word': test = unicode ? javaUnicodeWord : isAsciiWord; break;
    case 'horizontalSpace': test = isHorizontalWhitespace; break;
    case 'verticalSpace': test = isVerticalWhitespace; break;
    case 'property': {
      const found = lookupJavaProperty(escape.property ?? '', has(flags, JAVA_FLAG_CASE_INSENSITIVE), unicode);
      test = 'predicate' in found ? found.predicate : () => false;
      break;
    }
  }
  if (!escape.negated) return test;
  const positive = test;
  return (c) => !positive(c);
}

/** The exact code points a class member accepts, when that is a short list (else null). */
function finiteMembers(expression: ClassExpression): number[] | null {
  switch (expression.type) {
    case 'classChar': {
      const { codePoint, flags } = expression;
      const caseInsensitive = has(flags, JAVA_FLAG_CASE_INSENSITIVE);
      const unicodeFolding = caseInsensitive && has(flags, JAVA_FLAG_UNICODE_CASE);
      if (codePoint < 256 && !(unicodeFolding && BIT_CLASS_EXCEPTIONS.has(codePoint))) {
        if (!caseInsensitive) return [codePoint];
        if (codePoint < 128) return [codePoint, asciiToUpper(codePoint), asciiToLower(codePoint)];
        return unicodeFolding ? [codePoint, javaToLowerCase(codePoint), javaToUpperCase(codePoint)] : [codePoint];
      }
      if (unicodeFolding) return null;
      if (caseInsensitive && codePoint < 128) return [asciiToLower(codePoint), asciiToUpper(codePoint)];
      return [codePoint];
    }
    case 'classRange': {
      if (has(expression.flags, JAVA_FLAG_CASE_INSENSITIVE) || expression.to - expression.from > 256) return null;
      const all: number[] = [];
      for (let cp = expression.from; cp <= expression.to; cp++) all.push(cp);
      return all;
    }
    case 'classUnion': {
      const all: number[] = [];
      for (const member of expression.members) {
        const finite = finiteMembers(member);
        if (!finite) return null;
        for (const cp of finite) all.push(cp);
      }
      return all;
    }
    case 'class':
      return expression.negated ? null : finiteMembers(expression.body);
    default:
      return null;
  }
}

/** The predicate of a bracket expression, following Java's union/intersection structure. */
export function classPredicate(expression: ClassExpression): CodePointPredicate {
  switch (expression.type) {
    case 'classChar': {
      const { codePoint, flags } = expression;
      const inBits = codePoint < 256 && !(has(flags, JAVA_FLAG_CASE_INSENSITIVE) && has(flags, JAVA_FLAG_UNICODE_CASE) && BIT_CLASS_EXCEPTIONS.has(codePoint));
      return inBits ? bitClassPredicate(codePoint, flags) : literalPredicate(codePoint, flags);
    }
    case 'classRange':
      return rangePredicate(expression.from, expression.to, expression.flags);
    case 'classEscapeItem':
      return classEscapePredicate(expression.escape, expression.flags);
    case 'classUnion': {
      // Members that accept a known, finite set of code points are merged into one lookup, so long
      // classes cost one test per character instead of one per member.
      const merged = new Set<number>();
      const others: CodePointPredicate[] = [];
      for (const member of expression.members) {
        const finite = finiteMembers(member);
        if (finite) for (const cp of finite) merged.add(cp);
        else others.push(classPredicate(member));
      }
      if (others.length === 0) return (c) => merged.has(c);
      if (merged.size === 0 && others.length === 1) return others[0];
      return (c) => {
        if (merged.has(c)) return true;
        for (const m of others) if (m(c)) return true;
        return false;
      };
    }
    case 'classIntersection': {
      const left = classPredicate(expression.left);
      if (expression.right.type === 'classUnion' && expression.right.missingOperand) {
        return (c) => {
          if (left(c)) throw new JavaRegexRuntimeError(NULL_OPERAND_MESSAGE, 'NullPointerException');
          return false;
        };
      }
      const right = classPredicate(expression.right);
      return (c) => left(c) && right(c);
    }
    case 'class': {
      const body = classPredicate(expression.body);
      return expression.negated ? (c) => !body(c) : body;
    }
  }
}

/** Java properties built as `BmpCharPredicate` (ranges and ASCII ctype tests). */
const BMP_PROPERTIES = new Set(['L1', 'ASCII', 'Alnum', 'Alpha', 'Blank', 'Cntrl', 'Digit', 'Graph', 'Lower', 'Print', 'Punct', 'Space', 'Upper', 'XDigit']);
const POSIX_UNICODE_NAMES = new Set(['ALPHA', 'LOWER', 'UPPER', 'SPACE', 'PUNCT', 'XDIGIT', 'ALNUM', 'CNTRL', 'DIGIT', 'BLANK', 'GRAPH', 'PRINT']);
const UNICODE_BINARY_NAMES = new Set(['ALPHABETIC', 'ASSIGNED', 'CONTROL', 'HEXDIGIT', 'HEX_DIGIT', 'IDEOGRAPHIC', 'JOINCONTROL', 'JOIN_CONTROL', 'LETTER', 'LOWERCASE', 'NONCHARACTERCODEPOINT', 'NONCHARACTER_CODE_POINT', 'TITLECASE', 'PUNCTUATION', 'UPPERCASE', 'WHITESPACE', 'WHITE_SPACE', 'WORD']);

function isBmpProperty(name: string, flags: number): boolean {
  const eq = name.indexOf('=');
  if (eq !== -1) {
    const key = name.slice(0, eq).toLowerCase();
    return (key === 'gc' || key === 'general_category') && BMP_PROPERTIES.has(name.slice(eq + 1));
  }
  if (name.startsWith('In')) return false;
  if (name.startsWith('Is')) {
    const short = name.slice(2).toUpperCase();
    if (UNICODE_BINARY_NAMES.has(short) || POSIX_UNICODE_NAMES.has(short)) return false;
    return BMP_PROPERTIES.has(name.slice(2));
  }
  if (has(flags, JAVA_FLAG_UNICODE_CHARACTER_CLASS) && POSIX_UNICODE_NAMES.has(name.toUpperCase())) return false;
  return BMP_PROPERTIES.has(name);
}

/** Whether Java builds this escape's predicate as a `BmpCharPredicate`. */
export function isBmpEscape(escape: ClassEscape, flags: number): boolean {
  if (escape.negated) return false;
  switch (escape.kind) {
    case 'digit':
    case 'space':
    case 'word':
      return !has(flags, JAVA_FLAG_UNICODE_CHARACTER_CLASS);
    case 'horizontalSpace':
    case 'verticalSpace':
      return true;
    case 'property':
      return isBmpProperty(escape.property ?? '', flags);
  }
}

function isSupplementaryOrSurrogate(cp: number): boolean {
  return cp >= 0x10000 || (cp >= 0xd800 && cp <= 0xdfff);
}

/** Whether Java builds this class as a `BmpCharPredicate` (its `newCharProperty` then keeps the plain search loop). */
export function isBmpClass(expression: ClassExpression): boolean {
  switch (expression.type) {
    case 'classChar': {
      const { codePoint, flags } = expression;
      const unicodeFolding = has(flags, JAVA_FLAG_CASE_INSENSITIVE) && has(flags, JAVA_FLAG_UNICODE_CASE);
      if (codePoint < 256 && !(unicodeFolding && BIT_CLASS_EXCEPTIONS.has(codePoint))) return true;
      if (unicodeFolding) {
        const upper = javaToUpperCase(codePoint);
        if (upper !== javaToLowerCase(upper)) return false;
      }
      return !isSupplementaryOrSurrogate(codePoint);
    }
    case 'classRange':
      if (has(expression.flags, JAVA_FLAG_CASE_INSENSITIVE)) return false;
      return expression.to < 0xd800 || (expression.from > 0xdfff && expression.to < 0x10000);
    case 'classEscapeItem':
      return isBmpEscape(expression.escape, expression.flags);
    case 'classUnion':
      return !expression.missingOperand && expression.members.every(isBmpClass);
    case 'classIntersection':
      return isBmpClass(expression.left) && isBmpClass(expression.right);
    case 'class':
      return !expression.negated && isBmpClass(expression.body);
  }
}

const DOT: CodePointPredicate = (c) => c !== 0x0a && c !== 0x0d && (c | 1) !== 0x2029 && c !== 0x85;
const UNIX_DOT: CodePointPredicate = (c) => c !== 0x0a;
const ALL: CodePointPredicate = () => true;

/** The predicate of a node that matches exactly one character, or null. */
export function singleCharacterPredicate(node: RegexNode): CodePointPredicate | null {
  switch (node.type) {
    case 'char':
      return literalPredicate(node.codePoint, node.flags);
    case 'any':
      return has(node.flags, JAVA_FLAG_DOTALL) ? ALL : has(node.flags, JAVA_FLAG_UNIX_LINES) ? UNIX_DOT : DOT;
    case 'class':
      return classPredicate(node);
    case 'classEscape':
      return classEscapePredicate(node.escape, node.flags);
    default:
      return null;
  }
}
