// Diagnostics at the module boundary: each document marks with ⟦…⟧ exactly the problems expected, in
// order, so a missing problem, an extra one (a false alarm) or a shifted range all fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloudFormationYaml, documentOf, freshService, LAMBDA_URI, marked, openApiYaml } from './harness';

const oas = openApiYaml;
const cfn = cloudFormationYaml;

function check(name: string, fileName: string, source: string, expected: string[]): void {
  const { text, ranges } = marked(source);
  assert.equal(ranges.length, expected.length, `${name}: one ⟦…⟧ per expected code`);
  const document = documentOf(fileName, text);
  const found = freshService()
    .findProblems(document)
    .map((p) => `${p.code} ${JSON.stringify(text.slice(p.range.start, p.range.end))}`);
  const wanted = expected.map((code, i) => `${code} ${JSON.stringify(text.slice(ranges[i].start, ranges[i].end))}`);
  assert.deepEqual(found, wanted, name);
}

const cases: [name: string, fileName: string, source: string, expected: string[]][] = [
  [
    'a correct Lambda integration has no problem',
    'api.yaml',
    oas(`type: aws
uri: ${LAMBDA_URI}
httpMethod: POST
responses:
  default:
    statusCode: "200"
  ".*NotFound[\\\\s\\\\S]*":
    statusCode: "404"`, '"200":\n  description: ok\n"404":\n  description: missing'),
    [],
  ],
  [
    'invalid YAML',
    'api.yaml',
    'openapi: 3.0.1\npaths:\n  /a:\n    get: ⟦"unterminated\n⟧⟦⟧',
    ['definition-expected-object', 'yaml-syntax'],
  ],
  [
    'a status code without a method response, and no default',
    'api.yaml',
    oas(`type: ⟦http⟧
uri: https://example.com
httpMethod: GET
responses:
  "4\\\\d{2}":
    statusCode: ⟦"404"⟧`),
    ['response-no-default', 'response-undeclared-status'],
  ],
  [
    'two defaults, and a status code out of range',
    'api.yaml',
    oas(`type: mock
responses:
  default:
    statusCode: "200"
  "":
    statusCode: ⟦⟦⟦"700"⟧⟧⟧`),
    ['response-status-range', 'response-undeclared-status', 'response-several-defaults'],
  ],
  [
    'letters against an HTTP status code; a pattern shadowed by an earlier one',
    'api.yaml',
    oas(`type: http
uri: https://example.com
httpMethod: GET
responses:
  default:
    statusCode: "200"
  ⟦".*NotFound.*"⟧:
    statusCode: "200"
  "4\\\\d{2}":
    statusCode: "200"
  ⟦"404"⟧:
    statusCode: "200"`),
    ['pattern-cannot-match-status', 'pattern-unreachable'],
  ],
  [
    'bracket misuse, a status regex on Lambda, a whole-string literal, .* on multi-line messages',
    'api.yaml',
    oas(`type: aws
uri: ${LAMBDA_URI}
httpMethod: POST
responses:
  default:
    statusCode: "200"
  ⟦"Invalid*"⟧:
    statusCode: "200"
  ".*⟦[NotFound]⟧⟦.*⟧":
    statusCode: "200"
  ⟦"4\\\\d{2}"⟧:
    statusCode: "200"`),
    ['pattern-whole-string', 'pattern-bracket-class', 'pattern-dot-newline', 'pattern-status-on-lambda'],
  ],
  [
    'a group Java repeats by recursion, on Lambda only (a status code is three characters)',
    'api.yaml',
    oas(`type: aws
uri: ${LAMBDA_URI}
httpMethod: POST
responses:
  default:
    statusCode: "200"
  ".*Exception⟦(\\n|.)*⟧":
    statusCode: "200"
  "Bad⟦(.|\\n)+⟧":
    statusCode: "200"
  '.*Timeout[\s\S]*':
    statusCode: "200"`),
    ['pattern-deep-recursion', 'pattern-deep-recursion'],
  ],
  [
    'an invalid Java regex, at its character',
    'api.json',
    `{"openapi": "3.0.1", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}},
      "x-amazon-apigateway-integration": {"type": "mock", "responses": {"default": {"statusCode": "200"}, "(4\\\\d{2}⟦⟧": {"statusCode": "200"}}}}}}}`,
    ['regex-syntax'],
  ],
  [
    'a numeric SelectionPattern in YAML; unquoted 4\\d{2} is fine',
    'template.yaml',
    cfn(`Type: AWS
Uri: arn:aws:apigateway:us-east-1:s3:path/bucket/key
IntegrationHttpMethod: GET
IntegrationResponses:
  - StatusCode: 200
  - StatusCode: 403
    SelectionPattern: ⟦403⟧
  - StatusCode: 500
    SelectionPattern: 5\\d{2}`, '- StatusCode: 200\n- StatusCode: 403\n- StatusCode: 500'),
    ['pattern-yaml-number'],
  ],
  [
    'response parameters: invalid target, invalid source, undeclared header',
    'template.yaml',
    cfn(`Type: MOCK
IntegrationResponses:
  - StatusCode: 200
    ResponseParameters:
      ⟦method.response.body.X⟧: "'a'"
      method.response.header.Y: "⟦integration.response.hdr.Y⟧"
      ⟦method.response.header.Z⟧: "'z'"`, `- StatusCode: 200
  ResponseParameters:
    method.response.header.Y: true`),
    ['parameter-invalid-target', 'response-parameter-unknown-source', 'parameter-undeclared-header'],
  ],
  [
    'an invalid contentHandling',
    'template.yaml',
    cfn(`Type: MOCK
ContentHandling: ⟦CONVERT_TO_BASE64⟧
IntegrationResponses:
  - StatusCode: 200`),
    ['content-handling-invalid'],
  ],
  [
    'integration responses and templates on a proxy integration',
    'template.yaml',
    cfn(`Type: AWS_PROXY
Uri: ${LAMBDA_URI}
IntegrationHttpMethod: POST
RequestTemplates:
  ⟦application/json⟧: "{}"
IntegrationResponses:
  - StatusCode: ⟦200⟧`),
    ['response-ignored-on-proxy', 'response-ignored-on-proxy'],
  ],
];

for (const [name, fileName, source, expected] of cases) {
  test(`diagnostics: ${name}`, () => check(name, fileName, source, expected));
}

test('settings: per-rule severity, off, and a misspelled severity that keeps the built-in one', () => {
  const document = documentOf('response.vtl', '$context.requestID $util.escapeJavaScript()');
  const service = freshService();
  const severities = (settings: Parameters<typeof service.doValidation>[1]) => service.doValidation(document, settings).map((d) => `${d.code}:${d.severity}`);
  assert.deepEqual(severities({}), ['vtl-unknown-member:2', 'vtl-argument-count:2']);
  assert.deepEqual(severities({ severity: { 'vtl-unknown-member': 'error', 'vtl-argument-count': 'off' } }), ['vtl-unknown-member:1']);
  assert.deepEqual(severities({ severity: { 'vtl-unknown-member': 'warn' as never } }), ['vtl-unknown-member:2', 'vtl-argument-count:2']);
  assert.deepEqual(severities({ enable: false }), []);
});
