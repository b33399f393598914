import type { VtlNode, VtlSpan, VtlTemplate } from './ast';
import { childrenOf, walkVtl } from './walk';

/**
 * The nodes around `offset`, outermost (the template) first and innermost last. A node touches the
 * offset when `start <= offset <= end`, so a cursor right after `$input.pa` still finds the
 * property being typed; between two touching nodes the one ending at the offset wins.
 */
export function findNodeAt(ast: VtlTemplate, offset: number): VtlNode[] {
  const chain: VtlNode[] = [ast];
  let node: VtlNode = ast;
  for (;;) {
    const next = pickChild(childrenOf(node), offset);
    if (!next) return chain;
    chain.push(next);
    node = next;
  }
}

function pickChild(children: VtlNode[], offset: number): VtlNode | undefined {
  let touching: VtlNode | undefined;
  for (const child of children) {
    const end = effectiveEnd(child);
    if (child.start < offset && offset < end) return child;
    if (child.start > offset || offset > end) continue;
    // Prefer what ends at the cursor (being typed), and a construct over the text next to it.
    if (!touching || (end === offset && (effectiveEnd(touching) !== offset || touching.kind === 'text'))) touching = child;
  }
  return touching;
}

/** `$util.` while typing: the dot belongs to the reference for navigation. */
function effectiveEnd(node: VtlNode): number {
  return node.kind === 'reference' && node.danglingDot ? node.danglingDot.end : node.end;
}

/** A variable the template gives a value to, as completion offers it. */
export interface VtlAssignedVariable {
  name: string;
  /** `set`: `#set` before the offset; `foreach`: loop variable of a loop around it; `parameter`: a macro's. */
  source: 'set' | 'foreach' | 'parameter' | 'define';
  /** Where the variable is written in the directive. */
  range: VtlSpan;
}

/**
 * Variables assigned by `#set`/`#define` before `offset`, and loop variables and macro parameters
 * whose block contains it. Each name once, from its latest assignment.
 */
export function collectSetVariables(ast: VtlTemplate, offset: number): VtlAssignedVariable[] {
  const found = new Map<string, VtlAssignedVariable>();
  const add = (name: string, source: VtlAssignedVariable['source'], range: VtlSpan): void => {
    if (!name) return;
    found.delete(name);
    found.set(name, { name, source, range: { start: range.start, end: range.end } });
  };
  const inside = (node: VtlSpan): boolean => node.start < offset && (offset <= node.end);
  walkVtl(ast, (node) => {
    // `#set($a.b = …)` writes into `$a`; it does not make a new variable.
    if (node.kind === 'set' && node.target && !node.target.path.length && node.target.end <= offset) add(node.target.name.value, 'set', node.target);
    else if (node.kind === 'define' && node.target && node.target.end <= offset) add(node.target.name.value, 'define', node.target);
    else if (node.kind === 'foreach' && node.variable && inside(node) && node.head.end <= offset) {
      add(node.variable.name.value, 'foreach', node.variable);
    } else if (node.kind === 'macro' && inside(node) && node.head.end <= offset) {
      for (const param of node.params) add(param.name.value, 'parameter', param);
    }
  });
  return [...found.values()];
}
