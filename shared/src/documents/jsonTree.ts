import type { Node as JsonNode } from 'jsonc-parser';
import type { EmbeddedText } from '../model/types';
import { verbatimEmbeddedText } from './embedded';
import { decodeJsonString } from './jsonString';
import type { SourceEntry, SourceNode, SourceScalar } from './sourceTree';

function jsonScalar(text: string, node: JsonNode): SourceScalar {
  const range = { start: node.offset, end: node.offset + node.length };
  let cached: EmbeddedText | undefined;
  const value = node.value as string | number | boolean | null;
  const scalarType: SourceScalar['scalarType'] =
    node.type === 'string' ? 'string' : node.type === 'number' ? 'number' : node.type === 'boolean' ? 'boolean' : 'null';
  return {
    kind: 'scalar',
    value: value ?? null,
    scalarType,
    range,
    embedded() {
      cached ??=
        node.type === 'string'
          ? decodeJsonString(text, range.start, range.end)
          : verbatimEmbeddedText(text.slice(range.start, range.end), range.start);
      return cached;
    },
  };
}

/**
 * The source tree of a jsonc-parser node of `text`. Properties whose value is missing (a syntax
 * error) keep their key with an undefined value, so whatever could be read stays visible.
 */
export function sourceTreeFromJson(text: string, node: JsonNode): SourceNode {
  const range = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object': {
      const entries: SourceEntry[] = [];
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode === undefined) continue;
        entries.push({
          key: jsonScalar(text, keyNode),
          value: valueNode !== undefined ? sourceTreeFromJson(text, valueNode) : undefined,
          range: { start: property.offset, end: property.offset + property.length },
        });
      }
      return { kind: 'map', entries, range };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((child) => sourceTreeFromJson(text, child)), range };
    case 'property':
      // A property is not a value; read its value (callers pass values, this keeps the function total).
      return node.children?.[1] !== undefined ? sourceTreeFromJson(text, node.children[1]) : jsonScalar(text, { ...node, type: 'null', value: null });
    default:
      return jsonScalar(text, node);
  }
}
