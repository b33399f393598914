// The renderer's one way to turn template text into the tree velocityjs's Compile walks. The project's
// tolerant VTL parser (shared/src/vtl/parser) reads the text in linear time, puts template offsets
// (`span`) on every node, and lowers it to velocityjs's tree shape with Velocity 1.7's whitespace rules,
// bare `#stop` and operator precedence. Trees are cached by text and never mutated by a render.
import { BLANKS_DECIDED, parseVtlCached, toVelocityjsAst, VTL_PARSE_CODES } from '../parser/index';
import type { TemplateProblem } from '../problem';
import type { LinePosition } from './positions';

/** A velocityjs AST node or text; blocks are arrays whose first element is the directive. */
export type RenderNode = string | RenderAstNode | RenderNode[];

/** The velocityjs node shapes the renderer reads. */
export interface RenderAstNode {
  type: string;
  id?: string;
  pos?: LinePosition;
  /** Template offsets (half-open). */
  span?: { start: number; end: number };
  [key: string]: unknown;
}

/** A parsed template, or where it fails to parse. */
export type ParsedTemplate = { ok: true; ast: RenderNode[] } | { ok: false; problem: TemplateProblem };

/**
 * Parser findings that do not stop Velocity 1.7 from rendering: unknown macros print as written,
 * `#stop` stops, `#include`/`#parse` fail only when they run (the renderer reports them then).
 */
const RENDERABLE = new Set<string>([VTL_PARSE_CODES.unknownMacro, VTL_PARSE_CODES.stop, VTL_PARSE_CODES.unsupportedDirective, VTL_PARSE_CODES.unknownDirective]);

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
    const parsed = parseVtlCached(template);
    const fatal = parsed.problems.find((problem) => problem.severity === 'error' && !RENDERABLE.has(problem.code));
    if (fatal) return { ok: false, problem: { ...fatal, message: `Velocity cannot parse the template: ${fatal.message}` } };
    const ast = toVelocityjsAst(parsed.ast) as RenderNode[];
    dropLineBreakRunsAfterDirectives(ast);
    // An escaped reference is a reference token in 1.7: the blanks after it go with a following #set.
    markEscapedReferences(ast, template);
    dropIndentRunsBeforeSet(ast);
    keepLineBreakAfterBlockComments(ast, template);
    return { ok: true, ast };
  } catch (error) {
    return {
      ok: false,
      problem: { code: 'vtl-syntax', message: `the template cannot be read: ${error instanceof Error ? error.message : String(error)}`, severity: 'error', start: 0, end: template.length },
    };
  }
}

/**
 * Velocity 1.7 (checked against the jar) drops the spaces and tabs before `#set` unless text precedes
 * them. The lowering handles a single whitespace string; velocityjs's tree can split that whitespace in
 * two after a reference (`$a  #set`), so this looks at the whole run. Not where 1.7's own reading
 * decided already (` $#set`: its token takes the `$` only, and the blank prints).
 */
function dropIndentRunsBeforeSet(list: RenderNode[]): void {
  for (let i = 0; i < list.length; i++) {
    const node = list[i];
    if (Array.isArray(node)) {
      dropIndentRunsBeforeSet(node);
      continue;
    }
    if (typeof node !== 'object' || node.type !== 'set' || BLANKS_DECIDED in node) continue;
    let first = i;
    while (first > 0 && typeof list[first - 1] === 'string' && /^[ \t]*$/.test(list[first - 1] as string)) first--;
    // first === 0: the run opens the template (a block's first element is always its directive).
    const afterCode = first === 0 || typeof list[first - 1] !== 'string';
    if (afterCode) for (let j = first; j < i; j++) list[j] = '';
    else if (braceAfterEscapedReference(list, first - 1)) {
      // `\$a}\t#set`: as after `$a}`, the `}` is still the reference's token and the blanks go.
      list[first - 1] = '}';
      for (let j = first; j < i; j++) list[j] = '';
    }
  }
}

