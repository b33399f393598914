// The Java regex engine at its boundary: tables of (pattern, input) with the answers Java 17 gives.
// Broad agreement with java.util.regex is checked by regex-java.test.ts; these tables pin the cases
// API Gateway users meet (selection patterns, template replaceAll/split) and the error messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as yieldToTimeout } from 'node:timers/promises';
import {
  DEFAULT_REGEX_STEP_LIMIT,
  JavaRegex,
  JavaRegexRuntimeError,
  RegexStepLimitError,
  compileJavaRegex,
  exampleMatches,
  getJavaRegex,
  javaPatternSyntaxMessage,
  parseJavaRegex,
  walkRegex,
} from '../../shared/src/regex/index';

function regex(pattern: string): JavaRegex {
  const compiled = compileJavaRegex(pattern);
  assert.ok(compiled.regex, `${pattern}: ${JSON.stringify(compiled.problems)}`);
  return compiled.regex;
}

test('selection patterns match the whole message, as API Gateway does', () => {
  const check = (pattern: string, input: string, expected: boolean) =>
    assert.equal(regex(pattern).matches(input), expected, `${JSON.stringify(pattern)} on ${JSON.stringify(input)}`);
  check('Invalid*', 'Invalid input', false);
  check('Invalid*', 'Invalidddd', true);
  check('Invalid*', 'Invali', true);
  check('Invalid.*', 'Invalid input: name is required', true);
  check('.*four hundred.*', 'Error: four hundred and five', true);
  check('.*four hundred.*', 'four\nhundred', false);
  check('.*four hundred.*', 'four hundred\nat Handler.java:12', false);
  check('2\\d{2}', '201', true);
  check('2\\d{2}', '2010', false);
  check('2\\d{2}', '20', false);
  check('4\\d{2}', '404', true);
  check('404', 'foo 404 bar', false);
  check('.*404.*', 'foo 404 bar', true);
  check('.*', '', true);
  check('.+', '', false);
  check('.*', 'line one\nline two', false);
  check('(\\n|.)*', 'line one\nline two', true);
  // `.` excludes \r as well, so CRLF messages need [\s\S]* or (?s).
  check('(\\n|.)*', 'windows\r\nline', false);
  check('[\\s\\S]*', 'windows\r\nline', true);
  check('[\\s\\S]*', 'line one\nline two', true);
  check('(?s).*', 'line one\nline two', true);
  check('.*Exception.*', 'java.lang.RuntimeException: boom\n\tat Handler.handle(Handler.java:10)', false);
  check('(?s).*Exception.*', 'java.lang.RuntimeException: boom\n\tat Handler.handle(Handler.java:10)', true);
  check('[BadRequest].*', 'BadRequest: missing id', true);
  check('[BadRequest].*', 'Rubbish', true);
  check('[BadRequest].*', 'Not found', false);
  check('.*\\[400\\].*', '[400] Bad Request', true);
  check('.*\\[400\\].*', '400 Bad Request', false);
  check('.*"statusCode":\\s*404.*', '{"statusCode": 404}', true);
  check('^(Bad|Invalid) .*$', 'Invalid token', true);
  check('abc$', 'abc\n', false);
  check('(?i)not found', 'NOT FOUND', true);
  check('(?i)ÉCHEC', 'échec', false);
  check('(?iu)ÉCHEC', 'échec', true);
  check('.', '\u2028', false);
  check('.', '\u0085', false);
  check('(?d).', '\r', true);
  check('^.$', '😀', true);
  check('\\w+', 'héllo', false);
  check('(?U)\\w+', 'héllo', true);
  check('\\p{Lu}\\p{L}*', 'Émile', true);
  check('\\p{IsGreek}+', 'αβγ', true);
  check('\\p{InGreek}+', 'αβγ', true);
  check('\\p{javaLowerCase}+', 'abc', true);
  check('[a-z&&[^aeiou]]+', 'xyz', true);
  check('[a-z&&[^aeiou]]+', 'xaz', false);
  check('a++a', 'aaa', false);
  check('(?>a+)a', 'aaa', false);
  check('a*+b', 'aaab', true);
  check('(\\w)\\1', 'aa', true);
  check('(?<x>\\d)-\\k<x>', '7-7', true);
  check('(?<=a)b', 'b', false);
  check('\\Qa.b\\E', 'a.b', true);
  check('\\Qa.b\\E', 'axb', false);
  check('(?x) a b # spaces ignored', 'ab', true);
  check('\\R', '\r\n', true);
  check('\\R\\n', '\r\n', true);
});

