// The oracle's own set-up, checked on hand-picked templates: Velocity 1.7 with API Gateway's value
// types and null handling. If these fail, differential results mean nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { HARNESS_CRASH, VelocityOracle, type OracleCase, type OracleResult } from './java-oracle';
import { BARE_REFERENCE_CASES, CONTEXT_CASES, DEFINE_CASES, FAILS, PREFIX_CASES, STRING_CASES, UNKNOWN_CALL_CASES } from '../unit/vtl-jar-checked-cases';

const nullList = '{"json": {"listValue": null}}';
const emptyList = '{"json": {"listValue": []}}';
const recordedNullTemplate =
  '#set($result = $input.path("$.json.listValue")){"body": $result, "nested": $result.nested, "isNull": #if( $result == $null )"true"#else"false"#end, "isEmptyString": #if( $result == "" )"true"#else"false"#end}';

/** [what it shows, template, body, expected output (or `error:` + exception class)] */
const table: [string, string, string, string][] = [
  // Recorded on AWS (tmpl-input-path-nested-null-list / -empty-list).
  ['JSON null prints nothing and equals both $null and ""', recordedNullTemplate, nullList,
    '{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}'],
  ['an empty JSON array prints [] and equals neither', recordedNullTemplate, emptyList,
    '{"body": [], "nested": , "isNull": "false", "isEmptyString": "false"}'],
  // Recorded on AWS (tmpl-input-path-*): objects print as Java maps, arrays as compact JSON.
  ['a JSON object prints as a Java map', '$input.path("$.json")', '{"json": {"bigger": "dict", "to": "test", "with": "separators"}}',
    '{bigger=dict, to=test, with=separators}'],
  ['an array in a map prints as compact JSON', '$input.path("$.json").toString()', '{"json": {"list": [{"foo": "bar"}]}}',
    '{list=[{"foo":"bar"}]}'],
  ['an object taken from an array prints as a map', '#set($r = $input.path("$.json"))$r[0]', '{"json": [{"foo": "bar"}]}', '{foo=bar}'],
  ['json-smart escapes / in compact JSON', '$input.path("$.a")', '{"a": ["x/y", "\\u2028"]}', '["x\\/y","\\u2028"]'],
  ['$input.json writes / as is (Jayway\'s json-smart provider: LT_COMPRESS)', '$input.json("$.a")', '{"a": ["x/y", "\\u2028"]}', '["x/y","\\u2028"]'],
  ['$input.json is compact JSON', "$input.json('$.a')", '{"a": {"b": [1, 2.5, true, null]}}', '{"b":[1,2.5,true,null]}'],
  ['$input.json of a missing path is "" (conformance scenario, LocalStack)', "$input.json('$.missing')", '{"a": 1}', '""'],
  ['$input.body is the raw text; empty reads {}', '$input.body|', '', '{}|'],
  ['integers are Integer, then Long', "#set($n = $input.path('$.n'))#set($m = $n + 1)$m", '{"n": 2147483647}', '2147483648'],
  ['JSON decimals are Double', "$input.path('$.d')", '{"d": 1.0}', '1.0'],
  ['a missing reference prints nothing, quiet or not', '[$nothing|$!nothing|${nothing}|$nothing.foo()]', '{}', '[|||]'],
  ['an escaped missing reference stays as written', '\\$nothing', '{}', '\\$nothing'],
  ['null is not equal to a non-empty string', "#if($nothing == 'x')eq#else ne#end", '{}', ' ne'],
  ['null != "" is false under the same rule', '#if($nothing != "")ne#else eq#end', '{}', ' eq'],
  ['two nulls are equal (plain 1.7)', '#if($a == $b)eq#end', '{}', 'eq'],
  ['numbers compare across types', '#if(1 == 1.0)eq#end', '{}', 'eq'],
  ['mixed types compare as text (plain 1.7)', "#if(1 == '1')eq#end", '{}', 'eq'],
  ['integer division and null on division by zero', '#set($a = 7 / 2)$a|#set($b = 7 / 0)$b|', '{}', '3||'],
  ['#set with a null value leaves the variable alone', "#set($x = 1)#set($x = $input.path('$.none'))$x", '{"none": null}', '1'],
  ['macros stay local to their template', '#macro(twice $v)$v$v#end#twice(4)', '{}', '44'],
  ['a macro from an earlier case is not defined here', '#twice(4)', '{}', '#twice(4)'],
  ['$util.escapeJavaScript is Commons Lang 2.6', "$util.escapeJavaScript($input.path('$.s'))", '{"s": "a\'b\\"c/\\u00e9\\n"}',
    "a\\'b\\\"c\\/\\u00E9\\n"],
  ['$input.params looks in path, query string, then headers', "$input.params('id')|$input.params('q')|$input.params('none')|", '{}', '7|x||'],
  ['a parse error is reported with its exception class', '#if(true)x', '{}', 'error:org.apache.velocity.runtime.parser.TemplateParseException'],
  ['output past 10 MB is an error, as in the renderer under test', '#set($s = "0123456789")#foreach($i in [1..21])#set($s = "$s$s")#end$s', '{}', 'error:BoundedWriter$OutputLimitExceeded'],
  ['a method that throws is reported', "#set($s = 'abc')$s.substring(5)", '{}', 'error:org.apache.velocity.exception.MethodInvocationException'],
];

