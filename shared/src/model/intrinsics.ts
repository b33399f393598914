import type { EmbeddedText, Segment } from './types';
import { composeEmbeddedText } from '../documents/embedded';
import type { SourceNode } from '../documents/sourceTree';

/** A CloudFormation intrinsic function call found in a definition. */
export interface IntrinsicCall {
  /** The long name: `Ref`, `Fn::Sub`, `Fn::GetAtt`, `Condition`. */
  name: string;
  /** The function's argument (the tagged node itself, without its tag, for the short form). */
  argument: SourceNode | undefined;
}

const shortFormNames: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
};

/** The long name of a YAML short-form tag (`!GetAtt` → `Fn::GetAtt`), or undefined for other tags. */
export function intrinsicNameOfTag(tag: string): string | undefined {
  if (!tag.startsWith('!') || tag.startsWith('!!') || tag.length < 2) return undefined;
  return shortFormNames[tag] ?? `Fn::${tag.slice(1)}`;
}

/**
 * The intrinsic call `node` is, in either form: a YAML tag (`!Sub '…'`, `!GetAtt [A, B]`) or a
 * one-key mapping (`{"Fn::Sub": "…"}`, `Ref: X`). Undefined for a plain value.
 */
export function intrinsicCallOf(node: SourceNode | undefined): IntrinsicCall | undefined {
  if (node === undefined) return undefined;
  if (node.tag !== undefined) {
    const name = intrinsicNameOfTag(node.tag);
    if (name !== undefined) return { name, argument: node };
  }
  // Counted first: most mappings are not calls, and their entries need not be converted to say so.
  if (node.kind === 'map' && (node.entryCount?.() ?? node.entries.length) === 1) {
    const key = node.firstKey?.() ?? node.entries[0].key.value;
    if (typeof key === 'string' && (key === 'Ref' || key.startsWith('Fn::'))) return { name: key, argument: node.entries[0].value };
  }
  return undefined;
}

/** The template node of a `Fn::Sub` call: its scalar argument, or the first item of its list form. */
export function subTemplateNode(call: IntrinsicCall): SourceNode | undefined {
  const argument = call.argument;
  if (argument === undefined) return undefined;
  if (argument.kind === 'seq') return argument.items[0];
  return argument;
}

/**
 * `Fn::Sub`'s template text as the engine should see it: `${!Literal}` (which CloudFormation writes
 * out as `${Literal}`) decoded, other `${…}` references kept as written, mapped to the document.
 */
export function decodeSubTemplate(template: EmbeddedText): EmbeddedText {
  const source = template.text;
  if (!source.includes('${!')) return template;
  const parts: string[] = [];
  const outer: Segment[] = [];
  let derivedLength = 0;
  let copiedFrom = 0;
  let at = source.indexOf('${!');
  while (at >= 0) {
    // Keep `${`, drop the `!`.
    const keepEnd = at + 2;
    parts.push(source.slice(copiedFrom, keepEnd));
    outer.push({ text: derivedLength, textLength: keepEnd - copiedFrom, doc: copiedFrom, docLength: keepEnd - copiedFrom });
    derivedLength += keepEnd - copiedFrom;
    copiedFrom = keepEnd + 1;
    at = source.indexOf('${!', copiedFrom);
  }
  parts.push(source.slice(copiedFrom));
  if (source.length > copiedFrom) {
    outer.push({ text: derivedLength, textLength: source.length - copiedFrom, doc: copiedFrom, docLength: source.length - copiedFrom });
  }
  return composeEmbeddedText(parts.join(''), outer, template);
}
