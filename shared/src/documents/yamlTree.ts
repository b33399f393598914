import { type Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type Tags } from 'yaml';
import type { CST } from 'yaml';
import type { EmbeddedText, OffsetRange, Problem } from '../model/types';
import { verbatimEmbeddedText } from './embedded';
import type { SourceEntry, SourceNode, SourceScalar } from './sourceTree';
import { decodeBlockScalar, decodeDoubleQuotedScalar, decodePlainScalar, decodeSingleQuotedScalar } from './yamlScalar';

/** CloudFormation's YAML short forms; each may tag a scalar, a sequence or a mapping. */
const cloudFormationFunctions = [
  'Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or',
  'FindInMap', 'ImportValue', 'Base64', 'GetAZs', 'Cidr', 'Transform', 'ToJsonString', 'Length',
];

const cloudFormationTags: Tags = cloudFormationFunctions.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const },
  { tag: `!${name}`, collection: 'map' as const },
]);

/** The parsed YAML with whatever could be read, and its syntax problems. */
export interface YamlTree {
  root: SourceNode | undefined;
  problems: Problem[];
}

/**
 * Parses YAML text (CloudFormation short-form tags allowed) into the source tree. Never throws:
 * syntax errors become problems with ranges, and the part that could be read is still returned.
 */
export function parseYamlTree(text: string): YamlTree {
  const problems: Problem[] = [];
  let document: Document.Parsed;
  try {
    // Repeated keys are reported by the definition reader, for JSON and YAML alike and without
    // the parser's quadratic check.
    document = parseDocument(text, { keepSourceTokens: true, customTags: cloudFormationTags, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    problems.push({ code: 'yaml-syntax', message: `The YAML could not be read: ${String(error)}`, severity: 'error', range: { start: 0, end: 0 } });
    return { root: undefined, problems };
  }
  for (const error of document.errors) {
    problems.push({ code: 'yaml-syntax', message: firstLine(error.message), severity: 'error', range: rangeOf(error.pos, text.length) });
  }
  for (const warning of document.warnings) {
    // Tags such as a newer CloudFormation function's short form are data here, not a mistake.
    if (warning.code === 'TAG_RESOLVE_FAILED') continue;
    problems.push({ code: 'yaml-warning', message: firstLine(warning.message), severity: 'warning', range: rangeOf(warning.pos, text.length) });
  }
  const converter = new YamlConverter(text);
  let root: SourceNode | undefined;
  try {
    root = document.contents === null ? undefined : converter.convert(document.contents as YamlNode);
  } catch (error) {
    // Deeply nested input can exhaust the stack; keep the syntax problems and report it.
    problems.push({ code: 'yaml-too-deep', message: `The YAML is nested too deeply to read: ${String(error)}`, severity: 'error', range: { start: 0, end: 0 } });
  }
  return { root, problems };
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return newline < 0 ? message : message.slice(0, newline).replace(/ at line \d+, column \d+:?$/, '');
}

function rangeOf(pos: [number, number], length: number): OffsetRange {
  const start = Math.min(pos[0], length);
  return { start, end: Math.max(start, Math.min(pos[1], length)) };
}

class YamlScalar implements SourceScalar {
  readonly kind = 'scalar';
  readonly value: string | number | boolean | null;
  readonly scalarType: SourceScalar['scalarType'];
  tag?: string;
  tagRange?: OffsetRange;
  private cached: EmbeddedText | undefined;

  constructor(
    private readonly text: string,
    value: unknown,
    readonly range: OffsetRange,
    private readonly token: CST.Token | undefined,
  ) {
    if (value === null || value === undefined) {
      this.value = null;
      this.scalarType = 'null';
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      this.value = Number(value);
      this.scalarType = 'number';
    } else if (typeof value === 'boolean') {
      this.value = value;
      this.scalarType = 'boolean';
    } else {
      this.value = String(value);
      this.scalarType = 'string';
    }
  }

  embedded(): EmbeddedText {
    this.cached ??= decodeScalarToken(this.text, this.range, this.token, typeof this.value === 'string' ? this.value : undefined);
    return this.cached;
  }
}

class YamlConverter {
  private readonly aliasTargets = new Map<YamlNode, SourceNode>();
  private readonly resolving = new Set<YamlNode>();
  private readonly anchors = new Map<string, YamlNode>();

  constructor(private readonly text: string) {}

  convert(node: YamlNode): SourceNode {
    if (isAlias(node)) return this.convertAlias(node);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, node);
    const range: OffsetRange = node.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
    const tag = node.tag !== undefined && node.tag.startsWith('!') && !node.tag.startsWith('!!') ? node.tag : undefined;
    const tagged = tag !== undefined ? { tag, tagRange: this.tagRange(tag, range.start) } : {};
    if (isMap(node)) {
      const entries: SourceEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = this.keyScalar(pair.key as YamlNode | null, range.start);
        const value = pair.value === null || pair.value === undefined ? undefined : this.convert(pair.value as YamlNode);
        entries.push({ key, value, range: { start: key.range.start, end: value?.range.end ?? key.range.end } });
      }
      return { kind: 'map', entries, range, ...tagged };
    }
    if (isSeq(node)) {
      const items: SourceNode[] = [];
      for (const item of node.items) {
        if (item === null || item === undefined) continue;
        items.push(this.convert(item as YamlNode));
      }
      return { kind: 'seq', items, range, ...tagged };
    }
    const scalar = this.scalar(isScalar(node) ? node.value : null, range, isScalar(node) ? node.srcToken : undefined);
    if (tag !== undefined) Object.assign(scalar, tagged);
    return scalar;
  }

  /**
   * An alias stands for the node its anchor names. Anchors are recorded as nodes are converted, in
   * document order (the `yaml` package's own `Alias.resolve` searches the whole document per alias).
   */
  private convertAlias(node: YamlNode & { source: string }): SourceNode {
    const range: OffsetRange = node.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
    const target = this.anchors.get(node.source);
    if (target === undefined || this.resolving.has(target)) return this.scalar(null, range, undefined);
    let converted = this.aliasTargets.get(target);
    if (converted === undefined) {
      this.resolving.add(target);
      converted = this.convert(target);
      this.resolving.delete(target);
      this.aliasTargets.set(target, converted);
    }
    return converted;
  }

  /** A mapping key as a scalar; a complex key (a mapping used as a key) keeps its source text. */
  private keyScalar(key: YamlNode | null, mapStart: number): SourceScalar {
    if (key === null) return this.scalar(null, { start: mapStart, end: mapStart }, undefined);
    if (isScalar(key)) {
      const range = key.range ? { start: key.range[0], end: key.range[1] } : { start: mapStart, end: mapStart };
      return this.scalar(key.value, range, key.srcToken);
    }
    const range = key.range ? { start: key.range[0], end: key.range[1] } : { start: mapStart, end: mapStart };
    return this.scalar(this.text.slice(range.start, range.end), range, undefined);
  }

  private scalar(value: unknown, range: OffsetRange, token: CST.Token | undefined): SourceScalar {
    return new YamlScalar(this.text, value, range, token);
  }

  /** Where the tag written before a node starts (`!Ref` in `Key: !Ref X`, possibly on the line above). */
  private tagRange(tag: string, nodeStart: number): OffsetRange | undefined {
    // Only blanks, line breaks and an anchor stand between a tag and its node: look close by, so a
    // tag written in another form (a %TAG handle) never costs a search of the whole document.
    const windowStart = Math.max(0, nodeStart - tag.length - 256);
    const found = this.text.slice(windowStart, nodeStart).lastIndexOf(tag);
    if (found < 0) return undefined;
    const at = windowStart + found;
    const between = this.text.slice(at + tag.length, nodeStart);
    return /^(?:\s|&\S+)*$/.test(between) ? { start: at, end: at + tag.length } : undefined;
  }
}

