// The one door from a template to a value's members. Every method call and property read resolves
// through the own entries of a per-type table below, so nothing a template writes can reach JavaScript
// prototypes (`constructor`, `__proto__`, `map`, `call`) or anything the engine did not hand it.
// Behaviour follows the Java class API Gateway would have at hand: String, List (ArrayList, JSONArray),
// Map (LinkedHashMap), Map.Entry, Integer/Long/Double, Boolean.
import { JavaNumber } from '../../apigw/index';
import { arity, bool, classCastError, int, str, WrongArguments } from './javaArguments';
import { BIG_DECIMAL_METHODS, BIG_INTEGER_METHODS } from './javaBigNumbers';
import { JavaException } from './javaException';
import { javaEquals, javaHashCode, javaStringHash } from './javaEquality';
import { compareJavaNumbers, isFloatingKind, isJavaInt, javaFloat, javaIntValue, javaLong, javaLongValue, numberKind } from './javaMath';
import { backingList, spliceJavaList, subListView } from './javaLists';
import { clearMap, deleteMapEntry, mapView, mapViewKind, putMapEntry } from './javaMaps';
import { javaPattern, runJavaRegex } from './javaRegex';
import { staticMethodsOf } from './javaStatics';
import {
  isCollectionView,
  isJavaArray,
  isJavaNumber,
  JavaMapEntry,
  markJavaArray,
  numberValue,
  markJavaCharacter,
  toJavaDouble,
  viewSource,
} from './javaValues';

/** What a method needs from the render it runs in. */
export interface CallContext {
  /** Checks a string the call built against the output bound; throws when it is too long. */
  checkString(length: number): void;
  /** Called before a map entry is written; throws when the map refuses (an override set twice). */
  beforeMapWrite(map: Map<unknown, unknown>, key: unknown): void;
  /** Checks the size a list or map is about to grow to; throws when too large. */
  checkSize(items: number): void;
  /** Counts work (for the time bound). */
  tick(): void;
  /** Looks at the clock after a regex call, which can be long on its own. */
  afterRegex(): void;
  /** `String.valueOf(value)` under the output bound. */
  print(value: unknown): string;
  warn(code: string, message: string): void;
}

/** A method implementation; returns `NO_SUCH_METHOD` when no overload takes these arguments. */
export type JavaMethod<R> = (receiver: R, args: unknown[], call: CallContext) => unknown;

/** Returned when a method or property does not exist for the receiver (Velocity then yields null). */
export const NO_SUCH_METHOD: unique symbol = Symbol('no such method');

type MethodTable<R> = Record<string, JavaMethod<R>>;

function table<R>(methods: MethodTable<R>): MethodTable<R> {
  return Object.assign(Object.create(null) as MethodTable<R>, methods);
}

/** A host object ($input, $util, a `$foreach` scope): members only from its own tables. */
export class HostObject {
  constructor(
    /** What `toString()` gives (Velocity prints it for `$input`). */
    readonly javaString: string,
    readonly methods: MethodTable<HostObject>,
    /** Bean properties (`$input.body` is `getBody()`). */
    readonly properties: Record<string, () => unknown>,
  ) {}
}

/**
 * A `java.lang.Character` (from `charAt`): prints as the character and compares equal to it with
 * `==` (Velocity compares the texts of different classes), but has none of String's methods.
 */
function javaCharacter(char: string): HostObject {
  return markJavaCharacter(new HostObject(char, CHARACTER_METHODS, NO_PROPERTIES), char);
}

const NO_PROPERTIES: Record<string, () => unknown> = Object.create(null) as Record<string, () => unknown>;

function isCharacter(value: unknown): value is HostObject {
  return value instanceof HostObject && value.methods === CHARACTER_METHODS;
}

