import { parseVtl, type VtlParseResult } from './parse';

/** Enough for every template of a few open documents; each entry is one parse of one text. */
const CAPACITY = 64;
const entries = new Map<string, VtlParseResult>();

/**
 * {@link parseVtl} memoised by text (least recently used evicted). The result is shared: treat it
 * as read-only.
 */
export function parseVtlCached(text: string): VtlParseResult {
  const hit = entries.get(text);
  if (hit) {
    entries.delete(text);
    entries.set(text, hit);
    return hit;
  }
  const result = parseVtl(text);
  entries.set(text, result);
  if (entries.size > CAPACITY) entries.delete(entries.keys().next().value as string);
  return result;
}
