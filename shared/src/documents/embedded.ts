import type { EmbeddedText, OffsetRange, Segment } from '../model/types';

/**
 * Appends a segment, merging it into the previous one when both map one-for-one and continue each
 * other in the text and in the document. The segment is kept, not copied, and may later grow by a
 * merge: callers pass objects of their own.
 */
function appendSegment(segments: Segment[], segment: Segment): void {
  const last = segments[segments.length - 1];
  if (
    last !== undefined &&
    last.textLength === last.docLength &&
    segment.textLength === segment.docLength &&
    last.text + last.textLength === segment.text &&
    last.doc + last.docLength === segment.doc
  ) {
    last.textLength += segment.textLength;
    last.docLength += segment.docLength;
  } else {
    segments.push(segment);
  }
}

/**
 * Collects decoded text and its segments while a scalar is decoded left to right. Runs of characters
 * copied verbatim and contiguous in the document are merged into one segment, so a long template
 * without escapes costs one segment.
 */
export class EmbeddedTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly segments: Segment[] = [];

  /** Characters copied unchanged from the document starting at `docOffset`. */
  copy(chars: string, docOffset: number): void {
    if (chars.length === 0) return;
    appendSegment(this.segments, { text: this.length, textLength: chars.length, doc: docOffset, docLength: chars.length });
    this.parts.push(chars);
    this.length += chars.length;
  }

  /** Decoded characters that stand for `docLength` document characters (an escape, a folded line break). */
  decoded(chars: string, docOffset: number, docLength: number): void {
    if (chars.length === 0) return;
    appendSegment(this.segments, { text: this.length, textLength: chars.length, doc: docOffset, docLength });
    this.parts.push(chars);
    this.length += chars.length;
  }

  /** The last decoded character, '' before any. */
  lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last === undefined ? '' : last[last.length - 1];
  }

  /**
   * The finished text. `emptyAt` is the document offset an empty text maps to (just inside the
   * quotes), so that even an empty value has a position.
   */
  build(range: OffsetRange, emptyAt: number): EmbeddedText {
    const segments = this.segments.length > 0 ? this.segments : [{ text: 0, textLength: 0, doc: emptyAt, docLength: 0 }];
    return { text: this.parts.join(''), segments, range };
  }
}

/**
 * An embedded text whose segments are worked out when first read: most texts of a large definition
 * (every template without a problem) are never mapped, and their segments would be most of what reading
 * them allocates. The segments are those of where the text was when it was read, moved by as much as its
 * range has moved since (an edit elsewhere moves a whole text, never part of it).
 */
export abstract class DeferredSegmentsText implements EmbeddedText {
  // Private in the language's own sense: no walk over the model's properties meets them.
  #made: Segment[] | undefined;
  readonly #readAt: number;

  constructor(
    public text: string,
    public range: OffsetRange,
  ) {
    this.#readAt = range.start;
  }

  /** The segments of the text where it was read. */
  protected abstract makeSegments(): Segment[];

  get segments(): Segment[] {
    if (this.#made === undefined) {
      const made = this.makeSegments();
      const moved = this.range.start - this.#readAt;
      if (moved !== 0) for (const segment of made) segment.doc += moved;
      this.#made = made;
    }
    return this.#made;
  }

  set segments(segments: Segment[]) {
    this.#made = segments;
  }

  /** The segments if they were made, without making them. */
  segmentsIfMade(): Segment[] | undefined {
    return this.#made;
  }
}

/**
 * The segments of `e` when they exist, undefined for deferred ones not yet made: a text whose segments
 * were not made moves with its range alone.
 */
export function madeSegments(e: EmbeddedText): Segment[] | undefined {
  return e instanceof DeferredSegmentsText ? e.segmentsIfMade() : e.segments;
}

/** An embedded text whose characters are the document's own, unchanged (a YAML plain scalar line). */
export function verbatimEmbeddedText(text: string, docOffset: number, range?: OffsetRange): EmbeddedText {
  return {
    text,
    segments: [{ text: 0, textLength: text.length, doc: docOffset, docLength: text.length }],
    range: range ?? { start: docOffset, end: docOffset + text.length },
  };
}

/** Index of the segment holding text offset `textOffset` (the last segment for the end offset). */
function segmentAtText(segments: Segment[], textOffset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid].text <= textOffset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Where decoded character `within` of a segment that changed length is written. Rounding up keeps
 * the map invertible whenever the source is at least as long as its decoded text (every escape and
 * fold), so that `toDecodedWithin` brings each character back to itself.
 */
function toDocumentWithin(segment: Segment, within: number): number {
  if (segment.textLength <= segment.docLength) return Math.ceil((within * segment.docLength) / segment.textLength);
  return Math.floor((within * segment.docLength) / segment.textLength);
}

function toDecodedWithin(segment: Segment, within: number): number {
  return Math.floor((within * segment.textLength) / segment.docLength);
}

/**
 * The document offset of decoded offset `textOffset`. An offset inside an escape maps to the part
 * of the escape that produced it (proportionally); the end of the text maps to just after the last
 * character that produced it. Offsets outside the text are clamped.
 */
