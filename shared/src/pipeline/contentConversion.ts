import type { Sourced } from '../model/types';
import { decodeBase64Payload, toBase64, utf8Bytes, utf8Text } from './bytes';
import { isBinaryMediaType } from './mediaTypes';
import type { TraceRecorder } from './trace';

/** The method response payload after conversion; `binary` payloads cannot go through a template. */
export type ConversionOutcome = { ok: true; body: Uint8Array; binary: boolean } | { ok: false; reason: string };

export interface ConversionInputs {
  body: Uint8Array;
  /** Media type of the endpoint response's Content-Type. */
  payloadType: string | undefined;
  /** First media type of the request's Accept. */
  acceptType: string | undefined;
  binaryMediaTypes: readonly Sourced<string>[];
  contentHandling: Sourced<string> | undefined;
}

/**
 * Payload conversion (SEMANTICS 8, the D-CONV table, verified on AWS by the S3 recordings): the payload
 * is binary when its Content-Type is a binary media type, the request wants binary when its first
 * Accept type is; CONVERT_TO_TEXT base64-encodes binary and decodes text as UTF-8 (U+FFFD for bad
 * bytes); CONVERT_TO_BINARY base64-decodes text; without contentHandling a text payload for a binary
 * Accept is base64-decoded and a binary payload for a text Accept base64-encoded. A failed base64
 * decode is a 500.
 */
export function convertPayload(inputs: ConversionInputs, trace: TraceRecorder): ConversionOutcome {
  const payloadBinary = isBinaryMediaType(inputs.payloadType, inputs.binaryMediaTypes);
  const acceptBinary = isBinaryMediaType(inputs.acceptType, inputs.binaryMediaTypes);
  const handling = inputs.contentHandling?.value.toUpperCase();
  const payloadWord = `${payloadBinary ? 'binary' : 'text'} payload (${inputs.payloadType ?? 'no Content-Type'})`;
  const acceptWord = `${acceptBinary ? 'binary' : 'text'} Accept (${inputs.acceptType ?? 'none'})`;
  const why = `${payloadWord}, ${acceptWord}, contentHandling ${handling ?? 'unset'}`;
  const range = inputs.contentHandling?.range;

  const asText = (): ConversionOutcome => ({ ok: true, body: utf8Bytes(utf8Text(inputs.body)), binary: false });
  const encode = (): ConversionOutcome => {
    trace.step('conversion', `${why}: the payload is base64-encoded`, range);
    return { ok: true, body: utf8Bytes(toBase64(inputs.body)), binary: false };
  };
  const decode = (): ConversionOutcome =>
    decodeBase64Payload(inputs.body, 'payload', (message) => trace.step('conversion', `${why}: ${message}`, range));
  const passBinary = (): ConversionOutcome => {
    trace.step('conversion', `${why}: the binary payload passes through`, range);
    return { ok: true, body: inputs.body, binary: true };
  };

  if (handling === 'CONVERT_TO_TEXT') {
    if (payloadBinary) return encode();
    trace.step('conversion', `${why}: the payload is read as UTF-8 text`, range);
    return asText();
  }
  if (handling === 'CONVERT_TO_BINARY') return payloadBinary ? passBinary() : decode();
  if (handling !== undefined && handling !== '') {
    trace.warn('unknown-content-handling', `contentHandling ${handling} is not CONVERT_TO_TEXT or CONVERT_TO_BINARY; it is treated as unset`, range);
  }
  if (payloadBinary) return acceptBinary ? passBinary() : encode();
  if (acceptBinary) return decode();
  if (inputs.binaryMediaTypes.length > 0 || inputs.body.length > 0) trace.step('conversion', `${why}: the payload passes through as UTF-8 text`);
  return asText();
}