const CHARACTER_METHODS = table<HostObject>({
  charValue: (c, a) => (arity(a, 0), c.javaString),
  equals: (c, a) => (arity(a, 1), isCharacter(a[0]) && a[0].javaString === c.javaString),
  compareTo: (c, a) => {
    arity(a, 1);
    if (!isCharacter(a[0])) throw classCastError(a[0], 'java.lang.Character');
    return c.javaString.charCodeAt(0) - a[0].javaString.charCodeAt(0);
  },
  hashCode: (c, a) => (arity(a, 0), c.javaString.charCodeAt(0)),
  // Character's static tests, reached through an instance (`$c.isDigit($c)`), for a char or a code point.
  isLetter: (_c, a) => characterTest(a, /\p{L}/u),
  isDigit: (_c, a) => characterTest(a, /\p{Nd}/u),
  isLetterOrDigit: (_c, a) => characterTest(a, /[\p{L}\p{Nd}]/u),
  isUpperCase: (_c, a) => characterTest(a, /\p{Uppercase}/u),
  isLowerCase: (_c, a) => characterTest(a, /\p{Lowercase}/u),
  isWhitespace: (_c, a) => (arity(a, 1), isJavaWhitespace(characterArgument(a[0]))),
  toUpperCase: (_c, a) => (arity(a, 1), caseMapped(a[0], (text) => text.toUpperCase())),
  toLowerCase: (_c, a) => (arity(a, 1), caseMapped(a[0], (text) => text.toLowerCase())),
});

/** A `char` (a Character) or a code point (an Integer) argument, as text. */
function characterArgument(value: unknown): string {
  if (isCharacter(value)) return value.javaString;
  const code = int(value);
  if (code < 0 || code > 0x10ffff) return '';
  return String.fromCodePoint(code);
}

function characterTest(args: unknown[], pattern: RegExp): boolean {
  arity(args, 1);
  return pattern.test(characterArgument(args[0]));
}

/** Character.toUpperCase/toLowerCase: a one-character mapping (none when Unicode's maps to several), same class back. */
function caseMapped(value: unknown, map: (text: string) => string): unknown {
  const text = characterArgument(value);
  const mapped = map(text);
  const single = [...mapped].length === 1 ? mapped : text;
  return isCharacter(value) ? javaCharacter(single) : single.codePointAt(0) ?? value;
}

/** A host object from plain tables (copied into null-prototype tables). */
export function hostObject(javaString: string, methods: MethodTable<HostObject>, properties: Record<string, () => unknown> = {}): HostObject {
  return new HostObject(javaString, table(methods), Object.assign(Object.create(null) as Record<string, () => unknown>, properties));
}

// ---------------------------------------------------------------------------------------------------
// Helpers the methods share

function stringIndexError(message: string): JavaException {
  return new JavaException('java.lang.StringIndexOutOfBoundsException', message);
}

function listIndexError(index: number, length: number): JavaException {
  return new JavaException('java.lang.IndexOutOfBoundsException', `Index ${index} out of bounds for length ${length}`);
}

function isWhitespaceForTrim(code: number): boolean {
  return code <= 0x20;
}

/** `Character.isWhitespace` (what strip and isBlank use): Unicode spaces except the no-break ones, and the ASCII controls. */
function isJavaWhitespace(char: string): boolean {
  if (char === '\u00a0' || char === '\u2007' || char === '\u202f') return false;
  return /[\t\n\u000b\f\r\u001c-\u001f]|\p{Zs}|\p{Zl}|\p{Zp}/u.test(char);
}

/** `strip`, `stripLeading`, `stripTrailing`: Java whitespace off either end. */
function stripJava(s: string, leading: boolean, trailing: boolean): string {
  let start = 0;
  let end = s.length;
  while (leading && start < end && isJavaWhitespace(s[start])) start++;
  while (trailing && end > start && isJavaWhitespace(s[end - 1])) end--;
  return s.slice(start, end);
}

// ---------------------------------------------------------------------------------------------------
// java.lang.String

