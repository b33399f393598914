// JSON as API Gateway templates see it: json-smart number types, key order, $input.json serialization,
// and Jayway JSONPath evaluation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JavaNumber,
  compileJsonPath,
  evaluateJsonPath,
  exactJavaDoubleText,
  jsonForTemplate,
  javaDoubleText,
  javaNumberText,
  parseJsonForTemplate,
  type JsonValue,
} from '../../shared/src/apigw/index';

function parse(text: string): JsonValue {
  const result = parseJsonForTemplate(text);
  assert.ok(result.ok, `${text} parses`);
  return result.value;
}

test('JSON numbers keep the Java type json-smart gives them', () => {
  const check = (literal: string, javaType: string, javaText: string): void => {
    const value = parse(literal);
    const actualType = value instanceof JavaNumber ? value.javaType : Number.isInteger(value) ? 'Integer or Long' : 'Double';
    assert.deepEqual([actualType, javaNumberText(value as number | JavaNumber)], [javaType, javaText], literal);
  };
  check('0', 'Integer or Long', '0');
  check('-0', 'Integer or Long', '0');
  check('2147483648', 'Integer or Long', '2147483648');
  check('9007199254740993', 'Long', '9007199254740993');
  check('-9223372036854775808', 'Long', '-9223372036854775808');
  check('9223372036854775808', 'BigInteger', '9223372036854775808');
  check('1.5', 'Double', '1.5');
  check('1.0', 'Double', '1.0');
  check('1e3', 'Double', '1000.0');
  check('1E10', 'Double', '1.0E10');
  check('0.0001', 'Double', '1.0E-4');
  check('-0.0', 'Double', '-0.0');
  check('12345678.9', 'Double', '1.23456789E7');
  check('3.14159265358979323846', 'BigDecimal', '3.14159265358979323846');
  check('1.50000000000000000000e30', 'BigDecimal', '1.50000000000000000000E+30');
  check('0.000000000000000000001', 'BigDecimal', '1E-21');
});

test('Double.toString formatting', () => {
  const table: [number, string][] = [
    [1, '1.0'], [0.001, '0.001'], [9999999, '9999999.0'], [1e7, '1.0E7'], [1.25e-7, '1.25E-7'],
    [-2.5e21, '-2.5E21'], [NaN, 'NaN'], [-Infinity, '-Infinity'],
  ];
  for (const [n, text] of table) assert.equal(javaDoubleText(n), text, String(n));
});

test("Double.toString's fast path agrees with the exact digit generation", () => {
  const view = new DataView(new ArrayBuffer(8));
  let state = 7;
  const next = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const differences: string[] = [];
  for (let i = 0; i < 40000; i++) {
    let d: number;
    if (i % 3 === 0) {
      view.setUint32(0, next());
      view.setUint32(4, next());
      d = view.getFloat64(0);
      if (!Number.isFinite(d)) continue;
    } else if (i % 3 === 1) {
      d = (next() % 10 ** 7) / 10 ** (next() % 6);
    } else {
      d = 2 ** ((next() % 200) - 100) * (1 + (next() % 8) / 8);
    }
    if (javaDoubleText(d) !== exactJavaDoubleText(d)) differences.push(`${d}: ${javaDoubleText(d)} vs ${exactJavaDoubleText(d)}`);
  }
  assert.deepEqual(differences.slice(0, 10), []);
});

test('objects keep their key order, integer-like keys included; the last duplicate wins in place', () => {
  const value = parse('{"b":1,"2":2,"a":{"z":0,"1":1},"b":3}');
  assert.equal(jsonForTemplate(value), '{"b":3,"2":2,"a":{"z":0,"1":1}}');
});

