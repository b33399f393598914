import type { EmbeddedText, OffsetRange, ParameterMapping, Problem, Severity, Sourced, SourcedText, Template } from './types';
import { concatenateEmbeddedTexts, verbatimEmbeddedText } from '../documents/embedded';
import { scalarText, type SourceMapping, type SourceNode, type SourceScalar } from '../documents/sourceTree';
import { decodeSubTemplate, intrinsicCallOf, subTemplateNode, type IntrinsicCall } from './intrinsics';

/**
 * Reads values out of a source tree into the model's `Sourced` shapes, collecting problems instead
 * of throwing. With `intrinsics` on (CloudFormation and what it embeds), `!Ref X`/`{"Ref": "X"}` and
 * friends are kept as visible intrinsics rather than read as data.
 */
export class DefinitionReader {
  /** A reader alive for good, so that its hidden class and the code optimised for it outlive each read (see jsonTree.ts, `liveNodes`). */
  private static readonly alive = new DefinitionReader('', false);
  readonly problems: Problem[] = [];

  constructor(
    readonly text: string,
    readonly intrinsics: boolean,
  ) {}

  /** Records a problem at a document range. */
  report(code: string, message: string, severity: Severity, range: OffsetRange): void {
    this.problems.push({ code, message, severity, range });
  }

  /**
   * The mapping `node` is, or undefined with a problem when it is something else; its repeated keys
   * are reported. The readers read each node once, so each problem is reported once.
   */
  mapping(node: SourceNode | undefined, what: string): SourceMapping | undefined {
    if (node === undefined) return undefined;
    if (node.kind === 'map' && (!this.intrinsics || intrinsicCallOf(node) === undefined)) {
      this.reportRepeatedKeys(node);
      return node;
    }
    if (node.kind === 'scalar' && node.value === null && node.tag === undefined) return undefined;
    if (this.intrinsics && intrinsicCallOf(node) !== undefined) {
      this.report('definition-unresolved-intrinsic', `${what} is computed when the stack is deployed; it cannot be read here.`, 'information', this.withTag(node));
      return undefined;
    }
    this.report('definition-expected-object', `${what} should be an object.`, 'warning', node.range);
    return undefined;
  }

  private reportRepeatedKeys(map: SourceMapping): void {
    if (map.hasRepeatedKeys?.() === false) return;
    const entries = map.entries;
    if (entries.length < 2) return;
    // Small objects are the rule: comparing pairs there is cheaper than building a set.
    const seen = entries.length > 16 ? new Set<unknown>() : undefined;
    for (let i = 0; i < entries.length; i++) {
      const key = entries[i].key.value;
      let repeated: boolean;
      if (seen !== undefined) {
        repeated = seen.has(key);
        seen.add(key);
      } else {
        repeated = false;
        for (let j = 0; j < i && !repeated; j++) repeated = entries[j].key.value === key;
      }
      if (repeated) {
        this.report('definition-repeated-key', `${String(key)} is written more than once in this object; tools disagree on which one counts.`, 'warning', entries[i].key.range);
      }
    }
  }

  /**
   * The node as a string value: scalars as written (a YAML `403` as `403`, with its scalar type),
   * `Fn::Sub`/`Fn::Join` as the text they stand for, other intrinsics and collections as their source.
   */
  string(node: SourceNode | undefined): Sourced<string> | undefined {
    if (node === undefined) return undefined;
    const call = this.intrinsics ? intrinsicCallOf(node) : undefined;
    if (call !== undefined) {
      const value = this.intrinsicText(node, call, 0)?.text ?? this.sourceOf(node);
      return { value, range: this.withTag(node), scalarType: 'intrinsic', intrinsic: call.name };
    }
    if (node.kind === 'scalar') return { value: scalarText(node), range: node.range, scalarType: node.scalarType };
    return { value: this.sourceOf(node), range: node.range, scalarType: node.kind === 'map' ? 'object' : 'array' };
  }

  /**
   * The node as text whose decoded characters map to the document (a template, a pattern). A
   * `Fn::Sub` template keeps its text with `${!Literal}` decoded, a `Fn::Join` is joined, another
   * intrinsic keeps its source text (consumers see `intrinsic` and need not analyse it).
   */
  sourcedText(node: SourceNode | undefined): SourcedText | undefined {
    if (node === undefined) return undefined;
    const call = this.intrinsics ? intrinsicCallOf(node) : undefined;
    if (call !== undefined) {
      const fullRange = this.withTag(node);
      const embedded = this.intrinsicText(node, call, 0);
      if (embedded !== undefined) return { value: embedded.text, range: fullRange, scalarType: 'intrinsic', intrinsic: call.name, embedded };
      const source = this.text.slice(fullRange.start, fullRange.end);
      return {
        value: source,
        range: fullRange,
        scalarType: 'intrinsic',
        intrinsic: call.name,
        embedded: verbatimEmbeddedText(source, fullRange.start),
      };
    }
    if (node.kind === 'scalar') {
      const embedded = node.embedded();
      return { value: node.value === null ? '' : embedded.text, range: node.range, scalarType: node.scalarType, embedded };
    }
    const source = this.sourceOf(node);
    return {
      value: source,
      range: node.range,
      scalarType: node.kind === 'map' ? 'object' : 'array',
      embedded: verbatimEmbeddedText(source, node.range.start),
    };
  }

