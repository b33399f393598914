// Byte/text conversions with the rules API Gateway applies: UTF-8 with U+FFFD for undecodable
// sequences (SEMANTICS 8, observed on S3 binary recordings) and strict base64 (invalid input is a 500).

const utf8Encoder = new TextEncoder();
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** The bytes read as UTF-8, each undecodable sequence replaced by U+FFFD. */
export function utf8Text(bytes: Uint8Array): string {
  return lenientDecoder.decode(bytes);
}

/** True when the bytes are well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const alphabetIndex = new Map([...alphabet].map((c, i) => [c, i]));

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += alphabet[b0 >> 2] + alphabet[((b0 & 3) << 4) | (b1 >> 4)];
    out += i + 1 < bytes.length ? alphabet[((b1 & 15) << 2) | (b2 >> 6)] : '=';
    out += i + 2 < bytes.length ? alphabet[b2 & 63] : '=';
  }
  return out;
}

/**
 * Decodes standard base64 the way `java.util.Base64.getDecoder()` does: only the base64 alphabet,
 * padding optional but, when present, correct. Returns undefined for anything else.
 */
export function fromBase64(text: string): Uint8Array | undefined {
  let body = text;
  const padding = /=*$/.exec(text)?.[0].length ?? 0;
  if (padding > 2) return undefined;
  body = text.slice(0, text.length - padding);
  if (padding > 0 && (body.length + padding) % 4 !== 0) return undefined;
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let written = 0;
  for (const c of body) {
    const value = alphabetIndex.get(c);
    if (value === undefined) return undefined;
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[written++] = (bits >> bitCount) & 0xff;
    }
  }
  return out.subarray(0, written);
}

/** The bytes a base64 decode produced, or why it failed. */
export type Base64DecodeOutcome = { ok: true; body: Uint8Array; binary: true } | { ok: false; reason: string };

/**
 * Base64-decodes a text payload for a CONVERT_TO_BINARY-style conversion (D-CONV): the decoded bytes,
 * or the failure API Gateway answers with a 500. `record` writes the trace line.
 */
export function decodeBase64Payload(body: Uint8Array, noun: string, record: (message: string) => void): Base64DecodeOutcome {
  const decoded = fromBase64(utf8Text(body));
  if (!decoded) {
    record(`the ${noun} must be base64-decoded but is not valid base64 → 500`);
    return { ok: false, reason: `the ${noun} could not be base64-decoded` };
  }
  record(`the ${noun} is base64-decoded to ${decoded.length} bytes`);
  return { ok: true, body: decoded, binary: true };
}