test('find reports the first match, its groups and where they are', () => {
  const check = (pattern: string, input: string, from: number, expected: [number, number, ...(string | undefined)[]] | null) => {
    const found = regex(pattern).find(input, from);
    assert.deepEqual(found && [found.start, found.end, ...found.groups.slice(1)], expected, `${pattern} in ${JSON.stringify(input)}`);
  };
  check('\\d+', 'order 42 of 7', 0, [6, 8]);
  check('\\d+', 'order 42 of 7', 8, [12, 13]);
  check('(\\w+)@(\\w+)\\.com', 'mail bob@example.com now', 0, [5, 20, 'bob', 'example']);
  check('(a)|(b)', 'b', 0, [0, 1, undefined, 'b']);
  check('(?:(a)|b)+', 'ab', 0, [0, 2, 'a']);
  check('x*', 'abc', 0, [0, 0]);
  check('$', 'abc\n', 0, [3, 3]);
  check('(?m)^b', 'a\nb', 0, [2, 3]);
  check('\\bis\\b', 'this is it', 0, [5, 7]);
  check('(?<=\\$)\\d+', 'cost: $25', 0, [7, 9]);
  check('nothing', 'abc', 0, null);
  const named = regex('(?<code>\\d{3}) (?<text>.*)').find('HTTP 404 Not Found')!;
  assert.deepEqual(named.named, { code: '404', text: 'Not Found' });
  assert.deepEqual(named.spans[1], [5, 8]);
  assert.deepEqual(
    regex('\\d').findAll('a1b22').map((m) => m.start),
    [1, 3, 4],
  );
});

test('replaceAll and replaceFirst follow Java replacement syntax', () => {
  const check = (pattern: string, input: string, replacement: string, expected: string) =>
    assert.equal(regex(pattern).replaceAll(input, replacement), expected, `${pattern} / ${replacement}`);
  check("\\\\'", "it\\'s", "'", "it's");
  check('"', 'say "hi"', '\\\\"', 'say \\"hi\\"');
  check('(\\w+)@(\\w+)', 'bob@example', '$2 at $1', 'example at bob');
  check('(?<user>\\w+)@', 'bob@x', '${user} at ', 'bob at x');
  check('a', 'banana', '\\$', 'b$n$n$');
  check('x*', 'abc', '-', '-a-b-c-');
  check('(a)(b)?', 'ac', '[$2]', '[]c');
  check('(a)', 'a', '$11', 'a1');
  check('\\s+', '  too   many spaces ', ' ', ' too many spaces ');
  check('[^0-9]', 'tel: +1 (555) 010', '', '1555010');
  check('(?m)^', 'a\nb', '> ', '> a\n> b');
  check('nomatch', 'abc', '$9', 'abc');
  assert.equal(regex('a').replaceFirst('banana', 'o'), 'bonana');
  const failures: [string, string, string][] = [
    ['(a)', '$2', 'No group 2'],
    ['a', '$', 'Illegal group reference: group index is missing'],
    ['a', 'x\\', 'character to be escaped is missing'],
    ['a', '$x', 'Illegal group reference'],
    ['a', '${nope}', 'No group with name {nope}'],
    ['a', '${1x}', 'capturing group name {1x} starts with digit character'],
  ];
  for (const [pattern, replacement, message] of failures) {
    assert.throws(() => regex(pattern).replaceAll('a', replacement), (e: unknown) => e instanceof JavaRegexRuntimeError && e.message === message, `${pattern} / ${replacement}`);
  }
});

