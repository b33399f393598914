import { getLocation } from 'jsonc-parser';
import type { OffsetRange } from '../model/types';

/** Where the cursor is in a JSON or YAML document: the keys above it, and whether a key or a value is typed. */
export interface DocumentPathAt {
  /** Keys (and item indexes, whose number may be 0 in YAML) from the root to the node being typed. */
  path: (string | number)[];
  /** True when a key is typed (the last path element is then the partial key, or ''). */
  atKey: boolean;
  /** What the completion replaces: the partial key or value, quotes included. */
  replace: OffsetRange;
  /** Whether the replaced text is a quoted JSON string. */
  quoted: boolean;
}

/** The path at `offset` of a JSON document (jsonc-parser's scanner, so a broken document still answers). */
export function jsonPathAt(text: string, offset: number): DocumentPathAt {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  const inNode = node !== undefined && node.offset <= offset && offset <= node.offset + node.length && (node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null');
  const replace = inNode ? { start: node.offset, end: node.offset + node.length } : { start: offset, end: offset };
  return { path: location.path, atKey: location.isAtPropertyKey, replace, quoted: inNode && node.type === 'string' };
}

const KEY_LINE = /^(\s*)((?:-\s+)*)(?:(["']?)([^"'#:\s][^:#]*?|[^"'\n]*?)\3\s*:(?:\s|$))?/;

/** The path at `offset` of a YAML document, read from indentation (block style; flow collections are not followed). */
export function yamlPathAt(text: string, offset: number): DocumentPathAt {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const line = KEY_LINE.exec(before)!;
  let indent = line[1].length + line[2].length;
  const path: (string | number)[] = [];
  const content = before.slice(indent);
  const valueMatch = /^(["']?)([^"'#:\n]+?)\1\s*:\s+(.*)$/.exec(content);
  let atKey = true;
  let replace: OffsetRange;
  if (valueMatch) {
    atKey = false;
    path.push(valueMatch[2].trim());
    const lineEnd = text.indexOf('\n', offset);
    const rest = text.slice(offset, lineEnd < 0 ? text.length : lineEnd);
    replace = { start: offset - valueMatch[3].length, end: offset + (/^\S*\s*$/.test(rest) ? rest.trimEnd().length : 0) };
  } else {
    path.push(content.trim());
    replace = { start: offset - /[^\s]*$/.exec(content)![0].length, end: offset };
  }
  for (let d = 0; d < (line[2].match(/-/g)?.length ?? 0); d++) path.unshift(0);
  let end = lineStart - 1;
  while (end > 0 && indent > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const previous = text.slice(start, end);
    end = start - 1;
    if (/^\s*(#.*)?$/.test(previous)) continue;
    const match = KEY_LINE.exec(previous)!;
    const dashCol = match[1].length;
    const keyCol = dashCol + match[2].length;
    if (match[4] !== undefined && keyCol < indent) {
      path.unshift(match[4].trim());
      indent = keyCol;
    }
    if (match[2].length > 0 && dashCol < indent) {
      for (let d = 0; d < match[2].length; d += 2) path.unshift(0);
      indent = dashCol;
    } else if (match[4] === undefined && keyCol < indent) {
      indent = keyCol;
    }
    if (end < 0) break;
  }
  return { path, atKey, replace, quoted: false };
}
