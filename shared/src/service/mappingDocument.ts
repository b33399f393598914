import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseApiDocument } from '../model/index';
import type { ApiDocument, EmbeddedText, IntegrationResponse, Operation, SourcedText, Template } from '../model/types';
import { integrationKindOf, type IntegrationKind } from '../pipeline/integrationKind';

/** A mapping template found in a document, with what it belongs to. */
export interface TemplateSite {
  text: SourcedText;
  role: 'request' | 'response';
  template?: Template;
  operation?: Operation;
  response?: IntegrationResponse;
}

/**
 * Edits typed inside one template whose moves of the rest of the model are still owed: the template
 * itself is up to date, every other range is where it was before the first of these edits.
 */
export interface PendingMoves {
  site: TemplateSite;
  /** The template's scalar before the first of these edits. */
  start: number;
  end: number;
  /** How much longer the template has grown since. */
  delta: number;
}

/** One parse of one version of a document: the model and where its templates are. */
export interface MappingDocument {
  uri: string;
  version: number;
  text: string;
  api: ApiDocument;
  templates: TemplateSite[];
  /** Shared by the versions patched from one read (see `applyTemplateEdit`). */
  pending?: { moves?: PendingMoves };
}

/** How the pipeline treats the integration of `operation`, or undefined when it has none or an unknown type. */
export function integrationKindOfOperation(operation: Operation): IntegrationKind | undefined {
  return operation.integration ? integrationKindOf(operation.integration) : undefined;
}

/** True for the proxy integrations, which skip integration responses and templates. */
export function isProxyKind(kind: IntegrationKind | undefined): boolean {
  return kind === 'http-proxy' || kind === 'lambda-proxy';
}

/** Reads a document into the model and lists its templates. Never throws. */
export function readMappingDocument(document: TextDocument): MappingDocument {
  const text = document.getText();
  const api = parseApiDocument(text, fileNameOf(document.uri));
  return { uri: document.uri, version: document.version, text, api, templates: templateSites(api) };
}

/** The file name of a uri (the model recognises `.vtl`, `.scenario.json` and the like by it). */
export function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  let name = path.slice(path.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // a malformed escape: keep the name as written
  }
  return name;
}

function templateSites(api: ApiDocument): TemplateSite[] {
  if (api.kind === 'vtl') {
    const embedded: EmbeddedText = {
      text: api.text,
      segments: [{ text: 0, textLength: api.text.length, doc: 0, docLength: api.text.length }],
      range: { start: 0, end: api.text.length },
    };
    return [{ text: { value: api.text, range: embedded.range, embedded }, role: 'response' }];
  }
  const sites: TemplateSite[] = [];
  for (const operation of api.operations) {
    const integration = operation.integration;
    if (!integration) continue;
    for (const template of integration.requestTemplates) {
      if (isTemplateText(template.text)) sites.push({ text: template.text, role: 'request', template, operation });
    }
    for (const response of integration.responses) {
      for (const template of response.responseTemplates) {
        if (isTemplateText(template.text)) sites.push({ text: template.text, role: 'response', template, operation, response });
      }
    }
  }
  return sites;
}

/**
 * Whether a template's text is a template to analyse: `Fn::Sub` and `Fn::Join` stand for the text they
 * build, while any other intrinsic (`!If [...]`, `!Ref X`) keeps its raw source, which is no template.
 */
function isTemplateText(text: SourcedText | null): text is SourcedText {
  if (!text) return false;
  return text.intrinsic === undefined || text.intrinsic === 'Fn::Sub' || text.intrinsic === 'Fn::Join';
}

/** The operation whose node holds `offset` (the innermost, when operations nest as in CloudFormation). */
export function operationAt(document: MappingDocument, offset: number): Operation | undefined {
  let found: Operation | undefined;
  for (const operation of document.api.operations) {
    if (operation.range.start <= offset && offset <= operation.range.end) {
      if (!found || operation.range.end - operation.range.start < found.range.end - found.range.start) found = operation;
    }
  }
  return found;
}

/** The template whose scalar holds `offset`. */
export function templateAt(document: MappingDocument, offset: number): TemplateSite | undefined {
  return document.templates.find((site) => site.text.embedded.range.start <= offset && offset <= site.text.embedded.range.end);
}