const STRING_METHODS = table<string>({
  length: (s, a) => (arity(a, 0), s.length),
  isEmpty: (s, a) => (arity(a, 0), s.length === 0),
  isBlank: (s, a) => (arity(a, 0), stripJava(s, true, false).length === 0),
  toString: (s: string, a: unknown[]) => (arity(a, 0), s),
  hashCode: (s, a) => (arity(a, 0), javaStringHash(s)),
  equals: (s, a) => (arity(a, 1), a[0] === s),
  equalsIgnoreCase: (s, a) => {
    arity(a, 1);
    if (a[0] === null || a[0] === undefined) return false;
    // equalsIgnoreCase(String) takes no other class: 1.7 finds no method for a number or a Character.
    const other = str(a[0]);
    return other.length === s.length && other.toUpperCase().toLowerCase() === s.toUpperCase().toLowerCase();
  },
  contains: (s, a) => (arity(a, 1), s.includes(str(a[0]))),
  startsWith: (s, a) => (arity(a, 1, 2), a.length === 2 ? s.startsWith(str(a[0]), int(a[1])) : s.startsWith(str(a[0]))),
  endsWith: (s, a) => (arity(a, 1), s.endsWith(str(a[0]))),
  indexOf: (s, a) => {
    arity(a, 1, 2);
    const needle = typeof a[0] === 'number' ? String.fromCharCode(int(a[0])) : str(a[0]);
    return a.length === 2 ? s.indexOf(needle, Math.max(0, int(a[1]))) : s.indexOf(needle);
  },
  lastIndexOf: (s, a) => {
    arity(a, 1, 2);
    const needle = typeof a[0] === 'number' ? String.fromCharCode(int(a[0])) : str(a[0]);
    if (a.length === 2) {
      const from = int(a[1]);
      return from < 0 ? -1 : s.lastIndexOf(needle, from);
    }
    return s.lastIndexOf(needle);
  },
  substring: (s, a) => {
    arity(a, 1, 2);
    const begin = int(a[0]);
    const end = a.length === 2 ? int(a[1]) : s.length;
    if (begin < 0 || end > s.length || begin > end) throw stringIndexError(`begin ${begin}, end ${end}, length ${s.length}`);
    return s.slice(begin, end);
  },
  charAt: (s, a) => {
    arity(a, 1);
    const index = int(a[0]);
    if (index < 0 || index >= s.length) throw stringIndexError(`String index out of range: ${index}`);
    return javaCharacter(s[index]);
  },
  toLowerCase: (s, a) => (arity(a, 0), s.toLowerCase()),
  toUpperCase: (s, a) => (arity(a, 0), s.toUpperCase()),
  trim: (s, a) => {
    arity(a, 0);
    let start = 0;
    let end = s.length;
    while (start < end && isWhitespaceForTrim(s.charCodeAt(start))) start++;
    while (end > start && isWhitespaceForTrim(s.charCodeAt(end - 1))) end--;
    return s.slice(start, end);
  },
  strip: (s, a) => (arity(a, 0), stripJava(s, true, true)),
  stripLeading: (s, a) => (arity(a, 0), stripJava(s, true, false)),
  stripTrailing: (s, a) => (arity(a, 0), stripJava(s, false, true)),
  intern: (s, a) => (arity(a, 0), s),
  repeat: (s, a, call) => {
    arity(a, 1);
    const count = int(a[0]);
    if (count < 0) throw new JavaException('java.lang.IllegalArgumentException', `count is negative: ${count}`);
    call.checkString(s.length * count);
    return s.repeat(count);
  },
  concat: (s, a, call) => {
    arity(a, 1);
    const other = str(a[0]);
    call.checkString(s.length + other.length);
    return s + other;
  },
  replace: (s, a, call) => {
    arity(a, 2);
    // replace(char, char) takes two Characters; replace(CharSequence, CharSequence) two Strings.
    if (isCharacter(a[0]) && isCharacter(a[1])) return s.split(a[0].javaString).join(a[1].javaString);
    const target = str(a[0]);
    const replacement = str(a[1]);
    const result = target === '' ? replacement + s.split('').join(replacement) + (s === '' ? '' : replacement) : s.split(target).join(replacement);
    call.checkString(result.length);
    return result;
  },
  replaceAll: (s, a, call) => {
    arity(a, 2);
    const regex = javaPattern(str(a[0]));
    const result = runJavaRegex(() => regex.replaceAll(s, str(a[1])));
    call.afterRegex();
    call.checkString(result.length);
    return result;
  },
  replaceFirst: (s, a, call) => {
    arity(a, 2);
    const regex = javaPattern(str(a[0]));
    const result = runJavaRegex(() => regex.replaceFirst(s, str(a[1])));
    call.afterRegex();
    call.checkString(result.length);
    return result;
  },
  matches: (s, a, call) => {
    arity(a, 1);
    const regex = javaPattern(str(a[0]));
    const result = runJavaRegex(() => regex.matches(s));
    call.afterRegex();
    return result;
  },
  split: (s, a, call) => {
    arity(a, 1, 2);
    const regex = javaPattern(str(a[0]));
    const limit = a.length === 2 ? int(a[1]) : 0;
    const parts = runJavaRegex(() => regex.split(s, limit));
    call.afterRegex();
    return markJavaArray(parts);
  },
  compareTo: (s, a) => {
    arity(a, 1);
    if (a[0] !== null && a[0] !== undefined && typeof a[0] !== 'string') throw classCastError(a[0], 'java.lang.String');
    return compareStrings(s, str(a[0]));
  },
  compareToIgnoreCase: (s, a) => (arity(a, 1), compareStrings(s.toUpperCase().toLowerCase(), str(a[0]).toUpperCase().toLowerCase())),
  contentEquals: (s, a) => (arity(a, 1), s === str(a[0])),
  codePointAt: (s, a) => {
    arity(a, 1);
    const index = int(a[0]);
    if (index < 0 || index >= s.length) throw stringIndexError(`index ${index}, length ${s.length}`);
    return s.codePointAt(index);
  },
  regionMatches: (s, a) => {
    // regionMatches([ignoreCase,] offset, other, otherOffset, length)
    arity(a, 4, 5);
    const ignoreCase = a.length === 5 ? bool(a[0]) : false;
    const [offset, other, otherOffset, length] = a.slice(a.length - 4);
    const from = int(offset);
    const text = str(other);
    const otherFrom = int(otherOffset);
    const count = int(length);
    if (from < 0 || otherFrom < 0 || from > s.length - count || otherFrom > text.length - count) return false;
    if (count <= 0) return true;
    const mine = s.slice(from, from + count);
    const theirs = text.slice(otherFrom, otherFrom + count);
    return ignoreCase ? mine.toUpperCase().toLowerCase() === theirs.toUpperCase().toLowerCase() : mine === theirs;
  },
});

function compareStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------------
// java.util.List (ArrayList, json-smart JSONArray, and arrays as Velocity wraps them)

function checkIndex(list: unknown[], index: number, size = list.length): void {
  if (index < 0 || index >= size) throw listIndexError(index, size);
}

function refuseArrayChange(list: unknown[]): void {
  if (isJavaArray(backingList(list))) throw new JavaException('java.lang.UnsupportedOperationException', 'arrays have a fixed size');
}

const LIST_METHODS = table<unknown[]>({
  size: (l, a) => (arity(a, 0), l.length),
  isEmpty: (l, a) => (arity(a, 0), l.length === 0),
  get: (l, a) => {
    arity(a, 1);
    const index = int(a[0]);
    checkIndex(l, index);
    return l[index];
  },
  contains: (l, a) => (arity(a, 1), l.some((item) => javaEquals(item, a[0]))),
  indexOf: (l, a) => (arity(a, 1), l.findIndex((item) => javaEquals(item, a[0]))),
  lastIndexOf: (l, a) => {
    arity(a, 1);
    for (let i = l.length - 1; i >= 0; i--) if (javaEquals(l[i], a[0])) return i;
    return -1;
  },
  add: (l, a, call) => {
    arity(a, 1, 2);
    refuseArrayChange(l);
    call.checkSize(l.length + 1);
    if (a.length === 2) {
      const index = int(a[0]);
      checkIndex(l, index, l.length + 1);
      spliceJavaList(l, index, 0, [a[1]]);
      return undefined;
    }
    spliceJavaList(l, l.length, 0, [a[0]]);
    return true;
  },
  addAll: (l, a, call) => {
    arity(a, 1, 2);
    refuseArrayChange(l);
    const source = collection(a[a.length - 1]);
    const index = a.length === 2 ? int(a[0]) : l.length;
    if (a.length === 2) checkIndex(l, index, l.length + 1);
    call.checkSize(l.length + source.length);
    // Java copies the argument first (`toArray()`), so a list added to itself doubles once.
    const items = [...source];
    spliceJavaList(l, index, 0, items);
    return items.length > 0;
  },
  containsAll: (l, a, call) => (arity(a, 1), collection(a[0]).every((item) => holdsEqual(l, item, call))),
  removeAll: (l, a, call) => (arity(a, 1), removeWhere(l, collection(a[0]), true, call)),
  retainAll: (l, a, call) => (arity(a, 1), removeWhere(l, collection(a[0]), false, call)),
  hashCode: (l, a) => (arity(a, 0), javaHashCode(l)),
  set: (l, a) => {
    arity(a, 2);
    const index = int(a[0]);
    checkIndex(l, index);
    const old = l[index];
    l[index] = a[1];
    return old;
  },
  remove: (l, a) => {
    arity(a, 1);
    refuseArrayChange(l);
    if (isJavaInt(a[0])) {
      const index = a[0];
      checkIndex(l, index);
      return spliceJavaList(l, index, 1)[0];
    }
    const at = l.findIndex((item) => javaEquals(item, a[0]));
    if (at < 0) return false;
    spliceJavaList(l, at, 1);
    return true;
  },
  clear: (l, a) => {
    arity(a, 0);
    refuseArrayChange(l);
    spliceJavaList(l, 0, l.length);
    return undefined;
  },
  sort: (l, a, call) => {
    // List.sort(null): natural order, which needs items of one comparable class.
    arity(a, 1);
    if (a[0] !== null && a[0] !== undefined) throw new WrongArguments();
    // JavaScript's sort would put nulls last without comparing them; Java compares them and fails.
    if (l.length > 1 && l.some((item) => item === null || item === undefined)) {
      throw new JavaException('java.lang.NullPointerException', 'a null item cannot be sorted');
    }
    const sorted = [...l].sort((x, y) => (call.tick(), naturalOrder(x, y)));
    for (let i = 0; i < sorted.length; i++) l[i] = sorted[i];
    // ArrayList.sort counts as a structural change (its iterators and views fail after it); a view or an
    // array sorts by setting its items, which is none.
    if (backingList(l) === l && !isJavaArray(l)) spliceJavaList(l, 0, 0);
    return undefined;
  },
  subList: (l, a) => {
    arity(a, 2);
    const from = int(a[0]);
    const to = int(a[1]);
    if (from < 0 || to > l.length || from > to) throw new JavaException('java.lang.IndexOutOfBoundsException', `fromIndex: ${from}, toIndex: ${to}, size: ${l.length}`);
    return subListView(l, from, to);
  },
  toString: (l: unknown[], a: unknown[], call: CallContext) => (arity(a, 0), call.print(l)),
  equals: (l, a) => (arity(a, 1), javaEquals(l, a[0])),
});

