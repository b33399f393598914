// The preview page's shell: the Content Security Policy and that nothing in it is written unescaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPreviewNonce, escapeHtmlText, previewContentSecurityPolicy, previewHtml } from '../../client/src/preview/previewHtml';

test('escaping: each character that means something in HTML', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&#60;script&#62;alert(1)&#60;/script&#62;'],
    [`a "b" 'c' & d`, 'a &#34;b&#34; &#39;c&#39; &#38; d'],
  ];
  for (const [input, expected] of cases) assert.equal(escapeHtmlText(input), expected);
});

test('the policy: nothing by default, scripts by nonce only, styles from the extension only', () => {
  const policy = previewContentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'abc123');
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('script-src'), ["'nonce-abc123'"]);
  assert.deepEqual(directives.get('style-src'), ['https://file+.vscode-resource.vscode-cdn.net']);
  assert.ok(!policy.includes('unsafe-inline') && !policy.includes('unsafe-eval') && !policy.includes('*'), policy);
});

test('nonces are fresh and long enough', () => {
  const nonces = new Set(Array.from({ length: 50 }, createPreviewNonce));
  assert.equal(nonces.size, 50);
  for (const nonce of nonces) assert.ok(Buffer.from(nonce, 'base64').length >= 16);
});

test('the page: one script, carrying the nonce, from the extension; no inline style; the title escaped', () => {
  const html = previewHtml({
    cspSource: 'vscode-resource:',
    nonce: 'N0nce',
    scriptUri: 'vscode-resource:/ext/dist/webview.js',
    styleUri: 'vscode-resource:/ext/client/webview/preview.css',
    title: 'Mapping Preview: <evil>.yaml',
  });
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(scripts, ['<script nonce="N0nce" src="vscode-resource:/ext/dist/webview.js">']);
  assert.ok(!/<style\b|\sstyle=/.test(html));
  assert.ok(html.includes('<link rel="stylesheet" href="vscode-resource:/ext/client/webview/preview.css">'));
  assert.ok(html.includes('Mapping Preview: &#60;evil&#62;.yaml'));
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-N0nce&#39;/);
});
