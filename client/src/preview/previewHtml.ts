/**
 * The preview webview's HTML shell: a strict Content Security Policy with a fresh nonce, the script and
 * style from the extension only, nothing remote. Pure, so it is tested without VS Code.
 */
import { randomBytes } from 'node:crypto';

/** A nonce for one page load: 128 random bits, base64. */
export function createPreviewNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Text made safe for HTML text and attribute values. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Nothing by default; scripts only with the nonce; styles and images only from the extension (the
 * webview's own origin, `cspSource`); no inline styles, no connections, no frames.
 */
export function previewContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `img-src ${cspSource}`, `font-src ${cspSource}`].join('; ');
}

/** What the shell needs: URIs as the webview sees them (`asWebviewUri`). */
export interface PreviewHtmlInputs {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
}

/** The page: the script builds the rest, so no user content is ever written into this markup. */
export function previewHtml(inputs: PreviewHtmlInputs): string {
  const { cspSource, nonce, scriptUri, styleUri, title } = inputs;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtmlText(previewContentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtmlText(styleUri)}">
<title>${escapeHtmlText(title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the mapping preview…</p></main>
<script nonce="${escapeHtmlText(nonce)}" src="${escapeHtmlText(scriptUri)}"></script>
</body>
</html>`;
}
