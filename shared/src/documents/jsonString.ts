import type { EmbeddedText, OffsetRange, Segment } from '../model/types';
import { DeferredSegmentsText } from './embedded';

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

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** The first backslash in [from, end), `end` when there is none (bounded: `indexOf` would search the rest of the document). */
function nextBackslash(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && text.charCodeAt(at) !== 0x5c) at++;
  return at;
}

/** Length of the well-formed escape whose backslash is at `at`, or 0 when it is malformed (kept as written). */
function escapeLength(text: string, at: number, contentEnd: number): number {
  if (at + 1 >= contentEnd) return 0;
  const escape = text[at + 1];
  if (escape === 'u') {
    if (at + 6 > contentEnd) return 0;
    for (let i = at + 2; i < at + 6; i++) if (!isHexDigit(text.charCodeAt(i))) return 0;
    return 6;
  }
  return simpleEscapes[escape] !== undefined ? 2 : 0;
}

/** The decoded text of segments built over a literal, for literals the native parser refuses. */
function textOfSegments(text: string, segments: Segment[]): string {
  let decoded = '';
  for (const segment of segments) {
    if (segment.textLength === segment.docLength) decoded += text.slice(segment.doc, segment.doc + segment.docLength);
    else if (segment.docLength === 6) decoded += String.fromCharCode(parseInt(text.slice(segment.doc + 2, segment.doc + 6), 16));
    else decoded += simpleEscapes[text[segment.doc + 1]];
  }
  return decoded;
}

/**
 * The native decoding of a well-formed literal, undefined when it refuses it (a raw control
 * character, which is kept as written).
 */
function nativelyDecoded(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

/**
 * The segments of a literal's content `[contentStart, contentEnd)` that holds escapes: a verbatim run
 * (a malformed escape included, as written) before each escape and one for the escape itself.
 */
function escapedSegments(text: string, contentStart: number, contentEnd: number): Segment[] {
  const segments: Segment[] = [];
  let decodedLength = 0;
  let runStart = contentStart;
  let backslash = nextBackslash(text, contentStart, contentEnd);
  while (backslash < contentEnd) {
    const length = escapeLength(text, backslash, contentEnd);
    if (length === 0) {
      backslash = nextBackslash(text, backslash + 1, contentEnd);
      continue;
    }
    if (backslash > runStart) {
      const runLength = backslash - runStart;
      segments.push({ text: decodedLength, textLength: runLength, doc: runStart, docLength: runLength });
      decodedLength += runLength;
    }
    segments.push({ text: decodedLength, textLength: 1, doc: backslash, docLength: length });
    decodedLength += 1;
    runStart = backslash + length;
    backslash = nextBackslash(text, runStart, contentEnd);
  }
  if (contentEnd > runStart) {
    const runLength = contentEnd - runStart;
    segments.push({ text: decodedLength, textLength: runLength, doc: runStart, docLength: runLength });
  }
  return segments;
}

/** Whether every escape of `[contentStart, contentEnd)` is well formed. */
export function escapesWellFormed(text: string, contentStart: number, contentEnd: number): boolean {
  for (let backslash = nextBackslash(text, contentStart, contentEnd); backslash < contentEnd; ) {
    const length = escapeLength(text, backslash, contentEnd);
    if (length === 0) return false;
    backslash = nextBackslash(text, backslash + length, contentEnd);
  }
  return true;
}

/** A decoded literal with escapes, whose segments are made when a position inside it is first mapped. */
class EscapedJsonText extends DeferredSegmentsText {
  readonly #source: string;
  /** Where the literal was when read (its range moves with edits). */
  readonly #start: number;
  readonly #end: number;

  constructor(text: string, range: OffsetRange, source: string) {
    super(text, range);
    this.#source = source;
    this.#start = range.start;
    this.#end = range.end;
  }

  protected makeSegments(): Segment[] {
    return escapedSegments(this.#source, this.#start + 1, this.#end - 1);
  }
}

/**
 * The embedded text of a well-formed, closed JSON string literal at `range` of `text` whose decoded
 * value is already known: no character need be looked at again. The range is the literal's own (the
 * model shares ranges, and moves each once).
 */
export function wellFormedJsonString(text: string, range: OffsetRange, decoded: string): EmbeddedText {
  const { start, end } = range;
  if (decoded.length === end - start - 2) {
    return { text: decoded, segments: [{ text: 0, textLength: decoded.length, doc: start + 1, docLength: decoded.length }], range };
  }
  return new EscapedJsonText(decoded, range, text);
}

/**
 * Decodes the JSON string literal written at [start, end) of `text` (quotes included), mapping
 * every decoded UTF-16 code unit to the characters that wrote it. Each `\uXXXX` is one code unit,
 * so a surrogate pair written as two escapes maps each half to its own escape. Malformed escapes
 * are kept as written (the parser reports them).
 */
export function decodeJsonString(text: string, start: number, end: number): EmbeddedText {
  const hasClosingQuote = end - start >= 2 && text.charCodeAt(end - 1) === 0x22;
  const contentEnd = hasClosingQuote ? end - 1 : end;
  if (nextBackslash(text, start + 1, contentEnd) >= contentEnd) {
    // No escape: the text is the characters between the quotes, one segment.
    const content = text.slice(start + 1, contentEnd);
    return { text: content, segments: [{ text: 0, textLength: content.length, doc: start + 1, docLength: content.length }], range: { start, end } };
  }
  if (hasClosingQuote && escapesWellFormed(text, start + 1, contentEnd)) {
    const native = nativelyDecoded(text.slice(start, end));
    if (native !== undefined) return new EscapedJsonText(native, { start, end }, text);
  }
  const segments = escapedSegments(text, start + 1, contentEnd);
  return { text: textOfSegments(text, segments), segments, range: { start, end } };
}