/** What a Set or Collection view (`keySet()`, `values()`, `entrySet()`) offers: no positional access. */
const COLLECTION_METHODS = table<unknown[]>({
  size: LIST_METHODS.size,
  isEmpty: LIST_METHODS.isEmpty,
  contains: LIST_METHODS.contains,
  toString: LIST_METHODS.toString,
  equals: LIST_METHODS.equals,
  containsAll: LIST_METHODS.containsAll,
  add: refuseViewChange,
  addAll: refuseViewChange,
  // Removing through a view removes the entry from its map.
  remove: (v, a) => (arity(a, 1), removeFromMapView(v, (item) => javaEquals(item, a[0]), true)),
  removeAll: (v, a, call) => {
    arity(a, 1);
    const other = [...collection(a[0])];
    return removeFromMapView(v, (item) => holdsEqual(other, item, call), false);
  },
  retainAll: (v, a, call) => {
    arity(a, 1);
    const other = [...collection(a[0])];
    return removeFromMapView(v, (item) => !holdsEqual(other, item, call), false);
  },
  clear: (v, a) => {
    arity(a, 0);
    const map = viewSource(v);
    if (map) clearMap(map);
    return undefined;
  },
  hashCode: (v, a) => {
    arity(a, 0);
    // A Set's hash is the sum of its items' (AbstractSet); values() keeps Object's identity hash.
    if (mapViewKind(v) === 'values') throw new WrongArguments();
    return v.reduce<number>((sum, item) => (sum + javaHashCode(item)) | 0, 0);
  },
});

/** Removes the entries of a view's map whose item (key, value or entry) matches; `once`: the first only. */
function removeFromMapView(view: unknown[], matches: (item: unknown) => boolean, once: boolean): boolean {
  const map = viewSource(view);
  if (!map) return false;
  const items = [...view];
  const keys = [...map.keys()];
  let removed = false;
  for (let i = 0; i < keys.length; i++) {
    if (!matches(items[i])) continue;
    deleteMapEntry(map, keys[i]);
    removed = true;
    if (once) break;
  }
  return removed;
}

/** Comparable's order for `sort(null)`: Strings, Booleans, or numbers of one class; anything else fails its cast. */
function naturalOrder(x: unknown, y: unknown): number {
  if (typeof x === 'string' && typeof y === 'string') return compareStrings(x, y);
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  if (isJavaNumber(x) && isJavaNumber(y) && numberKind(x) === numberKind(y)) {
    return isFloatingKind(numberKind(x)) ? compareDoubles(numberValue(x), numberValue(y)) : compareJavaNumbers(x, y);
  }
  throw classCastError(y, 'java.lang.Comparable of the same class');
}

/** A `Collection` argument: a list or a map view (a Java array or a map is not one). */
function collection(value: unknown): unknown[] {
  if (!Array.isArray(value) || isJavaArray(value)) throw new WrongArguments();
  return value;
}

