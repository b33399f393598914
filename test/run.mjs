// `npm test`: every test layer, in the order a failure is cheapest to read.
// Exits non-zero when any layer fails, and closes with one line that counts every test of every layer.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

// A test deleted from test/ must not keep running from an old bundle.
rmSync('out/test', { recursive: true, force: true });

/** [name, command, whether it runs tests whose totals count, whether a failure stops the rest] */
const layers = [
  ['type check', ['node_modules/.bin/tsc', '--noEmit', '-p', '.'], false, true],
  ['type check of the webview (browser code)', ['node_modules/.bin/tsc', '--noEmit', '-p', 'client/webview'], false, true],
  ['build', [process.execPath, 'esbuild.mjs', '--tests'], false, true],
  ['unit, service, conformance, oracle and protocol tests', [process.execPath, '--enable-source-maps', '--test', 'out/test/'], true, false],
  // Installs its tools on first use (cached), packages the VSIX and drives real VS Code: see test/e2e/run.sh.
  ['end-to-end tests in VS Code (code-server)', ['bash', 'test/e2e/run.sh'], true, false],
];

/** Runs a command with its output passed through as it comes, and returns the exit code and the text. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      text += chunk;
    });
    child.on('close', (code, signal) => resolve({ code: code ?? signal, text }));
  });
}

/** The runner's own totals: TAP (`# pass 3`) or spec (`ℹ pass 3`); the last report of a run wins. */
function totals(text) {
  const count = (word) => {
    const all = [...text.matchAll(new RegExp(`^(?:#|ℹ) ${word} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : 0;
  };
  return { passed: count('pass'), failed: count('fail') };
}

let failedLayers = 0;
let passed = 0;
let failed = 0;
for (const [name, [command, ...args], counts, stopOnFailure] of layers) {
  console.log(`\n== ${name}`);
  const result = await run(command, args);
  if (counts) {
    const t = totals(result.text);
    passed += t.passed;
    failed += t.failed;
  }
  if (result.code !== 0) {
    console.error(`== ${name} failed (exit ${result.code})`);
    failedLayers++;
    if (stopOnFailure) break;
  }
}
// A layer that failed without failing a test (a crash, a broken setup) still counts as a failure.
if (failedLayers > 0 && failed === 0) failed = failedLayers;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedLayers > 0 ? 1 : 0);
