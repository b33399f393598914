import type { Sourced } from '../model/types';
import { decodeBase64Payload, isUtf8, toBase64, utf8Bytes, utf8Text } from './bytes';
import { isBinaryMediaType } from './mediaTypes';
import type { TraceRecorder } from './trace';

/** The integration request payload after conversion; a `binary` payload cannot go through a request template. */
export type RequestConversionOutcome = { ok: true; body: Uint8Array; binary: boolean } | { ok: false; reason: string };

export interface RequestConversionInputs {
  /** The method request body bytes. */
  body: Uint8Array;
  /** Media type of the method request's Content-Type (undefined when absent). */
  contentType: string | undefined;
  binaryMediaTypes: readonly Sourced<string>[];
  /** The integration's own `contentHandling` (not the integration response's). */
  contentHandling: Sourced<string> | undefined;
}

/**
 * Request payload conversion (SEMANTICS 8, D-CONV request table: "Content type conversions in API
 * Gateway"). The method request payload is binary iff its Content-Type matches `binaryMediaTypes`
 * (no Content-Type: text). The documented rows:
 * - text, contentHandling unset or CONVERT_TO_TEXT → UTF-8 text (passthrough);
 * - text, CONVERT_TO_BINARY → base64-decoded blob; "if the conversion fails, it returns a 500 response"
 *   (D-CONV), answered as API_CONFIGURATION_ERROR like the response side;
 * - binary, unset or CONVERT_TO_BINARY → binary passthrough;
 * - binary, CONVERT_TO_TEXT → base64-encoded string (what a template sees as `$input.body`, D-CONV).
 *
 * Where the table is silent (each choice also reported as a warning):
 * - Text bytes that are not UTF-8 are read with U+FFFD per undecodable sequence, as the response
 *   side was observed to do on S3 recordings (SEMANTICS 8 precisions) (`request-body-not-utf8`).
 * - A contentHandling other than the two documented values is treated as unset, as on the response
 *   side (`unknown-content-handling`).
 * (The request template applied to a binary payload is decided in `requestTemplate`.)
 */
export function convertRequestPayload(inputs: RequestConversionInputs, trace: TraceRecorder): RequestConversionOutcome {
  const binary = isBinaryMediaType(inputs.contentType, inputs.binaryMediaTypes);
  const handling = inputs.contentHandling?.value.toUpperCase();
  const range = inputs.contentHandling?.range;
  if (handling !== undefined && handling !== '' && handling !== 'CONVERT_TO_TEXT' && handling !== 'CONVERT_TO_BINARY') {
    trace.warn('unknown-content-handling', `contentHandling ${handling} is not CONVERT_TO_TEXT or CONVERT_TO_BINARY; it is treated as unset`, range);
  }
  const why = `request payload: ${binary ? 'binary' : 'text'} body (Content-Type ${inputs.contentType ?? 'absent'}), integration contentHandling ${handling || 'unset'}`;

  if (binary) {
    if (handling === 'CONVERT_TO_TEXT') {
      trace.step('request', `${why}: the body is base64-encoded for the integration request`, range);
      return { ok: true, body: utf8Bytes(toBase64(inputs.body)), binary: false };
    }
    trace.step('request', `${why}: the binary body passes through`, range);
    return { ok: true, body: inputs.body, binary: true };
  }
  if (handling === 'CONVERT_TO_BINARY') {
    return decodeBase64Payload(inputs.body, 'request body', (message) => trace.step('request', `${why}: ${message}`, range));
  }
  if (!isUtf8(inputs.body)) {
    trace.warn(
      'request-body-not-utf8',
      'the text request body is not valid UTF-8: each undecodable sequence is read as U+FFFD, as API Gateway does for text response payloads (unverified for requests)',
      range,
    );
  }
  if (inputs.binaryMediaTypes.length > 0 || handling) trace.step('request', `${why}: the body passes through as UTF-8 text`, range);
  return { ok: true, body: utf8Bytes(utf8Text(inputs.body)), binary: false };
}
