import type { VtlNode } from './ast';

/** The direct children of a node, in source order. */
export function childrenOf(node: VtlNode): VtlNode[] {
  switch (node.kind) {
    case 'template':
      return node.body;
    case 'reference':
      return node.args ? [...node.args.items, ...node.path] : node.path;
    case 'method':
      return node.args.items;
    case 'index':
      return [node.index];
    case 'set':
      return node.target ? [node.target, node.value] : [node.value];
    case 'if':
      return node.branches;
    case 'branch':
      return node.condition ? [node.condition, ...node.body] : node.body;
    case 'foreach':
      return [...(node.variable ? [node.variable] : []), node.iterable, ...node.body];
    case 'macro':
      return [...node.params, ...node.body];
    case 'define':
      return node.target ? [node.target, ...node.body] : node.body;
    case 'call':
      return node.body ? [...node.args.items, ...node.body] : node.args.items;
    case 'stray':
      return node.condition ? [node.condition] : [];
    case 'string':
      return node.parts ?? [];
    case 'list':
      return node.items;
    case 'range':
      return [node.from, node.to];
    case 'map':
      return node.entries;
    case 'entry':
      return [node.key, node.value];
    case 'binary':
      return [node.left, node.right];
    case 'unary':
      return [node.operand];
    case 'parenthesized':
      return [node.expression];
    default:
      return [];
  }
}

/** Visits every node depth-first in source order, without recursion (deep templates stay off the stack). */
export function walkVtl(root: VtlNode, visit: (node: VtlNode) => void): void {
  const stack: VtlNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    visit(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
