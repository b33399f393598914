import type { EmbeddedText } from '../model/types';

/** How a string is written in the document, which decides how inserted text must be escaped. */
export type ScalarStyle = 'json' | 'yaml-double' | 'yaml-single' | 'yaml-block' | 'yaml-plain' | 'raw';

/** The style of the scalar `embedded` was decoded from. */
export function scalarStyleOf(documentText: string, format: 'json' | 'yaml' | 'vtl', embedded: EmbeddedText): ScalarStyle {
  if (format === 'vtl') return 'raw';
  const first = documentText[embedded.range.start];
  if (format === 'json') return 'json';
  if (first === '"') return 'yaml-double';
  if (first === "'") return 'yaml-single';
  if (first === '|' || first === '>') return 'yaml-block';
  return 'yaml-plain';
}

/**
 * `text` written so that it decodes to itself inside a scalar of `style`; undefined where that cannot be
 * done in place (a line break in a plain or block scalar, a plain scalar that would change meaning).
 */
export function encodeForScalar(text: string, style: ScalarStyle): string | undefined {
  switch (style) {
    case 'raw':
      return text;
    case 'json':
    case 'yaml-double':
      return JSON.stringify(text).slice(1, -1);
    case 'yaml-single':
      return text.includes('\n') ? undefined : text.replace(/'/g, "''");
    case 'yaml-block':
      return text.includes('\n') ? undefined : text;
    case 'yaml-plain':
      return /[\n]|: | #/.test(text) ? undefined : text;
  }
}
