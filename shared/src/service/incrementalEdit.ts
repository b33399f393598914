import type { EmbeddedText, OffsetRange, Operation, Segment, Sourced, SourcedText, Template } from '../model/types';
import type { MappingDocument, TemplateSite } from './mappingDocument';
import { scalarStyleOf, type ScalarStyle } from './scalarText';
import { madeSegments } from '../documents/embedded';

/** Characters whose insertion or removal could change how a scalar of each style is read. */
const UNSAFE: Record<ScalarStyle, RegExp> = {
  json: /["\\\u0000-\u001f]/,
  'yaml-double': /["\\\n\r]/,
  'yaml-single': /['\n\r]/,
  'yaml-block': /[\n\r]/,
  'yaml-plain': /[^]/,
  raw: /(?!)/,
};

/** The one changed stretch between two texts: `[start, oldEnd)` became `[start, newEnd)`. */
function changedStretch(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  const limit = Math.min(before.length, after.length);
  // Whole chunks first, large then small: comparing two substrings is a memory compare, far faster
  // than a character loop, and an edit then costs one pass over the text, not one per character.
  let start = 0;
  for (const chunk of CHUNKS) while (start + chunk <= limit && before.slice(start, start + chunk) === after.slice(start, start + chunk)) start += chunk;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const tailLimit = limit - start;
  for (const chunk of CHUNKS) {
    while (tail + chunk <= tailLimit && before.slice(before.length - tail - chunk, before.length - tail) === after.slice(after.length - tail - chunk, after.length - tail)) tail += chunk;
  }
  while (tail < tailLimit && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

const CHUNKS = [65536, 1024];

/** The segment of `embedded` that copies document characters one for one around `[start, end]`. */
function verbatimSegmentAround(embedded: EmbeddedText, start: number, end: number): Segment | undefined {
  return embedded.segments.find((s) => s.textLength === s.docLength && s.doc <= start && end <= s.doc + s.docLength);
}

/** Where a patched edit happened, for updating what was computed on the previous version. */
export interface TemplateEditPlace {
  /** The template edited (already holding the new text and ranges). */
  site: TemplateSite;
  /** The edited stretch in the previous text, and how much longer the new text is. */
  start: number;
  oldEnd: number;
  delta: number;
}

/**
 * The next version of `previous` when the edit between them only changes characters inside one template
 * (the common case of typing in a template), without reading the document again: the template's text
 * and its offset map take the edit. The ranges of the rest of the model move later, once for all the
 * edits typed in the same template, when something needs them (`settleMoves`): typing then costs what
 * the template costs, whatever the size of the document. Undefined when the edit could change anything
 * else; the caller then reads the document anew.
 *
 * The previous model is updated in place (the service keeps one version per document).
 */
export function applyTemplateEdit(previous: MappingDocument, text: string, version: number): { document: MappingDocument; place: TemplateEditPlace } | undefined {
  // A document with syntax errors is read with recovery, and its scalars' styles cannot be trusted.
  if (previous.api.kind === 'unknown' || previous.api.problems.some((problem) => problem.code === 'json-syntax' || problem.code === 'yaml-syntax')) return undefined;
  const { start, oldEnd, newEnd } = changedStretch(previous.text, text);
  const inserted = text.slice(start, newEnd);
  const removed = previous.text.slice(start, oldEnd);
  const pending = (previous.pending ??= {});
  const inside = (candidate: TemplateSite): boolean => candidate.text.embedded.range.start < start && oldEnd < candidate.text.embedded.range.end;
  let site = pending.moves !== undefined && inside(pending.moves.site) ? pending.moves.site : undefined;
  if (site === undefined) {
    settleMoves(previous);
    site = previous.templates.find(inside);
  }
  if (!site || site.text.intrinsic !== undefined || site.text.embedded.approximate) return undefined;
  const embedded = site.text.embedded;
  const style = scalarStyleOf(previous.text, previous.api.format, embedded);
  if (UNSAFE[style].test(inserted) || UNSAFE[style].test(removed)) return undefined;
  const segment = verbatimSegmentAround(embedded, start, oldEnd);
  if (!segment) return undefined;
  const textStart = segment.text + (start - segment.doc);
  const newTemplate = embedded.text.slice(0, textStart) + inserted + embedded.text.slice(textStart + removed.length);
  // An empty template means passthrough to the model: let it decide.
  if (newTemplate.trim() === '') return undefined;

  const delta = inserted.length - removed.length;
  const edited = new Set<Segment>(embedded.segments);
  for (const s of embedded.segments) {
    if (s === segment) {
      s.textLength += delta;
      s.docLength += delta;
    } else if (s.doc >= oldEnd) {
      s.text += delta;
      s.doc += delta;
    }
  }
  if (pending.moves === undefined && canDefer(previous, site)) pending.moves = { site, start: embedded.range.start, end: embedded.range.end, delta: 0 };
  if (pending.moves?.site === site) {
    shiftRanges(previous, start, oldEnd, delta, edited, site);
    pending.moves.delta += delta;
  } else {
    shiftRanges(previous, start, oldEnd, delta, edited);
  }
  embedded.text = newTemplate;
  site.text.value = newTemplate;
  previous.api.text = text;
  return { document: { ...previous, text, version }, place: { site, start, oldEnd, delta } };
}

/**
 * Whether the moves owed by edits inside `site` can wait: every range outside the template then lies
 * wholly before or after it, or around it, and one move at the end does what a move per edit would.
 * A template another site shares (a YAML alias) moves with the model, as its ranges are the other's too.
 */
function canDefer(document: MappingDocument, site: TemplateSite): boolean {
  const embedded = site.text.embedded;
  const { start, end } = embedded.range;
  const shared = document.templates.some((other) => other !== site && (other.text.embedded === embedded || other.text.range === site.text.range || other.text.embedded.range === embedded.range));
  return !shared && !document.api.problems.some((problem) => problem.range.end > start && problem.range.start < end && !(problem.range.start <= start && problem.range.end >= end));
}

/** Makes the moves of the model's ranges that edits typed in one template still owe. */
export function settleMoves(document: MappingDocument): void {
  const moves = document.pending?.moves;
  if (moves === undefined) return;
  document.pending!.moves = undefined;
  // All the edits together replaced the inside of the template as it was before the first of them.
  shiftRanges(document, moves.start + 1, moves.end - 1, moves.delta, new Set(), undefined, moves.site);
}

const OPERATION_FIELDS = new Set(['key', 'httpMethod', 'path', 'range', 'nameRange', 'logicalId', 'api', 'integration', 'methodResponses']);
const INTEGRATION_FIELDS = new Set(['range', 'type', 'uri', 'httpMethod', 'passthroughBehavior', 'contentHandling', 'requestTemplates', 'responses']);
const RESPONSE_FIELDS = new Set(['range', 'key', 'statusCode', 'selectionPattern', 'responseParameters', 'responseTemplates', 'contentHandling']);
const METHOD_RESPONSE_FIELDS = new Set(['range', 'statusCode', 'headers', 'contentTypes']);

/**
 * A moved offset carries this fraction until the walk ends. Offsets are whole numbers, so a fraction
 * says "already moved" where the model shares a range or a segment between places (an OpenAPI key is
 * also the selectionPattern; two values read from one node share its range) without remembering every
 * object moved: on a large document that bookkeeping cost more than the moving.
 */
const MOVED_MARK = 0.5;

/**
 * Moves the offsets of the model that lie after an edit, and widens the ranges around it. Runs twice:
 * a first walk moves offsets and marks them, a second (`settling`) removes the marks.
 */
class RangeShifter {
  /** Containers the model may share (the API settings, a CloudFormation integration), walked once. */
  private readonly done = new Set<object>();

  constructor(
    private readonly start: number,
    private readonly oldEnd: number,
    private readonly delta: number,
    private readonly skipSegments: Set<Segment>,
    private readonly settling: boolean,
    /** A template already up to date, which the walk leaves alone. */
    private readonly skipSite: TemplateSite | undefined,
  ) {}

  range(range: OffsetRange | undefined): void {
    if (range === undefined) return;
    range.start = this.moved(range.start, true);
    range.end = this.moved(range.end, false);
  }

  /**
   * The offset after the edit: moved (and marked) when it lies after the edited stretch, or unmarked
   * when settling. A start at the edit's point of insertion stays, an end there moves.
   */
  private moved(offset: number, isStart: boolean): number {
    if (Number.isInteger(offset)) {
      if (this.settling || offset < this.oldEnd) return offset;
      const after = isStart ? offset > this.start || this.oldEnd > this.start : offset > this.start;
      return after ? offset + this.delta + MOVED_MARK : offset;
    }
    return this.settling ? offset - MOVED_MARK : offset;
  }

  /** Whether nothing of `value` lies at or after the edit, so visiting it would change nothing. */
  private before(value: Sourced<unknown>): boolean {
    if (value.range.end >= this.start) return false;
    const embedded = (value as Partial<SourcedText>).embedded;
    if (embedded === undefined) return true;
    if (embedded.range.end >= this.start) return false;
    for (const segment of madeSegments(embedded) ?? []) if (segment.doc >= this.start) return false;
    return true;
  }

  sourced(value: Sourced<unknown> | undefined): void {
    // Most of a large document lies before the edit: seeing that costs nothing.
    if (value === undefined || this.before(value)) return;
    this.range(value.range);
    const embedded = (value as Partial<SourcedText>).embedded;
    if (embedded !== undefined) this.embedded(embedded);
  }

  embedded(embedded: EmbeddedText): void {
    this.range(embedded.range);
    // Segments not made yet are made where the range then is.
    for (const segment of madeSegments(embedded) ?? []) {
      const doc = this.moved(segment.doc, true);
      if (doc !== segment.doc && !this.skipSegments.has(segment)) segment.doc = doc;
    }
  }

  once(value: object): boolean {
    // One lookup instead of two: the set grows only for what it has not seen.
    const seen = this.done.size;
    this.done.add(value);
    return this.done.size !== seen;
  }

  operation(operation: Operation): void {
    this.range(operation.range);
    this.range(operation.nameRange);
    this.rest(operation, OPERATION_FIELDS);
    if (this.once(operation.api)) for (const type of operation.api.binaryMediaTypes) this.sourced(type);
    const integration = operation.integration;
    if (integration && this.once(integration)) {
      this.range(integration.range);
      this.sourced(integration.type);
      this.sourced(integration.uri);
      this.sourced(integration.httpMethod);
      this.sourced(integration.passthroughBehavior);
      this.sourced(integration.contentHandling);
      for (const template of integration.requestTemplates) this.template(template);
      this.rest(integration, INTEGRATION_FIELDS);
      for (const response of integration.responses) {
        this.range(response.range);
        this.rest(response, RESPONSE_FIELDS);
        this.sourced(response.key);
        this.sourced(response.statusCode);
        this.sourced(response.selectionPattern);
        this.sourced(response.contentHandling);
        for (const mapping of response.responseParameters) {
          this.sourced(mapping.target);
          this.sourced(mapping.source);
        }
        for (const template of response.responseTemplates) this.template(template);
      }
    }
    for (const response of operation.methodResponses) {
      if (!this.once(response)) continue;
      this.range(response.range);
      this.sourced(response.statusCode);
      this.rest(response, METHOD_RESPONSE_FIELDS);
      for (const header of response.headers) this.sourced(header.name);
      for (const type of response.contentTypes) this.sourced(type);
    }
  }

  /**
   * Fields the walk above does not name (the model grows): read generically, so that a new field's
   * ranges move too.
   */
  rest(value: object, named: ReadonlySet<string>): void {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (named.has(key)) continue;
      const child = record[key];
      if (typeof child === 'object' && child !== null) this.deep(child);
    }
  }

  private deep(value: object): void {
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) this.deep(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number') return this.range(record as unknown as OffsetRange);
    if (typeof record.doc === 'number' && typeof record.docLength === 'number') return;
    if ('segments' in record && 'text' in record) return this.embedded(record as unknown as EmbeddedText);
    if (!this.once(value)) return;
    for (const child of Object.values(record)) if (typeof child === 'object' && child !== null) this.deep(child);
  }

  template(template: Template): void {
    if (template === this.skipSite?.template) return;
    this.range(template.range);
    this.sourced(template.contentType);
    if (template.text) this.sourced(template.text);
  }
}

/**
 * Moves the ranges of the model for an edit: of `only` alone when given (the template edited), else of
 * the whole model but `skipSite`.
 */
function shiftRanges(document: MappingDocument, start: number, oldEnd: number, delta: number, skip: Set<Segment>, only?: TemplateSite, skipSite?: TemplateSite): void {
  if (delta === 0) return;
  for (const settling of [false, true]) {
    const shifter = new RangeShifter(start, oldEnd, delta, skip, settling, skipSite);
    if (only !== undefined) {
      if (only.template !== undefined) shifter.template(only.template);
      else shifter.sourced(only.text);
      continue;
    }
    for (const operation of document.api.operations) shifter.operation(operation);
    for (const problem of document.api.problems) shifter.range(problem.range);
    // A `.vtl` document's one template belongs to no operation.
    if (document.api.kind === 'vtl') for (const site of document.templates) if (site !== skipSite) shifter.sourced(site.text);
  }
}
