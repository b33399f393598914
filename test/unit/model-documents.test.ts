import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embeddedRangeToDocument, parseApiDocument, type ApiDocument, type OffsetRange, type Operation } from '../../shared/src/index';

/**
 * Strips `⟦…⟧` markers from a document and returns the marked ranges in order, so expected ranges
 * are written where they are, not counted by hand.
 */
function marked(source: string): { text: string; ranges: OffsetRange[] } {
  let text = '';
  const ranges: OffsetRange[] = [];
  const open: number[] = [];
  for (const char of source) {
    if (char === '⟦') open.push(ranges.push({ start: text.length, end: -1 }) - 1);
    else if (char === '⟧') ranges[open.pop() as number].end = text.length;
    else text += char;
  }
  return { text, ranges };
}

function only(document: ApiDocument): Operation {
  assert.equal(document.operations.length, 1, JSON.stringify(document.operations.map((o) => o.key)));
  return document.operations[0];
}

test('the kind is recognised by content, and by name where content does not say', () => {
  const cases: [string, string, ApiDocument['kind'], ApiDocument['format']][] = [
    ['api.yaml', 'openapi: 3.0.1\npaths: {}\n', 'openapi3', 'yaml'],
    ['api.yml', 'openapi: "3.1.0"\npaths: {}\n', 'openapi3', 'yaml'],
    ['api.json', '{"swagger": "2.0", "paths": {}}', 'openapi2', 'json'],
    ['swagger.yaml', "swagger: '2.0'\n", 'openapi2', 'yaml'],
    ['definition', '{"openapi": "3.0.0"}', 'openapi3', 'json'],
    ['template.yaml', 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n', 'cloudformation', 'yaml'],
    ['template.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', 'cloudformation', 'json'],
    ['stack.template', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n', 'cloudformation', 'yaml'],
    ['method.json', '{"httpMethod": "GET", "methodIntegration": {"type": "MOCK"}}', 'get-method', 'json'],
    ['case.scenario.json', '{"method": {"httpMethod": "GET"}}', 'scenario', 'json'],
    ['case.json', '{"method": {"httpMethod": "GET"}, "backend": {}}', 'scenario', 'json'],
    ['broken.scenario.json', '{"method": ', 'scenario', 'json'],
    ['response.vtl', '#set($a = 1)', 'vtl', 'vtl'],
    ['response.vm', '$input.json("$")', 'vtl', 'vtl'],
    ['package.json', '{"name": "x", "version": "1.0.0"}', 'unknown', 'json'],
    ['docker-compose.yml', 'services:\n  web:\n    image: nginx\n', 'unknown', 'yaml'],
    ['tsconfig.json', '{"compilerOptions": {', 'unknown', 'json'],
    ['list.yaml', '- a\n- b\n', 'unknown', 'yaml'],
    ['empty.yaml', '', 'unknown', 'yaml'],
  ];
  for (const [fileName, text, kind, format] of cases) {
    const document = parseApiDocument(text, fileName);
    assert.deepEqual([document.kind, document.format], [kind, format], fileName);
    if (kind === 'unknown' || kind === 'vtl') assert.deepEqual(document.problems, [], fileName);
  }
});

test('OpenAPI operations: any-method, lower-case types, regex keys with their ranges', () => {
  const { text, ranges } = marked(`openapi: 3.0.1
info:
  title: Pets
x-amazon-apigateway-binary-media-types:
  - image/png
paths:
  /pets/{id}:
    ⟦x-amazon-apigateway-any-method⟧:
      x-amazon-apigateway-integration:
        type: aws_proxy
        passthroughBehavior: when_no_match
        responses:
          ⟦".*\\\\\\"notFound\\\\\\".*"⟧:
            statusCode: 404
          default:
            statusCode: "200"
`);
  const document = parseApiDocument(text, 'api.yaml');
  assert.deepEqual(document.problems, []);
  const operation = only(document);
  assert.equal(operation.key, 'ANY /pets/{id}');
  assert.deepEqual(operation.nameRange, ranges[0]);
  assert.equal(operation.api.name, 'Pets');
  assert.deepEqual(operation.api.binaryMediaTypes.map((t) => t.value), ['image/png']);
  assert.equal(operation.integration?.type?.value, 'AWS_PROXY');
  assert.equal(operation.integration?.passthroughBehavior?.value, 'WHEN_NO_MATCH');
  const [notFound, fallback] = operation.integration?.responses ?? [];
  assert.equal(notFound.selectionPattern?.value, '.*\\"notFound\\".*');
  assert.equal(notFound.key?.value, '.*\\"notFound\\".*');
  assert.deepEqual(notFound.selectionPattern?.range, ranges[1]);
  assert.deepEqual([notFound.statusCode?.value, notFound.statusCode?.scalarType], ['404', 'number']);
  // The decoded `\"` (two characters of pattern) maps to the four characters `\\\"` that wrote it.
  const quote = notFound.selectionPattern?.embedded;
  assert.ok(quote);
  const at = quote.text.indexOf('\\"');
  const written = embeddedRangeToDocument(quote, at, at + 2);
  assert.equal(text.slice(written.start, written.end), '\\\\\\"');
  assert.equal(fallback.selectionPattern, undefined);
  assert.equal(fallback.key?.value, 'default');
});

test('CloudFormation paths resolve through Resource parents in either intrinsic form', () => {
  const { text, ranges } = marked(`Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BinaryMediaTypes: [image/png]
  Users:
    Type: AWS::ApiGateway::Resource
    Properties:
      ParentId:
        Fn::GetAtt: [Api, RootResourceId]
      PathPart: users
  User:
    Type: AWS::ApiGateway::Resource
    Properties:
      ParentId: !Ref Users
      PathPart: '{id}'
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      ParentId: !Ref User
      PathPart: orders
  ⟦GetOrders⟧:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: get
      Integration:
        Type: MOCK
        IntegrationResponses:
          - StatusCode: 200
            SelectionPattern: ⟦'5\\d{2}'⟧
  Imported:
    Type: AWS::ApiGateway::Method
    Properties:
      ResourceId: ⟦!ImportValue SharedResource⟧
      HttpMethod: POST
`);
  const document = parseApiDocument(text, 'template.yaml');
  const [orders, imported] = document.operations;
  assert.equal(orders.key, 'GET /users/{id}/orders');
  assert.equal(orders.logicalId, 'GetOrders');
  assert.deepEqual(orders.nameRange, ranges[0]);
  assert.deepEqual(orders.api.binaryMediaTypes.map((t) => t.value), ['image/png']);
  assert.deepEqual(orders.integration?.responses[0].selectionPattern?.range, ranges[1]);
  assert.equal(orders.integration?.responses[0].selectionPattern?.value, '5\\d{2}');
  // An unresolvable parent stays visible as a placeholder, with a note where it is written.
  assert.equal(imported.key, 'POST /{!ImportValue SharedResource}');
  assert.deepEqual(
    document.problems.map((p) => [p.code, p.range]),
    [['definition-unresolved-resource', ranges[2]]],
  );
});

test('intrinsics in short and long forms stay visible with their names', () => {
  const values: [string, string, string][] = [
    ['!Ref LambdaArn', 'Ref', '!Ref LambdaArn'],
    ['{ Ref: LambdaArn }', 'Ref', '{ Ref: LambdaArn }'],
    ['!GetAtt Fn.Arn', 'Fn::GetAtt', '!GetAtt Fn.Arn'],
    ['!Join ["", [a, !Ref B]]', 'Fn::Join', 'a${B}'],
    ['!Join [":", [a, !GetAtt [F, Arn], !Sub "x${!y}", !Join ["", [c, d]]]]', 'Fn::Join', 'a:${F.Arn}:x${y}:cd'],
    ['!Join [":", !Split [",", "a,b"]]', 'Fn::Join', '!Join [":", !Split [",", "a,b"]]'],
    ['!Select [0, [a, b]]', 'Fn::Select', '!Select [0, [a, b]]'],
    ['!If [IsProd, a, b]', 'Fn::If', '!If [IsProd, a, b]'],
    ['!FindInMap [M, K, V]', 'Fn::FindInMap', '!FindInMap [M, K, V]'],
    ['!ImportValue Shared', 'Fn::ImportValue', '!ImportValue Shared'],
    ['!Base64 abc', 'Fn::Base64', '!Base64 abc'],
    ['!Sub "arn:${AWS::Region}:${!Literal}"', 'Fn::Sub', 'arn:${AWS::Region}:${Literal}'],
    ['!Sub [ "x-${Name}", { Name: !Ref N } ]', 'Fn::Sub', 'x-${Name}'],
    ['{ "Fn::Sub": "a${!B}c" }', 'Fn::Sub', 'a${B}c'],
    ['{ "Fn::GetAtt": [Fn, Arn] }', 'Fn::GetAtt', '{ "Fn::GetAtt": [Fn, Arn] }'],
    ['!Sub\n          - "multi ${X}"\n          - X: 1', 'Fn::Sub', 'multi ${X}'],
  ];
  for (const [written, name, value] of values) {
    const text = `Resources:\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      HttpMethod: GET\n      Integration:\n        Type: AWS\n        Uri: ${written}\n`;
    const document = parseApiDocument(text, 'template.yaml');
    const uri = only(document).integration?.uri;
    assert.deepEqual([uri?.intrinsic, uri?.value, uri?.scalarType], [name, value, 'intrinsic'], written);
  }
  // The same in JSON.
  const json = '{"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "GET", "Integration": {"Uri": {"Fn::Join": ["", ["a", {"Ref": "B"}]]}}}}}}';
  const uri = only(parseApiDocument(json, 'template.json')).integration?.uri;
  assert.deepEqual([uri?.intrinsic, uri?.value], ['Fn::Join', 'a${B}']);
});

test('a !Sub template maps its decoded text through both layers', () => {
  const { text, ranges } = marked(`Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties:
      HttpMethod: GET
      Integration:
        Type: MOCK
        IntegrationResponses:
          - StatusCode: 200
            ResponseTemplates:
              application/json: !Sub |
                {"region": "\${AWS::Region}", "literal": "$⟦{⟧!⟦context.stage}⟧"}
              text/plain: { "Fn::Sub": "it''s \${!x}" }
`);
  const response = only(parseApiDocument(text, 'template.yaml')).integration?.responses[0];
  const [json, plain] = response?.responseTemplates ?? [];
  const template = json.text;
  assert.ok(template);
  assert.equal(template.intrinsic, 'Fn::Sub');
  assert.equal(template.value, '{"region": "${AWS::Region}", "literal": "${context.stage}"}\n');
  const at = template.value.indexOf('${context');
  // `${` then the name: the `!` CloudFormation drops maps to nothing.
  assert.deepEqual(embeddedRangeToDocument(template.embedded, at + 1, at + 2), ranges[0]);
  assert.deepEqual(embeddedRangeToDocument(template.embedded, at + 2, at + 16), ranges[1]);
  assert.equal(plain.text?.value, 'it\'\'s ${x}');
});

test('a scenario reads its inline method with the API binary media types', () => {
  const text = JSON.stringify({
    name: 'x',
    binaryMediaTypes: ['image/png'],
    method: { httpMethod: 'POST', resourcePath: '/upload', methodIntegration: { type: 'HTTP', integrationResponses: { '200': { statusCode: '200' } } } },
    backend: { http: { statusCode: 200 } },
  });
  const operation = only(parseApiDocument(text, 'upload.scenario.json'));
  assert.equal(operation.key, 'POST /upload');
  assert.deepEqual(operation.api.binaryMediaTypes.map((t) => t.value), ['image/png']);
  assert.equal(parseApiDocument('{"definition": "../api.yaml", "operation": "GET /"}', 'ref.scenario.json').operations.length, 0);
});

test('broken JSON and YAML give problems with ranges and keep what could be read', () => {
  const cases: [string, string, string, string[]][] = [
    ['api.json', '{"swagger": "2.0", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "mock"}}}, "/b": {"get" }}}', 'json-syntax', ['GET /a', 'GET /b']],
    ['api.json', '{"swagger": "2.0", "paths": {"/a": {"get": {}}', 'json-syntax', ['GET /a']],
    ['api.yaml', 'openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n  /b: [\n', 'yaml-syntax', ['GET /a']],
    ['api.yaml', 'openapi: 3.0.1\npaths:\n  /a:\n    get: {}\n   bad: indentation\n', 'yaml-syntax', ['GET /a']],
    ['template.yaml', 'Resources:\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      HttpMethod: "GET\n', 'yaml-syntax', ['GET /']],
    ['api.yaml', "openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        responses:\n          'unterminated: {statusCode: 200}\n", 'yaml-syntax', ['GET /a']],
  ];
  for (const [fileName, text, code, keys] of cases) {
    const document = parseApiDocument(text, fileName);
    const syntax = document.problems.filter((p) => p.code === code);
    assert.ok(syntax.length > 0, `${code} in ${text}`);
    for (const problem of syntax) assert.ok(problem.range.start >= 0 && problem.range.end <= text.length && problem.range.start <= problem.range.end);
    assert.deepEqual(document.operations.map((o) => o.key), keys, text);
  }
});

test('structural mistakes are problems, not exceptions', () => {
  const cases: [string, string, string][] = [
    ['api.yaml', 'openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: 5\n', 'definition-expected-object'],
    ['api.yaml', 'openapi: 3.0.1\npaths: [1, 2]\n', 'definition-expected-object'],
    ['template.yaml', 'Resources:\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      Integration:\n        IntegrationResponses: {a: 1}\n', 'definition-expected-list'],
    ['template.yaml', 'Resources:\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      Integration: !If [C, {Type: MOCK}, {Type: AWS}]\n', 'definition-unresolved-intrinsic'],
    ['template.yaml', 'Resources:\n  A:\n    Type: AWS::ApiGateway::Resource\n    Properties: {ParentId: !Ref B, PathPart: a}\n  B:\n    Type: AWS::ApiGateway::Resource\n    Properties: {ParentId: !Ref A, PathPart: b}\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties: {ResourceId: !Ref A, HttpMethod: GET}\n', 'definition-resource-cycle'],
    ['template.yaml', 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionBody:\n        Fn::Transform: {Name: AWS::Include}\n', 'definition-unresolved-intrinsic'],
    ['template.yaml', 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionBody: !Transform\n        Name: AWS::Include\n        Parameters: {Location: s3://bucket/api.yaml}\n', 'definition-unresolved-intrinsic'],
    ['api.json', '{"openapi": "3.0.1", "paths": {"/a": {"get": {}}, "/a": {"post": {}}}}', 'definition-repeated-key'],
    ['api.yaml', 'openapi: 3.0.1\npaths:\n  /a:\n    get: {}\n    get: {}\n', 'definition-repeated-key'],
  ];
  for (const [fileName, text, code] of cases) {
    const document = parseApiDocument(text, fileName);
    assert.deepEqual(document.problems.filter((p) => /-syntax$/.test(p.code)), [], text);
    assert.ok(document.problems.some((p) => p.code === code), `${code}: ${JSON.stringify(document.problems)}`);
  }
});

test('inline OpenAPI in RestApi Body and Serverless::Api DefinitionBody', () => {
  const text = `Resources:
  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        x-amazon-apigateway-binary-media-types: [image/gif]
        paths:
          /:
            get:
              x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: 200}}}
  Sam:
    Type: AWS::Serverless::Api
    Properties:
      BinaryMediaTypes: [image~1png]
      DefinitionBody:
        swagger: "2.0"
        paths:
          /:
            get:
              x-amazon-apigateway-integration:
                type: http
                uri: !Sub "https://\${Host}/"
`;
  const document = parseApiDocument(text, 'template.yaml');
  assert.deepEqual(document.problems, []);
  assert.deepEqual(
    document.operations.map((o) => [o.key, o.api.name, o.api.binaryMediaTypes.map((t) => t.value), o.integration?.type?.value]),
    [
      ['GET /', 'Rest', ['image/gif'], 'MOCK'],
      ['GET / (Sam)', 'Sam', ['image~1png'], 'HTTP'],
    ],
  );
  assert.equal(document.operations[1].integration?.uri?.value, 'https://${Host}/');
});

test('YAML anchors and aliases read as the anchored value', () => {
  const text = `openapi: 3.0.1
paths:
  /a:
    get: &op
      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{}'}}
    post: *op
`;
  const document = parseApiDocument(text, 'api.yaml');
  assert.deepEqual(
    document.operations.map((o) => [o.key, o.integration?.requestTemplates[0].text?.value]),
    [
      ['GET /a', '{}'],
      ['POST /a', '{}'],
    ],
  );
});

test('SAM function Api events become proxy methods on their API', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      BinaryMediaTypes: [image/png]
      DefinitionBody:
        openapi: 3.0.1
        paths:
          /defined:
            get:
              x-amazon-apigateway-integration: {type: mock}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Listed:
          Type: Api
          Properties: {Path: /items, Method: any, RestApiId: !Ref Api}
        AlsoDefined:
          Type: Api
          Properties: {Path: /defined, Method: get, RestApiId: !Ref Api}
        Implicit:
          Type: Api
          Properties: {Path: /ping, Method: get}
        Queue:
          Type: SQS
          Properties: {Queue: arn}
`;
  const document = parseApiDocument(text, 'template.yaml');
  assert.deepEqual(document.problems, []);
  assert.deepEqual(
    document.operations.map((o) => [o.key, o.api.name, o.integration?.type?.value, o.logicalId ?? '']),
    [
      ['GET /defined', 'Api', 'MOCK', ''],
      ['ANY /items', 'Api', 'AWS_PROXY', 'Fn'],
      ['GET /ping', 'ServerlessRestApi', 'AWS_PROXY', 'Fn'],
    ],
  );
  assert.equal(document.operations[1].integration?.uri?.intrinsic, 'Fn::Sub');
});

test('a Fn::Join template reads as the joined text, each piece mapped to where it is written', () => {
  const { text, ranges } = marked(`{"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "GET",
  "Integration": {"Type": "MOCK", "RequestTemplates": {"application/json":
    {"Fn::Join": ["\\n", ["{\\"stage\\": \\"⟦$context.stage⟧\\",", ⟦{"Ref": "Env"}⟧, "}"]]}}}}}}}`);
  const template = only(parseApiDocument(text, 'template.json')).integration?.requestTemplates[0].text;
  assert.ok(template);
  assert.equal(template.intrinsic, 'Fn::Join');
  assert.equal(template.value, '{"stage": "$context.stage",\n${Env}\n}');
  const at = template.value.indexOf('$context');
  assert.deepEqual(embeddedRangeToDocument(template.embedded, at, at + '$context.stage'.length), ranges[0]);
  const env = template.value.indexOf('${Env}');
  assert.deepEqual(embeddedRangeToDocument(template.embedded, env, env + 6), ranges[1]);
});
