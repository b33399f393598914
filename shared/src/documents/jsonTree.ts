import type { Node as JsonNode } from 'jsonc-parser';
import type { EmbeddedText, OffsetRange } from '../model/types';
import { verbatimEmbeddedText } from './embedded';
import { decodeJsonString } from './jsonString';
import type { SourceEntry, SourceMapping, SourceNode, SourceScalar, SourceSequence } from './sourceTree';

/*
 * jsonc-parser's nodes seen as the source tree. Objects and arrays convert their children on first
 * access, so parts of a large definition that no reader visits (schemas, examples) cost nothing.
 */

function rangeOf(node: JsonNode): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

class JsonScalar implements SourceScalar {
  readonly kind = 'scalar';
  readonly value: string | number | boolean | null;
  readonly scalarType: SourceScalar['scalarType'];
  readonly range: OffsetRange;
  private cached: EmbeddedText | undefined;

  constructor(
    private readonly text: string,
    node: JsonNode,
  ) {
    this.range = rangeOf(node);
    this.value = (node.value as string | number | boolean | null | undefined) ?? null;
    this.scalarType =
      node.type === 'string' ? 'string' : node.type === 'number' ? 'number' : node.type === 'boolean' ? 'boolean' : 'null';
  }

  embedded(): EmbeddedText {
    this.cached ??=
      this.scalarType === 'string'
        ? decodeJsonString(this.text, this.range.start, this.range.end)
        : verbatimEmbeddedText(this.text.slice(this.range.start, this.range.end), this.range.start);
    return this.cached;
  }
}

/** An object or array whose children are converted when first asked for. */
abstract class JsonContainer<Child> {
  readonly range: OffsetRange;
  protected converted: Child[] | undefined;

  constructor(
    protected readonly text: string,
    protected readonly node: JsonNode,
  ) {
    this.range = rangeOf(node);
  }
}

class JsonObject extends JsonContainer<SourceEntry> implements SourceMapping {
  readonly kind = 'map';

  /** Properties whose value is missing (a syntax error) keep their key with an undefined value. */
  get entries(): SourceEntry[] {
    if (this.converted === undefined) {
      const entries: SourceEntry[] = [];
      for (const property of this.node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode === undefined) continue;
        entries.push({
          key: new JsonScalar(this.text, keyNode),
          value: valueNode !== undefined ? sourceTreeFromJson(this.text, valueNode) : undefined,
          range: rangeOf(property),
        });
      }
      this.converted = entries;
    }
    return this.converted;
  }
}

class JsonArray extends JsonContainer<SourceNode> implements SourceSequence {
  readonly kind = 'seq';

  get items(): SourceNode[] {
    this.converted ??= (this.node.children ?? []).map((child) => sourceTreeFromJson(this.text, child));
    return this.converted;
  }
}

/** The source tree of a jsonc-parser node of `text`. */
export function sourceTreeFromJson(text: string, node: JsonNode): SourceNode {
  switch (node.type) {
    case 'object':
      return new JsonObject(text, node);
    case 'array':
      return new JsonArray(text, node);
    case 'property':
      // A property is not a value: read its value (callers pass values; this keeps the function total).
      return node.children?.[1] !== undefined ? sourceTreeFromJson(text, node.children[1]) : new JsonScalar(text, { ...node, type: 'null', value: null });
    default:
      return new JsonScalar(text, node);
  }
}
