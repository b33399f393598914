import type { EmbeddedText } from '../model/types';
import { EmbeddedTextBuilder } from './embedded';

/*
 * Decoding of YAML scalars whose source characters the `yaml` package's CST has delimited, keeping
 * the offset of every decoded character. The rules follow YAML 1.2 as the `yaml` package resolves
 * them (its resolve-flow-scalar and resolve-block-scalar), so the decoded text equals the value the
 * package gives; `yamlTree` checks that and falls back to a coarse map if they ever differ.
 */

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

interface Line {
  /** Document offsets of the line's characters, without the line break. */
  start: number;
  end: number;
}

/** Splits [start, end) of `text` into lines; a `\r` before `\n` belongs to the break. */
function splitLines(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      const lineEnd = i > lineStart && text.charCodeAt(i - 1) === 0x0d ? i - 1 : i;
      lines.push({ start: lineStart, end: lineEnd });
      lineStart = i + 1;
    }
  }
  lines.push({ start: lineStart, end });
  return lines;
}

/**
 * Copies the document characters [start, end), decoding `''` to `'` when `singleQuoted`.
 */
function copyContent(builder: EmbeddedTextBuilder, text: string, start: number, end: number, singleQuoted: boolean): void {
  if (!singleQuoted) {
    builder.copy(text.slice(start, end), start);
    return;
  }
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 0x27 && text.charCodeAt(i + 1) === 0x27 && i + 1 < end) {
      builder.copy(text.slice(runStart, i), runStart);
      builder.decoded("'", i, 2);
      i++;
      runStart = i + 1;
    }
  }
  builder.copy(text.slice(runStart, end), runStart);
}

/**
 * A plain or single-quoted scalar's content [start, end) with line folding: a single line break
 * (and the blanks around it) becomes a space, n+1 breaks become n newlines.
 */
function foldFlowLines(builder: EmbeddedTextBuilder, text: string, start: number, end: number, singleQuoted: boolean): void {
  const lines = splitLines(text, start, end);
  if (lines.length === 1) {
    copyContent(builder, text, start, end, singleQuoted);
    return;
  }
  // First line: trailing blanks are dropped.
  let contentEnd = lines[0].end;
  while (contentEnd > lines[0].start && isBlank(text.charCodeAt(contentEnd - 1))) contentEnd--;
  copyContent(builder, text, lines[0].start, contentEnd, singleQuoted);
  let breakStart = contentEnd;
  let pending = '';
  let separator = ' ';
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index];
    const isLast = index === lines.length - 1;
    let contentStart = line.start;
    while (contentStart < line.end && isBlank(text.charCodeAt(contentStart))) contentStart++;
    let lineEnd = line.end;
    if (!isLast) while (lineEnd > contentStart && isBlank(text.charCodeAt(lineEnd - 1))) lineEnd--;
    if (!isLast && contentStart === lineEnd) {
      if (separator === '\n') pending += '\n';
      else separator = '\n';
      continue;
    }
    builder.decoded(pending + separator, breakStart, contentStart - breakStart);
    copyContent(builder, text, contentStart, lineEnd, singleQuoted);
    breakStart = lineEnd;
    pending = '';
    separator = ' ';
  }
}

/** A plain scalar written at `offset` with CST source `source`. */
export function decodePlainScalar(text: string, offset: number, source: string): EmbeddedText {
  const builder = new EmbeddedTextBuilder();
  foldFlowLines(builder, text, offset, offset + source.length, false);
  return builder.build({ start: offset, end: offset + source.length }, offset);
}

/** A single-quoted scalar written at `offset` with CST source `source` (quotes included). */
export function decodeSingleQuotedScalar(text: string, offset: number, source: string): EmbeddedText {
  const builder = new EmbeddedTextBuilder();
  const closed = source.length > 1 && source.endsWith("'");
  foldFlowLines(builder, text, offset + 1, offset + source.length - (closed ? 1 : 0), true);
  return builder.build({ start: offset, end: offset + source.length }, offset + 1);
}

const doubleQuotedEscapes: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

