// Templates come from repositories users clone: whatever a template writes, it reaches only the values
// the engine hands it. Each attempt below must fail (render nothing, or stop with an error) without
// reaching JavaScript prototypes, functions, `process`, `require`, `globalThis` or the file system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate, type RenderResult } from '../../shared/src/vtl/render/index';

function render(template: string, body = '{"a": {"b": [1, 2]}, "s": "text"}', context: Record<string, unknown> = { stage: 'dev' }): RenderResult {
  return renderTemplate({ template, body, params: { path: {}, querystring: { q: 'x' }, header: {} }, context, stageVariables: { env: 'dev' } });
}

/** Text that only JavaScript internals could have produced. */
const LEAK = /function|native code|\[object|prototype|process|require|globalThis|=>|Symbol|undefined|NaN/;

const ESCAPES: [name: string, template: string][] = [
  ['constructor of a string', '#set($s = "x")$s.constructor'],
  ['Function through constructor.constructor', '#set($s = "x")$s.constructor.constructor("return process").call()'],
  ['constructor of a number', '#set($n = 1)$n.constructor.name'],
  ['__proto__ of a map', '#set($m = {})$m.__proto__'],
  ['__proto__ by index', '#set($m = {})$m["__proto__"]'],
  ['prototype of a list', '#set($l = [])$l.constructor.prototype'],
  ['JS array methods', '#set($l = [3, 1])$l.map($l)$l.join(",")$l.push(9)$l.concat($l)$l.at(0)$l.filter($l)'],
  ['JS string methods', '#set($s = "abc")$s.padStart(9)$s.at(0)$s.codePointAt(0)$s.normalize()$s.localeCompare("b")$s.valueOf()'],
  ['JS number methods', '#set($n = 1.5)$n.toFixed(2)$n.toPrecision(2)$n.valueOf()'],
  ['Function.prototype.call on a host method', "$input.json.call($input, '$')$input.path.apply($input)$util.escapeJavaScript.bind($util)"],
  ['host object internals', '$input.methods$input.properties$input.javaString$util.methods.escapeJavaScript$input.hasOwnProperty("json")'],
  ['eval on a host object', '$input.eval("$util")$util.eval("1")$context.eval("x")'],
  ['Java reflection', '#set($s = "x")$s.getClass()$s.getClass().forName("java.lang.Runtime")$s.class.forName("java.lang.Runtime")$input.getClass().getClassLoader()'],
  ['globals by name', '$process$require$globalThis$global$this$module$exports$Function$Object$console$Buffer'],
  ['calling a global', '$require("fs")$process.exit(1)$globalThis.process'],
  ['map entry internals', '#set($m = {"a": 1})#foreach($e in $m.entrySet())$e.map$e.constructor$e.__proto__#end'],
  ['$foreach scope internals', '#foreach($i in [1])$foreach.methods$foreach.constructor$foreach.properties#end'],
  ['toString of functions', '$input.json.toString()$util.toString.toString()'],
  ['#evaluate of an escape', '#evaluate("$input.constructor.constructor(\'return process\').call()")'],
  ['a macro named like a prototype member', '#macro(constructor)C#end#macro(toString)T#end#__proto__()#hasOwnProperty()'],
];

for (const [name, template] of ESCAPES) {
  test(`sandbox: ${name} reaches nothing`, () => {
    const result = render(template);
    assert.doesNotMatch(result.output, LEAK, result.output);
    if (result.error) assert.doesNotMatch(result.error.message, /process|require|globalThis/);
  });
}

test('sandbox: the printable escapes render as nothing at all', () => {
  for (const template of ['#set($s = "x")$s.constructor', '#set($m = {})$m.__proto__', '$process$require$globalThis', '$input.json.call($input, "$")']) {
    assert.equal(render(template).output, '', template);
  }
});

test('sandbox: #set cannot write through __proto__ or constructor', () => {
  const templates = [
    '#set($m = {})#set($m.__proto__.polluted = "yes")',
    '#set($m = {})#set($m["__proto__"]["polluted"] = "yes")',
    '#set($l = [])#set($l.constructor.prototype.polluted = "yes")',
    '#set($s = "x")#set($s.constructor.prototype.polluted = "yes")',
    '#set($context.__proto__.polluted = "yes")',
    '#set($input.constructor.prototype.polluted = "yes")',
    '#set($__proto__ = {"polluted": "yes"})#set($constructor = "x")#set($prototype = 1)',
    '#set($o = {"__proto__": {"polluted": "yes"}})$o',
    '#define($__proto__)x#end$__proto__',
  ];
  for (const template of templates) render(template);
  const probe: Record<string, unknown> = {};
  assert.equal(probe.polluted, undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  assert.equal(Object.prototype.hasOwnProperty.call(Array.prototype, 'polluted'), false);
  assert.equal(Object.prototype.hasOwnProperty.call(String.prototype, 'polluted'), false);
});

test('sandbox: a map key named __proto__ is only a key', () => {
  const result = render('#set($m = {})$m.put("__proto__", "v")$m.get("__proto__") $m $m.keySet()');
  assert.equal(result.output, 'v {__proto__=v} [__proto__]');
});

test('sandbox: rendering leaves the caller\'s objects and velocityjs\'s hosts untouched', () => {
  const context = { stage: 'dev', responseOverride: { header: {} }, nested: { list: [1] } };
  const before = JSON.stringify(context);
  const result = render('#set($context.stage = "prod")#set($context.responseOverride.status = 418)$context.nested.list.add(2)$input.json("$")', undefined, context);
  assert.equal(JSON.stringify(context), before, 'the input context is not mutated');
  assert.equal(result.context.stage, 'prod');
  assert.deepEqual((result.context.nested as { list: number[] }).list, [1, 2]);
  assert.equal((result.context.responseOverride as { status: number }).status, 418);
});

test('sandbox: method calls do not plant an `eval` on host objects or data (velocityjs pollution)', () => {
  const result = render('#set($d = $input.path("$.a"))$d.containsKey("b")$d.hasOwnProperty("b")|$d.keySet()|#set($m = {"k": 1})$m.size()$m.keySet()');
  assert.equal(result.output, 'true|[b]|1[k]');
});

test('sandbox: every render starts fresh (no state from an earlier render)', () => {
  render('#set($leak = "secret")#macro(leaked)L#end#stop');
  const result = render('[$leak]#leaked()');
  assert.equal(result.output, '[]#leaked()');
});
