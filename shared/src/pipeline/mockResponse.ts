import type { EndpointResponse } from './endpointResponse';
import { quoted, type TraceRecorder } from './trace';

/**
 * A MOCK integration's endpoint response (SEMANTICS 5): the status is the integer `statusCode` of the
 * rendered request template, read leniently as AWS does (`{statusCode: 200}` works, as CDK emits it);
 * the body is empty and there are no headers. Undefined when no status can be read (→ 500).
 */
export function mockEndpointResponse(integrationRequestBody: string, trace: TraceRecorder): EndpointResponse | undefined {
  const statusCode = mockStatusCode(integrationRequestBody);
  if (statusCode === undefined) {
    trace.step('endpoint', `MOCK: unable to parse statusCode from ${quoted(integrationRequestBody)}; it should be an integer defined in the request template → 500`);
    return undefined;
  }
  trace.step('endpoint', `MOCK: the request template set statusCode ${statusCode}; the mock answers with an empty body`);
  return { statusCode, headers: [], body: new Uint8Array() };
}

/** The integer `statusCode` of a MOCK request template's output, strict JSON first, then lenient. */
export function mockStatusCode(text: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const value = (parsed as Record<string, unknown>).statusCode;
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
      return undefined;
    }
  } catch {
    // Not JSON: AWS still reads an unquoted key.
  }
  const lenient = /^\s*\{[^]*?["']?\bstatusCode["']?\s*:\s*["']?(\d+)["']?\s*[,}]/.exec(text);
  return lenient ? Number(lenient[1]) : undefined;
}
