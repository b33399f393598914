// velocityjs positions are 1-based lines and 0-based UTF-16 columns (lines split on `\n`); problems
// carry template offsets.

/** A velocityjs `pos`. */
export interface LinePosition {
  first_line: number;
  first_column: number;
  last_line?: number;
  last_column?: number;
}

/** The offset of a 1-based line and 0-based column in `text`, clamped to the text. */
export function offsetOf(text: string, at: { line: number; column: number }): number {
  let offset = 0;
  for (let line = 1; line < at.line; line++) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return text.length;
    offset = newline + 1;
  }
  return Math.min(text.length, offset + Math.max(0, at.column));
}

/** Offsets of a velocityjs node position. */
export function rangeOfPosition(text: string, pos: LinePosition): { start: number; end: number } {
  const start = offsetOf(text, { line: pos.first_line, column: pos.first_column });
  const end =
    typeof pos.last_line === 'number' && typeof pos.last_column === 'number'
      ? offsetOf(text, { line: pos.last_line, column: pos.last_column })
      : start;
  return { start, end: Math.max(start, end) };
}