export function embeddedToDocumentOffset(e: EmbeddedText, textOffset: number): number {
  const segments = e.segments;
  if (segments.length === 0) return e.range.start;
  const offset = Math.max(0, Math.min(textOffset, e.text.length));
  const index = segmentAtText(segments, offset);
  const segment = segments[index];
  const within = offset - segment.text;
  if (within >= segment.textLength) return segment.doc + segment.docLength;
  if (segment.textLength === segment.docLength) return segment.doc + within;
  return segment.doc + toDocumentWithin(segment, within);
}

/**
 * The decoded offset of document offset `docOffset`, or undefined outside the scalar's range.
 * Document characters that produce no text (quotes, indentation, a `\` line continuation) map to
 * the decoded offset where the next text begins.
 */
export function documentToEmbeddedOffset(e: EmbeddedText, docOffset: number): number | undefined {
  if (docOffset < e.range.start || docOffset > e.range.end) return undefined;
  const segments = e.segments;
  // Segments are sorted by text offset, and decoding never reorders text, so doc offsets ascend too.
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (segments[mid].doc <= docOffset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found < 0) return 0;
  const segment = segments[found];
  const within = docOffset - segment.doc;
  // A character decoded from nothing (a block scalar's final line break at the end of the file).
  if (segment.docLength === 0 && within === 0) return segment.text;
  if (within >= segment.docLength) {
    const next = segments[found + 1];
    return next !== undefined ? next.text : segment.text + segment.textLength;
  }
  if (segment.textLength === segment.docLength) return segment.text + within;
  return segment.text + toDecodedWithin(segment, within);
}

/** The document range of decoded range [start, end): from the first character's source to the last's end. */
export function embeddedRangeToDocument(e: EmbeddedText, start: number, end: number): OffsetRange {
  const docStart = embeddedToDocumentOffset(e, start);
  if (end <= start) return { start: docStart, end: docStart };
  const lastChar = embeddedToDocumentOffset(e, end - 1);
  const segment = e.segments[segmentAtText(e.segments, end - 1)];
  // The end is after the last character's source: the whole escape when the character is one.
  let docEnd: number;
  if (segment === undefined) docEnd = lastChar;
  else if (segment.textLength === segment.docLength) docEnd = lastChar + 1;
  else {
    const nextWithin = end - segment.text;
    docEnd =
      nextWithin >= segment.textLength
        ? segment.doc + segment.docLength
        : segment.doc + toDocumentWithin(segment, nextWithin);
  }
  return { start: docStart, end: Math.max(docStart, docEnd) };
}

/**
 * Maps a text derived from `inner.text` (by dropping or replacing characters) back to the document:
 * `outer` segments map derived offsets to offsets in `inner.text`; the result maps them to the document.
 */
export function composeEmbeddedText(derivedText: string, outer: Segment[], inner: EmbeddedText): EmbeddedText {
  const segments: Segment[] = [];
  const push = (segment: Segment): void => appendSegment(segments, segment);
  for (const o of outer) {
    if (o.textLength !== o.docLength) {
      // A replacement in the derived text: its source is the inner range it replaced.
      const start = embeddedToDocumentOffset(inner, o.doc);
      const end = embeddedRangeToDocument(inner, o.doc, o.doc + o.docLength).end;
      push({ text: o.text, textLength: o.textLength, doc: start, docLength: end - start });
      continue;
    }
    let innerOffset = o.doc;
    const innerEnd = o.doc + o.docLength;
    let index = segmentAtText(inner.segments, innerOffset);
    while (innerOffset < innerEnd && index < inner.segments.length) {
      const s = inner.segments[index];
      const sEnd = s.text + s.textLength;
      if (sEnd <= innerOffset) {
        index++;
        continue;
      }
      const pieceEnd = Math.min(sEnd, innerEnd);
      const derivedAt = o.text + (innerOffset - o.doc);
      if (s.textLength === s.docLength) {
        push({ text: derivedAt, textLength: pieceEnd - innerOffset, doc: s.doc + (innerOffset - s.text), docLength: pieceEnd - innerOffset });
      } else {
        push({ text: derivedAt, textLength: pieceEnd - innerOffset, doc: s.doc, docLength: s.docLength });
      }
      innerOffset = pieceEnd;
      index++;
    }
  }
  if (segments.length === 0) segments.push({ text: 0, textLength: 0, doc: inner.segments[0]?.doc ?? inner.range.start, docLength: 0 });
  return { text: derivedText, segments, range: inner.range };
}

/**
 * Pieces written one after another in the document, read as one text with `separator` between
 * them (CloudFormation's `Fn::Join`). A separator maps to no characters, at the start of the piece
 * it precedes.
 */
export function concatenateEmbeddedTexts(pieces: EmbeddedText[], separator: string, range: OffsetRange): EmbeddedText {
  const segments: Segment[] = [];
  const parts: string[] = [];
  let length = 0;
  pieces.forEach((piece, index) => {
    if (index > 0 && separator.length > 0) {
      segments.push({ text: length, textLength: separator.length, doc: piece.range.start, docLength: 0 });
      parts.push(separator);
      length += separator.length;
    }
    for (const segment of piece.segments) {
      if (segment.textLength > 0) appendSegment(segments, { text: segment.text + length, textLength: segment.textLength, doc: segment.doc, docLength: segment.docLength });
    }
    parts.push(piece.text);
    length += piece.text.length;
  });
  if (segments.length === 0) segments.push({ text: 0, textLength: 0, doc: range.start, docLength: 0 });
  return { text: parts.join(''), segments, range };
}