/** Whether `items` holds one equal to `item`; counts each comparison, since bulk methods compare list by list. */
function holdsEqual(items: unknown[], item: unknown, call: CallContext): boolean {
  for (const candidate of items) {
    call.tick();
    if (javaEquals(candidate, item)) return true;
  }
  return false;
}

/** removeAll (`inOther`) or retainAll (`!inOther`): drops the items whose presence in `other` is `inOther`. */
function removeWhere(list: unknown[], other: unknown[], inOther: boolean, call: CallContext): boolean {
  refuseArrayChange(list);
  const snapshot = [...other];
  let changed = false;
  for (let i = list.length - 1; i >= 0; i--) {
    const item: unknown = list[i];
    if (holdsEqual(snapshot, item, call) === inOther) {
      spliceJavaList(list, i, 1);
      changed = true;
    }
  }
  return changed;
}

function refuseViewChange(): never {
  throw new JavaException('java.lang.UnsupportedOperationException', 'a map view cannot grow');
}

// ---------------------------------------------------------------------------------------------------
// java.util.Map (LinkedHashMap) and Map.Entry

const MAP_METHODS = table<Map<unknown, unknown>>({
  get: (m, a) => (arity(a, 1), m.get(a[0])),
  getOrDefault: (m, a) => (arity(a, 2), m.has(a[0]) ? m.get(a[0]) : a[1]),
  put: (m, a, call) => {
    arity(a, 2);
    call.beforeMapWrite(m, a[0]);
    const old = m.get(a[0]);
    putMapEntry(m, a[0], a[1]);
    call.checkSize(m.size);
    return old;
  },
  putAll: (m, a, call) => {
    arity(a, 1);
    if (!(a[0] instanceof Map)) throw new WrongArguments();
    call.checkSize(m.size + a[0].size);
    for (const [key, value] of [...a[0]]) {
      call.beforeMapWrite(m, key);
      putMapEntry(m, key, value);
    }
    return undefined;
  },
  containsKey: (m, a) => (arity(a, 1), m.has(a[0])),
  containsValue: (m, a) => {
    arity(a, 1);
    for (const value of m.values()) if (javaEquals(value, a[0])) return true;
    return false;
  },
  keySet: (m, a) => (arity(a, 0), mapView(m, 'keys')),
  values: (m, a) => (arity(a, 0), mapView(m, 'values')),
  entrySet: (m, a) => (arity(a, 0), mapView(m, 'entries')),
  size: (m, a) => (arity(a, 0), m.size),
  isEmpty: (m, a) => (arity(a, 0), m.size === 0),
  remove: (m, a) => {
    arity(a, 1, 2);
    if (a.length === 2) {
      // remove(key, value): only when the key maps to an equal value.
      if (!m.has(a[0]) || !javaEquals(m.get(a[0]), a[1])) return false;
      deleteMapEntry(m, a[0]);
      return true;
    }
    const old = m.get(a[0]);
    deleteMapEntry(m, a[0]);
    return old;
  },
  putIfAbsent: (m, a, call) => {
    arity(a, 2);
    const old = m.get(a[0]);
    if (old !== null && old !== undefined) return old;
    call.beforeMapWrite(m, a[0]);
    putMapEntry(m, a[0], a[1]);
    call.checkSize(m.size);
    return undefined;
  },
  hashCode: (m, a) => (arity(a, 0), javaHashCode(m)),
  clear: (m, a) => (arity(a, 0), clearMap(m), undefined),
  toString: (m: Map<unknown, unknown>, a: unknown[], call: CallContext) => (arity(a, 0), call.print(m)),
  equals: (m, a) => (arity(a, 1), javaEquals(m, a[0])),
});

const ENTRY_METHODS = table<JavaMapEntry>({
  getKey: (e, a) => (arity(a, 0), e.key),
  getValue: (e, a) => (arity(a, 0), e.value),
  setValue: (e, a, call) => {
    arity(a, 1);
    call.beforeMapWrite(e.map, e.key);
    const old = e.value;
    e.map.set(e.key, a[0]);
    return old;
  },
  toString: (e: JavaMapEntry, a: unknown[], call: CallContext) => (arity(a, 0), call.print(e)),
  equals: (e, a) => (arity(a, 1), javaEquals(e, a[0])),
  hashCode: (e, a) => (arity(a, 0), javaHashCode(e)),
});

