// Every real definition in test/corpus loads with the operations a reader of it would list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseApiDocument, type ApiDocument, type Operation } from '../../shared/src/index';

const corpus = 'test/corpus';

/** `KEY TYPE status<-pattern, …` with `default` for a response without a pattern. */
function summary(operation: Operation): string {
  const responses = (operation.integration?.responses ?? []).map(
    (response) => `${response.statusCode?.value ?? '?'}<-${response.selectionPattern?.value ?? 'default'}`,
  );
  return `${operation.key} ${operation.integration?.type?.value ?? 'none'} ${responses.join(', ')}`;
}

const expected: Record<string, { kind: ApiDocument['kind']; operations: string[] }> = {
  'amazon-archives__aws-apigateway-importer__tst-resources-swagger-apigateway.json': {
    kind: 'openapi2',
    operations: ['GET /products AWS 200<-2\\d{2}, 400<-default', 'POST /products/child HTTP 200<-2\\d{2}, 400<-default'],
  },
  'aws-samples__serverless-patterns__apigw-cors-nonproxy-template.yaml': {
    kind: 'cloudformation',
    operations: ['GET /helloworld AWS 200<-default', 'OPTIONS /helloworld MOCK 200<-default'],
  },
  'aws-samples__serverless-patterns__apigw-ddb-openapi-crud-api.yaml': {
    kind: 'openapi3',
    operations: [
      'GET /{id} AWS 200<-default',
      'PUT /{id} AWS 200<-default',
      'DELETE /{id} AWS 200<-default',
      'GET / AWS 200<-200',
      'POST / AWS 200<-default',
    ],
  },
  'aws-samples__serverless-patterns__apigw-mappingtemplate-lambda-api.yaml': {
    kind: 'openapi3',
    operations: ['ANY / AWS 200<-default'],
  },
  'aws-samples__serverless-patterns__apigw-rest-api-batch-sam-template.yaml': {
    kind: 'cloudformation',
    operations: ['POST / AWS 200<-default, 403<-403'],
  },
  'aws-samples__serverless-patterns__apigw-rest-api-dynamodb-template.yml': {
    kind: 'cloudformation',
    operations: ['POST /music AWS 200<-default', 'GET /music/{artist} AWS 200<-default'],
  },
  'aws-samples__serverless-patterns__apigw-s3-proxy-template.yaml': {
    kind: 'cloudformation',
    operations: ['GET / AWS 200<-default, 400<-4\\d{2}, 500<-5\\d{2}', 'GET /{folder} AWS 200<-default', 'GET /{folder}/{item+} AWS 200<-default'],
  },
  'awsdocs__amazon-api-gateway-developer-guide__doc_source-api-gateway-content-encodings-examples-image-lambda.oas2.json': {
    kind: 'openapi2',
    operations: ['GET /lambda AWS 500<-default, 200<-2\\d{2}', 'PUT /lambda AWS 500<-default, 200<-2\\d{2}'],
  },
  'awsdocs__amazon-api-gateway-developer-guide__doc_source-simple-calc-lambda-api-swagger-definition.oas2.json': {
    kind: 'openapi2',
    operations: ['GET / AWS 200<-default', 'POST / AWS 200<-default', 'ANY /{a} MOCK 404<-default', 'ANY /{a}/{b} MOCK 404<-default', 'GET /{a}/{b}/{op} AWS 200<-default'],
  },
  'localstack__localstack__tests-aws-files-api_definition.yaml': {
    kind: 'openapi3',
    operations: ['ANY /echo/{data} MOCK 200<-default', 'ANY /wait/{seconds} AWS 200<-default'],
  },
  'localstack__localstack__tests-aws-files-petstore-swagger.json': {
    kind: 'openapi2',
    operations: [
      'GET / MOCK 200<-default',
      'GET /pets HTTP 200<-default',
      'POST /pets HTTP 200<-default',
      'OPTIONS /pets MOCK 200<-default',
      'GET /pets/{petId} HTTP 200<-default',
      'OPTIONS /pets/{petId} MOCK 200<-default',
    ],
  },
  'localstack__localstack__tests-aws-templates-apigateway-mock-cors-deployment.json': {
    kind: 'cloudformation',
    operations: ['GET / MOCK 200<-default', 'OPTIONS / MOCK 200<-default'],
  },
};

function load(name: string): ApiDocument {
  return parseApiDocument(readFileSync(join(corpus, name), 'utf8'), name);
}

test('every corpus file is listed here with what it defines', () => {
  const files = readdirSync(corpus).filter((name) => !name.endsWith('.md'));
  assert.deepEqual(files.sort(), Object.keys(expected).sort());
});

