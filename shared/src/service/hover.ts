import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import { buildContext, evaluateResponseParameterSource, findContextVariable, parseResponseParameterExpression, type TemplateMember } from '../apigw/index';
import { documentToEmbeddedOffset, embeddedRangeToDocument } from '../documents/index';
import type { IntegrationResponse, OffsetRange, Operation, ParameterMapping } from '../model/types';
import type { IntegrationKind } from '../pipeline/integrationKind';
import { findNodeAt, type VtlParseResult, type VtlReference } from '../vtl/index';
import { toLspRange } from './lspShapes';
import { integrationKindOfOperation, isProxyKind, operationAt, templateAt, type MappingDocument } from './mappingDocument';
import { isDefaultIntegrationResponse, selectionSubject, statusOf } from './responseFacts';
import { safeMatches } from './validation/patternAnalysis';
import { selectionOrder, type PatternStudy } from './validation/patternRules';
import { membersNamed } from './validation/templateMembers';

const STATUS_PROBES = ['200', '201', '204', '301', '400', '401', '403', '404', '422', '500', '502', '503'];
const MESSAGE_PROBES = ['Error', 'Error: NotFound\n    at handler (index.js:3:9)', 'NotFound', 'Bad Request: missing id', 'Internal server error', 'Task timed out after 3.00 seconds'];

const inside = (range: OffsetRange | undefined, offset: number): boolean => range !== undefined && range.start <= offset && offset <= range.end;

/** Hover: VTL members in templates; patterns, responses and response parameters in definitions. */
export function doHover(textDocument: TextDocument, document: MappingDocument, position: Position, parseTemplate: (text: string) => VtlParseResult, study: PatternStudy): Hover | null {
  if (document.api.kind === 'unknown') return null;
  const offset = textDocument.offsetAt(position);
  const answer = (markdown: string, range: OffsetRange): Hover => ({ contents: { kind: 'markdown', value: markdown }, range: toLspRange(textDocument, range) });
  const site = templateAt(document, offset);
  if (site) {
    const embedded = site.text.embedded;
    const at = documentToEmbeddedOffset(embedded, offset);
    if (at === undefined) return null;
    const found = memberHover(parseTemplate(embedded.text), at);
    return found ? answer(found.markdown, embeddedRangeToDocument(embedded, found.start, found.end)) : null;
  }
  const operation = operationAt(document, offset);
  const integration = operation?.integration;
  if (!operation || !integration) return null;
  const kind = integrationKindOfOperation(operation);
  for (const response of integration.responses) {
    const pattern = response.selectionPattern;
    if (pattern && inside(pattern.range, offset) && pattern.intrinsic === undefined) {
      return answer(patternHover(document.text, operation, response, kind, study), pattern.range);
    }
    const statusRange = response.statusCode?.range;
    if (inside(statusRange, offset) || (!pattern && inside(response.key?.range, offset))) {
      return answer(responseHover(operation, response, kind), (inside(statusRange, offset) ? statusRange : response.key?.range)!);
    }
    for (const mapping of response.responseParameters) {
      if (inside(mapping.source.range, offset) || inside(mapping.target.range, offset)) {
        return answer(parameterHover(operation, mapping), inside(mapping.source.range, offset) ? mapping.source.range : mapping.target.range);
      }
    }
  }
  for (const declared of operation.methodResponses) {
    if (!inside(declared.statusCode.range, offset)) continue;
    const mapped = integration.responses.filter((r) => r.statusCode?.value === declared.statusCode.value);
    const lines = [`**Method response ${declared.statusCode.value}**`];
    if (isProxyKind(kind)) lines.push('A proxy integration answers with the status the backend gives.');
    else if (mapped.length === 0) lines.push(`No integration response maps to ${declared.statusCode.value}: the client only gets it through \`$context.responseOverride.status\`.`);
    else lines.push(`Sent when ${mapped.map((r) => (isDefaultIntegrationResponse(r) ? 'the default integration response' : `\`${r.selectionPattern!.value}\``)).join(' or ')} is selected.`);
    if (declared.headers.length) lines.push(`Declares headers: ${declared.headers.map((h) => `\`${h.name.value}\``).join(', ')}.`);
    return answer(lines.join('\n\n'), declared.statusCode.range);
  }
  return null;
}

function memberMarkdown(member: TemplateMember): string {
  return [`\`\`\`\n${member.signature} → ${member.returnType}\n\`\`\``, member.documentation, `Example: \`${member.example}\``].join('\n\n');
}