// ---------------------------------------------------------------------------------------------------
// java.lang.Integer / Long / Double, java.lang.Boolean

type AnyJavaNumber = number | JavaNumber;

const NUMBER_METHODS = table<AnyJavaNumber>({
  intValue: (n, a) => (arity(a, 0), javaIntValue(n)),
  // Byte and Short come back as Integers here (they print the same and an int parameter takes all three).
  shortValue: (n, a) => (arity(a, 0), (javaIntValue(n) << 16) >> 16),
  byteValue: (n, a) => (arity(a, 0), (javaIntValue(n) << 24) >> 24),
  longValue: (n, a) => (arity(a, 0), javaLong(javaLongValue(n))),
  doubleValue: (n, a) => (arity(a, 0), toJavaDouble(numberValue(n))),
  floatValue: (n, a) => (arity(a, 0), javaFloat(numberValue(n))),
  toString: (n: AnyJavaNumber, a: unknown[], call: CallContext) => (arity(a, 0), call.print(n)),
  equals: (n, a) => (arity(a, 1), javaEquals(n, a[0])),
  compareTo: (n, a) => {
    arity(a, 1);
    const kind = numberKind(n);
    if (!isJavaNumber(a[0]) || numberKind(a[0]) !== kind) throw classCastError(a[0], `java.lang.${kind}`);
    if (isFloatingKind(kind)) return compareDoubles(numberValue(n), numberValue(a[0]));
    return compareJavaNumbers(n, a[0]);
  },
  // Only Double and Float have isNaN/isInfinite: an Integer finds no such method.
  isNaN: (n, a) => (arity(a, 0), doubleOnly(n), Number.isNaN(numberValue(n))),
  isInfinite: (n, a) => (arity(a, 0), doubleOnly(n), !Number.isFinite(numberValue(n)) && !Number.isNaN(numberValue(n))),
  hashCode: (n, a) => (arity(a, 0), javaHashCode(n)),
});

function doubleOnly(n: number | JavaNumber): void {
  if (!isFloatingKind(numberKind(n))) throw new WrongArguments();
}

/** `Double.compare`: `<` plus -0.0 before 0.0 and NaN after everything (equal to itself). */
function compareDoubles(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  const rank = (d: number): number => (Number.isNaN(d) ? 1 : Object.is(d, -0) ? -1 : 0);
  return Math.sign(rank(x) - rank(y));
}

const BOOLEAN_METHODS = table<boolean>({
  booleanValue: (b, a) => (arity(a, 0), b),
  toString: (b: boolean, a: unknown[]) => (arity(a, 0), String(b)),
  equals: (b, a) => (arity(a, 1), a[0] === b),
  hashCode: (b, a) => (arity(a, 0), javaHashCode(b)),
  compareTo: (b, a) => {
    arity(a, 1);
    if (typeof a[0] !== 'boolean') throw classCastError(a[0], 'java.lang.Boolean');
    return Number(b) - Number(a[0]);
  },
});

// ---------------------------------------------------------------------------------------------------
// Dispatch

function methodOf<R>(methods: MethodTable<R>, name: string): JavaMethod<R> | undefined {
  return Object.prototype.hasOwnProperty.call(methods, name) ? methods[name] : undefined;
}

type BoundMethod = (args: unknown[], call: CallContext) => unknown;

/** The receiver's method `name`: its instance overloads, then its class's static ones (Integer.parseInt on an Integer). */
function lookup(receiver: unknown, name: string): BoundMethod | undefined {
  const instance = instanceMethod(receiver, name);
  const statics = staticMethodsOf(receiver);
  const staticMethod = statics && Object.prototype.hasOwnProperty.call(statics, name) ? statics[name] : undefined;
  if (!staticMethod) return instance;
  if (!instance) return staticMethod;
  return (args, call) => {
    try {
      return instance(args, call);
    } catch (error) {
      if (error instanceof WrongArguments) return staticMethod(args, call);
      throw error;
    }
  };
}

