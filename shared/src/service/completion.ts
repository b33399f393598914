import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import { documentToEmbeddedOffset, embeddedRangeToDocument } from '../documents/index';
import type { VtlParseResult } from '../vtl/index';
import { jsonPathAt, yamlPathAt, type DocumentPathAt } from './documentPath';
import { COMPLETION_KIND, SNIPPET_FORMAT, toLspRange } from './lspShapes';
import { operationAt, templateAt, type MappingDocument } from './mappingDocument';
import { encodeForScalar, scalarStyleOf, type ScalarStyle } from './scalarText';
import { completeInTemplate, type SnippetPart, type TemplateProposal } from './templateCompletion';

const CONTENT_HANDLING = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'];
const CONTENT_TYPES = ['application/json', 'application/xml', 'text/html', 'text/plain'];
const SOURCE_FORMS: [string, string][] = [
  ["'value'", 'A static value, in single quotes'],
  ['integration.response.header.', 'A header of the backend response'],
  ['integration.response.multivalueheader.', 'Every value of a backend header, joined with commas'],
  ['integration.response.body', 'The whole backend response body'],
  ['integration.response.body.', 'A JSONPath into the backend response body (without the leading $)'],
  ['context.', 'A $context variable, such as context.requestId'],
  ['stageVariables.', 'A stage variable'],
];

const PROPOSAL_KIND: Record<TemplateProposal['kind'], number> = {
  method: COMPLETION_KIND.method,
  property: COMPLETION_KIND.property,
  variable: COMPLETION_KIND.variable,
  keyword: COMPLETION_KIND.keyword,
  snippet: COMPLETION_KIND.snippet,
};

/** Proposals at `position`: in a template, VTL; elsewhere, keys and values of responses. */
export function doComplete(textDocument: TextDocument, document: MappingDocument, position: Position, parseTemplate: (text: string) => VtlParseResult): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (document.api.kind === 'unknown') return empty;
  const offset = textDocument.offsetAt(position);
  const site = templateAt(document, offset);
  if (site) {
    const embedded = site.text.embedded;
    const at = documentToEmbeddedOffset(embedded, offset);
    if (at === undefined || embedded.approximate) return empty;
    const style = scalarStyleOf(document.text, document.api.format, embedded);
    const indent = lineIndent(document.text, offset);
    const items: CompletionItem[] = [];
    for (const proposal of completeInTemplate(embedded.text, at, () => parseTemplate(embedded.text))) {
      const newText = snippetText(proposal.insert, style, indent);
      if (newText === undefined) continue;
      const range = embeddedRangeToDocument(embedded, proposal.replaceStart, at);
      items.push({
        label: proposal.label,
        kind: PROPOSAL_KIND[proposal.kind] as CompletionItem['kind'],
        detail: proposal.detail,
        documentation: proposal.documentation ? { kind: 'markdown', value: proposal.documentation } : undefined,
        sortText: proposal.sortText,
        insertTextFormat: SNIPPET_FORMAT,
        textEdit: { range: toLspRange(textDocument, { start: range.start, end: offset }), newText },
      });
    }
    return { isIncomplete: false, items };
  }
  if (document.api.format === 'vtl') return empty;
  const where = document.api.format === 'json' ? jsonPathAt(document.text, offset) : yamlPathAt(document.text, offset);
  return { isIncomplete: false, items: definitionItems(textDocument, document, offset, where) };
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The snippet text for a proposal, with literal parts escaped for the scalar it goes into. */
function snippetText(parts: SnippetPart[], style: ScalarStyle, indent: string): string | undefined {
  let out = '';
  const encode = (text: string): string | undefined => {
    if (style === 'yaml-block') return text.replace(/\n/g, `\n${indent}`);
    return encodeForScalar(text, style);
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      const encoded = encode(part);
      if (encoded === undefined) return undefined;
      out += escapeSnippet(encoded);
    } else if (part.text === undefined) {
      out += `$${part.stop}`;
    } else {
      const encoded = encode(part.text);
      if (encoded === undefined) return undefined;
      out += `\${${part.stop}:${escapeSnippet(encoded)}}`;
    }
  }
  return out;
}

type Role = 'integrationResponse' | 'methodResponse' | 'integration';

/** What the path names: which object the cursor is in, and which key's value is typed. */
function classify(path: (string | number)[], atKey: boolean): { role?: Role; map?: string; key?: string } {
  const keys = path.map(String);
  const key = atKey ? undefined : keys[keys.length - 1];
  const container = atKey ? keys.slice(0, -1) : keys.slice(0, -1);
  const parent = container[container.length - 1];
  const grand = container[container.length - 2];
  const great = container[container.length - 3];
  const isIntegrationResponses = (name: string | undefined, above: string | undefined) =>
    name === 'IntegrationResponses' || name === 'integrationResponses' || (name === 'responses' && above === 'x-amazon-apigateway-integration');
  const isMethodResponses = (name: string | undefined, above: string | undefined) =>
    name === 'MethodResponses' || name === 'methodResponses' || (name === 'responses' && above !== 'x-amazon-apigateway-integration' && above !== undefined);
  if (isIntegrationResponses(grand, great)) return { role: 'integrationResponse', key };
  if (['responseParameters', 'ResponseParameters', 'responseTemplates', 'ResponseTemplates'].includes(parent ?? '') && isIntegrationResponses(container[container.length - 3], container[container.length - 4])) {
    return { role: 'integrationResponse', map: parent, key };
  }
  if (isMethodResponses(grand, great)) return { role: 'methodResponse', key };
  if (parent === 'x-amazon-apigateway-integration' || parent === 'Integration' || parent === 'methodIntegration') return { role: 'integration', key };
  if (['requestTemplates', 'RequestTemplates'].includes(parent ?? '')) return { role: 'integration', map: parent, key };
  return { key };
}

