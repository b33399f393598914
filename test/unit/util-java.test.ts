// Differential test: $util's string functions against the Java code they are modelled on (Commons Lang 2.6
// StringEscapeUtils, java.net.URLEncoder/URLDecoder, java.util.Base64), run in one JVM over seeded inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  UTIL_STRING_FUNCTIONS,
  base64Encode,
  bigDecimalText,
  exactJavaDoubleText,
  javaDoubleText,
  javaFloatText,
  urlEncode,
  type JavaStringResult,
  type UtilStringFunctionName,
} from '../../shared/src/apigw/index';
import { randomTools } from '../fixtures/apigw/seededRandom';

const COMMONS_LANG_JAR = '/usr/share/java/commons-lang-2.6.jar';
const ORACLE_SOURCE = 'test/fixtures/apigw/JavaStringOracle.java';

type FunctionName = UtilStringFunctionName | 'doubleToString' | 'doubleToStringExact' | 'bigDecimalToString' | 'floatToString';

const ours: Record<FunctionName, (s: string) => JavaStringResult> = {
  ...UTIL_STRING_FUNCTIONS,
  doubleToString: (s) => ({ ok: true, value: javaDoubleText(Number(s)) }),
  doubleToStringExact: (s) => ({ ok: true, value: exactJavaDoubleText(Number(s)) }),
  bigDecimalToString: (s) => ({ ok: true, value: bigDecimalText(s) }),
  // The inputs are floats' exact values, so rounding the double to a float is Java's parseFloat.
  floatToString: (s) => ({ ok: true, value: javaFloatText(Math.fround(Number(s))) }),
};


const { random, between, pick } = randomTools(20261121);

const CHARACTER_POOLS: (() => string)[] = [
  () => String.fromCharCode(between(0x20, 0x7e)),
  () => pick(["'", '"', '\\', '/', ' ', '%', '+', '=', '*', '-', '.', '_', '~']),
  () => String.fromCharCode(between(0x00, 0x1f)),
  () => '\u007f',
  () => String.fromCharCode(between(0x80, 0xff)),
  () => String.fromCharCode(between(0x100, 0xd7ff)),
  () => String.fromCharCode(between(0xe000, 0xffff)),
  () => String.fromCodePoint(between(0x10000, 0x10ffff)),
  () => String.fromCharCode(between(0xd800, 0xdbff)), // lone high surrogate
  () => String.fromCharCode(between(0xdc00, 0xdfff)), // lone low surrogate
  () => pick(['\u2028', '\u2029', '\u00a0', '\ufeff', '\ufffd', '\u0660', '\u0669', '\uff10', '\uff21', '\uff46']),
];

function randomText(maxLength: number): string {
  let s = '';
  const length = between(0, maxLength);
  for (let i = 0; i < length; i++) s += pick(CHARACTER_POOLS)();
  return s;
}

const HEX_LIKE = ['0', '7', '9', 'a', 'F', 'f', 'C', 'e', 'g', 'Z', '+', '-', ' ', '%', '\uff11', '\uff41', '\u0663', '\u00e9'];

/** Text shaped like form-encoded data, with valid and broken `%` escapes. */
function randomFormEncoded(): string {
  let s = '';
  const parts = between(0, 8);
  for (let i = 0; i < parts; i++) {
    const kind = between(0, 5);
    if (kind === 0) s += urlEncode(randomText(4));
    else if (kind === 1) s += '%' + pick(HEX_LIKE) + pick(HEX_LIKE);
    else if (kind === 2) {
      // A lead byte and up to three following bytes: valid, overlong, surrogate, truncated and out-of-range sequences.
      s += '%' + pick(['C1', 'C3', 'E0', 'E2', 'ED', 'EF', 'F0', 'F4', 'F5', 'F8', 'FF', '80', 'c0']);
      for (let n = between(0, 3); n > 0; n--) s += '%' + pick(['A9', '82', '8F', '90', '9F', 'A0', '28', 'BF', 'C3']);
    }
    else if (kind === 3) s += pick(['+', '%', '%4', '%%', '%+1', '%-1', '%-0', '%+']);
    else s += randomText(3);
  }
  return s;
}

