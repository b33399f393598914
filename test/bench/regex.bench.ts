// The Java regex engine's replaceAll against JavaScript's native one, on what mapping templates do in
// a loop: `$str.replaceAll(…)` with a literal pattern and with simple classes and quantifiers, over
// many short JSON-ish strings. The native side uses String.prototype.replaceAll with a string for the
// literal and a global RegExp for the others. The compiled Java pattern is taken from the cache on
// every call, as a template does. Runs alternate so machine noise hits both sides; medians are
// compared with the target.
import { getJavaRegex } from '../../shared/src/regex/index';
import { alternatingMedians, reportRatio } from './measure';

const TARGET_RATIO = 10;
const RUNS = 9;
const CALLS = 10_000;

interface Case {
  kind: string;
  javaPattern: string;
  javaReplacement: string;
  native: (input: string) => string;
}

const CASES: Case[] = [
  { kind: 'literal', javaPattern: "\\\\'", javaReplacement: "'", native: (s) => s.replaceAll("\\'", "'") },
  { kind: 'class', javaPattern: '["\\\\]', javaReplacement: '\\\\$0', native: (s) => s.replace(/["\\]/g, '\\$&') },
  { kind: 'quantifier', javaPattern: '\\s+', javaReplacement: ' ', native: (s) => s.replace(/\s+/g, ' ') },
  { kind: 'group', javaPattern: 'item (\\d+)', javaReplacement: '#$1', native: (s) => s.replace(/item (\d+)/g, '#$1') },
];

const INPUTS = Array.from({ length: CALLS }, (_, i) => `{"name":"item ${i}","note":"it\\'s  a \\"quoted\\"\\t value"}`);

let failed = false;
for (const { kind, javaPattern, javaReplacement, native } of CASES) {
  const ours = (): string[] => INPUTS.map((input) => getJavaRegex(javaPattern).regex!.replaceAll(input, javaReplacement));
  const plain = (): string[] => INPUTS.map(native);
  // Warm up both, and check they give the same strings.
  const same = JSON.stringify(ours()) === JSON.stringify(plain());

  const medians = alternatingMedians(RUNS, plain, ours);
  console.log(`${kind}: pattern ${javaPattern}  replacement "${javaReplacement}"  (${CALLS} calls; same results as native: ${same})`);
  console.log(`  Java regex replaceAll: median ${medians.candidate.toFixed(2)} ms of ${RUNS}`);
  console.log(`  native replaceAll:     median ${medians.baseline.toFixed(2)} ms of ${RUNS}`);
  if (!reportRatio(medians.candidate / medians.baseline, TARGET_RATIO) || !same) failed = true;
}
if (failed) process.exitCode = 1;
