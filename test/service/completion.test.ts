// Completion at a caret (‸): in templates through the document's escaping, and on response keys and values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { cloudFormationYaml, documentOf, freshService, marked } from './harness';

function complete(fileName: string, source: string): CompletionItem[] {
  const { text, caret } = marked(source);
  assert.ok(caret >= 0, 'the input marks the caret with ‸');
  const document = documentOf(fileName, text);
  return freshService().doComplete(document, document.positionAt(caret)).items;
}

/** Every label of `expected` is proposed (`only`: and nothing else). */
function check(fileName: string, source: string, expected: string[], only = false): void {
  const labels = complete(fileName, source).map((item) => item.label);
  if (only) assert.deepEqual(labels, expected, source);
  else for (const label of expected) assert.ok(labels.includes(label), `${label} in ${JSON.stringify(labels)} for ${source}`);
}

const cfnMethod = (integrationResponse: string, methodResponses = '- StatusCode: 200\n  ResponseParameters:\n    method.response.header.X-Id: true') =>
  cloudFormationYaml(`Type: MOCK\nIntegrationResponses:\n  - StatusCode: 200\n${integrationResponse.replace(/^/gm, '    ')}`, methodResponses);

const oasJson = (integration: string) => `{"openapi": "3.0.1", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}, "404": {"description": "no"}},
  "x-amazon-apigateway-integration": ${integration}}}}}`;

test('template members, directives, variables', () => {
  const cases: [string, string, string[], boolean?][] = [
    ['t.vtl', '$util.‸', ['escapeJavaScript(text)', 'parseJson(jsonText)', 'urlEncode(text)', 'urlDecode(text)', 'base64Encode(text)', 'base64Decode(base64)'], true],
    ['t.vtl', '$input.‸', ['body', 'json(jsonPath)', 'path(jsonPath)', 'params()', 'params(name)'], true],
    ['t.vtl', '"$context.identity.so‸"', ['sourceIp', 'userAgent']],
    ['t.vtl', '#set($context.responseOverride.‸', ['status', 'header']],
    ['t.vtl', '#set($pet = 1)\n#foreach($tag in $tags)$‸#end', ['pet', 'tag', 'input', 'util', 'context', 'stageVariables']],
    ['t.vtl', '#fo‸', ['#foreach', '#set', 'Lambda custom error → status + JSON body']],
    ['t.vtl', '#foreach($a in $b)$a#if($foreach.‸)#end#end', ['hasNext', 'index', 'count', 'first', 'last'], true],
    ['t.vtl', 'plain text‸', [], true],
  ];
  for (const [fileName, source, expected, only] of cases) check(fileName, source, expected, only);
});

test('the inserted text is escaped for the scalar the template is written in', () => {
  const json = complete('api.json', oasJson('{"type": "mock", "responses": {"default": {"statusCode": "200", "responseTemplates": {"application/json": "#‸"}}}}'));
  const snippet = json.find((item) => item.label === 'Lambda custom error → status + JSON body')!;
  const newText = (snippet.textEdit as { newText: string }).newText;
  assert.ok(newText.startsWith('#set(\\$error = \\$util.parseJson('), newText);
  assert.ok(newText.includes('{\\\\n  \\\\"message\\\\"'), 'line breaks and quotes are JSON escapes, then snippet-escaped');
  const member = complete('api.json', oasJson('{"type": "mock", "responses": {"default": {"statusCode": "200", "responseTemplates": {"application/json": "$util.esc‸"}}}}'));
  const escape = member.find((item) => item.label === 'escapeJavaScript(text)')!;
  assert.equal((escape.textEdit as { newText: string }).newText, "escapeJavaScript(${1:'text'})");
});

test('keys and values of integration and method responses', () => {
  const cases: [string, string, string[], boolean?][] = [
    ['template.yaml', cfnMethod('‸'), ['StatusCode', 'SelectionPattern', 'ResponseParameters', 'ResponseTemplates', 'ContentHandling'], true],
    ['template.yaml', cfnMethod('ResponseParameters:\n  ‸'), ['method.response.header.X-Id', 'method.response.header.']],
    ['template.yaml', cfnMethod("ResponseParameters:\n  method.response.header.X-Id: ‸"), ["'value'", 'integration.response.header.', 'integration.response.body', 'context.']],
    ['template.yaml', cfnMethod('ContentHandling: ‸'), ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'], true],
    ['template.yaml', cfnMethod('ResponseTemplates:\n  ‸'), ['application/json', 'application/xml']],
    ['api.json', oasJson('{"type": "mock", "responses": {"default": {"statusCode": "‸"}}}'), ['200', '404'], true],
    ['api.json', oasJson('{"type": "mock", "responses": {"default": {"contentHandling": "‸"}}}'), ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'], true],
    ['api.json', oasJson('{"type": "mock", "responses": {"default": {‸}}}'), ['statusCode', 'responseParameters', 'responseTemplates', 'contentHandling'], true],
    ['package.json', '{"name": "x", "‸"}', [], true],
  ];
  for (const [fileName, source, expected, only] of cases) check(fileName, source, expected, only);
});
