// Shrinks a case that shows a difference to a smallest one that still shows it: drops statements,
// unwraps blocks, simplifies expressions and removes data, one edit at a time, keeping an edit only
// when the difference remains and the case got strictly smaller.
import { jsonText, templateText, type GeneratedCase } from './template-tree';

type Path = (string | number)[];
type Edit = (c: GeneratedCase) => void;

const EXPR_KINDS = new Set(['raw', 'dq', 'ref', 'bin', 'not', 'group', 'list', 'map', 'range']);
const STMT_LIST_KEYS = new Set(['stmts', 'body', 'otherwise']);
/** Where the grammar needs a reference, so only reference-preserving edits apply. */
const REFERENCE_ONLY_KEYS = new Set(['ref', 'target']);

function at(root: unknown, path: Path): any {
  let node: any = root;
  for (const key of path) node = node[key];
  return node;
}

/** Replaces the element at `path` (in an array) by `items`. */
function splice(c: GeneratedCase, path: Path, items: unknown[]): void {
  const parent = at(c, path.slice(0, -1)) as unknown[];
  parent.splice(path[path.length - 1] as number, 1, ...items);
}

function replace(c: GeneratedCase, path: Path, value: unknown): void {
  const parent = at(c, path.slice(0, -1));
  parent[path[path.length - 1]] = structuredClone(value);
}

function statementEdits(stmt: any, path: Path, edits: Edit[]): void {
  edits.push((c) => splice(c, path, []));
  if (stmt.k === 'if') {
    stmt.branches.forEach((_: unknown, j: number) => edits.push((c) => splice(c, path, at(c, [...path, 'branches', j, 'body']))));
    if (stmt.otherwise) {
      edits.push((c) => splice(c, path, at(c, [...path, 'otherwise'])));
      edits.push((c) => delete at(c, path).otherwise);
    }
    if (stmt.branches.length > 1) stmt.branches.forEach((_: unknown, j: number) => edits.push((c) => at(c, [...path, 'branches']).splice(j, 1)));
  } else if (stmt.k === 'foreach') {
    edits.push((c) => splice(c, path, at(c, [...path, 'body'])));
  } else if ((stmt.k === 'text' || stmt.k === 'verbatim') && stmt.text.length > 1) {
    edits.push((c) => (at(c, path).text = [...stmt.text][0]));
  }
}

/**
 * `referenceOnly`: the grammar needs a reference here. `textOnly`: an argument of `$input`/`$util`,
 * whose non-text behaviour the harness cannot know, so it only ever becomes `'x'`.
 */
function expressionEdits(expr: any, path: Path, referenceOnly: boolean, textOnly: boolean, edits: Edit[]): void {
  if (expr.k === 'ref' && expr.steps.length) {
    edits.push((c) => at(c, [...path, 'steps']).pop());
    const last = expr.steps[expr.steps.length - 1];
    if (last.k === 'call') last.args.forEach((_: unknown, j: number) => edits.push((c) => at(c, [...path, 'steps', expr.steps.length - 1, 'args']).splice(j, 1)));
  }
  if (referenceOnly) return;
  const children: Path[] = [];
  if (expr.k === 'bin') children.push(['left'], ['right']);
  if (expr.k === 'not') children.push(['operand']);
  if (expr.k === 'group') children.push(['inner']);
  if (expr.k === 'range') children.push(['from'], ['to']);
  if (expr.k === 'list') expr.items.forEach((_: unknown, j: number) => children.push(['items', j]));
  for (const child of children) edits.push((c) => replace(c, path, at(c, [...path, ...child])));
  if (expr.k === 'list') expr.items.forEach((_: unknown, j: number) => edits.push((c) => at(c, [...path, 'items']).splice(j, 1)));
  if (expr.k === 'map') expr.entries.forEach((_: unknown, j: number) => edits.push((c) => at(c, [...path, 'entries']).splice(j, 1)));
  if (expr.k === 'dq') expr.parts.forEach((_: unknown, j: number) => edits.push((c) => at(c, [...path, 'parts']).splice(j, 1)));
  if (textOnly) {
    if (!(expr.k === 'raw' && expr.text.startsWith("'"))) edits.push((c) => replace(c, path, { k: 'raw', text: "'x'" }));
    return;
  }
  for (const simple of ['1', "'x'", 'true']) edits.push((c) => replace(c, path, { k: 'raw', text: simple }));
}