function definitionItems(textDocument: TextDocument, document: MappingDocument, offset: number, where: DocumentPathAt): CompletionItem[] {
  const { role, map, key } = classify(where.path, where.atKey);
  const json = document.api.format === 'json';
  const cfn = document.api.kind === 'cloudformation';
  const pascal = (name: string) => (cfn ? name[0].toUpperCase() + name.slice(1) : name);
  const operation = operationAt(document, offset);
  const range = toLspRange(textDocument, where.replace);
  const keyItem = (name: string, detail: string): CompletionItem => ({
    label: name,
    kind: COMPLETION_KIND.property as CompletionItem['kind'],
    detail,
    textEdit: { range, newText: json ? `"${name}": ` : `${name}: ` },
  });
  const valueItem = (value: string, detail: string, kind: number = COMPLETION_KIND.value): CompletionItem => ({
    label: value,
    kind: kind as CompletionItem['kind'],
    detail,
    textEdit: { range, newText: json ? JSON.stringify(value) : /^[\w./-]+$/.test(value) && !/^\d+$/.test(value) ? value : JSON.stringify(value) },
  });
  const integrationResponse = operation?.integration?.responses.find((r) => r.range.start <= offset && offset <= r.range.end);
  const declaredFor = operation?.methodResponses.find((m) => m.statusCode.value === integrationResponse?.statusCode?.value);

  if (where.atKey && map === undefined && role === 'integrationResponse') {
    return [
      keyItem(pascal('statusCode'), 'The method response status code this response maps to'),
      ...(document.api.kind === 'openapi2' || document.api.kind === 'openapi3' ? [] : [keyItem(pascal('selectionPattern'), 'Java regex matched against the whole selection value; leave out for the default')]),
      keyItem(pascal('responseParameters'), 'Header mappings: method.response.header.X → source'),
      keyItem(pascal('responseTemplates'), 'Mapping templates by content type'),
      keyItem(pascal('contentHandling'), 'CONVERT_TO_TEXT or CONVERT_TO_BINARY'),
    ];
  }
  if (where.atKey && role === 'methodResponse') {
    if (document.api.kind === 'openapi2' || document.api.kind === 'openapi3') return [keyItem('description', 'Required by OpenAPI'), keyItem('headers', 'Declared response headers'), keyItem(document.api.kind === 'openapi3' ? 'content' : 'schema', 'Response model')];
    return [keyItem(pascal('statusCode'), 'Status code'), keyItem(pascal('responseParameters'), 'Declared headers: method.response.header.X: true'), keyItem(pascal('responseModels'), 'Models by content type')];
  }
  if (where.atKey && role === 'integration' && map === undefined) {
    return [keyItem(pascal('type'), 'AWS, AWS_PROXY, HTTP, HTTP_PROXY or MOCK'), keyItem(pascal(cfn ? 'integrationResponses' : 'responses'), 'Integration responses'), keyItem(pascal('requestTemplates'), 'Request mapping templates'), keyItem(pascal('contentHandling'), 'Payload conversion'), keyItem(pascal('passthroughBehavior'), 'WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER')];
  }
  if (where.atKey && (map === 'responseTemplates' || map === 'ResponseTemplates' || map === 'requestTemplates' || map === 'RequestTemplates')) {
    const declared = new Set([...(declaredFor?.contentTypes.map((c) => c.value) ?? []), ...CONTENT_TYPES]);
    return [...declared].map((type) => keyItem(type, 'Content type'));
  }
  if (where.atKey && (map === 'responseParameters' || map === 'ResponseParameters')) {
    const headers = declaredFor?.headers ?? operation?.methodResponses.flatMap((m) => m.headers) ?? [];
    const names = new Set(headers.map((h) => h.name.value));
    const items = [...names].map((name) => keyItem(`method.response.header.${name}`, `Declared on the ${declaredFor?.statusCode.value ?? ''} method response`.replace('  ', ' ')));
    items.push({ ...keyItem('method.response.header.', 'A header declared on the method response'), textEdit: { range, newText: json ? '"method.response.header.$1": ' : 'method.response.header.$1: ' }, insertTextFormat: SNIPPET_FORMAT });
    return items;
  }
  if (!where.atKey && (map === 'responseParameters' || map === 'ResponseParameters')) {
    return SOURCE_FORMS.map(([form, detail]) => valueItem(form, detail));
  }
  if (!where.atKey && (key === 'statusCode' || key === 'StatusCode') && role === 'integrationResponse') {
    return (operation?.methodResponses ?? []).map((m) => valueItem(m.statusCode.value, 'Declared method response'));
  }
  if (!where.atKey && (key === 'contentHandling' || key === 'ContentHandling')) {
    return CONTENT_HANDLING.map((value) => valueItem(value, value === 'CONVERT_TO_TEXT' ? 'Binary payload → base64 text' : 'base64 text → binary payload', COMPLETION_KIND.value));
  }
  if (!where.atKey && (key === 'type' || key === 'Type') && role === 'integration') {
    return ['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK'].map((value) => valueItem(document.api.kind === 'cloudformation' ? value : value.toLowerCase(), 'Integration type'));
  }
  return [];
}
