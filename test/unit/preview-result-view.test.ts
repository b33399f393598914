// The view model: a simulation result turned into what the preview shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPreviewResultView, formatPreviewBody, type SimulateResult } from '../../shared/src/protocol/index';

const range = (line: number) => ({ start: { line, character: 4 }, end: { line, character: 12 } });

function okResult(change: Partial<Extract<SimulateResult, { ok: true }>> = {}): SimulateResult {
  return {
    ok: true,
    statusCode: 404,
    headers: { 'Content-Type': 'application/json', 'Set-Cookie': ['a=1', 'b=2'] },
    body: '{"message":"Not found: 9"}',
    bodyBase64: Buffer.from('{"message":"Not found: 9"}').toString('base64'),
    selectedResponse: '404',
    error: null,
    integrationRequest: { body: '{"petId": "9"}' },
    trace: [
      { step: 'request', message: 'request template application/json produced …', range: range(30) },
      { step: 'selection', message: "selection value: errorMessage 'Not found: 9' of the function error", range: range(10) },
      { step: 'selection', message: "errorMessage 'Not found: 9' matched `Not found: .*` (whole string) → 404", range: range(44) },
      { step: 'selection', message: "errorMessage 'Not found: 9' did not match `(\\n|.)*Exception(\\n|.)*` (whole string)", range: range(49) },
      { step: 'template', message: 'response template application/json' },
    ],
    warnings: [{ code: 'w-code', message: 'a warning', range: range(5) }],
    problems: [{ code: 'p-code', message: 'a problem' }],
    ...change,
  };
}

test('a result: status, selection with outcomes, headers one line each, pretty body, findings', () => {
  const view = buildPreviewResultView(okResult(), [{ field: 'http.headers', line: 2, message: 'bad' }], 'application/json');
  assert.equal(view.kind, 'result');
  if (view.kind !== 'result') return;
  assert.equal(view.statusCode, 404);
  assert.equal(view.selectedResponse, '404');
  assert.deepEqual(
    view.selection.map((l) => [l.outcome, l.range?.start.line]),
    [
      [undefined, 10],
      ['matched', 44],
      ['not-matched', 49],
    ],
  );
  assert.equal(view.trace.length, 5);
  assert.deepEqual(view.headers, [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Set-Cookie', value: 'a=1' },
    { name: 'Set-Cookie', value: 'b=2' },
  ]);
  assert.deepEqual(view.body, { text: '{\n  "message": "Not found: 9"\n}', format: 'json', pretty: true, byteLength: 26 });
  assert.deepEqual(view.integrationRequestBody, { text: '{\n  "petId": "9"\n}', format: 'json', pretty: true, byteLength: 14 });
  assert.deepEqual(
    view.findings.map((f) => [f.severity, f.code, f.range?.start.line]),
    [
      ['error', 'p-code', undefined],
      ['warning', 'w-code', 5],
    ],
  );
  assert.deepEqual(view.sampleProblems, [{ field: 'http.headers', line: 2, message: 'bad' }]);
});

test('a body that is not UTF-8 is shown as its bytes', () => {
  const view = buildPreviewResultView(okResult({ body: '\uFFFDPNG', bodyBase64: 'iVBORw==', headers: { 'Content-Type': 'image/png' } }));
  assert.ok(view.kind === 'result');
  assert.deepEqual(view.body, { text: 'iVBORw==', format: 'binary', pretty: false, byteLength: 4 });
});

test('a failure keeps its message and problems', () => {
  const view = buildPreviewResultView({ ok: false, message: 'No operation GET /x', problems: [{ code: 'scenario-x', message: 'bad', range: range(1) }] });
  assert.deepEqual(view, { kind: 'failure', message: 'No operation GET /x', findings: [{ severity: 'error', code: 'scenario-x', message: 'bad', range: range(1) }], sampleProblems: [] });
});

test('body formats: JSON and XML re-indented token by token, everything else as it is', () => {
  const cases: [string, string | undefined, string, string][] = [
    ['{"a":[1,2.50,{}],"b":"x,y:{z}","c":[]}', 'application/json', 'json', '{\n  "a": [\n    1,\n    2.50,\n    {}\n  ],\n  "b": "x,y:{z}",\n  "c": []\n}'],
    ['{"big": 12345678901234567890, "esc": "a\\"b"}', undefined, 'json', '{\n  "big": 12345678901234567890,\n  "esc": "a\\"b"\n}'],
    ['{"broken": ', 'application/json', 'json', '{"broken": '],
    ['<a><b>text</b><c/><!-- n --></a>', 'application/xml', 'xml', '<a>\n  <b>text</b>\n  <c/>\n  <!-- n -->\n</a>'],
    ['<?xml version="1.0"?><r><x>1</x></r>', undefined, 'xml', '<?xml version="1.0"?>\n<r>\n  <x>1</x>\n</r>'],
    ['<script>alert(1)</script>', 'text/html', 'text', '<script>alert(1)</script>'],
    ['plain text', 'text/plain', 'text', 'plain text'],
    ['', 'application/json', 'empty', ''],
  ];
  for (const [input, contentType, format, text] of cases) {
    const formatted = formatPreviewBody(input, contentType);
    assert.equal(formatted.format, format, input);
    assert.equal(formatted.text, text, input);
  }
});

test('a 1 MB JSON body is re-indented to the same value', () => {
  const body = JSON.stringify(Array.from({ length: 40_000 }, (_, i) => ({ id: i, name: `pet ${i}`, tags: ['a', 'b'] })));
  assert.ok(body.length > 1_000_000);
  const formatted = formatPreviewBody(body, 'application/json');
  assert.equal(formatted.format, 'json');
  assert.equal(formatted.pretty, true);
  assert.deepEqual(JSON.parse(formatted.text), JSON.parse(body));
});
