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

/** Key values above this count are compared through a set rather than pair by pair. */
const PAIRWISE_KEY_LIMIT = 16;

class JsonObject extends JsonContainer<SourceEntry> implements SourceMapping {
  readonly kind = 'map';
  /** Entries converted one at a time by `entryNamed`, by property index, reused by `entries`. */
  private single: (SourceEntry | undefined)[] | undefined;

  /** Properties whose value is missing (a syntax error) keep their key with an undefined value. */
  get entries(): SourceEntry[] {
    if (this.converted === undefined) {
      const entries: SourceEntry[] = [];
      const properties = this.node.children ?? [];
      for (let i = 0; i < properties.length; i++) {
        const entry = this.single?.[i] ?? this.convertEntry(i);
        if (entry !== undefined) entries.push(entry);
      }
      this.converted = entries;
      this.single = undefined;
    }
    return this.converted;
  }

  entryNamed(name: string): SourceEntry | undefined {
    if (this.converted !== undefined) {
      for (const entry of this.converted) if (entry.key.value === name) return entry;
      return undefined;
    }
    const properties = this.node.children ?? [];
    for (let i = 0; i < properties.length; i++) {
      if (keyValueOf(properties[i]) === name) return this.entryAt(i);
    }
    return undefined;
  }

  entryCount(): number {
    if (this.converted !== undefined) return this.converted.length;
    let count = 0;
    for (const property of this.node.children ?? []) if (property.children?.[0] !== undefined) count++;
    return count;
  }

  hasRepeatedKeys(): boolean {
    const properties = this.node.children ?? [];
    if (properties.length < 2) return false;
    if (properties.length > PAIRWISE_KEY_LIMIT) {
      const seen = new Set<unknown>();
      for (const property of properties) {
        if (property.children?.[0] === undefined) continue;
        const key = keyValueOf(property);
        if (seen.has(key)) return true;
        seen.add(key);
      }
      return false;
    }
    for (let i = 1; i < properties.length; i++) {
      if (properties[i].children?.[0] === undefined) continue;
      const key = keyValueOf(properties[i]);
      for (let j = 0; j < i; j++) if (properties[j].children?.[0] !== undefined && keyValueOf(properties[j]) === key) return true;
    }
    return false;
  }

  /** The entry of property `index`, converted once; undefined for a property without a key. */
  private entryAt(index: number): SourceEntry | undefined {
    const cached = this.single?.[index];
    if (cached !== undefined) return cached;
    const entry = this.convertEntry(index);
    if (entry !== undefined) (this.single ??= [])[index] = entry;
    return entry;
  }

  private convertEntry(index: number): SourceEntry | undefined {
    const property = (this.node.children ?? [])[index];
    const children = property.children;
    const keyNode = children?.[0];
    if (keyNode === undefined) return undefined;
    const valueNode = children?.[1];
    return new JsonEntry(new JsonScalar(this.text, keyNode), valueNode !== undefined ? sourceTreeFromJson(this.text, valueNode) : undefined, property);
  }
}

/** A property's key as its converted key scalar's `value` would be. */
function keyValueOf(property: JsonNode): string | number | boolean | null {
  return (property.children?.[0]?.value as string | number | boolean | null | undefined) ?? null;
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
