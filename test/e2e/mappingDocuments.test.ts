// The extension's choice of documents, without VS Code: it decides when the language server starts
// and where the preview command shows, so a wrong answer either wastes a process on every JSON file
// or hides the product from its users.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isMappingDocument } from '../../client/src/mappingDocuments';

function check(languageId: string, fileName: string, text: string, expected: boolean): void {
  assert.equal(isMappingDocument({ languageId, fileName, getText: () => text }), expected, `${languageId} ${fileName}`);
}

test('mapping documents: definitions, scenarios and templates are recognised from their content', () => {
  check('yaml', '/w/openapi.yaml', readFileSync('examples/openapi.yaml', 'utf8'), true);
  check('yaml', '/w/template.yaml', readFileSync('examples/sam-template.yaml', 'utf8'), true);
  check('json', '/w/api.json', '{"paths": {"/": {"get": {"x-amazon-apigateway-integration": {"type": "mock"}}}}}', true);
  check('json', '/w/stack.json', '{"Resources": {"M": {"Type": "AWS::ApiGateway::Method"}}}', true);
  check('yaml', '/w/sam.yml', 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n', true);
  check('json', '/w/get-method.json', '{"httpMethod": "GET", "methodIntegration": {"type": "MOCK"}}', true);
  check('jsonc', '/w/cfn.json', '// stack\n{"Integration": {"RequestTemplates": {}}}', true);
  check('json', '/w/case.scenario.json', '{}', true);
  check('vtl', '/w/response.vtl', '', true);
});

test('mapping documents: ordinary files are left alone', () => {
  check('json', '/w/package.json', readFileSync('package.json', 'utf8').replace(/[Rr](esponse|equest)Templates|x-amazon|AWS::/g, ''), false);
  check('json', '/w/tsconfig.json', '{"compilerOptions": {"strict": true}}', false);
  check('yaml', '/w/ci.yaml', 'jobs:\n  test:\n    runs-on: ubuntu-latest\n', false);
  check('yaml', '/w/openapi.yaml', 'openapi: 3.0.1\npaths: {}\n', false);
  check('typescript', '/w/a.scenario.json.ts', 'x-amazon-apigateway-integration', false);
  // A marker far past the scanned prefix does not count: large unrelated files stay cheap.
  check('json', '/w/big.json', `{"data": "${'x'.repeat(300 * 1024)}", "x-amazon-apigateway-integration": {}}`, false);
});
