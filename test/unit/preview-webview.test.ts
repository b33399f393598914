// Invariants of the webview's code that a reviewer would otherwise have to remember: it type-checks as
// browser code, it writes user content as text only, and it reaches nothing but the shared protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WEBVIEW_DIR = 'client/webview';
const sources = readdirSync(WEBVIEW_DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(WEBVIEW_DIR, name), 'utf8') }));

test('the webview never parses markup: no innerHTML, outerHTML, insertAdjacentHTML, document.write or eval', () => {
  const offenders = sources.flatMap(({ name, text }) =>
    [...text.matchAll(/\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval|new Function|createContextualFragment)\b/g)].map((m) => `${name}: ${m[0]}`),
  );
  assert.deepEqual(offenders, []);
});

test('the webview imports only its own files and the shared protocol', () => {
  const offenders = sources.flatMap(({ name, text }) =>
    [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]).filter((spec) => !/^\.\/[\w]+$/.test(spec) && !/^\.\.\/\.\.\/shared\/src\/protocol\/\w+$/.test(spec)).map((spec) => `${name}: ${spec}`),
  );
  assert.deepEqual(offenders, []);
});

test('the shared protocol files reach no editor API, so the webview bundle can share them', () => {
  for (const name of readdirSync('shared/src/protocol')) {
    const text = readFileSync(join('shared/src/protocol', name), 'utf8');
    for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) assert.match(m[1], /^\.\/\w+$/, `${name} imports ${m[1]}`);
  }
});

test('the webview type-checks as browser code (client/webview/tsconfig.json)', () => {
  const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', WEBVIEW_DIR], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
