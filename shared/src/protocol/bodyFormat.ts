/**
 * Pretty-printing of bodies for reading: JSON and XML are re-indented token by token, so numbers,
 * escapes and key order stay exactly as the pipeline produced them.
 */

/** How a body is shown. */
export type PreviewBodyFormat = 'json' | 'xml' | 'text' | 'empty';

/** Bodies above this size are shown as they are: re-indenting them costs more than it helps. */
const PRETTY_LIMIT = 2 * 1024 * 1024;

/** Whether `text` is one JSON value (the check that allows re-indenting it). */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Re-indents valid JSON by two spaces, copying every token as written. */
export function indentJsonText(text: string): string {
  let out = '';
  let depth = 0;
  let index = 0;
  const newline = () => '\n' + '  '.repeat(depth);
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index++;
      continue;
    }
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      let next = index + 1;
      while (next < text.length && /\s/.test(text[next])) next++;
      if (text[next] === close) {
        out += char + close;
        index = next + 1;
        continue;
      }
      depth++;
      out += char + newline();
    } else if (char === '}' || char === ']') {
      depth--;
      out += newline() + char;
    } else if (char === ',') {
      out += ',' + newline();
    } else if (char === ':') {
      out += ': ';
    } else {
      out += char;
    }
    index++;
  }
  return out;
}

/** Re-indents XML by two spaces: one element a line, short text kept beside its tags. */
export function indentXmlText(text: string): string {
  const tokens = text.match(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (/^\s+$/.test(token)) continue;
    const indent = '  '.repeat(depth);
    if (/^<\//.test(token)) {
      depth = Math.max(0, depth - 1);
      lines.push('  '.repeat(depth) + token);
    } else if (/^<[^!?]/.test(token) && !/\/>$/.test(token)) {
      // <a>text</a> stays on one line.
      const [text, close] = [tokens[i + 1], tokens[i + 2]];
      if (text !== undefined && close !== undefined && !text.startsWith('<') && /^<\//.test(close)) {
        lines.push(indent + token + text.trim() + close);
        i += 2;
        continue;
      }
      lines.push(indent + token);
      depth++;
    } else {
      lines.push(indent + token.trim());
    }
  }
  return lines.join('\n');
}

/** Decides how a body reads best, from its media type first and its text second. */
export function formatPreviewBody(text: string, contentType: string | undefined): { text: string; format: PreviewBodyFormat; pretty: boolean } {
  if (text === '') return { text, format: 'empty', pretty: false };
  const type = (contentType ?? '').toLowerCase();
  const trimmed = text.trimStart();
  const looksJson = /json/.test(type) || (!/xml|html/.test(type) && /^[{[]/.test(trimmed));
  const looksXml = /xml/.test(type) || (!/json/.test(type) && /^<(\?xml|[A-Za-z])/.test(trimmed) && !/html/.test(type));
  if (text.length <= PRETTY_LIMIT && looksJson && isJson(text)) return { text: indentJsonText(text), format: 'json', pretty: true };
  if (looksJson && !looksXml) return { text, format: 'json', pretty: false };
  if (text.length <= PRETTY_LIMIT && looksXml) return { text: indentXmlText(text), format: 'xml', pretty: true };
  return { text, format: 'text', pretty: false };
}