test('split follows String.split (Java 8+)', () => {
  const check = (pattern: string, input: string, limit: number, expected: string[]) =>
    assert.deepEqual(regex(pattern).split(input, limit), expected, `${JSON.stringify(input)}.split(${JSON.stringify(pattern)}, ${limit})`);
  check(',', 'a,b,,c,,', 0, ['a', 'b', '', 'c']);
  check(',', 'a,b,,c,,', -1, ['a', 'b', '', 'c', '', '']);
  check(',', 'a,b,,c,,', 2, ['a', 'b,,c,,']);
  check(',', '', 0, ['']);
  check(',', ',', 0, []);
  check('', 'abc', 0, ['a', 'b', 'c']);
  check(' ', ' a b', 0, ['', 'a', 'b']);
  check('(?=X)', 'aXbXc', 0, ['a', 'Xb', 'Xc']);
  check('\\s*,\\s*', 'x , y,z', 0, ['x', 'y', 'z']);
  check('\\|', 'a|b', 0, ['a', 'b']);
  check('.', 'abc', 0, []);
});

test('syntax errors read like PatternSyntaxException at Java\'s index', () => {
  const check = (pattern: string, message: string, start: number) => {
    const { problems } = parseJavaRegex(pattern);
    const error = problems.find((p) => p.severity === 'error');
    assert.ok(error, `${pattern} should be rejected`);
    assert.deepEqual([error.message, error.start], [message, start], pattern);
    assert.equal(compileJavaRegex(pattern).regex, undefined);
  };
  check('*a', "Dangling meta character '*'", 0);
  check('a|+', "Dangling meta character '+'", 2);
  check('[abc', 'Unclosed character class', 3);
  check('(abc', 'Unclosed group', 4);
  check('abc)', "Unmatched closing ')'", 2);
  check('a{2,1}', 'Illegal repetition range', 5);
  check('a{x}', 'Illegal repetition', 2);
  check('404{', 'Illegal repetition', 4);
  check('\\q', 'Illegal/unsupported escape sequence', 1);
  check('[z-a]', 'Illegal character range', 3);
  check('\\k<x>', 'named capturing group <x> does not exist', 4);
  check('(?<n>a)(?<n>b)', 'Named capturing group <n> is already defined', 11);
  check('\\p{Foo}', 'Unknown character property name {Foo}', 6);
  check('(?<=a(b|cd)+)x', 'Look-behind group does not have an obvious maximum length', 11);
  check('(?z)', 'Unknown inline modifier', 2);
  check('\\x{110000}', 'Hexadecimal codepoint is too big', 8);
  check('ab\\', 'Unexpected internal error', 3);
  check('\\Qa.b\\E[', 'Unclosed character class', 7);
  const quoted = compileJavaRegex('\\Qa\\E(').problems[0];
  assert.deepEqual([quoted.start, quoted.javaIndex], [6, 2]);
  assert.equal(javaPatternSyntaxMessage('\\Qa\\E(', quoted), 'Unclosed group near index 2\n\\Qa\\E(\n  ^');
  assert.equal(javaPatternSyntaxMessage('\ta)', compileJavaRegex('\ta)').problems[0]), "Unmatched closing ')' near index 1\n\ta)\n\t^");
  assert.equal(javaPatternSyntaxMessage('\t(', compileJavaRegex('\t(').problems[0]), 'Unclosed group near index 2\n\t(');
});

test("Java 17's '&&' without a right operand compiles, warns, and throws when reached", () => {
  const compiled = compileJavaRegex('[[0-9]a&&]');
  assert.deepEqual(compiled.problems.map((p) => [p.code, p.severity, p.start]), [['regex-null-intersection', 'warning', 8]]);
  assert.equal(compiled.regex!.matches('q'), false);
  assert.throws(() => compiled.regex!.matches('5'), (e: unknown) => e instanceof JavaRegexRuntimeError && e.javaException === 'NullPointerException');
  assert.equal(regex('[a-c&&]').matches('b'), true);
});

test('constructs the simulator cannot evaluate are reported, never mistranslated', () => {
  const check = (pattern: string, code: string, severity: 'error' | 'warning') => {
    const { problems } = parseJavaRegex(pattern);
    assert.ok(problems.some((p) => p.code === code && p.severity === severity), `${pattern}: ${JSON.stringify(problems)}`);
  };
  check('\\N{LATIN SMALL LETTER A}', 'regex-unsupported', 'error');
  check('\\X', 'regex-unsupported', 'error');
  check('a\\b{g}', 'regex-unsupported', 'error');
  check('(?c)e\u0301', 'regex-canon-eq', 'warning');
  assert.equal(compileJavaRegex('\\X').regex, undefined);
  assert.ok(compileJavaRegex('(?c)x').regex);
});

