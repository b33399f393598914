import type { EmbeddedText } from '../model/types';
import { EmbeddedTextBuilder } from './embedded';

const simpleEscapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Decodes the JSON string literal written at [start, end) of `text` (quotes included), mapping
 * every decoded UTF-16 code unit to the characters that wrote it. Each `\uXXXX` is one code unit,
 * so a surrogate pair written as two escapes maps each half to its own escape. Malformed escapes
 * are kept as written (the parser reports them).
 */
export function decodeJsonString(text: string, start: number, end: number): EmbeddedText {
  const hasClosingQuote = end - start >= 2 && text.charCodeAt(end - 1) === 0x22;
  const contentEnd = hasClosingQuote ? end - 1 : end;
  let backslash = start + 1;
  while (backslash < contentEnd && text.charCodeAt(backslash) !== 0x5c) backslash++;
  if (backslash >= contentEnd) {
    // No escape: the text is the characters between the quotes, one segment.
    const content = text.slice(start + 1, contentEnd);
    return { text: content, segments: [{ text: 0, textLength: content.length, doc: start + 1, docLength: content.length }], range: { start, end } };
  }
  const builder = new EmbeddedTextBuilder();
  let runStart = start + 1;
  let i = backslash;
  while (i < contentEnd) {
    if (text.charCodeAt(i) !== 0x5c) {
      i++;
      continue;
    }
    if (i > runStart) builder.copy(text.slice(runStart, i), runStart);
    const escape = text[i + 1];
    if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) && i + 6 <= contentEnd) {
      builder.decoded(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i, 6);
      i += 6;
    } else if (escape !== undefined && i + 1 < contentEnd && simpleEscapes[escape] !== undefined) {
      builder.decoded(simpleEscapes[escape], i, 2);
      i += 2;
    } else {
      builder.copy('\\', i);
      i += 1;
    }
    runStart = i;
  }
  if (contentEnd > runStart) builder.copy(text.slice(runStart, contentEnd), runStart);
  return builder.build({ start, end }, start + 1);
}