// Started by the first test, so a machine without Java fails each test with the install hint.
let running: VelocityOracle | undefined;
const oracle = { render: (cases: OracleCase[]) => (running ??= VelocityOracle.start()).render(cases) };
after(() => running?.close());

function shown(result: OracleResult): string {
  return 'output' in result ? result.output : `error:${result.error}`;
}

test('Velocity 1.7 set up like API Gateway renders the hand-picked templates as recorded', async () => {
  const cases: OracleCase[] = table.map(([, template, body]) => ({
    template,
    body,
    params: { path: { id: '7' }, querystring: { q: 'x', id: 'shadowed' }, header: {} },
  }));
  const results = await oracle.render(cases);
  const mismatches = table
    .map(([what, template, , expected], i) => ({ what, template, expected, actual: shown(results[i]) }))
    .filter((row) => row.actual !== row.expected);
  assert.deepEqual(mismatches, []);
});

test('Velocity 1.7 renders the jar-checked cases as the renderer\'s unit tables expect', async () => {
  const cases = [...CONTEXT_CASES, ...BARE_REFERENCE_CASES, ...DEFINE_CASES, ...STRING_CASES, ...UNKNOWN_CALL_CASES, ...PREFIX_CASES];
  const results = await oracle.render(cases.map(([, template]) => ({ template, body: '{}' })));
  const mismatches = cases.map(([what, template, expected], i) => ({ what, template, expected, actual: 'error' in results[i] ? FAILS : shown(results[i]) })).filter(
    (row) => row.actual !== row.expected,
  );
  assert.deepEqual(mismatches, []);
});

test('one process renders many cases in order', async () => {
  const cases: OracleCase[] = Array.from({ length: 500 }, (_, i) => ({ template: `#set($i = ${i})$i`, body: '{}' }));
  const results = await oracle.render(cases);
  assert.deepEqual(results.map(shown), cases.map((_, i) => String(i)));
});

test('text survives the round trip: non-ASCII, astral, lone surrogates, control characters', async () => {
  const text = 'é😀\ud800\u0001\r\n\t"\\';
  const [result] = await oracle.render([{ template: "$input.path('$.t')", body: JSON.stringify({ t: text }) }]);
  assert.deepEqual(result, { output: text });
});

test('a case that kills the Java process answers HarnessCrash; the cases after it are rendered by a new one', async () => {
  const own = VelocityOracle.start();
  try {
    // The first case runs until the harness's 5 s limit, so the process is stopped while it renders it.
    const slow: OracleCase = { template: '#foreach($i in [1..100000])#foreach($j in [1..100000])#end#end', body: '{}' };
    const batch = own.render([slow, { template: '#set($a = 2)$a', body: '{}' }, { template: 'x', body: '{}' }]);
    await new Promise((r) => setTimeout(r, 300));
    process.kill(own.processId!, 'SIGKILL');
    const [first, second, third] = await batch;
    assert.equal('error' in first && first.error, HARNESS_CRASH);
    assert.deepEqual([second, third], [{ output: '2' }, { output: 'x' }]);
    assert.deepEqual(await own.render([{ template: 'y', body: '{}' }]), [{ output: 'y' }]);
  } finally {
    own.close();
  }
});
