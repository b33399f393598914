/** Java's replacement-string syntax (`Matcher.appendReplacement`): `$1`, `${name}`, `\$`, `\\`. */
import { JavaRegexRuntimeError } from './problems';

/** A literal piece or a group reference. */
export type ReplacementPart = string | number;

function isAsciiLetterOrDigit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

/**
 * Reads a replacement the way Java expands it, throwing Java's exception (as
 * `JavaRegexRuntimeError`) at the first problem. Java only reads it once a match is found.
 */
export function parseJavaReplacement(replacement: string, groupCount: number, groupNames: Record<string, number>): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let literal = '';
  let cursor = 0;
  const flush = () => {
    if (literal) parts.push(literal);
    literal = '';
  };
  while (cursor < replacement.length) {
    const unit = replacement.charCodeAt(cursor);
    if (unit === 0x5c) {
      cursor++;
      if (cursor === replacement.length) throw new JavaRegexRuntimeError('character to be escaped is missing');
      literal += replacement[cursor];
      cursor++;
    } else if (unit === 0x24) {
      cursor++;
      if (cursor === replacement.length) throw new JavaRegexRuntimeError('Illegal group reference: group index is missing');
      let refNum: number;
      if (replacement[cursor] === '{') {
        cursor++;
        const begin = cursor;
        while (cursor < replacement.length && isAsciiLetterOrDigit(replacement.charCodeAt(cursor))) cursor++;
        if (begin === cursor) throw new JavaRegexRuntimeError('named capturing group has 0 length name');
        if (replacement[cursor] !== '}') throw new JavaRegexRuntimeError("named capturing group is missing trailing '}'");
        const name = replacement.slice(begin, cursor);
        if (name.charCodeAt(0) <= 0x39) throw new JavaRegexRuntimeError(`capturing group name {${name}} starts with digit character`);
        const number = Object.prototype.hasOwnProperty.call(groupNames, name) ? groupNames[name] : undefined;
        if (number === undefined) throw new JavaRegexRuntimeError(`No group with name {${name}}`);
        refNum = number;
        cursor++;
      } else {
        refNum = replacement.charCodeAt(cursor) - 0x30;
        if (refNum < 0 || refNum > 9) throw new JavaRegexRuntimeError('Illegal group reference');
        cursor++;
        while (cursor < replacement.length) {
          const digit = replacement.charCodeAt(cursor) - 0x30;
          if (digit < 0 || digit > 9) break;
          const candidate = refNum * 10 + digit;
          if (groupCount < candidate) break;
          refNum = candidate;
          cursor++;
        }
      }
      if (refNum > groupCount) throw new JavaRegexRuntimeError(`No group ${refNum}`, 'IndexOutOfBoundsException');
      flush();
      parts.push(refNum);
    } else {
      literal += replacement[cursor];
      cursor++;
    }
  }
  flush();
  return parts;
}