/** Base64 text, valid or broken in the ways real input breaks. */
function randomBase64(): string {
  let s = base64Encode(randomText(12));
  const damage = between(0, 9);
  if (damage === 0) s = s.replace(/=+$/, '');
  else if (damage === 1 && s.length) s = s.slice(0, between(0, s.length - 1));
  else if (damage === 2) s = s.slice(0, between(0, s.length)) + pick(['-', '_', ' ', '\n', '=', '==', '\u00e9', '\u4e00', '*']) + s.slice(between(0, s.length));
  else if (damage === 3) s += pick(['=', 'A', 'AA', 'A=', 'AA==', '==AA', 'QQ==']);
  else if (damage === 4) s = pick(['', 'A', '=', 'AB', 'ABC', 'AB=', 'AB==', 'ABC=', 'A===', '/w', '_w', '-w==']);
  return s;
}

/** A JSON number literal: up to `maxDigits` significant digits, a magnitude from 10^minExponent to 10^maxExponent. */
function randomDecimalLiteral(maxDigits: number, minExponent: number, maxExponent: number): string {
  let digits = String(between(1, 9));
  for (let n = between(1, maxDigits) - 1; n > 0; n--) digits += String(between(0, 9));
  const magnitude = between(minExponent, maxExponent);
  const sign = random() < 0.3 ? '-' : '';
  const shape = between(0, 2);
  if (shape === 0) return `${sign}${digits[0]}.${digits.slice(1) || '0'}e${magnitude}`;
  if (shape === 1) return `${sign}${digits}E${magnitude - digits.length + 1}`;
  const point = between(0, Math.min(digits.length, maxExponent));
  return `${sign}${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`;
}

/** An integer from 2^52 to 2^63, where JDK 17 prints doubles with more digits than the shortest form. */
function randomLargeInteger(): string {
  const bits = between(52, 62);
  let value = 1n << BigInt(bits);
  for (let bit = bits - 1; bit >= 0; bit--) if (random() < 0.5) value |= 1n << BigInt(bit);
  return (random() < 0.3 ? '-' : '') + value.toString() + (random() < 0.5 ? '.0' : '');
}

/** Any finite float, from random bits, written as its exact double (which Java's `parseFloat` reads back). */
function randomFloatBits(): string {
  const view = new DataView(new ArrayBuffer(4));
  do view.setUint32(0, Math.floor(random() * 2 ** 32));
  while (!Number.isFinite(view.getFloat32(0)));
  return String(view.getFloat32(0));
}

/** Any finite double, from random bits, written so that Java's `parseDouble` reads the same double. */
function randomDoubleBits(): string {
  const view = new DataView(new ArrayBuffer(8));
  do {
    view.setUint32(0, Math.floor(random() * 2 ** 32));
    view.setUint32(4, Math.floor(random() * 2 ** 32));
  } while (!Number.isFinite(view.getFloat64(0)));
  return String(view.getFloat64(0));
}

