// Generated templates are kept as a small tree, not text, so a failing one can be shrunk node by node.
// Every node may carry a feature tag (what part of the language it exercises); the tags name the
// difference classes in the hunt's summary and are what `pendingFeatures` switches off.

/** A reference step: `.name`, `.name(args)` or `[index]`. */
export type Step =
  | { k: 'prop'; name: string; tag?: string }
  | { k: 'call'; name: string; args: Expr[]; tag?: string }
  | { k: 'index'; index: Expr; tag?: string };

export interface RefExpr {
  k: 'ref';
  root: string;
  steps: Step[];
  tag?: string;
}

export type Expr =
  /** A literal or any other leaf written as is: `1`, `2.5`, `true`, `'single'`. */
  | { k: 'raw'; text: string; tag?: string }
  /** `"…"` with references interpolated. */
  | { k: 'dq'; parts: (string | RefExpr)[]; tag?: string }
  | RefExpr
  | { k: 'bin'; op: string; left: Expr; right: Expr; tag?: string }
  | { k: 'not'; word: boolean; operand: Expr; tag?: string }
  | { k: 'group'; inner: Expr; tag?: string }
  | { k: 'list'; items: Expr[]; tag?: string }
  | { k: 'map'; entries: [Expr, Expr][]; tag?: string }
  | { k: 'range'; from: Expr; to: Expr; tag?: string };

export type Stmt =
  | { k: 'text'; text: string; tag?: string }
  | { k: 'print'; ref: RefExpr; quiet: boolean; formal: boolean; tag?: string }
  | { k: 'set'; target: RefExpr; value: Expr; spaced: boolean; tag?: string }
  | { k: 'if'; branches: { cond: Expr; body: Stmt[]; tag?: string }[]; otherwise?: Stmt[]; formal: boolean; tag?: string }
  | { k: 'foreach'; variable: string; iterable: Expr; body: Stmt[]; tag?: string }
  | { k: 'break'; tag?: string }
  | { k: 'stop'; tag?: string }
  | { k: 'macro'; name: string; params: string[]; body: Stmt[]; tag?: string }
  | { k: 'call'; name: string; args: Expr[]; tag?: string }
  /** Written exactly as given: comments, `#[[raw]]#`, escapes (`\$x`, `\#if`). */
  | { k: 'verbatim'; text: string; tag?: string };

/** Everything one case needs: the template and the data it runs over. */
export interface GeneratedCase {
  stmts: Stmt[];
  /** The JSON body as a value; a `{ "__number": "2.0" }` object stands for a number written exactly so. */
  body: unknown;
  params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
  context: Record<string, unknown>;
  stageVariables: Record<string, string>;
}

/** A piece of output; a bare directive word (`#end`) switches to its braced form (`#{end}`) before a name character. */
interface Piece {
  text: string;
  braced?: string;
  /** What, at the start of the next piece, would be read as part of this one. */
  readsOn?: RegExp;
}

