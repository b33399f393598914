// `npm test`: every test layer, in the order a failure is cheapest to read.
// Exits non-zero when any layer fails; the last lines printed are the test runner's totals.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

// A test deleted from test/ must not keep running from an old bundle.
rmSync('out/test', { recursive: true, force: true });

const layers = [
  ['type check', ['node_modules/.bin/tsc', '--noEmit', '-p', '.']],
  ['build', [process.execPath, 'esbuild.mjs', '--tests']],
  ['unit, service, conformance and protocol tests', [process.execPath, '--enable-source-maps', '--test', 'out/test/']],
  // Installs its tools on first use (cached), packages the VSIX and drives real VS Code: see test/e2e/run.sh.
  ['end-to-end tests in VS Code (code-server)', ['bash', 'test/e2e/run.sh']],
];

let failed = false;
for (const [name, [command, ...args]] of layers) {
  console.log(`\n== ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`== ${name} failed (exit ${run.status ?? run.signal})`);
    failed = true;
    if (name === 'type check' || name === 'build') break;
  }
}
process.exit(failed ? 1 : 0);
