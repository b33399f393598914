// Hover at a caret (‸), and quick fixes applied to the document: the fixed document must lose the
// problem and gain no other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cloudFormationYaml, documentOf, freshService, LAMBDA_URI, marked, openApiYaml } from './harness';

function hover(fileName: string, source: string): { text: string; covered: string } | null {
  const { text, caret } = marked(source);
  const document = documentOf(fileName, text);
  const answer = freshService().doHover(document, document.positionAt(caret));
  if (!answer) return null;
  return { text: (answer.contents as { value: string }).value, covered: document.getText(answer.range!) };
}

const oasYaml = (type: string, responses: string) =>
  openApiYaml(`type: ${type}\nuri: ${type === 'aws' ? LAMBDA_URI : 'https://example.com'}\nresponses:\n${responses.replace(/^/gm, '  ')}`, '"200":\n  description: ok\n"404":\n  description: missing');

test('hover: patterns, responses, members, response parameters', () => {
  const cases: [string, string, RegExp[], string][] = [
    [
      'api.yaml',
      oasYaml('aws', 'default:\n  statusCode: "200"\n".*Not‸Found.*":\n  statusCode: "404"'),
      [/^(?![\s\S]*As API Gateway reads it)/, /errorMessage/, /\*\*whole\*\*/, /Does not match: `Error`, `Error: NotFound\\n {4}at handler/, /Matches, for example: `NotFound`/],
      '".*NotFound.*"',
    ],
    [
      'api.yaml',
      oasYaml('http', 'default:\n  statusCode: "200"\n"4\\\\d{2}":\n  statusCode: "404"\n"40‸4":\n  statusCode: "404"'),
      [/HTTP status code/, /Shadowed by `4\\d\{2\}` \(404\)/],
      '"404"',
    ],
    [
      'api.yaml',
      oasYaml('http', 'default:\n  statusCode: "2‸00"\n"4\\\\d{2}":\n  statusCode: "404"'),
      [/\*\*default\*\*/, /`4\\d\{2\}`/, /receives status 200/],
      '"200"',
    ],
    [
      'api.yaml',
      oasYaml('http', 'default:\n  statusCode: "200"\n  responseParameters:\n    method.response.header.X: "\'st‸atic\'"'),
      [/Response header `X`/, /always `static`/],
      `"'static'"`,
    ],
    [
      'api.yaml',
      oasYaml('http', 'default:\n  statusCode: "200"\n"4\\\\d‸{2}":\n  statusCode: "404"'),
      [/As API Gateway reads it, after the quoting is undone: `4\\d\{2\}`/],
      '"4\\\\d{2}"',
    ],
    [
      'api.yaml',
      openApiYaml('type: mock\nresponses:\n  default:\n    statusCode: "200"', '"2‸00":\n  description: ok'),
      [/\*\*Method response 200\*\*/, /Sent when the default integration response is selected/],
      '"200"',
    ],
    ['t.vtl', '$util.escape‸JavaScript($x)', [/\$util\.escapeJavaScript\(String text\) → String/, /replaceAll/], 'escapeJavaScript'],
    ['t.vtl', '$context.identity.source‸Ip', [/sourceIp/, /→ String/], 'sourceIp'],
  ];
  for (const [fileName, source, patterns, covered] of cases) {
    const answer = hover(fileName, source);
    assert.ok(answer, source);
    for (const pattern of patterns) assert.match(answer.text, pattern, source);
    assert.equal(answer.covered, covered, source);
  }
  assert.equal(hover('package.json', '{"na‸me": 1}'), null);
});

function applyFix(fileName: string, text: string, code: string, title?: RegExp): { before: string[]; after: string[]; text: string } {
  const service = freshService();
  const document = documentOf(fileName, text);
  const diagnostics = service.doValidation(document);
  const target = diagnostics.find((d) => d.code === code);
  assert.ok(target, `${code} in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  const actions = service.doCodeAction(document, target.range, { diagnostics: [target] });
  const action = title ? actions.find((a) => title.test(a.title)) : actions.find((a) => a.isPreferred);
  assert.ok(action, `a fix among ${JSON.stringify(actions.map((a) => a.title))}`);
  const fixed = TextDocument.applyEdits(document, action.edit!.changes![document.uri]);
  const after = freshService().doValidation(documentOf(fileName, fixed, 2));
  return { before: diagnostics.map((d) => String(d.code)), after: after.map((d) => String(d.code)), text: fixed };
}

function withoutOne(codes: string[], code: string): string[] {
  const copy = [...codes];
  copy.splice(copy.indexOf(code), 1);
  return copy;
}

const cfn = (integrationResponses: string, methodResponses: string) =>
  cloudFormationYaml(`Type: AWS\nUri: ${LAMBDA_URI}\nIntegrationHttpMethod: POST\nIntegrationResponses:\n${integrationResponses.replace(/^/gm, '  ')}`, methodResponses);

test('quick fixes remove their problem and add none', () => {
  const cases: [name: string, fileName: string, text: string, code: string, title?: RegExp, check?: (fixed: string) => void, follows?: string][] = [
    ['quote a numeric pattern', 'template.yaml', cfn('- StatusCode: 200\n- StatusCode: 403\n  SelectionPattern: 403\n  ResponseTemplates:\n    application/json: "{}"', '- StatusCode: 200\n- StatusCode: 403'), 'pattern-yaml-number'],
    [
      'escape brackets in a YAML double-quoted pattern',
      'template.yaml',
      cfn('- StatusCode: 200\n- StatusCode: 404\n  SelectionPattern: ".*[NotFound][\\\\s\\\\S]*"', '- StatusCode: 200\n- StatusCode: 404'),
      'pattern-bracket-class',
      undefined,
      (fixed) => assert.ok(fixed.includes('SelectionPattern: ".*\\\\[NotFound\\\\][\\\\s\\\\S]*"'), fixed),
    ],
    [
      'match any character without recursion (YAML single-quoted pattern)',
      'template.yaml',
      cfn("- StatusCode: 200\n- StatusCode: 500\n  SelectionPattern: '.*Exception(\\n|.)*'", '- StatusCode: 200\n- StatusCode: 500'),
      'pattern-deep-recursion',
      /without recursion/,
      (fixed) => assert.ok(fixed.includes("SelectionPattern: '.*Exception[\\s\\S]*'"), fixed),
    ],
    ['wrap a literal pattern in .*…*.', 'template.yaml', cfn("- StatusCode: 200\n- StatusCode: 404\n  SelectionPattern: 'NotFound'", '- StatusCode: 200\n- StatusCode: 404'), 'pattern-whole-string', /anywhere/, (fixed) => assert.ok(fixed.includes("SelectionPattern: '.*NotFound.*'"), fixed), 'pattern-dot-newline'],
    ['declare a method response (CloudFormation YAML)', 'template.yaml', cfn('- StatusCode: 200\n- StatusCode: 404\n  SelectionPattern: .*NotFound[\\s\\S]*', '- StatusCode: 200'), 'response-undeclared-status'],
    [
      'declare a header on a method response without any (CloudFormation YAML)',
      'template.yaml',
      cfn("- StatusCode: 200\n  ResponseParameters:\n    method.response.header.X-Id: \"'1'\"", '- StatusCode: 200'),
      'parameter-undeclared-header',
    ],
    [
      'declare a header next to the declared ones (CloudFormation YAML)',
      'template.yaml',
      cfn("- StatusCode: 200\n  ResponseParameters:\n    method.response.header.X-Id: \"'1'\"", '- StatusCode: 200\n  ResponseParameters:\n    method.response.header.Other: true'),
      'parameter-undeclared-header',
    ],
    [
      'declare a header (OpenAPI YAML)',
      'api.yaml',
      oasYaml('http', "default:\n  statusCode: \"200\"\n  responseParameters:\n    method.response.header.X-Id: \"'1'\""),
      'parameter-undeclared-header',
    ],
    [
      'declare a method response and a header (OpenAPI JSON)',
      'api.json',
      JSON.stringify({ swagger: '2.0', paths: { '/a': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.X': "'1'" } }, '5\\d{2}': { statusCode: '500' } } } } } } }, null, 2),
      'response-undeclared-status',
    ],
    [
      'add the quote fix after escapeJavaScript (JSON escapes)',
      'api.json',
      JSON.stringify({ swagger: '2.0', paths: { '/a': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"m": "$util.escapeJavaScript($input.body)"}' } } } } } } } }),
      'vtl-escape-javascript-quote',
      undefined,
      (fixed) => assert.equal(JSON.parse(fixed).paths['/a'].get['x-amazon-apigateway-integration'].responses.default.responseTemplates['application/json'], `{"m": "$util.escapeJavaScript($input.body).replaceAll("\\\\'","'")"}`),
    ],
    [
      'remove the quotes around $input.json (YAML block scalar)',
      'api.yaml',
      oasYaml('http', "default:\n  statusCode: \"200\"\n  responseTemplates:\n    application/json: |\n      {\"pet\": \"$input.json('$.pet')\"}"),
      'vtl-quoted-input-json',
      undefined,
      (fixed) => assert.ok(fixed.includes(`{"pet": $input.json('$.pet')}`), fixed),
    ],
    ['did you mean', 't.vtl', '$context.requestID', 'vtl-unknown-member', undefined, (fixed) => assert.equal(fixed, '$context.requestId')],
    ['an invalid contentHandling', 'template.yaml', cfn('- StatusCode: 200\n  ContentHandling: convert_to_text', '- StatusCode: 200'), 'content-handling-invalid'],
  ];
  for (const [name, fileName, text, code, title, check, follows] of cases) {
    const { before, after, text: fixed } = applyFix(fileName, text, code, title);
    // `follows`: the one note the fixed text is expected to raise (`.*` then meets multi-line messages).
    assert.deepEqual(after, [...withoutOne(before, code), ...(follows ? [follows] : [])], `${name}\n${fixed}`);
    check?.(fixed);
  }
});
