import type { VtlNode } from './ast';

/** Appends `items` one by one: a spread of a very long body would overflow the call stack. */
function append(out: VtlNode[], items: readonly VtlNode[]): void {
  for (const item of items) out.push(item);
}

/** Appends the direct children of a node to `out`, in source order, without building lists of its own. */
function pushChildren(node: VtlNode, out: VtlNode[]): void {
  switch (node.kind) {
    case 'template':
      return void append(out, node.body);
    case 'reference':
      if (node.args) append(out, node.args.items);
      return void append(out, node.path);
    case 'method':
      return void append(out, node.args.items);
    case 'index':
      return void out.push(node.index);
    case 'set':
      if (node.target) out.push(node.target);
      return void out.push(node.value);
    case 'if':
      return void append(out, node.branches);
    case 'branch':
      if (node.condition) out.push(node.condition);
      return void append(out, node.body);
    case 'foreach':
      if (node.variable) out.push(node.variable);
      out.push(node.iterable);
      return void append(out, node.body);
    case 'macro':
      append(out, node.params);
      return void append(out, node.body);
    case 'define':
      if (node.target) out.push(node.target);
      return void append(out, node.body);
    case 'call':
      append(out, node.args.items);
      if (node.body) append(out, node.body);
      return;
    case 'stray':
      if (node.condition) out.push(node.condition);
      return;
    case 'string':
      if (node.parts) append(out, node.parts);
      return;
    case 'list':
      return void append(out, node.items);
    case 'range':
      return void out.push(node.from, node.to);
    case 'map':
      return void append(out, node.entries);
    case 'entry':
      return void out.push(node.key, node.value);
    case 'binary':
      return void out.push(node.left, node.right);
    case 'unary':
      return void out.push(node.operand);
    case 'parenthesized':
      return void out.push(node.expression);
    default:
      return;
  }
}

/** The direct children of a node, in source order. */
export function childrenOf(node: VtlNode): VtlNode[] {
  const children: VtlNode[] = [];
  pushChildren(node, children);
  return children;
}

/** Visits every node depth-first in source order, without recursion (deep templates stay off the stack). */
export function walkVtl(root: VtlNode, visit: (node: VtlNode) => void): void {
  const stack: VtlNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    visit(node);
    // Children go on the stack last first, so the first is visited next.
    const from = stack.length;
    pushChildren(node, stack);
    for (let low = from, high = stack.length - 1; low < high; low++, high--) {
      const first = stack[low];
      stack[low] = stack[high];
      stack[high] = first;
    }
  }
}
