import type { TemplateProblem } from '../problem';
import { toVelocityjsAst, type VelocityjsNode } from './lower';
import { parseVtl, type VtlParseResult } from './parse';

/** Enough for every template of a few open documents; each entry is one parse of one text. */
const CAPACITY = 64;

/** Memoises `compute` by text, evicting the least recently used entry. */
function memoByText<T>(compute: (text: string) => T): (text: string) => T {
  const entries = new Map<string, T>();
  return (text) => {
    if (entries.has(text)) {
      const hit = entries.get(text) as T;
      entries.delete(text);
      entries.set(text, hit);
      return hit;
    }
    const result = compute(text);
    entries.set(text, result);
    if (entries.size > CAPACITY) entries.delete(entries.keys().next().value as string);
    return result;
  };
}

/**
 * {@link parseVtl} memoised by text (least recently used evicted). The result is shared: treat it
 * as read-only.
 */
export const parseVtlCached: (text: string) => VtlParseResult = memoByText(parseVtl);

/** What the renderer needs from a template: velocityjs's tree and the parse problems. */
export interface VelocityjsParse {
  ast: VelocityjsNode[];
  problems: TemplateProblem[];
}

/**
 * `toVelocityjsAst(parseVtlCached(text).ast)` with the problems, memoised by text. The tree is
 * shared between renders: velocityjs's `Compile` does not change it, and neither may callers.
 */
export const toVelocityjsAstCached: (text: string) => VelocityjsParse = memoByText((text) => {
  const { ast, problems } = parseVtlCached(text);
  return { ast: toVelocityjsAst(ast), problems };
});
