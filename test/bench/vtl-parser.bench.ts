// The template parser against velocityjs's own parser, on the same large mapping templates, and its
// linearity: the time per KB of a 30 KB template against that of a 300 KB one. Our parser does more
// (exact ranges, recovery, problems) yet must be no slower than the velocityjs parse it stands in for
// while editing, and its cost per KB must not grow with the template (quadratic work would make it
// 10x at 10x the text). velocityjs's own cost per KB grows with the template, so the 300 KB runs take
// seconds; 1 MB templates would take minutes. Runs alternate so machine noise hits both sides;
// medians are compared with the targets.
import velocity from 'velocityjs';
import { parseVtl } from '../../shared/src/vtl/parser/index';
import { alternatingMedians, reportRatio } from './measure';

const TARGET_RATIO = 1;
const TARGET_LINEARITY = 2;
const RUNS = 5;

const BLOCK = `#set($inputRoot = $input.path('$'))
{
  "items": [
#foreach($elem in $inputRoot.items)
    {"id": "$elem.id", "name": "$util.escapeJavaScript($elem.name)"}#if($foreach.hasNext),#end
#end
  ]
}
## comment
`;

function template(bytes: number): string {
  return BLOCK.repeat(Math.ceil(bytes / BLOCK.length));
}

let failed = false;
const perKb: Record<string, number> = {};
for (const bytes of [30_000, 300_000]) {
  const text = template(bytes);
  // Warm up both, and check ours reads the template without problems, as velocityjs does.
  const clean = parseVtl(text).problems.length === 0;
  velocity.parse(text);

  const medians = alternatingMedians(RUNS, () => velocity.parse(text), () => parseVtl(text));
  const kb = text.length / 1000;
  perKb[bytes] = medians.candidate / kb;
  console.log(`${kb.toFixed(0)} KB template (no problems reported: ${clean})`);
  console.log(`  parseVtl:         median ${medians.candidate.toFixed(2)} ms of ${RUNS} (${(perKb[bytes] * 1000).toFixed(1)} µs per KB)`);
  console.log(`  velocityjs.parse: median ${medians.baseline.toFixed(2)} ms of ${RUNS} (${((medians.baseline / kb) * 1000).toFixed(1)} µs per KB)`);
  if (!reportRatio(medians.candidate / medians.baseline, TARGET_RATIO) || !clean) failed = true;
}
const linearity = perKb[300_000] / perKb[30_000];
console.log('linearity: parseVtl time per KB at 300 KB against that at 30 KB');
if (!reportRatio(linearity, TARGET_LINEARITY)) failed = true;
if (failed) process.exitCode = 1;