for (const [name, want] of Object.entries(expected)) {
  test(`corpus: ${name}`, () => {
    const document = load(name);
    assert.equal(document.kind, want.kind);
    assert.deepEqual(document.problems, []);
    assert.deepEqual(document.operations.map(summary), want.operations);
    for (const operation of document.operations) {
      // Every operation points at its own characters: the name range is inside the operation.
      assert.ok(operation.range.start <= operation.nameRange.start && operation.nameRange.end <= operation.range.end, operation.key);
      for (const response of operation.integration?.responses ?? []) {
        for (const template of response.responseTemplates) {
          if (template.text === null || template.text.embedded.approximate) continue;
          // Each decoded template keeps an exact map into the file.
          assert.equal(template.text.embedded.approximate, undefined);
        }
      }
    }
  });
}

function operation(name: string, key: string): Operation {
  const found = load(name).operations.find((o) => o.key === key);
  assert.ok(found, `${key} in ${name}`);
  return found;
}

test('unresolved intrinsics stay visible as such', () => {
  const lambda = operation('aws-samples__serverless-patterns__apigw-cors-nonproxy-template.yaml', 'GET /helloworld');
  assert.equal(lambda.integration?.uri?.intrinsic, 'Fn::Sub');
  assert.equal(lambda.integration?.uri?.value, 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${MyFunction.Arn}/invocations');
  assert.equal(lambda.logicalId, 'ApiGatewayGetMethod');

  const openApiSub = operation('aws-samples__serverless-patterns__apigw-mappingtemplate-lambda-api.yaml', 'ANY /');
  assert.equal(openApiSub.integration?.uri?.intrinsic, 'Fn::Sub');
  assert.match(openApiSub.integration?.uri?.value ?? '', /^arn:aws:apigateway:\$\{AWS::Region\}:lambda/);
});

test('YAML numbers where strings are expected keep their scalar type', () => {
  const batch = operation('aws-samples__serverless-patterns__apigw-rest-api-batch-sam-template.yaml', 'POST /');
  const forbidden = batch.integration?.responses[1];
  assert.equal(forbidden?.selectionPattern?.value, '403');
  assert.equal(forbidden?.selectionPattern?.scalarType, 'number');
  assert.equal(forbidden?.statusCode?.scalarType, 'number');
  // `!Sub [template, {}]` keeps the template text for analysis.
  const template = forbidden?.responseTemplates[0].text;
  assert.equal(template?.intrinsic, 'Fn::Sub');
  assert.equal(template?.value, '#set($errorRoot = $input.path(\'$\'))\n{\n  "message": "$errorRoot"\n}');
});

test('folded and escaped templates decode as API Gateway receives them', () => {
  const override = operation('aws-samples__serverless-patterns__apigw-mappingtemplate-lambda-api.yaml', 'ANY /');
  const template = override.integration?.responses[0].responseTemplates[0].text;
  assert.equal(
    template?.value,
    '#set($inputRoot = $input.path(\'$\'))\n#if($inputRoot.toString().contains("error"))\n#set($context.responseOverride.status = 400)\n#set($inputRoot.statuscode = 650)\n#set($inputRoot.body = "changed")\n#end\n$input.json("$")',
  );
  assert.equal(override.integration?.passthroughBehavior?.value, 'WHEN_NO_TEMPLATES');
  assert.equal(override.integration?.type?.value, 'AWS');
});

test('API-wide settings: title, binary media types, method responses', () => {
  const image = operation(
    'awsdocs__amazon-api-gateway-developer-guide__doc_source-api-gateway-content-encodings-examples-image-lambda.oas2.json',
    'PUT /lambda',
  );
  assert.deepEqual(image.api.binaryMediaTypes.map((t) => t.value), ['application/octet-stream', 'image/jpeg']);
  assert.equal(image.integration?.contentHandling?.value, 'CONVERT_TO_TEXT');
  const importer = operation('amazon-archives__aws-apigateway-importer__tst-resources-swagger-apigateway.json', 'GET /products');
  assert.deepEqual(
    importer.integration?.requestParameters?.map((p) => [p.target.value, p.source.value]),
    [
      ['integration.request.path.integrationPathParam', 'method.request.querystring.latitude'],
      ['integration.request.querystring.integrationQueryParam', 'method.request.querystring.longitude'],
    ],
  );
  const s3 = operation('aws-samples__serverless-patterns__apigw-s3-proxy-template.yaml', 'GET /');
  assert.equal(s3.api.name, 'AppApi');
  assert.deepEqual(
    s3.methodResponses.map((r) => [r.statusCode.value, r.headers.map((h) => h.name.value)]),
    [
      ['200', ['Content-Length', 'Content-Type', 'Timestamp']],
      ['400', []],
      ['500', []],
    ],
  );
  assert.deepEqual(
    s3.integration?.responses[0].responseParameters.map((p) => [p.target.value, p.source.value]),
    [
      ['method.response.header.Content-Length', 'integration.response.header.Content-Length'],
      ['method.response.header.Content-Type', 'integration.response.header.Content-Type'],
      ['method.response.header.Timestamp', 'integration.response.header.Date'],
    ],
  );
});