/**
 * The decoded text of a scalar with its map. `expected` is the value the parser resolved for a
 * string; if decoding ever disagrees, the value wins with a coarse map over the whole content.
 */
function decodeScalarToken(text: string, range: OffsetRange, token: CST.Token | undefined, expected: string | undefined): EmbeddedText {
  let decoded: EmbeddedText;
  switch (token?.type) {
    case 'scalar':
      decoded = decodePlainScalar(text, token.offset, token.source);
      break;
    case 'single-quoted-scalar':
      decoded = decodeSingleQuotedScalar(text, token.offset, token.source);
      break;
    case 'double-quoted-scalar':
      decoded = decodeDoubleQuotedScalar(text, token.offset, token.source);
      break;
    case 'block-scalar': {
      let bodyOffset = token.offset;
      for (const prop of token.props) bodyOffset += 'source' in prop && typeof prop.source === 'string' ? prop.source.length : 0;
      const header = token.props[0]?.type === 'block-scalar-header' ? token.props[0].source : '|';
      decoded = decodeBlockScalar(text, range, header, bodyOffset, token.source, token.indent);
      break;
    }
    default:
      decoded = verbatimEmbeddedText(text.slice(range.start, range.end), range.start);
  }
  if (expected === undefined || decoded.text === expected) return decoded;
  const contentStart = decoded.segments[0]?.doc ?? range.start;
  const contentEnd = Math.max(contentStart, range.end);
  return {
    text: expected,
    segments: [{ text: 0, textLength: expected.length, doc: contentStart, docLength: contentEnd - contentStart }],
    range,
    approximate: true,
  };
}