  /**
   * The text an intrinsic stands for, as far as it can be read statically: a `Fn::Sub` template
   * (`${!Literal}` decoded, other references kept as `${Name}`), or a `Fn::Join` of such pieces
   * with `Ref`/`GetAtt` pieces written as `${Name}` the way `Fn::Sub` would. Undefined otherwise.
   */
  private intrinsicText(node: SourceNode, call: IntrinsicCall, depth: number): EmbeddedText | undefined {
    if (depth > 20) return undefined;
    if (call.name === 'Fn::Sub') {
      const template = subTemplateNode(call);
      if (template === undefined || template.kind !== 'scalar' || (template !== node && intrinsicCallOf(template) !== undefined)) return undefined;
      return decodeSubTemplate(template.embedded());
    }
    if (call.name !== 'Fn::Join' || call.argument?.kind !== 'seq') return undefined;
    const [delimiter, list] = call.argument.items;
    if (delimiter?.kind !== 'scalar' || intrinsicCallOf(delimiter) !== undefined || list?.kind !== 'seq' || intrinsicCallOf(list) !== undefined) return undefined;
    const pieces: EmbeddedText[] = [];
    for (const part of list.items) {
      const partCall = intrinsicCallOf(part);
      if (partCall === undefined) {
        if (part.kind !== 'scalar') return undefined;
        pieces.push(part.embedded());
        continue;
      }
      const nested = this.intrinsicText(part, partCall, depth + 1);
      if (nested !== undefined) {
        pieces.push(nested);
        continue;
      }
      // The whole call stands behind its placeholder.
      const range = this.withTag(part);
      const placeholder = this.placeholder(part, partCall);
      pieces.push({ text: placeholder, segments: [{ text: 0, textLength: placeholder.length, doc: range.start, docLength: range.end - range.start }], range });
    }
    return concatenateEmbeddedTexts(pieces, scalarText(delimiter), this.withTag(node));
  }

  /** `${Name}` for a `Ref`, `${Name.Attribute}` for a `GetAtt`, the source text for anything else. */
  private placeholder(node: SourceNode, call: IntrinsicCall): string {
    const argument = call.argument;
    if (call.name === 'Ref' && argument?.kind === 'scalar') return `\${${scalarText(argument)}}`;
    if (call.name === 'Fn::GetAtt') {
      if (argument?.kind === 'scalar') return `\${${scalarText(argument)}}`;
      if (argument?.kind === 'seq' && argument.items.every((item) => item.kind === 'scalar')) {
        return `\${${argument.items.map((item) => scalarText(item as SourceScalar)).join('.')}}`;
      }
    }
    const range = this.withTag(node);
    return this.text.slice(range.start, range.end);
  }

  /** The node's range including a YAML tag in front of it. */
  withTag(node: SourceNode): OffsetRange {
    return node.tagRange !== undefined ? { start: Math.min(node.tagRange.start, node.range.start), end: node.range.end } : node.range;
  }

  private sourceOf(node: SourceNode): string {
    const range = this.withTag(node);
    return this.text.slice(range.start, range.end);
  }

  /** `{ "application/json": "template", … }` as templates in definition order; null for empty ones. */
  templates(node: SourceNode | undefined, what: string): Template[] {
    const map = this.mapping(node, what);
    if (map === undefined) return [];
    const templates: Template[] = [];
    for (const entry of map.entries) {
      const value = entry.value;
      const isEmpty =
        value === undefined ||
        (value.kind === 'scalar' && value.tag === undefined && (value.value === null || value.value === ''));
      templates.push({
        range: entry.range,
        contentType: { value: scalarText(entry.key), range: entry.key.range, scalarType: 'string' },
        text: isEmpty ? null : (this.sourcedText(value) ?? null),
      });
    }
    return templates;
  }

  /** `{ "method.response.header.X": "integration.response.header.Y", … }` in definition order. */
  parameterMappings(node: SourceNode | undefined, what: string): ParameterMapping[] {
    const map = this.mapping(node, what);
    if (map === undefined) return [];
    const mappings: ParameterMapping[] = [];
    for (const entry of map.entries) {
      const source = this.string(entry.value);
      if (source === undefined) {
        this.report('definition-missing-value', `The mapping of ${scalarText(entry.key)} has no source.`, 'warning', entry.key.range);
        continue;
      }
      mappings.push({ target: { value: scalarText(entry.key), range: entry.key.range, scalarType: 'string' }, source });
    }
    return mappings;
  }
}

/** The integration type upper-cased as API Gateway stores it; intrinsics stay as written. */
export function upperCasedType(type: Sourced<string> | undefined): Sourced<string> | undefined {
  if (type === undefined || type.intrinsic !== undefined) return type;
  return { ...type, value: type.value.toUpperCase() };
}
