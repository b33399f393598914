/** Walking the pattern tree, for analyses (bracket classes that look like words, dots, …). */
import { RegexNode } from './ast';

/**
 * Calls `visit` for `node` and every node below it, parents before children, in pattern order.
 * `visit` may return `false` to skip a node's children.
 */
export function walkRegex(node: RegexNode, visit: (node: RegexNode, parent: RegexNode | undefined) => boolean | void, parent?: RegexNode): void {
  if (visit(node, parent) === false) return;
  switch (node.type) {
    case 'sequence':
      for (const item of node.items) walkRegex(item, visit, node);
      return;
    case 'alternation':
      for (const alternative of node.alternatives) walkRegex(alternative, visit, node);
      return;
    case 'group':
    case 'quantified':
      walkRegex(node.body, visit, node);
      return;
    default:
      return;
  }
}