test('no pattern or input makes the engine throw anything but its documented errors', () => {
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const soup = 'ab()[]{}*+?|\\^$.-&:=!<>,019dDwWsSbBpPkQExuLcRzZAG#n \u00e9\ud83d\ude00';
  for (let k = 0; k < 3000; k++) {
    let pattern = '';
    for (let i = 0, n = 1 + Math.floor(random() * 14); i < n; i++) pattern += soup[Math.floor(random() * soup.length)];
    let input = '';
    for (let i = 0, n = Math.floor(random() * 12); i < n; i++) input += soup[Math.floor(random() * soup.length)];
    const { regex: compiled, problems } = compileJavaRegex(pattern);
    for (const p of problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= pattern.length, `${pattern}: ${JSON.stringify(p)}`);
    if (!compiled) continue;
    try {
      compiled.matches(input, { stepLimit: 100_000 });
      compiled.findAll(input, { stepLimit: 100_000 });
      compiled.split(input, 0, { stepLimit: 100_000 });
      compiled.replaceAll(input, '$0', { stepLimit: 100_000 });
    } catch (e) {
      assert.ok(e instanceof RegexStepLimitError || (e instanceof JavaRegexRuntimeError && e.javaException !== 'InternalError'), `${JSON.stringify(pattern)} on ${JSON.stringify(input)}: ${String(e)}`);
    }
  }
});

// The timeout catches a hang; it can only fire while the test awaits, so each check yields first.
test('oversized patterns compile or fail cleanly, without internal errors', { timeout: 60_000 }, async () => {
  const check = async (pattern: string, input: string, expected: boolean | string) => {
    await yieldToTimeout();
    const compiled = compileJavaRegex(pattern);
    const outcome = compiled.regex ? compiled.regex.matches(input) : compiled.problems[0].message;
    assert.equal(outcome, expected, pattern.slice(0, 40));
  };
  await check('a'.repeat(200_000), 'a'.repeat(200_000), true);
  await check(`[${'[ab]'.repeat(20_000)}z]`, 'b', true);
  await check(`[${'a-c'.repeat(20_000)}]`, 'd', false);
  await check('a|'.repeat(20_000) + 'b', 'b', true);
  await check('('.repeat(300) + 'a' + ')*'.repeat(300), 'aaaa', true);
  await check('(?:a|'.repeat(5_000) + ')'.repeat(5_000), '', 'The pattern nests groups or classes too deeply');
  await check(`\\p{${'x'.repeat(100_000)}}`, '', `Unknown character property name {${'x'.repeat(100_000)}}`);
  await yieldToTimeout();
});

test('valid Java that JavaScript rejects or reads differently is accepted', () => {
  for (const pattern of ['(?<=a+)b', '[a-z&&[^x]]', 'a++', '(?>x)', '\\p{javaDigit}', '\\Q(*)\\E', '(?i-s:x)', '\\h\\v\\R', 'x{2}{3}', '{404}', '[]a]', '(?<=ab|c)d', '\\z\\Z\\A\\G']) {
    const { problems } = parseJavaRegex(pattern);
    assert.deepEqual(problems, [], pattern);
  }
});

test('the syntax tree keeps every node\'s place in the pattern', () => {
  const { ast } = parseJavaRegex('.*\\[400\\].*');
  assert.equal(ast.type, 'sequence');
  if (ast.type !== 'sequence') return;
  assert.deepEqual(
    ast.items.map((n) => [n.type, n.start, n.end]),
    [['quantified', 0, 2], ['char', 2, 4], ['char', 4, 5], ['char', 5, 6], ['char', 6, 7], ['char', 7, 9], ['quantified', 9, 11]],
  );
  const bracket = parseJavaRegex('[NotFound].*').ast;
  assert.ok(bracket.type === 'sequence' && bracket.items[0].type === 'class');
  const quoted = parseJavaRegex('x\\Q.*\\Ey').ast;
  assert.ok(quoted.type === 'sequence');
  if (quoted.type === 'sequence') assert.deepEqual(quoted.items.map((n) => [n.start, n.end]), [[0, 1], [3, 4], [4, 5], [7, 8]]);
});

