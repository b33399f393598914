// Template problems land on the document characters that produced them, through JSON escapes, YAML
// quoting, block scalars and !Sub; each document marks with ⟦…⟧ exactly the problems expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentOf, freshService, marked } from './harness';

function check(name: string, fileName: string, source: string, expected: string[]): void {
  const { text, ranges } = marked(source);
  assert.equal(ranges.length, expected.length, `${name}: one ⟦…⟧ per expected code`);
  const found = freshService()
    .findProblems(documentOf(fileName, text))
    .map((p) => `${p.code} ${JSON.stringify(text.slice(p.range.start, p.range.end))}`);
  const wanted = expected.map((code, i) => `${code} ${JSON.stringify(text.slice(ranges[i].start, ranges[i].end))}`);
  assert.deepEqual(found, wanted, name);
}

function oasJson(template: string, role: 'request' | 'response' = 'response'): string {
  const templates = `{"application/json": ${template}}`;
  return `{"swagger": "2.0", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}},
  "x-amazon-apigateway-integration": {"type": "mock", ${role === 'request' ? `"requestTemplates": ${templates}, ` : ''}"responses": {"default": {"statusCode": "200"${role === 'response' ? `, "responseTemplates": ${templates}` : ''}}}}}}}}`;
}

/** An OpenAPI 2 YAML MOCK operation whose default response has the given application/json template scalar. */
function swaggerYaml(templateScalar: string): string {
  return `swagger: "2.0"
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: mock
        responses:
          default:
            statusCode: "200"
            responseTemplates:
              application/json: ${templateScalar}`;
}

/** A CloudFormation YAML MOCK method whose 200 response has the given application/json template value (a scalar or an intrinsic). */
function cfnMockYaml(templateValue: string): string {
  return `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      HttpMethod: GET
      Integration:
        Type: MOCK
        IntegrationResponses:
          - StatusCode: 200
            ResponseTemplates:
              application/json: ${templateValue}
      MethodResponses:
        - StatusCode: 200
`;
}

const cases: [name: string, fileName: string, source: string, expected: string[]][] = [
  ['a correct template has no problem', 'ok.vtl', `#set($body = $util.parseJson($input.path('$.errorMessage')))
{"id": "$context.requestId", "message": "$util.escapeJavaScript($body.message).replaceAll("\\\\'","'")", "pet": $input.json('$.pet')}`, []],
  [
    'unknown members with did-you-mean; escapeJavaScript in a JSON string',
    'response.vtl',
    `{"id": "$context.⟦requestID⟧", "m": "⟦$util.escapeJavaScript($input.path('$.m'))⟧", "x": $util.⟦parsejson⟧("{}"), "y": "$context.identity.⟦sourceIP⟧"}`,
    ['vtl-unknown-member', 'vtl-escape-javascript-quote', 'vtl-unknown-member', 'vtl-unknown-member'],
  ],
  [
    'argument counts; a method used as a property',
    'response.vtl',
    `$util.⟦escapeJavaScript()⟧ $input.⟦json⟧ $input.params() $input.params('id')`,
    ['vtl-argument-count', 'vtl-unknown-member'],
  ],
  [
    'Java objects printed: $input, $util, a split array; their members and a #foreach over the array are fine',
    'response.vtl',
    `⟦$input⟧ ⟦$!{util}⟧ ⟦$input.path('$.tags').split(',')⟧ $input.body $util.escapeJavaScript('a') #foreach($t in $input.path('$.t').split(','))$t#end #set($parts = $input.body.split(','))$parts.size()`,
    ['vtl-prints-java-object', 'vtl-prints-java-object', 'vtl-prints-java-object'],
  ],
  [
    'through JSON escapes: a member and a quoted $input.json',
    'api.json',
    oasJson(`"{\\"name\\": \\"$input.⟦jsn⟧('$.name')\\", \\"pet\\": ⟦\\"$input.json('$.pet')\\"⟧}"`),
    ['vtl-unknown-member', 'vtl-quoted-input-json'],
  ],
  [
    'through a YAML block scalar: an unclosed #if',
    'api.yaml',
    swaggerYaml(`|
                ⟦#if($input.path('$.a'))⟧
                {"a": $context.⟦stagee⟧}
`),
    ['vtl-unclosed-block', 'vtl-unknown-member'],
  ],
  [
    'through a YAML double-quoted scalar with escapes',
    'api.yaml',
    swaggerYaml(`"{\\"a\\": \\"\\u0041\\", \\"b\\": $util.⟦base64encode⟧(\\"x\\")}"
`),
    ['vtl-unknown-member'],
  ],
  [
    'through !Sub: substitutions are kept, members checked',
    'template.yaml',
    cfnMockYaml(`!Sub '{"table": "\${Table}", "id": "$context.⟦requestid⟧"}'`),
    ['vtl-unknown-member'],
  ],
  [
    'through !Join: the joined text is checked',
    'template.yaml',
    cfnMockYaml(`!Join ['', ['{"id": "$context.⟦requestid⟧", "table": "', !Ref Table, '"}']]`),
    ['vtl-unknown-member'],
  ],
  [
    'an !If is raw source, not a template: nothing in it is checked',
    'template.yaml',
    cfnMockYaml(`!If [Prod, '{"id": "$context.requestid"}', '#if($x) $input.pth("$")']`),
    [],
  ],
  [
    'a {"Fn::If": …} in JSON is raw source too',
    'template.json',
    `{"Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi"}, "Method": {"Type": "AWS::ApiGateway::Method", "Properties": {"RestApiId": {"Ref": "Api"}, "HttpMethod": "GET",
  "Integration": {"Type": "MOCK", "IntegrationResponses": [{"StatusCode": 200, "ResponseTemplates": {"application/json": {"Fn::If": ["Prod", "$context.requestid #end", "$input.pth('$')"]}}}]},
  "MethodResponses": [{"StatusCode": 200}]}}}}`,
    [],
  ],
  [
    'responseOverride: not a status, set twice, in a request template',
    'response.vtl',
    `#set($context.responseOverride.status = ⟦"abc"⟧)
#set($context.responseOverride.header.X = "1")
⟦#set($context.responseOverride.status = 400)⟧
⟦#set($context.responseOverride.status = ⟦700⟧)⟧`,
    ['vtl-override-status', 'vtl-override-twice', 'vtl-override-twice', 'vtl-override-status'],
  ],
  [
    'responseOverride in a request template',
    'api.json',
    oasJson(`"#set(⟦$context.responseOverride.status⟧ = 400)"`, 'request'),
    ['vtl-override-in-request'],
  ],
  [
    'a scenario file: its inline method and its own keys',
    'case.scenario.json',
    `{"method": {"httpMethod": "GET", "methodResponses": {"200": {"statusCode": "200"}}, "methodIntegration": {"type": "MOCK",
  "integrationResponses": {"200": {"statusCode": "200", "responseTemplates": {"application/json": "$util.⟦escapejavascript⟧('x')"}}}}}, ⟦"backnd"⟧: {}}`,
    ['vtl-unknown-member', 'scenario-invalid'],
  ],
  ['a .vm template is a template too', 'response.vm', "$input.⟦pth⟧('$')", ['vtl-unknown-member']],
];

for (const [name, fileName, source, expected] of cases) {
  test(`template diagnostics: ${name}`, () => check(name, fileName, source, expected));
}