function inputsFor(name: FunctionName): string[] {
  const fixed: Record<FunctionName, string[]> = {
    doubleToString: ['0.0', '-0.0', '1', '1.0', '0.001', '0.000999', '9999999', '10000000', '2.2250738585072014E-308', '123456789012345.6', '8.95',
      '4503599627370497.5', '9007199254740993', '-2194386221364488200', '9.2e18', '9223372036854774784', '18014398509481985', '99999999999999999e2',
      '2e23', '1e23', '4.9e-324', '1e-320', '1.7976931348623157e308', '1e-5', '1.0E7', '0.3', '2.0E-3', '100', '9.999999999999999e22'],
    doubleToStringExact: [],
    floatToString: ['0', '-0', '0.1', '1.1', '1.5', '100', '16777216', '16777217', '1e7', '0.001', '1e10', '3.4028234663852886e38', '1.401298464324817e-45', '2156966940000000'],
    bigDecimalToString: ['3.14159265358979323846', '1.50000000000000000000e30', '0.000000000000000000001', '-12345678901234567890.5', '1e-7', '0.0000001', '100E-2'],
    escapeJavaScript: ['', "it's", '"\\/', '\b\t\n\f\r\u000b\u0000\u001f\u007f', 'é€😀', '\ud83d', '\ude00x'],
    urlEncode: ['', 'some raw data', '{"some": "value"}', '*-._~!', '😀\ud83d\ude00\ud800x\udc00'],
    urlDecode: ['Rock+%26+Roll', 'Rock%2b%26%2bRoll', '%', '%4', '%zz', '%-1', '%+1', '%-0', '%C3%A9%C3', '%ED%A0%80', '%F0%9F%98%80', '%\uff11\uff41'],
    base64Encode: ['', 'a', 'ab', 'abc', 'é😀', '\ud800'],
    base64Decode: ['', 'A', 'QQ', 'QQ=', 'QQ==', 'QUI', 'QUJD', 'QQ==QQ==', 'QUJD=', '=', 'Q===', 'é', '\u4e00\u4e00', 'w6k=', '/w==', '-w==', 'eyJtZXNzYWdlIjogInBhdGgxIn0='],
  };
  const generated: string[] = [];
  for (let i = 0; i < 2500; i++) {
    if (name === 'doubleToString' || name === 'doubleToStringExact') generated.push([randomLargeInteger, randomDoubleBits, () => randomDecimalLiteral(17, -330, 310)][i % 3]());
    else if (name === 'bigDecimalToString') generated.push(randomDecimalLiteral(25, -30, 30));
    else if (name === 'floatToString') generated.push(randomFloatBits());
    else if (name === 'urlDecode') generated.push(randomFormEncoded());
    else if (name === 'base64Decode') generated.push(randomBase64());
    else generated.push(randomText(16));
  }
  return [...fixed[name], ...generated];
}

const toHex = (s: string): string => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16).padStart(4, '0')).join('');
const fromHex = (hex: string): string => (hex.match(/.{4}/g) ?? []).map((h) => String.fromCharCode(parseInt(h, 16))).join('');

function runJavaOracle(lines: string[]): string[] {
  const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
  assert.equal(javac.error, undefined, 'javac was not found: install a JDK (e.g. `apt-get install openjdk-17-jdk-headless`) to run this test');
  assert.ok(existsSync(COMMONS_LANG_JAR), `${COMMONS_LANG_JAR} is missing: install Commons Lang 2.6 (e.g. \`apt-get install libcommons-lang-java\`)`);
  const dir = mkdtempSync(join(tmpdir(), 'apigw-java-oracle-'));
  try {
    copyFileSync(ORACLE_SOURCE, join(dir, 'JavaStringOracle.java'));
    const compiled = spawnSync('javac', ['-cp', COMMONS_LANG_JAR, '-d', dir, join(dir, 'JavaStringOracle.java')], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, `javac failed: ${compiled.stderr}`);
    const run = spawnSync('java', ['-cp', `${dir}:${COMMONS_LANG_JAR}`, 'JavaStringOracle'], {
      input: lines.join('\n') + '\n',
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(run.status, 0, `java failed: ${run.stderr}`);
    return run.stdout.split('\n').slice(0, lines.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeText = (s: string): string => JSON.stringify(s).replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

test('$util string functions and number printing agree with Commons Lang 2.6 and the JDK on seeded inputs', () => {
  const names: FunctionName[] = ['escapeJavaScript', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode', 'doubleToString', 'doubleToStringExact', 'bigDecimalToString', 'floatToString'];
  const cases = names.flatMap((name) => inputsFor(name).map((input) => ({ name, input })));
  const answers = runJavaOracle(cases.map((c) => `${c.name} ${toHex(c.input)}`));
  const mismatches: string[] = [];
  let errorsSeen = 0;
  cases.forEach(({ name, input }, index) => {
    const [status, hex = ''] = answers[index].split(' ');
    const java = status === 'OK' ? `value ${describeText(fromHex(hex))}` : `error ${describeText(fromHex(hex))}`;
    const result = ours[name](input);
    const mine = result.ok ? `value ${describeText(result.value)}` : `error ${describeText(result.error.message)}`;
    if (!result.ok) errorsSeen++;
    if (mine !== java) mismatches.push(`${name}(${describeText(input)}): Java ${java}, ours ${mine}`);
  });
  assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} of ${cases.length} inputs differ`);
  assert.ok(errorsSeen > 100, 'the generated inputs exercise the error paths');
});