test('empty text is not JSON; __proto__ is an ordinary key', () => {
  assert.deepEqual(parseJsonForTemplate(''), { ok: false, error: { message: 'invalid JSON: the text ends where a value should start', offset: 0 } });
  const value = parse('{"__proto__":{"polluted":true}}');
  assert.equal(jsonForTemplate(value), '{"__proto__":{"polluted":true}}');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('invalid JSON is an error at the offending offset, never an exception', () => {
  const check = (text: string, offset: number, fragment: string): void => {
    const result = parseJsonForTemplate(text);
    assert.ok(!result.ok, `${JSON.stringify(text)} is rejected`);
    assert.equal(result.error.offset, offset, `${JSON.stringify(text)}: ${result.error.message}`);
    assert.match(result.error.message, new RegExp(fragment));
  };
  check('not json', 0, "unexpected 'n'");
  check('{"a":1,}', 7, 'quoted member name');
  check('{"a" 1}', 5, "':'");
  check('[1 2]', 3, "',' or ']'");
  check('{wrongjson', 1, 'quoted member name');
  check('"abc', 0, 'unterminated string');
  check('"a\nb"', 2, 'control character');
  check('"\\x"', 1, 'invalid escape');
  check('01', 0, 'cannot start with 0');
  check('1.', 2, 'after the decimal point');
  check('{"a":1} x', 8, 'after the JSON value');
  check('   ', 3, 'ends where a value should start');
  check('['.repeat(5000), 400, 'nested more than 400');
});

test('$input.json serialization: compact, json-smart escapes, Java numbers, missing as ""', () => {
  const check = (text: string, expected: string): void => assert.equal(jsonForTemplate(parse(text)), expected, text);
  check('{"a": [1, 2.0, "x"], "b": null, "c": true}', '{"a":[1,2.0,"x"],"b":null,"c":true}');
  check('"foobar"', '"foobar"');
  check('"a/b\\"c\\\\d\\n\\u0001\\u007f\\u2028é😀"', '"a/b\\"c\\\\d\\n\\u0001\\u007F\\u2028é😀"');
  check('1E400', 'null');
  assert.equal(jsonForTemplate(undefined), '""');
});

const DOCUMENT = `{
  "store": {
    "book": [
      {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
      {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
      {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
      {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99}
    ],
    "bicycle": {"color": "red", "price": 19.95}
  },
  "a b": 1,
  "expensive": 10,
  "nothing": null,
  "text": "abc"
}`;

test('JSONPath: definite paths give one value or missing; indefinite paths give a list', () => {
  const doc = parse(DOCUMENT);
  const check = (path: string, expected: string, definite: boolean): void => {
    const result = evaluateJsonPath(doc, path);
    assert.ok(result.ok, `${path}: ${!result.ok ? result.error.message : ''}`);
    assert.equal(result.definite, definite, `${path} definite`);
    assert.equal(result.found ? jsonForTemplate(result.value) : 'missing', expected, path);
  };
  check('$.store.bicycle.color', '"red"', true);
  check("$['store']['bicycle']", '{"color":"red","price":19.95}', true);
  check('$["a b"]', '1', true);
  check('$.store.book[0].author', '"Nigel Rees"', true);
  check('$.store.book[-1].title', '"The Lord of the Rings"', true);
  check('$.store.book[9].title', 'missing', true);
  check('$.store.missing.color', 'missing', true);
  check('$.text.length', 'missing', true);
  check('$.nothing', 'null', true);
  check('store.bicycle.price', '19.95', true);
  check('$', jsonForTemplate(doc), true);
  check('$.store.book[0,2].price', '[8.95,8.99]', false);
  check('$.store.book[1:3].price', '[12.99,8.99]', false);
  check('$.store.book[:2].price', '[8.95,12.99]', false);
  check('$.store.book[-2:].price', '[8.99,22.99]', false);
  check('$.store.book[2:].price', '[8.99,22.99]', false);
  check('$.store.book[*].isbn', '["0-553-21311-3","0-395-19395-8"]', false);
  check('$.store.bicycle.*', '["red",19.95]', false);
  check('$..price', '[8.95,12.99,8.99,22.99,19.95]', false);
  check('$..book[1].author', '["Evelyn Waugh"]', false);
  check('$.store.book[?(@.price < 10)].title', '["Sayings of the Century","Moby Dick"]', false);
  check("$.store.book[?(@.author == 'Herman Melville')].price", '[8.99]', false);
  check('$.store.book[?(@.isbn)].title', '["Moby Dick","The Lord of the Rings"]', false);
  check('$.store.book[?(!@.isbn)].price', '[8.95,12.99]', false);
  check('$.store.book[?(@.price > $.expensive && @.category == "fiction")].price', '[12.99,22.99]', false);
  check("$.store.book[?(@.category != 'fiction' || @.price >= 22.99)].price", '[8.95,22.99]', false);
  check("$.store.book[?(@.author =~ /.*rees/i)].price", '[8.95]', false);
  check("$.store.book[?(@.author =~ /Rees/)].price", '[]', false);
  check("$.store.book[?(@.isbn =~ /\\d-\\d{3}-\\d{5}-\\d/)].title", '["Moby Dick","The Lord of the Rings"]', false);
  check("$.store.book[?(@.title =~ /(?i)moby.*+/)].price", '[8.99]', false);
  check("$.store.book[?(@.price =~ /8\\..*/)].price", '[8.95,8.99]', false);
  check("$.store.book[?(@.category in ['reference', 'x'])].price", '[8.95]', false);
  check('$.store.book[?(@.price == "8.95")].price', '[8.95]', false);
  check('$..book[?(@.price > 20)].title', '["The Lord of the Rings"]', false);
  check("$.store.book[0]['author','title']", '{"author":"Nigel Rees","title":"Sayings of the Century"}', true);
  check('$.missing[*]', 'missing', false);
  check('$.store.book.length()', '4', true);
  check('$.store.bicycle.size()', '2', true);
  check('$..price.sum()', '73.87', true);
  check('$.store.book[*].price.max()', '22.99', true);
  check('$.store.book[*].price.min()', '8.95', true);
  check('$..book[?(@.price < 9)].price.avg()', '8.969999999999999', true);
  check('$.store.book[*].category.sum()', '0.0', true);
  check('$.store.book[*].author.first()', '"Nigel Rees"', true);
  check('$.store.book[-1:].title.last()', '"The Lord of the Rings"', true);
  check('$.text.length()', 'null', true);
  check('$.missing.length()', 'missing', true);
  check('$.store.book[?(@.isbn.length() > 13)].title', '[]', false);
  check('$.store[?(@.book.length() > 3)].bicycle.color', '["red"]', false);
  check('$.store.book[9][*]', '[]', false);
});

test('JSONPath syntax errors carry the offset into the path as written', () => {
  const check = (path: string, offset: number, fragment: string): void => {
    const result = compileJsonPath(path);
    assert.ok(!result.ok, `${path} is rejected`);
    assert.equal(result.error.offset, offset, `${path}: ${result.error.message}`);
    assert.match(result.error.message, new RegExp(fragment));
  };
  check('', 0, 'empty');
  check('$.', 1, "must not end with '.'");
  check('$..', 1, "must not end with '..'");
  check('$.a[', 3, "unclosed '\\['");
  check('$.a[x]', 4, 'unexpected "x"');
  check("$['a", 2, 'unterminated');
  check('$.a.keys()', 4, 'not a JSONPath function this simulator evaluates');
  check("$.a.length('x')", 11, 'takes no parameters');
  check('$.a.length().b', 12, 'must end the path');
  check('$.a[?(@.b = 1)]', 10, "use '=='");
  check('$.a[1:2:3]', 7, 'step');
  check('a..', 1, "must not end with '..'");
  check('$.a b', 3, 'space');
});
