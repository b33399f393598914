import type { EmbeddedText, OffsetRange } from '../model/types';

/**
 * JSON and YAML read into one shape, so each definition format is read once whatever it was
 * written in. Every node keeps its document range; scalars decode their text (with the offset map)
 * only when asked.
 */
export type SourceNode = SourceScalar | SourceMapping | SourceSequence;

interface SourceNodeBase {
  /** The node's characters, without a YAML tag or anchor in front. */
  range: OffsetRange;
  /** A YAML tag written on the node (`!Ref`, `!Sub`), as written. */
  tag?: string;
  /** The tag's own characters. */
  tagRange?: OffsetRange;
}

/** A string, number, boolean or null, as written. */
export interface SourceScalar extends SourceNodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** How it was written: a YAML `403` is a number even where a string is expected. */
  scalarType: 'string' | 'number' | 'boolean' | 'null';
  /**
   * The scalar as a string, exactly as written for plain numbers and booleans (`4\d{2}`, `403`,
   * `1.0`), with the map from decoded offsets to the document.
   */
  embedded(): EmbeddedText;
}

/** One key and its value in a mapping. */
export interface SourceEntry {
  key: SourceScalar;
  value: SourceNode | undefined;
  /** From the key to the end of the value. */
  range: OffsetRange;
}

/** A JSON object or YAML mapping, entries in document order (repeated keys kept). */
export interface SourceMapping extends SourceNodeBase {
  kind: 'map';
  entries: SourceEntry[];
  /** The first entry whose key is `name`, converting no other entry (trees that convert lazily). */
  entryNamed?(name: string): SourceEntry | undefined;
  /** The value of the first entry whose key is `name`, converting nothing else (trees that convert lazily). */
  valueNamed?(name: string): SourceNode | undefined;
  /** The first entry's key value, converting no entry (trees that convert lazily); undefined without entries. */
  firstKey?(): string | number | boolean | null | undefined;
  /** How many entries `entries` holds, counted without converting them (trees that convert lazily). */
  entryCount?(): number;
  /** Whether a key is written twice, answered without converting entries (trees that convert lazily). */
  hasRepeatedKeys?(): boolean;
}

/** A JSON array or YAML sequence. */
export interface SourceSequence extends SourceNodeBase {
  kind: 'seq';
  items: SourceNode[];
}

/** The entry whose key is `name`, the first one when a key is repeated. */
export function entryOf(map: SourceNode | undefined, name: string): SourceEntry | undefined {
  if (map === undefined || map.kind !== 'map') return undefined;
  if (map.entryNamed !== undefined) return map.entryNamed(name);
  for (const entry of map.entries) if (entry.key.value === name) return entry;
  return undefined;
}

/** The value under key `name` of a mapping. */
export function valueOf(map: SourceNode | undefined, name: string): SourceNode | undefined {
  if (map?.kind === 'map' && map.valueNamed !== undefined) return map.valueNamed(name);
  return entryOf(map, name)?.value;
}

/** The scalar's text as a string (`403` for a YAML integer, `true` for a boolean, '' for null). */
export function scalarText(node: SourceScalar): string {
  if (node.value === null) return '';
  if (node.scalarType === 'string') return node.value as string;
  return node.embedded().text;
}
