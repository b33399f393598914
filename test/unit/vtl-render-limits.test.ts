// Runaway templates stop quickly, with an error at the directive responsible, and the process stays
// healthy (the next render works).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RENDER_LIMITS, renderTemplate, type RenderLimits, type RenderResult } from '../../shared/src/vtl/render/index';

function render(template: string, limits?: Partial<RenderLimits>, body = ''): RenderResult {
  return renderTemplate({ template, body, params: { path: {}, querystring: {}, header: {} }, context: {}, stageVariables: {}, limits });
}

/** Renders, checks the error code, its position (the text at the error range) and the time taken. */
function checkStops(template: string, code: string | RegExp, at: string | undefined, limits?: Partial<RenderLimits>, maxMs = 3000): RenderResult {
  const started = Date.now();
  const result = render(template, limits);
  const elapsed = Date.now() - started;
  assert.ok(result.error, `no error for ${template.slice(0, 80)}`);
  if (typeof code === 'string') assert.equal(result.error.code, code, result.error.message);
  else assert.match(result.error.code, code, result.error.message);
  if (at !== undefined) assert.equal(template.slice(result.error.start, result.error.end), at);
  assert.ok(elapsed < maxMs, `took ${elapsed} ms`);
  assert.equal(render('#set($x = 1)ok$x').output, 'ok1', 'the next render works');
  return result;
}

test('limits: the defaults', () => {
  assert.deepEqual(
    { ...DEFAULT_RENDER_LIMITS },
    { timeMs: 2000, outputChars: 10 * 1024 * 1024, loopIterations: 1_000_000, macroDepth: 20, foreachIterations: 1000, collectionItems: 1_000_000 },
  );
});

test('limits: nested loops over enormous ranges stop at the range', () => {
  const template = '#foreach($i in [1..100000000])#foreach($j in [1..100000000])x#end#end';
  checkStops(template, 'vtl-range-limit', '#foreach($i in [1..100000000])');
});

test('limits: nested loops within the range bound stop at the iteration bound', () => {
  const template = 'a\n#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..1000])x#end#end#end';
  checkStops(template, 'vtl-loop-limit', '#foreach($k in [1..1000])', { loopIterations: 100_000 });
});

test('limits: with the default bounds, a billion iterations stop within the time bound', () => {
  const template = '#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..1000])#set($x = $k)#end#end#end';
  checkStops(template, /^vtl-(loop|time)-limit$/, undefined, undefined, 6000);
});

test('limits: the time bound stops a slow render', () => {
  const template = '#foreach($i in [1..1000])#foreach($j in [1..1000])#set($x = "$i$j")#end#end';
  checkStops(template, 'vtl-time-limit', undefined, { timeMs: 50, foreachIterations: 0 }, 2000);
});

test('limits: API Gateway\'s 1,000 iterations per #foreach stop the loop with a warning', () => {
  const result = render('#foreach($i in [1..1500])#set($last = $i)#end$last');
  assert.equal(result.error, undefined);
  assert.equal(result.output, '1000');
  assert.deepEqual(result.warnings.map((w) => w.code), ['vtl-foreach-limit']);
  assert.equal(render('#foreach($i in [1..1500])#set($last = $i)#end$last', { foreachIterations: 0 }).output, '1500');
});

test('limits: exponential string growth stops at the output bound', () => {
  checkStops('#set($s = "ab")#foreach($i in [1..64])#set($s = "$s$s")#end$s', 'vtl-output-limit', '#set($s = "$s$s")', undefined, 10_000);
  checkStops('#set($s = "ab")#foreach($i in [1..64])#set($s = $s.concat($s))#end', 'vtl-output-limit', '$s.concat($s)');
  checkStops('#set($s = "ab")#foreach($i in [1..64])#set($s = $s.replace("a", $s))#end', 'vtl-output-limit', '$s.replace("a", $s)');
  checkStops('#set($s = "ab")#foreach($i in [1..64])#set($s = $s + $s)#end', 'vtl-output-limit', '#set($s = $s + $s)');
});