function memberHover(parsed: VtlParseResult, offset: number): { markdown: string; start: number; end: number } | undefined {
  const chain = findNodeAt(parsed.ast, offset);
  const reference = [...chain].reverse().find((node): node is VtlReference => node.kind === 'reference');
  if (!reference) return undefined;
  const variable = reference.name.value;
  if (variable !== 'input' && variable !== 'util' && variable !== 'context') return undefined;
  if (offset <= reference.name.end) {
    const what = { input: '`$input`: the payload and the method request parameters.', util: '`$util`: escaping, JSON, URL and base64 helpers (Java behaviour).', context: '`$context`: the request context, and `responseOverride` to change the status and headers.' }[variable];
    return { markdown: what, start: reference.name.start, end: reference.name.end };
  }
  const index = reference.path.findIndex((segment) => segment.start <= offset && offset <= segment.end);
  const segment = reference.path[index];
  if (!segment || segment.kind === 'index') return undefined;
  const span = { start: segment.name.start, end: segment.name.end };
  if (variable === 'context') {
    const names: string[] = [];
    for (const s of reference.path.slice(0, index + 1)) {
      if (s.kind !== 'property') return undefined;
      names.push(s.name.value);
    }
    const member = findContextVariable(names.join('.'));
    if (member) return { markdown: memberMarkdown(member), ...span };
    return { markdown: `\`$context.${names.join('.')}\`: an object of the request context; name one of its members.`, ...span };
  }
  if (index !== 0) return undefined;
  const members = membersNamed(variable, segment.name.value);
  if (members.length === 0) return undefined;
  return { markdown: members.map(memberMarkdown).join('\n\n---\n\n'), ...span };
}

function quote(text: string): string {
  return `\`${text.replace(/\n/g, '\\n').replace(/`/g, "'")}\``;
}

