// Every real definition in test/corpus: diagnostics without a crash, the known problems found, and no
// alarm where the definition is correct.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { documentOf, freshService } from './harness';

/** Problem codes per file, sorted; a file that is correct expects none. Why each is right is said beside it. */
const expected: Record<string, string[]> = {
  // GET /products is a Lambda integration keyed `2\d{2}`: errorMessage is never a status code. The
  // default response maps to 400, whose method response does not declare the header mapped.
  'amazon-archives__aws-apigateway-importer__tst-resources-swagger-apigateway.json': ['parameter-undeclared-header', 'parameter-undeclared-header', 'pattern-status-on-lambda'],
  'aws-samples__serverless-patterns__apigw-cors-nonproxy-template.yaml': [],
  // GET / (DynamoDB) has only the pattern `200`: any other status from DynamoDB becomes a 500.
  'aws-samples__serverless-patterns__apigw-ddb-openapi-crud-api.yaml': ['response-no-default'],
  'aws-samples__serverless-patterns__apigw-mappingtemplate-lambda-api.yaml': [],
  // `SelectionPattern: 403` is a YAML integer.
  'aws-samples__serverless-patterns__apigw-rest-api-batch-sam-template.yaml': ['pattern-yaml-number'],
  'aws-samples__serverless-patterns__apigw-rest-api-dynamodb-template.yml': [],
  'aws-samples__serverless-patterns__apigw-s3-proxy-template.yaml': [],
  // Lambda responses keyed `2\d{2}`, as above.
  'awsdocs__amazon-api-gateway-developer-guide__doc_source-api-gateway-content-encodings-examples-image-lambda.oas2.json': ['pattern-status-on-lambda', 'pattern-status-on-lambda'],
  'awsdocs__amazon-api-gateway-developer-guide__doc_source-simple-calc-lambda-api-swagger-definition.oas2.json': [],
  // `"$util.escapeJavaScript($params.get($paramName))"` inside a JSON string, without the quote fix.
  // `$input.params(\"data\")` (both MOCK templates): after `.params(` Velocity 1.7's lexer reads method
  // arguments, and a backslash is none: the jar fails with a lexical error.
  'localstack__localstack__tests-aws-files-api_definition.yaml': ['vtl-escape-javascript-quote', 'vtl-not-velocity-1.7', 'vtl-not-velocity-1.7'],
  'localstack__localstack__tests-aws-files-petstore-swagger.json': [],
  'localstack__localstack__tests-aws-templates-apigateway-mock-cors-deployment.json': [],
};

test('corpus: the known problems, and nothing else', () => {
  const files = readdirSync('test/corpus').filter((name) => !name.endsWith('.md'));
  assert.deepEqual(files.sort(), Object.keys(expected).sort(), 'every corpus file has its row');
  for (const name of files) {
    const document = documentOf(name, readFileSync(`test/corpus/${name}`, 'utf8'));
    const codes = freshService().findProblems(document).map((p) => p.code).sort();
    assert.deepEqual(codes, expected[name], name);
  }
});

test('corpus: symbols, lenses and operations agree with the model', () => {
  for (const name of readdirSync('test/corpus').filter((n) => !n.endsWith('.md'))) {
    const service = freshService();
    const document = documentOf(name, readFileSync(`test/corpus/${name}`, 'utf8'));
    const operations = service.listOperations(document);
    assert.ok(operations.length > 0, name);
    assert.deepEqual(service.findDocumentSymbols(document).map((s) => s.name), operations.map((o) => o.key), name);
    for (const symbol of service.findDocumentSymbols(document)) {
      for (const child of symbol.children ?? []) {
        const inside = (r: typeof child.range, outer: typeof child.range) =>
          (r.start.line > outer.start.line || (r.start.line === outer.start.line && r.start.character >= outer.start.character)) &&
          (r.end.line < outer.end.line || (r.end.line === outer.end.line && r.end.character <= outer.end.character));
        assert.ok(inside(child.selectionRange, child.range) && inside(child.range, symbol.range), `${name}: ${child.name} nests in ${symbol.name}`);
      }
    }
  }
});
