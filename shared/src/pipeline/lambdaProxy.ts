import type { Sourced } from '../model/types';
import { fromBase64, utf8Bytes, utf8Text } from './bytes';
import type { EndpointResponse } from './endpointResponse';
import { isBinaryMediaType } from './mediaTypes';
import { quoted, type TraceRecorder } from './trace';
import type { HeaderLine } from './types';

/** A Lambda proxy answer: the response it describes, or why API Gateway rejects it. */
export type LambdaProxyOutcome =
  | { ok: true; statusCode: number; headers: HeaderLine[]; body: Uint8Array }
  | { ok: false; status: 500 | 502; reason: string };

const allowedKeys = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/**
 * Validates and reads a Lambda proxy output (SEMANTICS 11, observed on AWS): a JSON object whose keys
 * are all optional; an unknown key, a non-integer statusCode, a multiValueHeaders value that is not a
 * list, or any function error → 502. `multiValueHeaders` lines come before `headers` lines. The body
 * is base64-decoded only when `isBase64Encoded` is true and the first Accept type is binary (SEMANTICS 8);
 * invalid base64 then → 500. A non-string `body` is rejected as LocalStack's validator does (unverified).
 */
export function readLambdaProxyOutput(
  endpoint: EndpointResponse,
  acceptType: string | undefined,
  binaryMediaTypes: readonly Sourced<string>[],
  trace: TraceRecorder,
): LambdaProxyOutcome {
  const payload = utf8Text(endpoint.body);
  if (endpoint.functionError !== undefined) {
    return { ok: false, status: 502, reason: `Lambda execution failed due to customer function error (${endpoint.functionError})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { ok: false, status: 502, reason: `Malformed Lambda proxy response: not JSON (${quoted(payload)})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, status: 502, reason: 'Malformed Lambda proxy response: not a JSON object' };
  }
  const output = parsed as Record<string, unknown>;
  const unknown = Object.keys(output).filter((k) => !allowedKeys.has(k));
  if (unknown.length > 0) return { ok: false, status: 502, reason: `Malformed Lambda proxy response: unknown key ${unknown.join(', ')}` };

  const statusCode = readStatus(output.statusCode);
  if (statusCode === undefined) return { ok: false, status: 502, reason: `Malformed Lambda proxy response: statusCode ${JSON.stringify(output.statusCode)} is not an integer` };

  const headers: HeaderLine[] = [];
  if (output.multiValueHeaders !== undefined && output.multiValueHeaders !== null) {
    if (!isRecord(output.multiValueHeaders)) return { ok: false, status: 502, reason: 'Malformed Lambda proxy response: multiValueHeaders is not an object' };
    for (const [name, values] of Object.entries(output.multiValueHeaders)) {
      if (!Array.isArray(values)) return { ok: false, status: 502, reason: `Malformed Lambda proxy response: multiValueHeaders.${name} is not a list` };
      for (const value of values) headers.push([name, scalarText(value)]);
    }
  }
  if (output.headers !== undefined && output.headers !== null) {
    if (!isRecord(output.headers)) return { ok: false, status: 502, reason: 'Malformed Lambda proxy response: headers is not an object' };
    for (const [name, value] of Object.entries(output.headers)) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'object') return { ok: false, status: 502, reason: `Malformed Lambda proxy response: headers.${name} is not a string` };
      headers.push([name, scalarText(value)]);
    }
  }
  if (output.body !== undefined && output.body !== null && typeof output.body !== 'string') {
    trace.warn('proxy-body-not-string', 'the Lambda proxy body is not a string: rejected with 502 as LocalStack does (not recorded on AWS)');
    return { ok: false, status: 502, reason: 'Malformed Lambda proxy response: body is not a string' };
  }
  const bodyText = typeof output.body === 'string' ? output.body : '';
  if (output.isBase64Encoded === true) {
    if (!isBinaryMediaType(acceptType, binaryMediaTypes)) {
      trace.step('proxy', `isBase64Encoded is true but Accept ${acceptType ?? '(none)'} is not a binary media type: the base64 text is returned as is`);
      return { ok: true, statusCode, headers, body: utf8Bytes(bodyText) };
    }
    const decoded = fromBase64(bodyText);
    if (!decoded) return { ok: false, status: 500, reason: 'the Lambda proxy body is marked isBase64Encoded but is not valid base64' };
    trace.step('proxy', `isBase64Encoded is true and Accept ${acceptType} is binary: the body is base64-decoded to ${decoded.length} bytes`);
    return { ok: true, statusCode, headers, body: decoded };
  }
  return { ok: true, statusCode, headers, body: utf8Bytes(bodyText) };
}

function readStatus(value: unknown): number | undefined {
  if (value === undefined || value === null) return 200;
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}
