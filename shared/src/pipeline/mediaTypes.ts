import type { Sourced } from '../model/types';

/**
 * Whether a media type counts as binary for the API (SEMANTICS 8, observed on AWS through Lambda proxy
 * recordings): an exact entry of `binaryMediaTypes`, or an entry `type/*` with the same type; `*\/*`
 * matches everything; an entry `*\/sub` matches nothing; a wildcard on the request side (`image/*`)
 * only matches the same literal entry.
 */
export function isBinaryMediaType(mediaType: string | undefined, binaryMediaTypes: readonly Sourced<string>[]): boolean {
  if (mediaType === undefined) return false;
  const wanted = mediaType.toLowerCase();
  return binaryMediaTypes.some(({ value }) => {
    const entry = value.trim().toLowerCase();
    if (entry === '*/*') return true;
    const [type, subtype] = entry.split('/');
    if (type === '*') return false;
    return entry === wanted || (subtype === '*' && wanted.startsWith(`${type}/`));
  });
}
