// The variables API Gateway gives a template ($input, $util, $context, $stageVariables), how Java values
// from JSON print, `responseOverride`, and where errors and warnings point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate, type RenderResult, type TemplateInput } from '../../shared/src/vtl/render/index';

// Written out: JSON.stringify would turn 2.0 into 2 and move the key "1" before "2".
const BODY =
  '{"name":"O\'Brien \\"Bob\\"","items":[{"id":1,"price":1.5,"tags":["a","b"]},{"id":2,"price":2.0,"tags":[]}],' +
  '"nested":{"2":"two","1":"one","url":"http://x/y"},"big":1.0e10,"small":0.00001,"whole":3.0,"nothing":null,"flag":false}';

function render(template: string, extra: Partial<TemplateInput> = {}): RenderResult {
  return renderTemplate({
    template,
    body: BODY,
    params: { path: { id: '42' }, querystring: { q: 'search term', id: 'shadowed' }, header: { Accept: 'application/json', 'X-Trace': 't-1' } },
    context: { requestId: 'req-1', identity: { sourceIp: '1.2.3.4' }, responseOverride: { header: {} }, requestOverride: { header: {}, path: {}, querystring: {} } },
    stageVariables: { env: 'prod', 'table-name': 'pets' },
    ...extra,
  });
}

function check(template: string, expected: string, extra: Partial<TemplateInput> = {}): void {
  const result = render(template, extra);
  assert.equal(result.error, undefined, `${template}: ${JSON.stringify(result.error)}`);
  assert.equal(result.output, expected, template);
}

const CASES: [template: string, expected: string][] = [
  // $input.path: Java values (maps print {k=v}, JSON arrays print as JSON, doubles as Java prints them)
  ["$input.path('$.items[0]')", '{id=1, price=1.5, tags=["a","b"]}'],
  ["$input.path('$.items[1].price') $input.path('$.big') $input.path('$.small') $input.path('$.whole')", '2.0 1.0E10 1.0E-5 3.0'],
  ["$input.path('$.nested')", '{2=two, 1=one, url=http://x/y}'],
  ["$input.path('$.items[*].id') $input.path('$.items[*].id').size()", '[1,2] 2'],
  ["$input.path('$.items')[0].tags.get(1) $input.path('$.items').get(1).tags.isEmpty()", 'b true'],
  ["$input.path('$.nested.url') $input.path('$..tags')", 'http://x/y [["a","b"],[]]'],
  ["[$input.path('$.nothing')][$input.path('$.missing')][$input.path('$.missing.deeper')]", '[][][]'],
  ["#if($input.path('$.flag'))t#{else}f#end #if($input.path('$.nothing') == \"\")empty#end", 'f empty'],
  ["#foreach($item in $input.path('$.items'))$item.id:$item.tags.size()#if($foreach.hasNext),#end#end", '1:2,2:0'],
  ["#set($m = $input.path('$.nested'))#foreach($k in $m.keySet())$k=$m.get($k);#end", '2=two;1=one;url=http://x/y;'],
  // $input.json: JSON text
  ["$input.json('$.name') $input.json('$.items[1]') $input.json('$.missing')", '"O\'Brien \\"Bob\\"" {"id":2,"price":2.0,"tags":[]} ""'],
  ["$input.json('$.nested')", '{"2":"two","1":"one","url":"http://x/y"}'],
  // $input.body and params
  ['$input.body.length() $input.body.substring(0, 8)', `${BODY.length} {"name":`],
  ["$input.params('id') $input.params('q') $input.params('X-Trace') [$input.params('nope')]", '42 search term t-1 []'],
  ['$input.params().path $input.params().querystring.q $input.params().header.get("Accept")', '{id=42} search term application/json'],
  ['#foreach($name in $input.params().header.keySet())$name;#end', 'Accept;X-Trace;'],
  // $util
  ["$util.escapeJavaScript($input.path('$.name'))", 'O\\\'Brien \\"Bob\\"'],
  ["$util.escapeJavaScript($input.path('$.name')).replaceAll(\"\\\\'\", \"'\")", 'O\'Brien \\"Bob\\"'],
  ["[$util.escapeJavaScript($input.path('$.nothing'))][$util.urlEncode($nothing)]", '[][]'],
  // urlEncode(null) is "" (recorded), a String: a method on it works; escapeJavaScript(null) stays null.
  ["$util.urlEncode($nothing).length()|$util.urlDecode($nothing).isEmpty()|$util.base64Decode($nothing).length()|[$util.escapeJavaScript($nothing).length()]", '0|true|0|[]'],
  ["$util.escapeJavaScript($input.path('$.nested'))", '{2=two, 1=one, url=http:\\/\\/x\\/y}'],
  ["$util.urlEncode('a b&c=d/é') $util.urlDecode('a+b%26c') $util.base64Encode('hé') $util.base64Decode('aMOp')", 'a+b%26c%3Dd%2F%C3%A9 a b&c aMOp hé'],
  ["#set($o = $util.parseJson($input.json('$.nested')))$o.url $o.size() #set($l = $util.parseJson('[1, 2.0, {\"k\": [true]}]'))$l $l.get(2).k", 'http://x/y 3[1,2.0,{"k":[true]}] [true]'],
  // $context and $stageVariables
  ['$context.requestId $context.identity.sourceIp $context["requestId"] $context.get("requestId")', 'req-1 1.2.3.4 req-1 req-1'],
  ["$stageVariables.env $stageVariables['table-name'] ${stageVariables['env']} $stageVariables.get('env')", 'prod pets prod prod'],
  // $input and $util print as themselves only by name; unknown members are null
  ['[$input.nope][$input.nope()][$util.nope("x")][$context.nope.deeper]', '[][][][]'],
];

