import type { Node as JsonNode, ParseError, ParseOptions } from 'jsonc-parser';
import type { EmbeddedText, OffsetRange } from '../model/types';
import { compactJsonTreeOf, JsonNodeType, NO_JSON_NODE, parseCompactJsonTree, type CompactJsonTree } from './compactJsonTree';
import { verbatimEmbeddedText } from './embedded';
import { decodeJsonString, wellFormedJsonString } from './jsonString';
import type { SourceEntry, SourceMapping, SourceNode, SourceScalar } from './sourceTree';

/*
 * The compact JSON syntax tree seen as the source tree. Objects and arrays convert their children when
 * asked for, so parts of a large definition that no reader visits (schemas, examples) cost nothing;
 * ranges too are made when first asked for, as most keys and values are never asked where they are.
 */

function rangeOf(tree: CompactJsonTree, node: number): OffsetRange {
  const start = tree.offset(node);
  return { start, end: start + tree.length(node) };
}

const SCALAR_TYPES: Record<number, SourceScalar['scalarType']> = {
  [JsonNodeType.String]: 'string',
  [JsonNodeType.Number]: 'number',
  [JsonNodeType.Boolean]: 'boolean',
};

class JsonScalar implements SourceScalar {
  readonly kind = 'scalar';
  readonly scalarType: SourceScalar['scalarType'];
  private cachedValue: string | number | boolean | null | undefined;
  private cachedRange: OffsetRange | undefined;
  private cached: EmbeddedText | undefined;

  /** `missingValue`: a property written without a value, read as a null over the whole property. */
  constructor(
    private readonly tree: CompactJsonTree,
    private readonly node: number,
    missingValue = false,
  ) {
    this.scalarType = missingValue ? 'null' : (SCALAR_TYPES[tree.type(node)] ?? 'null');
    if (missingValue) this.cachedValue = null;
  }

  get value(): string | number | boolean | null {
    if (this.cachedValue === undefined) this.cachedValue = this.tree.literal(this.node);
    return this.cachedValue;
  }

  get range(): OffsetRange {
    this.cachedRange ??= rangeOf(this.tree, this.node);
    return this.cachedRange;
  }

  embedded(): EmbeddedText {
    if (this.cached === undefined) {
      const { tree, node } = this;
      const offset = tree.offset(node);
      const end = offset + tree.length(node);
      if (this.scalarType !== 'string') this.cached = verbatimEmbeddedText(tree.text.slice(offset, end), offset);
      else if (tree.isWellFormedString(node)) this.cached = wellFormedJsonString(tree.text, this.range, this.value as string);
      else this.cached = decodeJsonString(tree.text, offset, end);
    }
    return this.cached;
  }
}

/** A property of a key (always present: a keyless property is no entry) and maybe a value, each converted when first read. */
class JsonEntry implements SourceEntry {
  private cachedRange: OffsetRange | undefined;
  private cachedKey: SourceScalar | undefined;
  private cachedValue: SourceNode | undefined | null;

  constructor(
    private readonly tree: CompactJsonTree,
    private readonly property: number,
  ) {}

  get key(): SourceScalar {
    this.cachedKey ??= new JsonScalar(this.tree, this.tree.firstChild(this.property));
    return this.cachedKey;
  }

  get value(): SourceNode | undefined {
    if (this.cachedValue === undefined) {
      const value = this.tree.secondChild(this.property);
      this.cachedValue = value === NO_JSON_NODE ? null : sourceNodeAt(this.tree, value);
    }
    return this.cachedValue ?? undefined;
  }

  get range(): OffsetRange {
    this.cachedRange ??= rangeOf(this.tree, this.property);
    return this.cachedRange;
  }
}

/*
 * Objects and arrays keep no converted children: a converted child held by its parent would live as
 * long as the root, and reading a large definition would then copy every node it visited out of the
 * young generation. Unheld, a node read once dies young, which costs nothing; the readers read each
 * node once.
 */

/** An object or array of the compact tree. */
abstract class JsonContainer {
  private cachedRange: OffsetRange | undefined;

  constructor(
    protected readonly tree: CompactJsonTree,
    protected readonly node: number,
  ) {}

  get range(): OffsetRange {
    this.cachedRange ??= rangeOf(this.tree, this.node);
    return this.cachedRange;
  }
}

/** Key values above this count are compared through a set rather than pair by pair. */
const PAIRWISE_KEY_LIMIT = 16;

class JsonObject extends JsonContainer implements SourceMapping {
  readonly kind = 'map';
  private keyedCount: number | undefined;

  /** Properties whose value is missing (a syntax error) keep their key with an undefined value. */
  get entries(): SourceEntry[] {
    const entries: SourceEntry[] = [];
    for (let property = this.tree.firstChild(this.node); property !== NO_JSON_NODE; property = this.tree.nextSibling(property)) {
      const entry = this.convertEntry(property);
      if (entry !== undefined) entries.push(entry);
    }
    return entries;
  }

  entryNamed(name: string): SourceEntry | undefined {
    const property = this.propertyNamed(name);
    return property === NO_JSON_NODE ? undefined : this.convertEntry(property);
  }

