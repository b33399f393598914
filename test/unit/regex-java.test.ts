// Differential test: thousands of seeded (pattern, input, replacement) cases answered by
// java.util.regex (compiled here with javac) and by our engine must agree on matches(), every
// find() with its groups, replaceAll (or Java's exception), split with limits 0, -1 and 2, and on
// syntax errors (description and index). Needs a JDK: without javac the test fails and says so.
// Wider runs: REGEX_ORACLE_SEED=<n> REGEX_ORACLE_CASES=<count> (REGEX_ORACLE_VERBOSE=1 lists differences).
// Cases Java needs more than 2 s for, or that overflow its stack, are left out of the comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OracleCase, answer, generateCases, hex } from '../regex-oracle/cases';

const SEED = Number(process.env.REGEX_ORACLE_SEED ?? 20240611);
const CASES = Number(process.env.REGEX_ORACLE_CASES ?? 3000);

function runJava(cases: OracleCase[]): { version: string; answers: string[] } {
  const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
  if (javac.error || javac.status !== 0) {
    assert.fail('javac was not found: install a JDK (e.g. `apt-get install openjdk-17-jdk-headless`) so the regex engine can be checked against java.util.regex');
  }
  const dir = mkdtempSync(join(tmpdir(), 'regex-oracle-'));
  try {
    copyFileSync('test/regex-oracle/RegexOracle.java', join(dir, 'RegexOracle.java'));
    const compiled = spawnSync('javac', ['-encoding', 'UTF-8', '-d', dir, join(dir, 'RegexOracle.java')], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, `javac failed: ${compiled.stderr}`);
    const stdin = cases.map((c) => [hex(c.pattern), hex(c.input), hex(c.replacement)].join('\t')).join('\n') + '\n';
    const run = spawnSync('java', ['-Xss8m', '-cp', dir, 'RegexOracle'], { input: stdin, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
    assert.equal(run.status, 0, `java failed: ${run.stderr}`);
    const lines = run.stdout.split('\n');
    return { version: lines[0], answers: lines.slice(1, cases.length + 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('java.util.regex and the engine agree on generated patterns', () => {
  const cases = generateCases(SEED, CASES);
  const { version, answers: expected } = runJava(cases);
  assert.equal(expected.length, cases.length);
  const differing: { c: OracleCase; java: string; ours: string }[] = [];
  let compared = 0;
  for (let i = 0; i < cases.length; i++) {
    const ours = answer(cases[i]);
    if (expected[i] === 'S' || ours === 'S') continue;
    compared++;
    if (ours !== expected[i]) differing.push({ c: cases[i], java: expected[i], ours });
  }
  differing.sort((x, y) => x.c.pattern.length + x.c.input.length - (y.c.pattern.length + y.c.input.length));
  if (process.env.REGEX_ORACLE_VERBOSE) for (const d of differing.slice(0, 40)) console.log(JSON.stringify(d));
  const smallest = differing[0];
  assert.ok(compared > CASES * 0.95, `only ${compared} of ${CASES} cases were compared`);
  assert.equal(
    differing.length,
    0,
    smallest &&
      `${differing.length} of ${compared} cases differ from Java ${version} (the engine follows Java 17); smallest: pattern ${JSON.stringify(smallest.c.pattern)} input ${JSON.stringify(smallest.c.input)} replacement ${JSON.stringify(smallest.c.replacement)}\n java: ${smallest.java}\n ours: ${smallest.ours}`,
  );
});
