import type { ApiDocument, MethodResponse, Operation } from '../../model/types';
import type { OffsetEdit } from '../types';

/**
 * Edits that declare what an integration response refers to: a method response for a status code, or a
 * header on a method response. Each follows the format of the document and the indentation of what is
 * already declared; undefined where there is nothing to align with.
 */

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function isOpenApi(api: ApiDocument): boolean {
  return api.kind === 'openapi2' || api.kind === 'openapi3';
}

/** Declares a method response for `status` next to the operation's first one. */
export function declareMethodResponse(api: ApiDocument, operation: Operation, status: string): OffsetEdit | undefined {
  const first = operation.methodResponses[0];
  if (!first) return undefined;
  const text = api.text;
  const keyStart = first.statusCode.range.start;
  if (api.kind === 'cloudformation') {
    // A list of maps: `- StatusCode: 200` in YAML, `{"StatusCode": "200"}` in JSON.
    if (api.format === 'json') {
      const itemStart = text.lastIndexOf('{', keyStart);
      if (itemStart < first.range.start - 1 || itemStart < 0) return undefined;
      return { range: { start: itemStart, end: itemStart }, newText: `{ "StatusCode": "${status}" }, ` };
    }
    const lineStart = lineStartOf(text, first.range.start);
    const prefix = text.slice(lineStart, first.range.start);
    if (!/^\s*-\s+$/.test(prefix)) return undefined;
    return { range: { start: lineStart, end: lineStart }, newText: `${prefix}StatusCode: ${status}\n` };
  }
  if (api.format === 'json') {
    const body = isOpenApi(api) ? `{ "description": "${status} response" }` : `{ "statusCode": "${status}" }`;
    return { range: { start: keyStart, end: keyStart }, newText: `"${status}": ${body}, ` };
  }
  const lineStart = lineStartOf(text, keyStart);
  const indent = text.slice(lineStart, keyStart);
  if (!/^\s*$/.test(indent)) return undefined;
  const body = isOpenApi(api) ? `description: ${status} response` : `statusCode: "${status}"`;
  return { range: { start: lineStart, end: lineStart }, newText: `${indent}"${status}":\n${indent}  ${body}\n` };
}

/** Declares header `name` on `response`. */
export function declareResponseHeader(api: ApiDocument, response: MethodResponse, name: string): OffsetEdit | undefined {
  const text = api.text;
  const openApi = isOpenApi(api);
  const headerValue = openApi ? (api.kind === 'openapi3' ? { json: '{ "schema": { "type": "string" } }', yaml: ['schema:', '  type: string'] } : { json: '{ "type": "string" }', yaml: ['type: string'] }) : { json: 'true', yaml: [] };
  const key = openApi ? name : `method.response.header.${name}`;
  const existing = response.headers[0];
  if (existing) {
    // Next to the first declared header, in the same map.
    const keyStart = openApi ? existing.name.range.start : existing.name.range.start - 'method.response.header.'.length;
    if (api.format === 'json') {
      const quoteAt = text[keyStart - 1] === '"' ? keyStart - 1 : keyStart;
      return { range: { start: quoteAt, end: quoteAt }, newText: `"${key}": ${headerValue.json}, ` };
    }
    const lineStart = lineStartOf(text, keyStart);
    const indent = text.slice(lineStart, keyStart);
    if (!/^\s*$/.test(indent)) return undefined;
    const value = openApi ? `\n${headerValue.yaml.map((line) => `${indent}  ${line}`).join('\n')}` : ' true';
    return { range: { start: lineStart, end: lineStart }, newText: `${indent}${key}:${value}\n` };
  }
  const mapKey = openApi ? 'headers' : api.kind === 'cloudformation' ? 'ResponseParameters' : 'responseParameters';
  if (api.format === 'json') {
    const open = text.indexOf('{', response.range.start);
    if (open < 0 || open >= response.range.end) return undefined;
    const empty = /^\s*\}/.test(text.slice(open + 1, open + 200));
    return { range: { start: open + 1, end: open + 1 }, newText: ` "${mapKey}": { "${key}": ${headerValue.json} }${empty ? ' ' : ','}` };
  }
  if (openApi) {
    // The response's map starts on the line after its status code key: the new key goes first in it.
    const keyLineEnd = text.indexOf('\n', response.statusCode.range.end);
    if (keyLineEnd < 0) return undefined;
    const indent = /^ */.exec(text.slice(keyLineEnd + 1))![0];
    const keyColumn = response.statusCode.range.start - lineStartOf(text, response.statusCode.range.start);
    if (indent.length <= keyColumn) return undefined;
    const lines = [`${indent}${mapKey}:`, `${indent}  ${key}:`, ...headerValue.yaml.map((line) => `${indent}    ${line}`)];
    return { range: { start: keyLineEnd + 1, end: keyLineEnd + 1 }, newText: `${lines.join('\n')}\n` };
  }
  // A new map in the method response item, on the line after its status code.
  const lineStart = lineStartOf(text, response.range.start);
  const column = response.range.start - lineStart;
  const lineEnd = text.indexOf('\n', response.statusCode.range.end);
  if (lineEnd < 0 || text.slice(lineStart, response.range.start).trim().replace(/^-$/, '') !== '') return undefined;
  const pad = ' '.repeat(column);
  return { range: { start: lineEnd, end: lineEnd }, newText: `\n${pad}${mapKey}:\n${pad}  ${key}: true` };
}