  valueNamed(name: string): SourceNode | undefined {
    const property = this.propertyNamed(name);
    if (property === NO_JSON_NODE) return undefined;
    const value = this.tree.secondChild(property);
    return value === NO_JSON_NODE ? undefined : sourceNodeAt(this.tree, value);
  }

  /** The first property whose key is `name`, or NO_JSON_NODE. */
  private propertyNamed(name: string): number {
    const tree = this.tree;
    for (let property = tree.firstChild(this.node); property !== NO_JSON_NODE; property = tree.nextSibling(property)) {
      const key = tree.firstChild(property);
      if (key !== NO_JSON_NODE && tree.stringEquals(key, name)) return property;
    }
    return NO_JSON_NODE;
  }

  firstKey(): string | number | boolean | null | undefined {
    const tree = this.tree;
    for (let property = tree.firstChild(this.node); property !== NO_JSON_NODE; property = tree.nextSibling(property)) {
      const key = tree.firstChild(property);
      if (key !== NO_JSON_NODE) return tree.literal(key);
    }
    return undefined;
  }

  entryCount(): number {
    if (this.keyedCount === undefined) {
      let count = 0;
      for (let property = this.tree.firstChild(this.node); property !== NO_JSON_NODE; property = this.tree.nextSibling(property)) {
        if (this.tree.firstChild(property) !== NO_JSON_NODE) count++;
      }
      this.keyedCount = count;
    }
    return this.keyedCount;
  }

  hasRepeatedKeys(): boolean {
    const tree = this.tree;
    const count = this.entryCount();
    if (count < 2) return false;
    const first = tree.firstChild(this.node);
    if (count > PAIRWISE_KEY_LIMIT) {
      const seen = new Set<unknown>();
      for (let property = first; property !== NO_JSON_NODE; property = tree.nextSibling(property)) {
        const key = tree.firstChild(property);
        if (key === NO_JSON_NODE) continue;
        const value = tree.literal(key);
        if (seen.has(value)) return true;
        seen.add(value);
      }
      return false;
    }
    for (let later = tree.nextSibling(first); later !== NO_JSON_NODE; later = tree.nextSibling(later)) {
      const key = tree.firstChild(later);
      if (key === NO_JSON_NODE) continue;
      for (let earlier = first; earlier !== later; earlier = tree.nextSibling(earlier)) {
        const earlierKey = tree.firstChild(earlier);
        if (earlierKey !== NO_JSON_NODE && tree.sameString(earlierKey, key)) return true;
      }
    }
    return false;
  }

  /** The entry of `property`; undefined for a property without a key. */
  private convertEntry(property: number): SourceEntry | undefined {
    return this.tree.firstChild(property) === NO_JSON_NODE ? undefined : new JsonEntry(this.tree, property);
  }
}

class JsonArray extends JsonContainer {
  readonly kind = 'seq';

  get items(): SourceNode[] {
    const items: SourceNode[] = [];
    for (let child = this.tree.firstChild(this.node); child !== NO_JSON_NODE; child = this.tree.nextSibling(child)) items.push(sourceNodeAt(this.tree, child));
    return items;
  }
}

/** The source node of a compact tree's node. */
function sourceNodeAt(tree: CompactJsonTree, node: number): SourceNode {
  switch (tree.type(node)) {
    case JsonNodeType.Object:
      return new JsonObject(tree, node);
    case JsonNodeType.Array:
      return new JsonArray(tree, node);
    case JsonNodeType.Property: {
      // A property is not a value: read its value (callers pass values; this keeps the function total).
      const value = tree.secondChild(node);
      return value !== NO_JSON_NODE ? sourceNodeAt(tree, value) : new JsonScalar(tree, node, true);
    }
    default:
      return new JsonScalar(tree, node);
  }
}

/** The source tree of a jsonc-parser node of `text`. */
export function sourceTreeFromJson(text: string, node: JsonNode): SourceNode {
  const tree = compactJsonTreeOf(text, node);
  return sourceNodeAt(tree, tree.root);
}

/**
 * Parses `text` with jsonc-parser (the errors are `parseTree`'s) into the source tree; undefined root
 * for a text without a value. Throws where jsonc-parser throws (thousands of nesting levels).
 */
export function parseJsonSourceTree(text: string, errors: ParseError[], options: ParseOptions): SourceNode | undefined {
  liveNodes ??= nodesOfEveryKind();
  const tree = parseCompactJsonTree(text, errors, options);
  return tree.root === NO_JSON_NODE ? undefined : sourceNodeAt(tree, tree.root);
}

/**
 * A node of every kind, kept from the first parse on. V8 drops the hidden classes of objects none of
 * which is alive at a full collection, and with them the optimised code that read such objects. The
 * nodes of a read all die when it ends, so without these each read after a full collection would run
 * in the interpreter again until the code is optimised anew.
 */
let liveNodes: unknown[] | undefined;

function nodesOfEveryKind(): unknown[] {
  const tree = parseCompactJsonTree('{"k": ["v", 1]}', [], {});
  const root = sourceNodeAt(tree, tree.root) as JsonObject;
  const [entry] = root.entries;
  const list = entry.value as JsonArray;
  return [tree, root, root.range, entry, entry.key, entry.key.value, entry.key.embedded(), list, ...list.items];
}