for (const [template, expected] of CASES) {
  test(`variables: ${template}`, () => check(template, expected));
}

test('variables: an empty body is {} for $input.body and nothing for $input.path', () => {
  check("$input.body|$input.path('$.a')|$input.json('$.a')", '{}||""', { body: '' });
});

test('variables: a body that is not JSON finds nothing, with a warning', () => {
  const result = render("[$input.path('$.a')][$input.json('$')]", { body: 'not json' });
  assert.equal(result.output, '[][""]');
  assert.deepEqual(result.warnings.map((w) => w.code), ['vtl-body-not-json']);
});

test('variables: unknown members warn at the reference', () => {
  const template = 'a $util.nope("x") b $input.body.nope';
  const result = render(template);
  assert.equal(result.output, 'a  b ');
  assert.deepEqual(
    result.warnings.map((w) => [w.code, template.slice(w.start, w.end)]),
    [
      ['vtl-no-such-method', '$util.nope("x")'],
      ['vtl-no-such-property', '$input.body.nope'],
    ],
  );
});

test('variables: responseOverride status and headers come back in the context', () => {
  const result = render('#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Kind = "teapot")#set($context.requestOverride.querystring.page = "2")ok');
  assert.equal(result.output, 'ok');
  assert.deepEqual(result.context.responseOverride, { header: { 'X-Kind': 'teapot' }, status: 418 });
  assert.deepEqual((result.context.requestOverride as Record<string, unknown>).querystring, { page: '2' });
  assert.equal(result.context.requestId, 'req-1');
});

test('variables: a context without override maps gets them, so overrides can be set', () => {
  const result = render('#set($context.responseOverride.status = 202)', { context: {} });
  assert.deepEqual(result.context.responseOverride, { status: 202, header: {} });
});

test('variables: setting one override twice is an error at the second #set (SEMANTICS 9.5)', () => {
  const template = '#set($context.responseOverride.status = 400)\n#set($context.responseOverride.status = 500)';
  const result = render(template);
  assert.equal(result.error?.code, 'vtl-override-twice');
  assert.equal(template.slice(result.error.start, result.error.end), '#set($context.responseOverride.status = 500)');
  const viaPut = render('#set($h = $context.responseOverride.header)$h.put("A", "1")$h.put("A", "2")');
  assert.equal(viaPut.error?.code, 'vtl-override-twice');
  check('#set($context.responseOverride.header.A = "1")#set($context.responseOverride.header.B = "2")#set($context.responseOverride.custom = 1)#set($context.responseOverride.custom = 2)ok', 'ok');
});

test('variables: a Java exception is the error, at the failing call', () => {
  const template = "line one\n#set($x = $input.path('$.name').substring(40))";
  const result = render(template);
  assert.equal(result.error?.code, 'vtl-java-exception');
  assert.match(result.error.message, /^java\.lang\.StringIndexOutOfBoundsException/);
  assert.equal(template.slice(result.error.start, result.error.end), "$input.path('$.name').substring(40)");
  assert.equal(result.output, '');
});

test('variables: invalid JSON for $util.parseJson, a bad JSONPath and a bad regex are Java exceptions', () => {
  for (const [template, exception] of [
    ['$util.parseJson("{oops")', 'net.minidev.json.parser.ParseException'],
    ["$input.path('$.[')", 'com.jayway.jsonpath.InvalidPathException'],
    ['#set($s = "x")$s.matches("(")', 'java.util.regex.PatternSyntaxException'],
    ['#set($s = "x")$s.replaceAll("x", "$2")', 'java.lang.IndexOutOfBoundsException'],
    ["$util.urlDecode('%zz')", 'java.lang.IllegalArgumentException'],
  ]) {
    const result = render(template);
    assert.equal(result.error?.code, 'vtl-java-exception', template);
    assert.ok(result.error.message.startsWith(exception), `${template}: ${result.error.message}`);
  }
});

test('variables: a template that does not parse is an error with its position', () => {
  const template = 'ok\n#if($a)\nno end';
  const result = render(template);
  assert.equal(result.error?.severity, 'error');
  assert.ok(result.error.start >= 0 && result.error.end <= template.length && result.error.start <= result.error.end);
  assert.equal(result.output, '');
});

test('variables: #include and #parse are errors when they run', () => {
  const result = render('before #parse("other.vtl") after');
  assert.equal(result.error?.code, 'vtl-unsupported-directive');
});

test('variables: #evaluate renders text as a template with the same variables', () => {
  check('#set($t = "$stageVariables.env:#if(true)yes#end")#evaluate($t) #evaluate(\'$context.requestId\')', 'prod:yes req-1');
});

test('variables: renders are deterministic', () => {
  const template = '#foreach($i in $input.path("$.items"))$i $foreach.index #end$input.params() $context';
  assert.equal(render(template).output, render(template).output);
});
