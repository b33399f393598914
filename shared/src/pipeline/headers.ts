import type { HeaderLine } from './types';

/** Header helpers: names compare case-insensitively, lines keep their order and spelling. */

/** Every value of the header, in order. */
export function headerValues(headers: readonly HeaderLine[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** The first value of the header, if any. */
export function firstHeader(headers: readonly HeaderLine[], name: string): string | undefined {
  return headerValues(headers, name)[0];
}

/** The lines without any of the given name. */
export function withoutHeader(headers: readonly HeaderLine[], name: string): HeaderLine[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() !== wanted);
}

/** Replaces every line of the name by one line (spelled as given), keeping the first line's position. */
export function setHeader(headers: readonly HeaderLine[], name: string, value: string): HeaderLine[] {
  const wanted = name.toLowerCase();
  const at = headers.findIndex(([n]) => n.toLowerCase() === wanted);
  const rest = withoutHeader(headers, name);
  if (at < 0) return [...rest, [name, value]];
  const before = headers.slice(0, at).filter(([n]) => n.toLowerCase() !== wanted).length;
  return [...rest.slice(0, before), [name, value], ...rest.slice(before)];
}

/** The media type of a header value: the part before `;`, trimmed and lower-cased. */
export function mediaTypeOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const type = value.split(';')[0].trim().toLowerCase();
  return type === '' ? undefined : type;
}

/** The first media type of an `Accept` header (API Gateway honours only the first, SEMANTICS 8). */
export function firstAcceptedType(headers: readonly HeaderLine[]): string | undefined {
  const accept = firstHeader(headers, 'Accept');
  return accept === undefined ? undefined : mediaTypeOf(accept.split(',')[0]);
}