function braceAfterEscapedReference(list: RenderNode[], at: number): boolean {
  const text = list[at];
  const reference = list[at - 1];
  if (typeof text !== 'string' || !/^\}[ \t]*$/.test(text)) return false;
  if (typeof reference !== 'object' || Array.isArray(reference) || reference.type !== 'escaped_reference') return false;
  return !/^\$!?\{/.test(String(reference.text));
}

const KEEPS_LINE_BREAK = new Set(['references', 'raw', 'comment']);

/**
 * Velocity 1.7 drops `[ \t]*` and the line break after a directive or `#end`. The lowering does it when
 * they are one string; after a reference inside a block velocityjs's tree splits them (`$a#end \n`
 * gives " " and "\n"), so this looks at the run of strings that follows.
 */
function dropLineBreakRunsAfterDirectives(list: RenderNode[]): void {
  for (let i = 0; i < list.length; i++) {
    const node = list[i];
    if (Array.isArray(node)) dropLineBreakRunsAfterDirectives(node);
    const isDirective = Array.isArray(node) || (typeof node === 'object' && !KEEPS_LINE_BREAK.has(node.type) && !node.bare);
    if (!isDirective) continue;
    let next = i + 1;
    let blanks = '';
    while (next < list.length && typeof list[next] === 'string' && /^[ \t]*$/.test(list[next] as string)) blanks += list[next++] as string;
    const after = list[next];
    // Nothing split: either the lowering already dropped the break, or there is none to drop.
    if (blanks === '' || typeof after !== 'string') continue;
    const lineBreak = /^[ \t]*\r?\n/.exec(after);
    if (!lineBreak) continue;
    for (let j = i + 1; j < next; j++) list[j] = '';
    list[next] = after.slice(lineBreak[0].length);
  }
}

/**
 * A `#* … *#` comment does not swallow the line break after it in Velocity 1.7 (a `##` comment ends with
 * its line break); the lowering drops it as velocityjs does, so it is put back from the template text.
 */
function keepLineBreakAfterBlockComments(list: RenderNode[], template: string): void {
  for (let i = 0; i < list.length; i++) {
    const node = list[i];
    if (Array.isArray(node)) {
      keepLineBreakAfterBlockComments(node, template);
      continue;
    }
    if (typeof node !== 'object' || node.type !== 'comment' || !node.span || !template.startsWith('#*', node.span.start)) continue;
    const lineBreak = /^[ \t]*\r?\n/.exec(template.slice(node.span.end, node.span.end + 200));
    if (!lineBreak) continue;
    const next = list[i + 1];
    // The lowering dropped the break exactly when the text after the comment is what follows the break.
    if (typeof next === 'string' && !template.startsWith(lineBreak[0] + next, node.span.end)) continue;
    if (typeof next === 'string') list[i + 1] = lineBreak[0] + next;
    else list.splice(i + 1, 0, lineBreak[0]);
  }
}

/**
 * `\$name`: Velocity 1.7 prints `$name` when the reference has a value and `\$name` when it has none.
 * The lowering turns the escape into the text "$" followed by the reference's text; this finds such
 * pairs (checked against the template) and makes them `escaped_reference` nodes the renderer decides on.
 */
function markEscapedReferences(list: RenderNode[], template: string): void {
  for (let i = 0; i < list.length; i++) {
    const node = list[i];
    if (Array.isArray(node)) {
      markEscapedReferences(node, template);
      continue;
    }
    const next = list[i + 1];
    if (node !== '$' || typeof next !== 'string' || !/^(!?\{?)[A-Za-z]/.test(next)) continue;
    const parsed = parseVtlCached(`$${next}`);
    if (parsed.problems.some((problem) => problem.severity === 'error')) continue;
    const [reference] = toVelocityjsAst(parsed.ast) as RenderNode[];
    if (typeof reference !== 'object' || Array.isArray(reference) || reference.type !== 'references' || !reference.span) continue;
    const text = `$${next}`.slice(0, reference.span.end);
    if (!template.includes(`\\${text}`)) continue;
    delete reference.span;
    delete reference.pos;
    list.splice(i, 2, { type: 'escaped_reference', reference, text }, next.slice(text.length - 1));
  }
}
