// The renderer's one way to turn template text into the AST velocityjs's Compile walks. Parsed trees are
// cached by text (parsing is superlinear in velocityjs, and the same template renders many times); the
// trees are never mutated by a render. The whitespace rules of Velocity 1.7 and bare `#stop` are applied
// here, once, as a pass over the parsed tree.
import velocity from 'velocityjs';
import type { TemplateProblem } from '../problem';
import { offsetOf, type LinePosition } from './positions';

/** A velocityjs AST node or text; blocks are arrays whose first element is the directive. */
export type RenderNode = string | RenderAstNode | RenderNode[];

/** The velocityjs node shapes the renderer reads. */
export interface RenderAstNode {
  type: string;
  id?: string;
  pos?: LinePosition;
  [key: string]: unknown;
}

/** A parsed template, or where it fails to parse. */
export type ParsedTemplate = { ok: true; ast: RenderNode[] } | { ok: false; problem: TemplateProblem };

const CACHE_LIMIT = 256;
const cache = new Map<string, ParsedTemplate>();

/** Parses template text for rendering (cached by text; never throws). */
export function parseForRender(template: string): ParsedTemplate {
  const cached = cache.get(template);
  if (cached) {
    // Refresh recency so hot templates stay.
    cache.delete(template);
    cache.set(template, cached);
    return cached;
  }
  const parsed = parseUncached(template);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(template, parsed);
  return parsed;
}

function parseUncached(template: string): ParsedTemplate {
  try {
    const ast = velocity.parse(template) as unknown as RenderNode[];
    applyVelocity17Whitespace(ast);
    return { ok: true, ast: splitBareStops(ast) };
  } catch (error) {
    return { ok: false, problem: parseProblem(template, error) };
  }
}

interface JisonErrorHash {
  text?: string;
  line?: number;
  loc?: { first_line: number; first_column: number; last_line: number; last_column: number };
}

function parseProblem(template: string, error: unknown): TemplateProblem {
  const hash = (error as { hash?: JisonErrorHash }).hash;
  const detail = error instanceof Error ? error.message.split('\n').filter((line) => line.startsWith('Expecting') || line.startsWith('Unrecognized')).join(' ') : '';
  const message = `the template does not parse${detail ? `: ${detail}` : ''}`;
  if (hash?.loc) {
    // jison reports the last token it accepted; the offending one starts after it.
    let start = offsetOf(template, { line: hash.loc.last_line, column: hash.loc.last_column });
    while (start < template.length && /\s/.test(template[start])) start++;
    const end = Math.min(template.length, start + Math.max(1, hash.text?.length ?? 1));
    return { code: 'vtl-syntax', message, severity: 'error', start, end };
  }
  if (typeof hash?.line === 'number') {
    const start = offsetOf(template, { line: hash.line + 1, column: 0 });
    const lineEnd = template.indexOf('\n', start);
    return { code: 'vtl-syntax', message, severity: 'error', start, end: lineEnd < 0 ? template.length : lineEnd };
  }
  return { code: 'vtl-syntax', message, severity: 'error', start: 0, end: template.length };
}

function isNode(node: RenderNode | undefined): node is RenderAstNode {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

const NOT_GOBBLING = new Set(['references', 'raw']);

/**
 * Velocity 1.7 (checked against the 1.7 jar):
 * - spaces and tabs before `#set` vanish unless text precedes them (a line break that a directive
 *   swallowed does not count as text, a line break written after text or a reference does);
 * - `[ \t]*` and the line break after a directive vanish; velocityjs already does this for `\n`, and
 *   this pass adds `\r\n`.
 */
function applyVelocity17Whitespace(list: RenderNode[]): void {
  for (let i = 0; i < list.length; i++) {
    const node = list[i];
    if (Array.isArray(node)) applyVelocity17Whitespace(node);
    if (isNode(node) && node.type === 'set') {
      // velocityjs may split the whitespace into several strings; look at the whole run.
      let first = i;
      while (first > 0 && typeof list[first - 1] === 'string' && /^[ \t]*$/.test(list[first - 1] as string)) first--;
      // first === 0: the run opens the template (a block's first element is always its directive).
      const afterCode = first === 0 || typeof list[first - 1] !== 'string';
      if (first < i && afterCode) for (let j = first; j < i; j++) list[j] = '';
    }
    const next = list[i + 1];
    if (typeof next === 'string' && ((isNode(node) && !NOT_GOBBLING.has(node.type)) || Array.isArray(node))) {
      const crlf = /^[ \t]*\r\n/.exec(next);
      if (crlf) list[i + 1] = next.slice(crlf[0].length);
    }
  }
}

const STOP_REST = /^top(?![A-Za-z0-9_-])/;

/**
 * velocityjs only knows `#stop()`; Velocity 1.7 also stops at a bare `#stop`, which velocityjs leaves as
 * the texts "…#s" and "top…" (an escaped `\#stop` comes out as "#" and "stop…", so it stays text).
 */
function splitBareStops(list: RenderNode[]): RenderNode[] {
  const out: RenderNode[] = [];
  // After a split, what follows "top" stands in for list[i].
  let replacement: string | undefined;
  for (let i = 0; i < list.length; i++) {
    const node = replacement ?? list[i];
    replacement = undefined;
    if (Array.isArray(node)) {
      out.push(splitBareStops(node));
      continue;
    }
    const next = list[i + 1];
    if (typeof node === 'string' && node.endsWith('#s') && typeof next === 'string' && STOP_REST.test(next)) {
      out.push(node.slice(0, -2), { type: 'stop' });
      replacement = next.slice(3);
      continue;
    }
    out.push(node);
  }
  return out;
}

/** For tests: drops every cached tree. */
export function clearRenderParseCache(): void {
  cache.clear();
}
