// The renderer against plain velocityjs on the usual "JSON array → JSON" mapping template over a
// generated 1 MB payload (about 10,000 objects). Both sides get the same template and payload text and
// parse the payload inside the render ($input.path); both reuse a parsed template. Runs alternate so
// machine noise hits both; the medians are compared with the target ratio.
//
// API Gateway stops a #foreach after 1,000 iterations (our default, see RenderLimits.foreachIterations);
// this template stands for a preview of a large payload, so our side runs with that limit lifted.
import velocity from 'velocityjs';
import { escapeJavaScript } from '../../shared/src/apigw/index';
import { renderTemplate } from '../../shared/src/vtl/render/index';

const TARGET_RATIO = 1.3;
const RUNS = 9;

const TEMPLATE = `#set($items = $input.path('$'))
{
  "count": $items.size(),
  "items": [
#foreach($elem in $items)
    {
      "id": "$elem.id",
      "name": "$util.escapeJavaScript($elem.name)",
      "price": $elem.price,
      "tags": $elem.tags.size(),
#if($elem.active)
      "status": "active"
#else
      "status": "inactive"
#end
    }#if($foreach.hasNext),#end

#end
  ]
}`;

function payload(): string {
  const items = [];
  for (let i = 0; items.length < 1_000_000 && i < 100_000; i++) {
    items.push({
      id: `item-${i}`,
      name: `Product "${i}" — fine\n/${'x'.repeat(i % 5)}`,
      price: Math.round(i * 3.7) / 10,
      active: i % 3 !== 0,
      tags: Array.from({ length: i % 5 }, (_, t) => `tag${t}`),
      note: i % 2 ? 'lorem' : null,
    });
    if (i % 250 === 249 && JSON.stringify(items).length >= 1_000_000) break;
  }
  return JSON.stringify(items);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => string): { ms: number; chars: number } {
  const started = process.hrtime.bigint();
  const out = run();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, chars: out.length };
}

const body = payload();
const itemCount = (JSON.parse(body) as unknown[]).length;

function ours(): string {
  const result = renderTemplate({
    template: TEMPLATE,
    body,
    params: { path: {}, querystring: {}, header: {} },
    context: {},
    stageVariables: {},
    limits: { foreachIterations: 0 },
  });
  if (result.error) throw new Error(`render failed: ${result.error.message}`);
  return result.output;
}

const plainAst = velocity.parse(TEMPLATE);
function plain(): string {
  const input = { path: () => JSON.parse(body) as unknown };
  const util = { escapeJavaScript: (s: unknown) => escapeJavaScript(String(s)) };
  return new velocity.Compile(plainAst).render({ input, util });
}

// Warm up both, and check they produce the same document.
const ourOutput = ours();
const plainOutput = plain();
const same = JSON.stringify(JSON.parse(ourOutput)) === JSON.stringify(JSON.parse(plainOutput));

const ourTimes: number[] = [];
const plainTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  (globalThis as { gc?: () => void }).gc?.();
  plainTimes.push(time(plain).ms);
  (globalThis as { gc?: () => void }).gc?.();
  ourTimes.push(time(ours).ms);
}

const ratio = median(ourTimes) / median(plainTimes);
console.log(`payload: ${(body.length / 1e6).toFixed(2)} MB, ${itemCount} objects; output ${(ourOutput.length / 1e6).toFixed(2)} MB (same JSON as velocityjs: ${same})`);
console.log(`renderTemplate (#foreach limit lifted): median ${median(ourTimes).toFixed(1)} ms of ${RUNS}`);
console.log(`plain velocityjs:                       median ${median(plainTimes).toFixed(1)} ms of ${RUNS}`);
console.log(`ratio ${ratio.toFixed(2)}x (target at most ${TARGET_RATIO}x): ${ratio <= TARGET_RATIO ? 'ok' : 'OVER TARGET'}`);
if (!same || ratio > TARGET_RATIO) process.exitCode = 1;
