import { visit, type JSONVisitor, type Node as JsonNode, type ParseError, type ParseOptions } from 'jsonc-parser';
import { decodeJsonString } from './jsonString';

/*
 * jsonc-parser's syntax tree kept in flat arrays instead of one object per node. The nodes, their
 * nesting and their offsets are exactly those `parseTree` builds (the same parser's events, assembled
 * the same way); what changes is the cost: a large definition holds hundreds of thousands of nodes, and
 * as objects they are most of the parse's time and all of its garbage.
 */

/** The kind of a node, as jsonc-parser's `Node.type`. */
export const enum JsonNodeType {
  Object,
  Array,
  Property,
  String,
  Number,
  Boolean,
  Null,
}

/** How a string node's value is read again. */
const enum StringForm {
  /** The characters between the quotes. */
  Plain,
  /** Decoded from the token, which the scanner found no fault in. */
  Escaped,
  /** Kept as the parser decoded it (a malformed escape, no closing quote), as is every number. */
  Kept,
}

/** The literal value of a scalar node. */
export type JsonLiteral = string | number | boolean | null;

// Fields of one node, STRIDE integers per node.
const TYPE = 0;
const OFFSET = 1;
const LENGTH = 2;
const FIRST_CHILD = 3;
const NEXT_SIBLING = 4;
const LAST_CHILD = 5;
const PARENT = 6;
/** How a string's value is found again: one of the `StringForm`s. */
const FORM = 7;
const STRIDE = 8;
const NONE = -1;
/** The container the top value is added to. */
const TOP = 0;

/** Nodes per character of text to allocate for at first: about what indented JSON holds. */
const NODES_PER_CHAR = 1 / 12;

/** One JSON document's syntax tree: nodes are numbers, read through the methods. */
export class CompactJsonTree {
  private fields: Int32Array;
  /**
   * The parser's values that the text alone does not give back simply: numbers (`1e` reads as 1),
   * strings the scanner found a fault in. Every other value is read again from the text when asked
   * for: kept, the parser's hundreds of thousands of strings would all outlive the young generation,
   * and copying them there costs more than reading again the few that are asked for.
   */
  private readonly kept = new Map<number, JsonLiteral>();
  private count = 0;

  constructor(
    readonly text: string,
    expectedNodes = 16,
  ) {
    this.fields = new Int32Array(Math.max(16, Math.ceil(expectedNodes)) * STRIDE);
    // The top value is the child of a container of its own, as in parseTree.
    this.add(NONE, JsonNodeType.Array, -1, -1);
  }

  /** The document's top value, or NONE for a text with no value at all. */
  get root(): number {
    return this.firstChild(TOP);
  }

  type(node: number): JsonNodeType {
    return this.fields[node * STRIDE + TYPE];
  }

  offset(node: number): number {
    return this.fields[node * STRIDE + OFFSET];
  }

  length(node: number): number {
    return this.fields[node * STRIDE + LENGTH];
  }

  /** The first child (a property's key, an object's first property, an array's first item), or NONE. */
  firstChild(node: number): number {
    return this.fields[node * STRIDE + FIRST_CHILD];
  }

  /** The next child of the same parent, or NONE. */
  nextSibling(node: number): number {
    return this.fields[node * STRIDE + NEXT_SIBLING];
  }

  /** The second child (a property's value), or NONE. */
  secondChild(node: number): number {
    const first = this.firstChild(node);
    return first === NONE ? NONE : this.nextSibling(first);
  }

  /** A scalar's value as the parser decoded it (a string without quotes or escapes); null for containers. */
  literal(node: number): JsonLiteral {
    const offset = this.offset(node);
    const length = this.length(node);
    switch (this.type(node)) {
      case JsonNodeType.String:
        switch (this.form(node)) {
          case StringForm.Plain:
            return this.text.slice(offset + 1, offset + length - 1);
          case StringForm.Escaped:
            return decodeEscapedString(this.text, offset, length);
          default:
            return this.kept.get(node) ?? '';
        }
      case JsonNodeType.Number:
        return this.kept.get(node) ?? 0;
      case JsonNodeType.Boolean:
        return this.text.charCodeAt(offset) === 0x74;
      default:
        return null;
    }
  }

  private form(node: number): StringForm {
    return this.fields[node * STRIDE + FORM];
  }

  /** Whether the scanner found no fault in string node `node`: closed, escapes well formed, no raw control character. */
  isWellFormedString(node: number): boolean {
    return this.type(node) === JsonNodeType.String && this.form(node) !== StringForm.Kept;
  }

  /** Whether string node `node` is `name`, compared without making the string when it has no escape. */
  stringEquals(node: number, name: string): boolean {
    if (this.type(node) !== JsonNodeType.String) return false;
    if (this.form(node) === StringForm.Plain) {
      return this.length(node) === name.length + 2 && this.text.startsWith(name, this.offset(node) + 1);
    }
    return this.literal(node) === name;
  }

  /** Whether string nodes `a` and `b` hold the same string. */
  sameString(a: number, b: number): boolean {
    if (this.form(a) === StringForm.Plain && this.form(b) === StringForm.Plain) {
      const length = this.length(a);
      if (length !== this.length(b)) return false;
      const text = this.text;
      const offsetA = this.offset(a);
      const offsetB = this.offset(b);
      for (let at = 1; at < length - 1; at++) if (text.charCodeAt(offsetA + at) !== text.charCodeAt(offsetB + at)) return false;
      return true;
    }
    return this.literal(a) === this.literal(b);
  }

  /** The node new top-level values are added under. */
  get top(): number {
    return TOP;
  }