function instanceMethod(receiver: unknown, name: string): BoundMethod | undefined {
  if (typeof receiver === 'string') {
    const method = methodOf(STRING_METHODS, name);
    return method && ((args, call) => method(receiver, args, call));
  }
  if (Array.isArray(receiver)) {
    const method = methodOf(isCollectionView(receiver) ? COLLECTION_METHODS : LIST_METHODS, name);
    return method && ((args, call) => method(receiver, args, call));
  }
  if (receiver instanceof Map) {
    const method = methodOf(MAP_METHODS, name);
    return method && ((args, call) => method(receiver, args, call));
  }
  if (isJavaNumber(receiver)) {
    const method = methodOf(NUMBER_METHODS, name);
    const kind = numberKind(receiver);
    const own = kind === 'BigInteger' ? BIG_INTEGER_METHODS : kind === 'BigDecimal' ? BIG_DECIMAL_METHODS : undefined;
    const bigMethod = own && receiver instanceof JavaNumber && Object.prototype.hasOwnProperty.call(own, name) ? own[name] : undefined;
    if (!bigMethod) return method && ((args, call) => method(receiver, args, call));
    if (!method) return (args, call) => bigMethod(receiver as JavaNumber, args, call);
    // toString() is Number's, toString(radix) BigInteger's: the arguments decide.
    return (args, call) => {
      try {
        return method(receiver, args, call);
      } catch (error) {
        if (error instanceof WrongArguments) return bigMethod(receiver as JavaNumber, args, call);
        throw error;
      }
    };
  }
  if (typeof receiver === 'boolean') {
    const method = methodOf(BOOLEAN_METHODS, name);
    return method && ((args, call) => method(receiver, args, call));
  }
  if (receiver instanceof JavaMapEntry) {
    const method = methodOf(ENTRY_METHODS, name);
    return method && ((args, call) => method(receiver, args, call));
  }
  if (receiver instanceof HostObject) {
    const method = methodOf(receiver.methods, name);
    if (method) return (args, call) => method(receiver, args, call);
    if (name === 'toString') return () => receiver.javaString;
  }
  return undefined;
}

/**
 * Calls `receiver.name(args)` as Java would. Returns `NO_SUCH_METHOD` when the receiver's class has no
 * such method for these arguments; throws `JavaException` when the method throws.
 */
export function invokeJavaMethod(receiver: unknown, name: string, args: unknown[], call: CallContext): unknown {
  call.tick();
  const method = lookup(receiver, name);
  if (!method) return NO_SUCH_METHOD;
  try {
    return method(args, call);
  } catch (error) {
    if (error instanceof WrongArguments) return NO_SUCH_METHOD;
    throw error;
  }
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Reads `receiver.name` as Velocity 1.7 resolves a property: `getName()`, then `get("name")` on a map,
 * then `isName()`. Returns `NO_SUCH_METHOD` when none applies.
 */
export function readJavaProperty(receiver: unknown, name: string, call: CallContext): unknown {
  call.tick();
  if (receiver instanceof HostObject && Object.prototype.hasOwnProperty.call(receiver.properties, name)) {
    return receiver.properties[name]();
  }
  if (receiver instanceof Map) return receiver.get(name);
  if (receiver instanceof JavaMapEntry) {
    if (name === 'key') return receiver.key;
    if (name === 'value') return receiver.value;
  }
  for (const candidate of [`get${capitalize(name)}`, `get${name}`, `is${capitalize(name)}`]) {
    if (candidate === 'getClass') continue;
    const method = lookup(receiver, candidate);
    if (method) {
      const value = invokeJavaMethod(receiver, candidate, [], call);
      if (value !== NO_SUCH_METHOD) return value;
    }
  }
  return NO_SUCH_METHOD;
}

/** Reads `receiver[index]`: lists by integer index (out of range is an error in Velocity 1.7), maps by key. */
export function readJavaIndex(receiver: unknown, index: unknown, call: CallContext): unknown {
  call.tick();
  if (Array.isArray(receiver)) {
    // `get(int)` takes an Integer only (a Long index finds no method).
    if (!isJavaInt(index) || isCollectionView(receiver)) return NO_SUCH_METHOD;
    // Velocity 1.7 counts a negative index from the end; past either end `get` throws.
    const at = index < 0 ? receiver.length + index : index;
    checkIndex(receiver, at);
    return receiver[at];
  }
  if (receiver instanceof Map) return receiver.get(index);
  if (isJavaInt(index) && index < 0 && receiver !== null && receiver !== undefined) {
    // 1.7 counts a negative index from `size()`, which only collections and maps have.
    throw new JavaException('org.apache.velocity.exception.VelocityException', `A 'size()' method required for negative value ${index} does not exist`);
  }
  if (receiver instanceof HostObject || receiver instanceof JavaMapEntry) {
    return typeof index === 'string' ? readJavaProperty(receiver, index, call) : NO_SUCH_METHOD;
  }
  return NO_SUCH_METHOD;
}