test('limits: a width, precision, repeat count or power that asks for a huge string stops at the output bound', () => {
  checkStops('#set($S = "")$S.format("%999999999s", "x")', 'vtl-output-limit', '$S.format("%999999999s", "x")');
  checkStops('#set($S = "")$S.format("%.999999999f", 1.5)', 'vtl-output-limit', '$S.format("%.999999999f", 1.5)');
  checkStops('#set($S = "ab")$S.repeat(999999999)', 'vtl-output-limit', '$S.repeat(999999999)');
  checkStops('#set($b = 92233720368547758070)$b.pow(999999999)', 'vtl-output-limit', '$b.pow(999999999)');
  checkStops('#set($x = 92233720368547758070 * 0.5)$x.setScale(999999999)', 'vtl-output-limit', '$x.setScale(999999999)');
});

test('limits: numbers that square themselves past a million digits stop the render', () => {
  checkStops('#set($b = 92233720368547758070)#foreach($i in [1..40])#set($b = $b * $b)#end', 'vtl-size-limit', '#set($b = $b * $b)', undefined, 5000);
  checkStops('#set($x = 92233720368547758070 * 0.5)#foreach($i in [1..40])#set($x = $x * $x)#end', 'vtl-size-limit', '#set($x = $x * $x)', undefined, 5000);
});

test('limits: list-by-list methods on huge lists stop at the time bound', () => {
  checkStops('#set($a = [1..200000])#set($b = [0..199999])$a.removeAll($b)', 'vtl-time-limit', undefined, { timeMs: 200 }, 3000);
  checkStops('#set($a = [1..200000])$a.containsAll([200000..1])', 'vtl-time-limit', undefined, { timeMs: 200 }, 3000);
});

test('limits: output grows past the bound', () => {
  checkStops('#foreach($i in [1..1000])#foreach($j in [1..1000])$i#end#end', 'vtl-output-limit', '$i', { outputChars: 100_000, foreachIterations: 0 });
});

test('limits: self-similar structures stop when printed, however they are printed', () => {
  const grow = '#set($l = [1])#foreach($i in [1..60])#set($l = [$l, $l])#end';
  const small = { outputChars: 100_000 };
  checkStops(`${grow}$l`, 'vtl-output-limit', '$l', small);
  checkStops(`${grow}$l.toString()`, 'vtl-output-limit', '$l.toString()', small);
  checkStops(`${grow}#if($l == "x")y#end`, 'vtl-output-limit', '#if($l == "x")', small);
  checkStops(`${grow}$util.escapeJavaScript($l)`, 'vtl-output-limit', '$util.escapeJavaScript($l)', small);
  checkStops(`${grow}$l`, 'vtl-output-limit', '$l', undefined, 10_000);
});

test('limits: lists and maps stop growing at the collection bound', () => {
  checkStops('#set($l = [1])#foreach($i in [1..64])#set($d = $l.addAll($l))#end', 'vtl-size-limit', '$l.addAll($l)');
  checkStops('#set($m = {})#foreach($i in [1..1000])#foreach($j in [1..1000])$m.put("$i:$j", 1)#end#end', 'vtl-size-limit', '$m.put("$i:$j", 1)', {
    collectionItems: 1_000,
  });
});

test('limits: a list that contains itself prints as Java does', () => {
  assert.equal(render('#set($l = [1])#set($d = $l.add($l))$l').output, '[1, (this Collection)]');
  assert.equal(render('#set($m = {})$m.put("me", $m)$m').output, '{me=(this Map)}');
});

test('limits: macro recursion stops at the macro depth', () => {
  checkStops('#macro(down $n)#down($n)#end\n#down(1)', 'vtl-macro-depth', '#down($n)');
  assert.equal(render('#macro(r $n)#if($n > 0)$n#set($m = $n - 1)#r($m)#end#end#r(19)').output, '19181716151413121110987654321');
});

test('limits: a catastrophic regular expression stops at its step budget', () => {
  const template = '#set($s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")$s.matches("(?:a|a)*?b")';
  checkStops(template, /^vtl-(regex-step|time)-limit$/, '$s.matches("(?:a|a)*?b")', undefined, 10_000);
});

test('limits: deep nesting is an error, not a crash', () => {
  const depth = 20_000;
  const result = render(`${'#if(true)'.repeat(depth)}x${'#end'.repeat(depth)}`);
  assert.ok(result.error === undefined ? result.output === 'x' : /^vtl-/.test(result.error.code));
  assert.equal(render('fine').output, 'fine');
});

test('limits: bad limit values fall back to the defaults', () => {
  const result = render('#foreach($i in [1..3])$i#end', { timeMs: Number.NaN, loopIterations: -1 });
  assert.equal(result.output, '123');
});