  /**
   * Appends a node as the last child of `parent`; returns it. `value`: a scalar's value as the parser
   * decoded it; `faulty`: whether the scanner reported a fault in the token.
   */
  add(parent: number, type: JsonNodeType, offset: number, length: number, value?: JsonLiteral, faulty = false): number {
    const node = this.count++;
    let base = node * STRIDE;
    if (base + STRIDE > this.fields.length) {
      const grown = new Int32Array(this.fields.length * 2);
      grown.set(this.fields);
      this.fields = grown;
    }
    const f = this.fields;
    f[base + TYPE] = type;
    f[base + OFFSET] = offset;
    f[base + LENGTH] = length;
    f[base + FIRST_CHILD] = NONE;
    f[base + NEXT_SIBLING] = NONE;
    f[base + LAST_CHILD] = NONE;
    f[base + PARENT] = parent;
    let form = StringForm.Plain;
    if (type === JsonNodeType.Number || faulty) form = StringForm.Kept;
    else if (type === JsonNodeType.String && (value as string).length !== length - 2) form = StringForm.Escaped;
    f[base + FORM] = form;
    if (form === StringForm.Kept) this.kept.set(node, value as JsonLiteral);
    if (parent !== NONE) {
      base = parent * STRIDE;
      const last = f[base + LAST_CHILD];
      if (last === NONE) f[base + FIRST_CHILD] = node;
      else f[last * STRIDE + NEXT_SIBLING] = node;
      f[base + LAST_CHILD] = node;
    }
    return node;
  }

  /** The parent a node was added under (NONE above the top). */
  parent(node: number): number {
    return this.fields[node * STRIDE + PARENT];
  }

  /** Sets the length of a node whose end is known only after its children. */
  setLength(node: number, length: number): void {
    this.fields[node * STRIDE + LENGTH] = length;
  }
}

/**
 * The value of a string token with escapes the scanner found no fault in. `JSON.parse` reads the same
 * grammar; should it still refuse the token, decoding it as written keeps the engine from throwing.
 */
function decodeEscapedString(text: string, offset: number, length: number): string {
  try {
    return JSON.parse(text.slice(offset, offset + length)) as string;
  } catch {
    return decodeJsonString(text, offset, offset + length).text;
  }
}

/** The value that stands for "no node". */
export const NO_JSON_NODE = NONE;

function typeOfLiteral(value: unknown): JsonNodeType {
  switch (typeof value) {
    case 'string':
      return JsonNodeType.String;
    case 'number':
      return JsonNodeType.Number;
    case 'boolean':
      return JsonNodeType.Boolean;
    default:
      return JsonNodeType.Null;
  }
}

/**
 * Parses `text` with jsonc-parser into a compact tree whose nodes are those `parseTree(text, errors,
 * options)` returns, errors included. Throws where jsonc-parser throws (thousands of nesting levels).
 */
export function parseCompactJsonTree(text: string, errors: ParseError[], options: ParseOptions): CompactJsonTree {
  const tree = new CompactJsonTree(text, text.length * NODES_PER_CHAR);
  let current = tree.top;
  // The same steps as jsonc-parser's parseTree: a property ends with its value, a comma, or its object.
  const completeProperty = (end: number): void => {
    if (tree.type(current) === JsonNodeType.Property) {
      tree.setLength(current, end - tree.offset(current));
      current = tree.parent(current);
    }
  };
  // Closing more than was opened cannot come from the parser; staying at the top keeps the tree whole.
  const close = (end: number): void => {
    if (current === tree.top) return;
    tree.setLength(current, end - tree.offset(current));
    current = tree.parent(current);
  };
  // The scanner reports a fault of a string token (a malformed escape, no closing quote) just before
  // the token itself: such a string's value is kept, every other one is read again from the text.
  let faultAt = -1;
  const visitor: JSONVisitor = {
    onObjectBegin: (offset) => {
      current = tree.add(current, JsonNodeType.Object, offset, -1);
    },
    onObjectProperty: (name, offset, length) => {
      current = tree.add(current, JsonNodeType.Property, offset, -1);
      tree.add(current, JsonNodeType.String, offset, length, name, offset === faultAt);
    },
    onObjectEnd: (offset, length) => {
      completeProperty(offset + length);
      close(offset + length);
      completeProperty(offset + length);
    },
    onArrayBegin: (offset) => {
      current = tree.add(current, JsonNodeType.Array, offset, -1);
    },
    onArrayEnd: (offset, length) => {
      close(offset + length);
      completeProperty(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      tree.add(current, typeOfLiteral(value), offset, length, value as JsonLiteral, offset === faultAt);
      completeProperty(offset + length);
    },
    onSeparator: (separator, offset) => {
      if (separator === ',') completeProperty(offset);
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
      faultAt = offset;
    },
  };
  visit(text, visitor, options);
  return tree;
}

/** The compact tree of a jsonc-parser node (its subtree, `node` at the root). */
export function compactJsonTreeOf(text: string, node: JsonNode): CompactJsonTree {
  const tree = new CompactJsonTree(text);
  const copy = (from: JsonNode, parent: number): void => {
    const type =
      from.type === 'object' ? JsonNodeType.Object : from.type === 'array' ? JsonNodeType.Array : from.type === 'property' ? JsonNodeType.Property : typeOfLiteral(from.value);
    // Whether the scanner found a fault in a string is not known here: every value is kept as it is.
    const added = tree.add(parent, type, from.offset, from.length, type >= JsonNodeType.String ? (from.value as JsonLiteral) : undefined, type === JsonNodeType.String);
    for (const child of from.children ?? []) copy(child, added);
  };
  copy(node, tree.top);
  return tree;
}