const DIRECTIVE_READS_ON = /^[A-Za-z0-9_]/;
const REFERENCE_READS_ON = /^[A-Za-z0-9_\-.(\[]/;

/** The template text of a statement list. */
export function templateText(stmts: readonly Stmt[]): string {
  const pieces: Piece[] = [];
  for (const stmt of stmts) stmtPieces(stmt, pieces);
  let text = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    const next = pieces.slice(i + 1).find((p) => p.text.length > 0);
    text += piece.braced !== undefined && next && piece.readsOn?.test(next.text) ? piece.braced : piece.text;
  }
  return text;
}

function word(name: string, pieces: Piece[]): void {
  pieces.push({ text: `#${name}`, braced: `#{${name}}`, readsOn: DIRECTIVE_READS_ON });
}

function stmtPieces(stmt: Stmt, pieces: Piece[]): void {
  switch (stmt.k) {
    case 'text':
    case 'verbatim':
      pieces.push({ text: stmt.text });
      return;
    case 'print': {
      const inner = refBody(stmt.ref);
      const text = `$${stmt.quiet ? '!' : ''}${stmt.formal ? `{${inner}}` : inner}`;
      // An informal reference followed by `.x`, `(`, `[` or a name character would read on.
      pieces.push({ text, braced: stmt.formal ? undefined : `$${stmt.quiet ? '!' : ''}{${inner}}`, readsOn: REFERENCE_READS_ON });
      return;
    }
    case 'set': {
      const s = stmt.spaced ? ' ' : '';
      pieces.push({ text: `#set(${s}${exprText(stmt.target)}${s}=${s}${exprText(stmt.value)}${s})` });
      return;
    }
    case 'if':
      stmt.branches.forEach((branch, i) => {
        const name = i === 0 ? 'if' : 'elseif';
        pieces.push({ text: stmt.formal ? `#{${name}}(${exprText(branch.cond)})` : `#${name}(${exprText(branch.cond)})` });
        for (const inner of branch.body) stmtPieces(inner, pieces);
      });
      if (stmt.otherwise) {
        if (stmt.formal) pieces.push({ text: '#{else}' });
        else word('else', pieces);
        for (const inner of stmt.otherwise) stmtPieces(inner, pieces);
      }
      if (stmt.formal) pieces.push({ text: '#{end}' });
      else word('end', pieces);
      return;
    case 'foreach':
      pieces.push({ text: `#foreach($${stmt.variable} in ${exprText(stmt.iterable)})` });
      for (const inner of stmt.body) stmtPieces(inner, pieces);
      word('end', pieces);
      return;
    case 'break':
    case 'stop':
      word(stmt.k, pieces);
      return;
    case 'macro':
      pieces.push({ text: `#macro(${[stmt.name, ...stmt.params.map((p) => `$${p}`)].join(' ')})` });
      for (const inner of stmt.body) stmtPieces(inner, pieces);
      word('end', pieces);
      return;
    case 'call':
      pieces.push({ text: `#${stmt.name}(${stmt.args.map(exprText).join(' ')})` });
      return;
  }
}

function refBody(ref: RefExpr): string {
  let text = ref.root;
  for (const step of ref.steps) {
    if (step.k === 'prop') text += `.${step.name}`;
    else if (step.k === 'call') text += `.${step.name}(${step.args.map(exprText).join(', ')})`;
    else text += `[${exprText(step.index)}]`;
  }
  return text;
}

/** The text of an expression. */
export function exprText(expr: Expr): string {
  switch (expr.k) {
    case 'raw':
      return expr.text;
    case 'dq':
      return `"${expr.parts.map((part, i) => (typeof part === 'string' ? part : interpolated(part, expr.parts[i + 1]))).join('')}"`;
    case 'ref':
      return `$${refBody(expr)}`;
    case 'bin':
      return `${exprText(expr.left)} ${expr.op} ${exprText(expr.right)}`;
    case 'not':
      return expr.word ? `not ${exprText(expr.operand)}` : `!${exprText(expr.operand)}`;
    case 'group':
      return `(${exprText(expr.inner)})`;
    case 'list':
      return `[${expr.items.map(exprText).join(', ')}]`;
    case 'map':
      return `{${expr.entries.map(([key, value]) => `${exprText(key)}: ${exprText(value)}`).join(', ')}}`;
    case 'range':
      return `[${exprText(expr.from)}..${exprText(expr.to)}]`;
  }
}

function interpolated(ref: RefExpr, next: string | RefExpr | undefined): string {
  const readsOn = typeof next === 'string' && REFERENCE_READS_ON.test(next);
  return readsOn ? `\${${refBody(ref)}}` : `$${refBody(ref)}`;
}

/** A number written exactly as given in the JSON text (`2.0` stays a decimal, which `JSON.stringify` would lose). */
export function exactNumber(text: string): { __number: string } {
  return { __number: text };
}

/** The JSON text of a body value, with `exactNumber` markers written out. */
export function jsonText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonText).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === '__number') return String(entries[0][1]);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonText(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Every feature tag used in a statement list, sorted, each once. */
export function featuresOf(stmts: readonly Stmt[]): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node && typeof node === 'object') {
      const tag = (node as { tag?: unknown }).tag;
      if (typeof tag === 'string') found.add(tag);
      for (const [key, value] of Object.entries(node)) if (key !== 'tag') visit(value);
    }
  };
  visit(stmts);
  return [...found].sort();
}