function patternHover(documentText: string, operation: Operation, response: IntegrationResponse, kind: IntegrationKind | undefined, study: PatternStudy): string {
  const pattern = response.selectionPattern!.value;
  const facts = study.facts(pattern);
  const lines = [`**Selection pattern** of integration response ${statusOf(response)}: \`${pattern}\``];
  if (isProxyKind(kind)) {
    lines.push('This is a proxy integration: API Gateway ignores integration responses and their patterns.');
    return lines.join('\n\n');
  }
  const written = documentText.slice(response.selectionPattern!.embedded.range.start, response.selectionPattern!.embedded.range.end);
  if (written.replace(/^["']|["']$/g, '') !== pattern) lines.push(`As API Gateway reads it, after ${written.startsWith('"') || written.startsWith("'") ? 'the quoting' : 'the document'} is undone: \`${pattern}\``);
  const subject = selectionSubject(kind);
  lines.push(`Matched against ${subject}${kind === 'lambda' ? ' — only when the function fails; a successful invocation goes to the default response' : ''}.`);
  lines.push('A Java regular expression that must match the **whole** string (`Pattern.matches`), not a part of it.');
  if (!facts.regex) {
    lines.push(`Not a valid Java regex: ${facts.problems.map((p) => p.message).join('; ')}. It never matches.`);
    return lines.join('\n\n');
  }
  const statusMatched = kind === 'http' || kind === 'aws-service' || kind === 'mock';
  const matches = statusMatched ? facts.statusCodes.slice(0, 6) : facts.examples.slice(0, 5);
  const probes = statusMatched ? STATUS_PROBES : MESSAGE_PROBES;
  const misses = probes.filter((probe) => !safeMatches(facts.regex!, probe)).slice(0, 4);
  lines.push(`Matches, for example: ${matches.length ? matches.map(quote).join(', ') : '*nothing ' + (statusMatched ? 'among status codes 100–599' : 'found') + '*'}${statusMatched && facts.statusCodes.length > 6 ? ` (${facts.statusCodes.length} status codes)` : ''}`);
  if (misses.length) lines.push(`Does not match: ${misses.map(quote).join(', ')}`);
  const ordered = selectionOrder(operation.integration!.responses);
  const position = ordered.indexOf(response);
  const shadowedBy = ordered.slice(0, Math.max(position, 0)).filter((earlier) => study.shadowed(pattern, earlier.selectionPattern!.value, kind));
  const shadows = ordered.slice(position + 1).filter((later) => study.shadowed(later.selectionPattern!.value, pattern, kind));
  if (position > 0) lines.push(`Tried after: ${ordered.slice(0, position).map((r) => `\`${r.selectionPattern!.value}\` (${statusOf(r)})`).join(', ')} — patterns go in ascending status code order.`);
  if (shadowedBy.length) lines.push(`⚠ Shadowed by ${shadowedBy.map((r) => `\`${r.selectionPattern!.value}\` (${statusOf(r)})`).join(', ')}: this response is never selected.`);
  if (shadows.length) lines.push(`Shadows ${shadows.map((r) => `\`${r.selectionPattern!.value}\` (${statusOf(r)})`).join(', ')}: those are never selected.`);
  return lines.join('\n\n');
}

function responseHover(operation: Operation, response: IntegrationResponse, kind: IntegrationKind | undefined): string {
  const status = statusOf(response);
  const lines = [`**Integration response ${status}**`];
  if (isProxyKind(kind)) {
    lines.push('This is a proxy integration: API Gateway ignores integration responses.');
    return lines.join('\n\n');
  }
  const subject = selectionSubject(kind);
  if (isDefaultIntegrationResponse(response)) {
    const others = selectionOrder(operation.integration!.responses).map((r) => `\`${r.selectionPattern!.value}\``);
    lines.push(`The **default** response: selected when ${subject} matches no pattern${others.length ? ` (${others.join(', ')})` : ''}${kind === 'lambda' ? ', which includes every successful invocation' : ''}.`);
  } else {
    lines.push(`Selected when ${subject} matches \`${response.selectionPattern!.value}\` as a whole, unless a response with a lower status code matches first.`);
  }
  const declared = operation.methodResponses.some((m) => m.statusCode.value === response.statusCode?.value);
  lines.push(declared ? `The client receives status ${status} (unless the template sets \`$context.responseOverride.status\`).` : `⚠ No method response declares ${status}: API Gateway answers 500 instead.`);
  return lines.join('\n\n');
}

function parameterHover(operation: Operation, mapping: ParameterMapping): string {
  const header = mapping.target.value.replace(/^method\.response\.header\./, '');
  const parsed = parseResponseParameterExpression(mapping.source.value);
  const source = parsed.source;
  let value: string;
  switch (source.kind) {
    case 'static':
      value = `always \`${source.value}\``;
      break;
    case 'header':
      value = `the value of the backend response header \`${source.name}\` (the last one when it repeats); not set when the backend sends none`;
      break;
    case 'multivalueheader':
      value = `every value of the backend response header \`${source.name}\`, joined with commas`;
      break;
    case 'body':
      value = 'the whole backend response body, as text';
      break;
    case 'bodyPath':
      value = `the value at \`${source.jsonPath}\` in the JSON body: a string as it is, a number as Java prints it, an object or list as JSON; not set when absent or null`;
      break;
    case 'context': {
      const context = buildContext({ httpMethod: operation.httpMethod === 'ANY' ? 'GET' : operation.httpMethod, path: operation.path, resourcePath: operation.path });
      const sample = evaluateResponseParameterSource(mapping.source.value, { headers: [], body: '' }, context, {});
      value = `\`$context.${source.name}\` of the request${sample.value !== undefined ? `, for example \`${sample.value}\`` : ', not set when null'}`;
      break;
    }
    case 'stageVariable':
      value = `the stage variable \`${source.name}\` of the deployment stage`;
      break;
    default:
      value = `nothing: ${parsed.problems[0]?.message ?? 'the source is not a valid mapping expression'}`;
  }
  return `**Response header \`${header}\`**\n\nSet to ${value}.`;
}
