// Differential test of our VTL renderer against Apache Velocity 1.7 (Java) on generated templates.
//
//   npm test                                   a fixed-seed run of DEFAULT_CASES cases, pending features left out
//   npm run test:oracle -- --cases 100000 --seed 7 [--shrink 60] [--exclude-pending] [--enable f1,f2]
//                                              the hunt: every feature, a summary of difference classes;
//                                              --enable: only these pending features (is a finding fixed?)
//
// Any difference not explained by known-differences.ts fails the test, with the smallest template
// that still shows it. Without Java (javac, java) or the Velocity jars the test fails and says what
// to install; it is never skipped.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateCase, pendingFeatures } from './generate';
import { VelocityOracle } from './java-oracle';
import { describeResult, oracleCaseOf, runDifferential, type DifferenceShape, type Outcome } from './differential';
import { knownDifferences } from './known-differences';
import { shrinkCase } from './shrink';
import { featuresOf, jsonText, templateText, type GeneratedCase } from './template-tree';

const DEFAULT_CASES = 2000;
const DEFAULT_SEED = 20261121;
const BATCH = 2000;

interface Options {
  cases: number;
  seed: number;
  hunt: boolean;
  shrinkLimit: number;
  excludePending: boolean;
  /** Pending features to produce anyway (with `--exclude-pending`: check one item of FINDINGS.md). */
  enable: Set<string>;
}

function optionsFrom(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const hunt = argv.includes('--cases') || argv.includes('--seed');
  return {
    cases: Number(value('cases') ?? DEFAULT_CASES),
    seed: Number(value('seed') ?? DEFAULT_SEED),
    hunt,
    shrinkLimit: Number(value('shrink') ?? (hunt ? 60 : 3)),
    excludePending: hunt ? argv.includes('--exclude-pending') || argv.includes('--enable') : true,
    enable: new Set((value('enable') ?? '').split(',').filter(Boolean)),
  };
}

interface Failure {
  index: number;
  generated: GeneratedCase;
  outcome: Outcome;
}

let oracle: VelocityOracle | undefined;
after(() => oracle?.close());

/**
 * What must stay the same while shrinking, so the shrinker does not wander to another bug: the
 * shape, and for an error on one side, the Java exception class or our problem code.
 */
function signature(outcome: Outcome): string {
  const java = 'error' in outcome.java ? outcome.java.error : '';
  const ours = 'error' in outcome.ours ? outcome.ours.error : '';
  return `${outcome.shape} ${java} ${ours}`;
}

/** Shrinks a failing case while the same kind of unexplained difference remains. */
async function smallest(failure: Failure): Promise<{ generated: GeneratedCase; outcome: Outcome }> {
  const wanted = signature(failure.outcome);
  let last = { generated: failure.generated, outcome: failure.outcome };
  const generated = await shrinkCase(failure.generated, async (candidates) => {
    const outcomes = await runDifferential(oracle!, candidates.map(oracleCaseOf));
    return outcomes.map((o, i) => {
      const keeps = Boolean(o.shape) && !o.explainedBy && signature(o) === wanted;
      if (keeps) last = { generated: candidates[i], outcome: o };
      return keeps;
    });
  });
  // `last` may be a later candidate of the final batch; report the outcome of the case returned.
  if (last.generated !== generated) {
    const [outcome] = await runDifferential(oracle!, [oracleCaseOf(generated)]);
    return { generated, outcome };
  }
  return last;
}

function report(generated: GeneratedCase, outcome: Outcome, seed: number, index: number): string {
  return [
    `case ${index} of seed ${seed} (${outcome.shape}); features: ${featuresOf(generated.stmts).join(' ')}`,
    `  template: ${JSON.stringify(templateText(generated.stmts))}`,
    `  body:     ${jsonText(generated.body)}`,
    `  Velocity: ${describeResult(outcome.java)}`,
    `  ours:     ${describeResult(outcome.ours)}`,
  ].join('\n');
}

