import type { Node as JsonNode } from 'jsonc-parser';
import type { EmbeddedText, OffsetRange } from '../model/types';
import { verbatimEmbeddedText } from './embedded';
import { decodeJsonString } from './jsonString';
import type { SourceEntry, SourceMapping, SourceNode, SourceScalar, SourceSequence } from './sourceTree';

/*
 * jsonc-parser's nodes seen as the source tree. Objects and arrays convert their children on first
 * access, so parts of a large definition that no reader visits (schemas, examples) cost nothing;
 * ranges too are made when first asked for, as most keys and values are never asked where they are.
 */

function rangeOf(node: JsonNode): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

class JsonScalar implements SourceScalar {
  readonly kind = 'scalar';
  readonly value: string | number | boolean | null;
  readonly scalarType: SourceScalar['scalarType'];
  private cachedRange: OffsetRange | undefined;
  private cached: EmbeddedText | undefined;

  constructor(
    private readonly text: string,
    private readonly node: JsonNode,
  ) {
    this.value = (node.value as string | number | boolean | null | undefined) ?? null;
    this.scalarType =
      node.type === 'string' ? 'string' : node.type === 'number' ? 'number' : node.type === 'boolean' ? 'boolean' : 'null';
  }

  get range(): OffsetRange {
    this.cachedRange ??= rangeOf(this.node);
    return this.cachedRange;
  }

  embedded(): EmbeddedText {
    if (this.cached === undefined) {
      const { offset, length } = this.node;
      this.cached =
        this.scalarType === 'string'
          ? decodeJsonString(this.text, offset, offset + length)
          : verbatimEmbeddedText(this.text.slice(offset, offset + length), offset);
    }
    return this.cached;
  }
}

class JsonEntry implements SourceEntry {
  private cachedRange: OffsetRange | undefined;

  constructor(
    readonly key: SourceScalar,
    readonly value: SourceNode | undefined,
    private readonly property: JsonNode,
  ) {}

  get range(): OffsetRange {
    this.cachedRange ??= rangeOf(this.property);
    return this.cachedRange;
  }
}

/** An object or array whose children are converted when first asked for. */
abstract class JsonContainer<Child> {
  protected converted: Child[] | undefined;
  private cachedRange: OffsetRange | undefined;

  constructor(
    protected readonly text: string,
    protected readonly node: JsonNode,
  ) {}

  get range(): OffsetRange {
    this.cachedRange ??= rangeOf(this.node);
    return this.cachedRange;
  }
}

class JsonObject extends JsonContainer<SourceEntry> implements SourceMapping {
  readonly kind = 'map';

  /** Properties whose value is missing (a syntax error) keep their key with an undefined value. */
  get entries(): SourceEntry[] {
    if (this.converted === undefined) {
      const entries: SourceEntry[] = [];
      for (const property of this.node.children ?? []) {
        const children = property.children;
        const keyNode = children?.[0];
        if (keyNode === undefined) continue;
        const valueNode = children?.[1];
        entries.push(new JsonEntry(new JsonScalar(this.text, keyNode), valueNode !== undefined ? sourceTreeFromJson(this.text, valueNode) : undefined, property));
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