const hexLengths: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted scalar written at `offset` with CST source `source` (quotes included). */
export function decodeDoubleQuotedScalar(text: string, offset: number, source: string): EmbeddedText {
  const builder = new EmbeddedTextBuilder();
  const end = offset + source.length - (source.length > 1 && source.endsWith('"') ? 1 : 0);
  let i = offset + 1;
  let runStart = i;
  const flush = (upTo: number): void => {
    if (upTo > runStart) builder.copy(text.slice(runStart, upTo), runStart);
  };
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      flush(i);
      i++;
      runStart = i;
      continue;
    }
    if (code === 0x0a) {
      flush(i);
      // A line break folds: one break to a space, n+1 breaks to n newlines; following blanks vanish.
      let fold = '';
      let j = i + 1;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === 0x0a) fold += '\n';
        else if (c === 0x0d && text.charCodeAt(j + 1) !== 0x0a) break;
        else if (!isBlank(c) && c !== 0x0d) break;
        j++;
      }
      builder.decoded(fold === '' ? ' ' : fold, i, j - i);
      i = j;
      runStart = i;
      continue;
    }
    if (code === 0x5c) {
      flush(i);
      const next = text[i + 1];
      const simple = next !== undefined && i + 1 < end ? doubleQuotedEscapes[next] : undefined;
      if (simple !== undefined) {
        builder.decoded(simple, i, 2);
        i += 2;
      } else if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
        // An escaped line break joins the lines; the next line's leading blanks vanish too.
        let j = i + (next === '\n' ? 2 : 3);
        while (j < end && isBlank(text.charCodeAt(j))) j++;
        i = j;
      } else if (next !== undefined && hexLengths[next] !== undefined) {
        const length = hexLengths[next];
        const digits = text.slice(i + 2, i + 2 + length);
        const codePoint = digits.length === length && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : NaN;
        let decoded: string;
        try {
          decoded = String.fromCodePoint(codePoint);
        } catch {
          decoded = text.slice(i, i + 2 + length);
        }
        builder.decoded(decoded, i, Math.min(2 + length, end - i));
        i += 2 + length;
      } else {
        // An invalid escape stays as written (the parser reports it).
        builder.copy(text.slice(i, Math.min(i + 2, end)), i);
        i += 2;
      }
      runStart = i;
      continue;
    }
    if (isBlank(code)) {
      // Blanks before a line break are dropped; others are content.
      let j = i + 1;
      while (j < end && isBlank(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      const beforeBreak = c === 0x0a || (c === 0x0d && text.charCodeAt(j + 1) === 0x0a);
      if (beforeBreak) {
        flush(i);
        runStart = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  flush(Math.min(i, end));
  return builder.build({ start: offset, end: offset + source.length }, offset + 1);
}

interface BlockHeader {
  mode: '|' | '>';
  indent: number;
  chomp: '' | '-' | '+';
}

function parseBlockHeader(header: string): BlockHeader {
  let indent = 0;
  let chomp: BlockHeader['chomp'] = '';
  for (let i = 1; i < header.length; i++) {
    const c = header[i];
    if (chomp === '' && (c === '-' || c === '+')) chomp = c;
    else if (indent === 0 && Number(c) > 0) indent = Number(c);
  }
  return { mode: header[0] === '>' ? '>' : '|', indent, chomp };
}

interface BlockLine {
  /** Offset of the line's first character (its indentation). */
  start: number;
  /** Number of leading spaces. */
  indent: number;
  /** Offset where the content ends (before `\r\n` or `\n`). */
  contentEnd: number;
  /** Offset just after the line break, or `contentEnd` on the last line. */
  breakEnd: number;
}

/**
 * A block scalar (`|`, `>`, with chomping and indentation indicators). `headerSource` is the
 * indicator as written; `bodyOffset` is where the lines after the header start; `parentIndent` is
 * the CST token's indent.
 */
export function decodeBlockScalar(
  text: string,
  range: { start: number; end: number },
  headerSource: string,
  bodyOffset: number,
  body: string,
  parentIndent: number,
): EmbeddedText {
  const header = parseBlockHeader(headerSource);
  const builder = new EmbeddedTextBuilder();
  const lines: BlockLine[] = [];
  if (body.length > 0) {
    const bodyEnd = bodyOffset + body.length;
    let lineStart = bodyOffset;
    for (let i = bodyOffset; i <= bodyEnd; i++) {
      if (i === bodyEnd || text.charCodeAt(i) === 0x0a) {
        let indent = 0;
        while (lineStart + indent < i && text.charCodeAt(lineStart + indent) === 0x20) indent++;
        lines.push({ start: lineStart, indent, contentEnd: i, breakEnd: i < bodyEnd ? i + 1 : i });
        lineStart = i + 1;
      }
    }
  }
  const isEmptyLine = (line: BlockLine): boolean =>
    line.start + line.indent === line.contentEnd ||
    (line.start + line.indent === line.contentEnd - 1 && text.charCodeAt(line.contentEnd - 1) === 0x0d);

  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0 && isEmptyLine(lines[i]); i--) chompStart = i;
  if (chompStart === 0) {
    const value = header.chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';
    builder.decoded(value, bodyOffset, body.length);
    return builder.build(range, bodyOffset);
  }

  let trimIndent = parentIndent + header.indent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const line = lines[i];
    if (isEmptyLine(line)) {
      if (header.indent === 0 && line.indent > trimIndent) trimIndent = line.indent;
    } else {
      if (header.indent === 0) trimIndent = line.indent;
      contentStart = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if (lines[i].indent > trimIndent) chompStart = i + 1;
  }

  const contentEndOf = (line: BlockLine): number =>
    line.contentEnd > line.start + line.indent && text.charCodeAt(line.contentEnd - 1) === 0x0d ? line.contentEnd - 1 : line.contentEnd;
  /** Copies the line's characters past the trimmed indentation. */
  const copyLine = (line: BlockLine): void => {
    const from = line.start + Math.min(line.indent, trimIndent);
    builder.copy(text.slice(from, contentEndOf(line)), from);
  };

  // Leading empty lines are kept as they are, each with its line break.
  for (let i = 0; i < contentStart; i++) {
    copyLine(lines[i]);
    builder.decoded('\n', contentEndOf(lines[i]), lines[i].breakEnd - contentEndOf(lines[i]));
  }

  let breakStart = -1;
  let pending = '';
  let separator = '';
  let previousMoreIndented = false;
  const emitSeparator = (line: BlockLine, value: string): void => {
    if (value === '') return;
    const to = line.start + Math.min(line.indent, trimIndent);
    const from = breakStart < 0 ? to : breakStart;
    builder.decoded(value, from, to - from);
  };
  for (let i = contentStart; i < chompStart; i++) {
    const line = lines[i];
    const contentEnd = contentEndOf(line);
    const isEmpty = line.start + line.indent >= contentEnd;
    if (header.mode === '|') {
      emitSeparator(line, separator);
      copyLine(line);
      separator = '\n';
      breakStart = contentEnd;
    } else if (line.indent > trimIndent || text.charCodeAt(line.start + line.indent) === 0x09) {
      if (separator === ' ') separator = '\n';
      else if (!previousMoreIndented && separator === '\n') separator = '\n\n';
      emitSeparator(line, pending + separator);
      copyLine(line);
      pending = '';
      separator = '\n';
      previousMoreIndented = true;
      breakStart = contentEnd;
    } else if (isEmpty) {
      if (separator === '\n') pending += '\n';
      else separator = '\n';
    } else {
      emitSeparator(line, pending + separator);
      copyLine(line);
      pending = '';
      separator = ' ';
      previousMoreIndented = false;
      breakStart = contentEnd;
    }
  }
  // Whatever folded lines were pending before the chomped tail are still part of the value.
  const last = lines[chompStart - 1];
  if (pending !== '') builder.decoded(pending, breakStart, last.breakEnd - breakStart);
  if (header.chomp === '+') {
    let tail = '';
    for (let i = chompStart; i < lines.length; i++) {
      tail += '\n' + text.slice(lines[i].start + Math.min(lines[i].indent, trimIndent), contentEndOf(lines[i]));
    }
    if (!(tail.endsWith('\n') || (tail === '' && builder.lastChar() === '\n'))) tail += '\n';
    const tailEnd = lines[lines.length - 1].breakEnd;
    builder.decoded(tail, breakStart, tailEnd - breakStart);
  } else if (header.chomp === '') {
    builder.decoded('\n', breakStart, last.breakEnd - breakStart);
  }
  return builder.build(range, bodyOffset);
}