/** The class of a shrunk difference: its shape and the features its smallest template still uses. */
function classOf(generated: GeneratedCase, shape: DifferenceShape | undefined): string {
  return `${shape}: ${featuresOf(generated.stmts).filter((f) => !/^(newline|indent|text|set|ref|input\.path|literal:(int|sq|bool))$/.test(f)).join(' ')}`;
}

test('our renderer agrees with Velocity 1.7 on generated templates', async () => {
  const options = optionsFrom(process.argv.slice(2));
  const exclude = new Set(options.excludePending ? pendingFeatures.map((p) => p.feature).filter((f) => !options.enable.has(f)) : []);
  oracle = VelocityOracle.start();

  const failures: Failure[] = [];
  const explainedCounts = new Map<string, number>(knownDifferences.map((k) => [k.name, 0]));
  const shapeCounts = new Map<string, number>();
  let javaErrors = 0;
  for (let from = 0; from < options.cases; from += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, options.cases - from) }, (_, i) => from + i);
    const generated = indexes.map((index) => generateCase(options.seed, index, { exclude }));
    const outcomes = await runDifferential(oracle, generated.map(oracleCaseOf));
    outcomes.forEach((outcome, i) => {
      if ('error' in outcome.java) javaErrors++;
      if (!outcome.shape) return;
      if (outcome.explainedBy) {
        explainedCounts.set(outcome.explainedBy.name, (explainedCounts.get(outcome.explainedBy.name) ?? 0) + 1);
        return;
      }
      shapeCounts.set(outcome.shape, (shapeCounts.get(outcome.shape) ?? 0) + 1);
      failures.push({ index: indexes[i], generated: generated[i], outcome });
    });
    if (options.hunt) console.log(`# ${Math.min(from + BATCH, options.cases)} cases, ${failures.length} unexplained differences`);
  }

  const summary = [
    `${options.cases} cases (seed ${options.seed}), ${javaErrors} of them Velocity errors; ${failures.length} unexplained differences`,
    ...[...shapeCounts].map(([shape, count]) => `  ${shape}: ${count}`),
    'explained by known differences:',
    ...[...explainedCounts].map(([name, count]) => `  ${name}: ${count}`),
    ...(exclude.size ? [`left out (pending, see FINDINGS.md): ${pendingFeatures.filter((p) => exclude.has(p.feature)).map((p) => `${p.feature} (${p.finding})`).join(', ')}`] : []),
  ];
  console.log(summary.map((line) => `# ${line}`).join('\n'));

  const classes = new Map<string, { count: number; example: string; size: number }>();
  const toShrink = options.hunt ? failures.slice(0, options.shrinkLimit) : pickOnePerShape(failures, options.shrinkLimit);
  for (const failure of toShrink) {
    const small = await smallest(failure);
    const key = classOf(small.generated, small.outcome.shape);
    const text = report(small.generated, small.outcome, options.seed, failure.index);
    const size = templateText(small.generated.stmts).length;
    const known = classes.get(key);
    if (!known) classes.set(key, { count: 1, example: text, size });
    else {
      known.count++;
      if (size < known.size) Object.assign(known, { example: text, size });
    }
  }
  const sorted = [...classes].sort((a, b) => b[1].count - a[1].count);
  const details = sorted.map(([key, { count, example }]) => `[${count}x] ${key}\n${example}`).join('\n\n');
  if (options.hunt && sorted.length) {
    console.log(`\n# difference classes among the ${toShrink.length} shrunk differences:\n${details}`);
  }
  assert.equal(failures.length, 0, `${summary.join('\n')}\n\nsmallest templates that still differ:\n${details}`);
});

function pickOnePerShape(failures: Failure[], limit: number): Failure[] {
  const picked = new Map<string, Failure>();
  for (const failure of failures) if (!picked.has(failure.outcome.shape!)) picked.set(failure.outcome.shape!, failure);
  return [...picked.values()].slice(0, limit);
}
