// $util and $input as tables: escapeJavaScript, urlEncode/urlDecode, base64, parseJson, and the $input
// functions over one payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  base64Decode,
  base64Encode,
  createInputPayload,
  escapeJavaScript,
  jsonForTemplate,
  urlDecode,
  urlEncode,
  utilParseJson,
} from '../../shared/src/apigw/index';

test('escapeJavaScript follows Commons Lang 2.6', () => {
  const table: [string, string][] = [
    ['', ''],
    ['plain text 0010', 'plain text 0010'],
    ["it's", "it\\'s"],
    ['say "hi"', 'say \\"hi\\"'],
    ['a\\b', 'a\\\\b'],
    ['</script>', '<\\/script>'],
    ['line1\nline2\r\n\ttab\b\f', 'line1\\nline2\\r\\n\\ttab\\b\\f'],
    ['\u0000\u0001\u000b\u001f', '\\u0000\\u0001\\u000B\\u001F'],
    ['\u007f', '\u007f'],
    ['é ü ÿ', '\\u00E9 \\u00FC \\u00FF'],
    ['€ \u2028 \uabcd', '\\u20AC \\u2028 \\uABCD'],
    ['😀', '\\uD83D\\uDE00'],
    ['\ud800', '\\uD800'],
  ];
  for (const [input, expected] of table) assert.equal(escapeJavaScript(input), expected, JSON.stringify(input));
});

test('urlEncode follows java.net.URLEncoder with UTF-8', () => {
  const table: [string, string][] = [
    ['', ''],
    ['some raw data', 'some+raw+data'],
    ['{"some": "value"}', '%7B%22some%22%3A+%22value%22%7D'],
    ['*-._~', '*-._%7E'],
    ['é€😀', '%C3%A9%E2%82%AC%F0%9F%98%80'],
    ['a\ud800b', 'a%3Fb'],
  ];
  for (const [input, expected] of table) assert.equal(urlEncode(input), expected, JSON.stringify(input));
});

test('urlDecode follows java.net.URLDecoder with UTF-8, errors included', () => {
  const table: [string, string][] = [
    ['Rock+%26+Roll', 'value Rock & Roll'],
    ['Rock%2b%26%2bRoll', 'value Rock+&+Roll'],
    ['%C3%A9%e2%82%ac', 'value é€'],
    ['%C3', 'value \ufffd'],
    ['%ED%A0%80', 'value \ufffd'],
    ['100%', 'error URLDecoder: Incomplete trailing escape (%) pattern'],
    ['%4', 'error URLDecoder: Incomplete trailing escape (%) pattern'],
    ['%zz', 'error URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"'],
    ['%-1', 'error URLDecoder: Illegal hex characters in escape (%) pattern - negative value'],
    ['%+1', 'value \u0001'],
  ];
  for (const [input, expected] of table) {
    const result = urlDecode(input);
    assert.equal(result.ok ? `value ${result.value}` : `error ${result.error.message}`, expected, input);
  }
});

test('base64Encode and base64Decode follow java.util.Base64 over UTF-8', () => {
  assert.equal(base64Encode('hello'), 'aGVsbG8=');
  assert.equal(base64Encode('é😀'), 'w6nwn5iA');
  assert.equal(base64Encode('\ud800'), 'Pw==');
  const table: [string, string][] = [
    ['aGVsbG8=', 'value hello'],
    ['aGVsbG8', 'value hello'],
    ['eyJtZXNzYWdlIjogInBhdGgxIn0=', 'value {"message": "path1"}'],
    ['', 'value '],
    ['/w==', 'value \ufffd'],
    ['a', 'error Input byte[] should at least have 2 bytes for base64 bytes'],
    ['aGVsbG8=\n', 'error Input byte array has incorrect ending byte at 8'],
    ['aGV sbG8=', 'error Illegal base64 character 20'],
    ['-w==', 'error Illegal base64 character 2d'],
    ['aé==', 'error Illegal base64 character -17'],
    ['a===', 'error Last unit does not have enough valid bits'],
    ['QQ=a', 'error Input byte array has wrong 4-byte ending unit'],
    ['=QQ=', 'error Input byte array has wrong 4-byte ending unit'],
    ['aGVsb', 'error Last unit does not have enough valid bits'],
  ];
  for (const [input, expected] of table) {
    const result = base64Decode(input);
    assert.equal(result.ok ? `value ${result.value}` : `error ${result.error.message}`, expected, input);
  }
});

test('$util.parseJson: a value, or a template error with an offset', () => {
  const parsed = utilParseJson('{"key2": {"arr": [1, 2]}}');
  assert.ok(parsed.ok);
  assert.equal(jsonForTemplate(parsed.value), '{"key2":{"arr":[1,2]}}');
  assert.deepEqual(utilParseJson('{"a":'), { ok: false, error: { message: 'invalid JSON: the text ends where a value should start', offset: 5 } });
  assert.equal(utilParseJson('').ok, false);
});

test('$input over a payload: body, path and json, for JSON, empty and non-JSON bodies', () => {
  const check = (body: string, call: string, expected: string): void => {
    const input = createInputPayload(body);
    const [, fn, argument] = /^(body|path|json)(?:\('(.*)'\))?$/.exec(call)!;
    let actual: string;
    if (fn === 'body') actual = input.body;
    else {
      const result = fn === 'path' ? input.path(argument) : input.json(argument);
      if (!result.ok) actual = `error@${result.error.offset} ${result.error.message}`;
      else actual = result.value === undefined ? 'missing' : typeof result.value === 'string' ? result.value : jsonForTemplate(result.value);
    }
    assert.equal(actual, expected, `${JSON.stringify(body)} ${call}`);
  };
  check('', 'body', '{}');
  check('', "path('$')", '{}');
  check('', "path('$.myVar')", 'missing');
  check('', "json('$.myVar')", '""');
  check('not json', 'body', 'not json');
  check('not json', "path('$.myVar')", 'missing');
  check('not json', "json('$')", '""');
  check('{"a":{"b":[1,2.50,"x"]}}', "path('$.a.b[2]')", 'x');
  check('{"a":{"b":[1,2.50,"x"]}}', "json('$.a.b[2]')", '"x"');
  check('{"a":{"b":[1,2.50,"x"]}}', "json('$.a')", '{"b":[1,2.5,"x"]}');
  check('{"a":{"b":[1,2.50,"x"]}}', "json('$.a.b[*]')", '[1,2.5,"x"]');
  check('{"a":{"b":[1,2.50,"x"]}}', "path('$.a.c')", 'missing');
  check('"#foobar123"', "json('$.message')", '""');
  check('{"a":1}', "path('$.a[')", "error@3 unclosed '['");
  assert.deepEqual(createInputPayload('{"a":').bodyError(), { message: 'invalid JSON: the text ends where a value should start', offset: 5 });
  assert.equal(createInputPayload('{"a":1}').bodyError(), undefined);
});
