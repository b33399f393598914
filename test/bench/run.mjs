// `npm run bench`: runs every built benchmark in turn. Each prints ratios against a baseline it
// measures in the same run, so the numbers mean the same on any machine.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const dir = 'out/bench';
let failed = false;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.bench.js')).sort()) {
  console.log(`\n== ${name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', `${dir}/${name}`], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