test('walkRegex visits every node in pattern order', () => {
  const seen: string[] = [];
  walkRegex(parseJavaRegex('(a|[b])+\\d').ast, (node) => void seen.push(node.type));
  assert.deepEqual(seen, ['sequence', 'quantified', 'group', 'alternation', 'char', 'class', 'classEscape']);
});

// The timeout catches a hang; it can only fire while the test awaits, so each pattern yields first.
test('catastrophic backtracking stops with RegexStepLimitError instead of hanging', { timeout: 60_000 }, async () => {
  const runaway: [string, string][] = [
    ['(?:a|a)*?b', 'a'.repeat(40)],
    ['(a|a)*\\1b', 'a'.repeat(40)],
    ['((a+)+)+?\\2b', 'a'.repeat(40)],
  ];
  for (const [pattern, input] of runaway) {
    await yieldToTimeout();
    assert.throws(() => regex(pattern).matches(input), (e: unknown) => e instanceof RegexStepLimitError && e.pattern === pattern, pattern);
  }
  assert.throws(() => regex('(x+x+)+y').find('x'.repeat(30), 0, { stepLimit: 1000 }), RegexStepLimitError);
  assert.ok(DEFAULT_REGEX_STEP_LIMIT >= 5_000_000);
  await yieldToTimeout();
});

test('Java-style failure memo keeps (a+)+b linear-ish, like Java 9+', () => {
  assert.equal(regex('(a+)+b').matches('a'.repeat(40)), false);
  assert.equal(regex('(\\w+\\s?)+$').matches('word '.repeat(30) + '!'), false);
});

test('linear patterns on a 1 MB message stay within the default budget', () => {
  const message = 'java.lang.IllegalStateException: four hundred\n\tat Handler.handle(Handler.java:1)\n'.repeat(13_000);
  assert.ok(message.length > 1_000_000);
  assert.equal(regex('(\\n|.)*').matches(message), true);
  assert.equal(regex('(?s).*four hundred.*').matches(message), true);
  assert.equal(regex('.*four hundred.*').matches(message), false);
  assert.equal(regex('\\s+').replaceAll(message, ' ').length < message.length, true);
  assert.equal(regex('\\n').split(message).length, 26_000);
});

test('patterns Java matches recursively per iteration are pointed out', () => {
  assert.deepEqual(regex('x(\\n|.)*').javaRecursiveLoops, [{ start: 1, end: 8 }]);
  assert.deepEqual(regex('[\\s\\S]*').javaRecursiveLoops, []);
  assert.deepEqual(regex('(\\d)*').javaRecursiveLoops, []);
});

// How fast a template loop of replaceAll calls runs is measured by test/bench/regex.bench.ts.
test('compiled patterns are cached', () => {
  assert.equal(getJavaRegex('\\d+').regex, getJavaRegex('\\d+').regex);
  assert.equal(getJavaRegex("\\\\'").regex, getJavaRegex("\\\\'").regex);
  assert.deepEqual(getJavaRegex('(').problems.map((p) => p.message), ['Unclosed group']);
  assert.equal(getJavaRegex("\\\\'").regex!.replaceAll(`{"name":"item 1","note":"it\\'s"}`, "'"), `{"name":"item 1","note":"it's"}`);
});

test('exampleMatches produces strings the pattern really matches', () => {
  const check = (pattern: string) => {
    const compiled = regex(pattern);
    const examples = exampleMatches(parseJavaRegex(pattern).ast, 3);
    assert.ok(examples.length > 0, pattern);
    for (const example of examples) assert.ok(compiled.matches(example), `${pattern} should match ${JSON.stringify(example)}`);
    return examples;
  };
  assert.deepEqual(check('Invalid*')[0], 'Invali');
  assert.deepEqual(check('2\\d{2}').every((e) => /^2\d\d$/.test(e)), true);
  check('.*\\[400\\].*');
  check('(?<n>a|b)\\k<n>');
  check('(\\n|.)*');
  assert.equal(check('\\d{100}')[0].length, 100);
  assert.deepEqual(exampleMatches(parseJavaRegex('a{100000}').ast, 2), []);
  assert.deepEqual(exampleMatches(parseJavaRegex('(?:){1000000000}').ast, 2), []);
});
