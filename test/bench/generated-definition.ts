// A generated OpenAPI definition of a chosen size, shared by the reading benchmark and the test that
// checks a large definition is read completely.

/** The number of operations `generatedDefinition(bytes)` holds. */
export function generatedOperationCount(bytes: number): number {
  return Math.ceil(bytes / BYTES_PER_OPERATION);
}

// About what one operation below takes as indented JSON.
const BYTES_PER_OPERATION = 1290;

/**
 * An OpenAPI definition of about `bytes` (as indented JSON): one GET per path, each with a request
 * template, a default response with a header mapping and a template, and an error response selected
 * by pattern.
 */
export function generatedDefinition(bytes: number): object {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < generatedOperationCount(bytes); i++) {
    paths[`/items${i}/{id}`] = {
      get: {
        responses: { '200': { description: 'ok', headers: { ETag: { schema: { type: 'string' } } } } },
        'x-amazon-apigateway-integration': {
          type: 'aws',
          uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f${i}/invocations`,
          httpMethod: 'POST',
          requestTemplates: { 'application/json': `{"id": "$input.params('id')", "n": ${i}}` },
          responses: {
            default: {
              statusCode: '200',
              responseParameters: { 'method.response.header.ETag': "'x'" },
              responseTemplates: { 'application/json': '#set($r = $input.path(\'$\'))\n{"items": [#foreach($i in $r.items)"$i"#if($foreach.hasNext),#end#end]}' },
            },
            '.*"error".*': { statusCode: '400', responseTemplates: { 'application/json': '{"message": "$input.path(\'$.errorMessage\')"}' } },
          },
        },
      },
    };
  }
  return { openapi: '3.0.1', info: { title: 'generated' }, paths };
}