function dataEdits(value: unknown, path: Path, edits: Edit[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, j) => {
      edits.push((c) => at(c, path).splice(j, 1));
      dataEdits(item, [...path, j], edits);
    });
  } else if (value && typeof value === 'object' && !('__number' in value)) {
    for (const [key, item] of Object.entries(value)) {
      edits.push((c) => delete at(c, path)[key]);
      dataEdits(item, [...path, key], edits);
    }
  }
}

/** Every single edit of a case, cheapest-to-understand results first. */
function editsOf(c: GeneratedCase): Edit[] {
  const statements: Edit[] = [];
  const expressions: Edit[] = [];
  const visit = (node: any, path: Path, parentKey: string | number | undefined, referenceOnly: boolean, hostArguments: boolean): void => {
    if (Array.isArray(node)) {
      const isStatements = typeof parentKey === 'string' && STMT_LIST_KEYS.has(parentKey);
      node.forEach((item, i) => {
        if (isStatements) statementEdits(item, [...path, i], statements);
        visit(item, [...path, i], i, parentKey === 'parts', hostArguments);
      });
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (EXPR_KINDS.has(node.k) && parentKey !== undefined) expressionEdits(node, path, referenceOnly, hostArguments, expressions);
    const hostReference = node.k === 'ref' && (node.root === 'input' || node.root === 'util');
    for (const [key, child] of Object.entries(node)) {
      if (key === 'tag') continue;
      // The flag flows from a host reference to its steps, and from a step to its arguments only.
      const flag = key === 'args' ? hostArguments : hostReference && key === 'steps';
      visit(child, [...path, key], key, REFERENCE_ONLY_KEYS.has(key), flag);
    }
  };
  visit(c.stmts, ['stmts'], 'stmts', false, false);
  const data: Edit[] = [];
  dataEdits(c.body, ['body'], data);
  return [...statements, ...data, ...expressions];
}

/** A macro call whose definition was shrunk away would show a different behaviour, not a smaller case. */
function callsOnlyDefinedMacros(c: GeneratedCase): boolean {
  const defined = new Set<string>();
  let ok = true;
  const visit = (node: any): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if (node.k === 'macro') defined.add(node.name);
      // Generated macros are named m1, m2, …; no Java method is.
      if (node.k === 'call' && /^m\d+$/.test(node.name) && !defined.has(node.name)) ok = false;
      for (const [key, child] of Object.entries(node)) if (key !== 'tag') visit(child);
    }
  };
  visit(c.stmts);
  return ok;
}

function size(c: GeneratedCase): number {
  return templateText(c.stmts).length + jsonText(c.body).length;
}

/**
 * The smallest case reachable by single edits for which `stillDiffers` holds. `stillDiffers`
 * answers for a batch at once (one oracle round trip per batch).
 */
export async function shrinkCase(
  start: GeneratedCase,
  stillDiffers: (candidates: GeneratedCase[]) => Promise<boolean[]>,
  options: { maxRounds?: number; batchSize?: number } = {},
): Promise<GeneratedCase> {
  const { maxRounds = 300, batchSize = 96 } = options;
  let current = start;
  for (let round = 0; round < maxRounds; round++) {
    const currentSize = size(current);
    const seen = new Set<string>();
    const candidates: GeneratedCase[] = [];
    for (const edit of editsOf(current)) {
      const candidate = structuredClone(current);
      try {
        edit(candidate);
      } catch {
        continue;
      }
      const key = templateText(candidate.stmts) + '\u0000' + jsonText(candidate.body);
      if (size(candidate) >= currentSize || seen.has(key) || !callsOnlyDefinedMacros(candidate)) continue;
      seen.add(key);
      candidates.push(candidate);
    }
    let next: GeneratedCase | undefined;
    for (let from = 0; from < candidates.length && !next; from += batchSize) {
      const batch = candidates.slice(from, from + batchSize);
      const verdicts = await stillDiffers(batch);
      next = batch[verdicts.indexOf(true)];
    }
    if (!next) return current;
    current = next;
  }
  return current;
}
