// A generated OpenAPI definition of a chosen size, for the language service's benchmark.

const LONG_TEMPLATE = [
  "#set($root = $input.path('$'))",
  '{',
  '  "count": $root.items.size(),',
  '  "items": [',
  '#foreach($item in $root.items)',
  '    {',
  '      "id": "$item.id",',
  '      "name": "$util.escapeJavaScript($item.name).replaceAll("\\\\\'","\'")",',
  '      "price": $item.price,',
  '#if($item.tags && $item.tags.size() > 0)',
  '      "tags": $input.json("$.items[$foreach.index].tags"),',
  '#end',
  '      "requestId": "$context.requestId"',
  '    }#if($foreach.hasNext),#end',
  '#end',
  '  ]',
  '}',
].join('\n');

/** An OpenAPI 2 definition of about `bytes` as JSON: Lambda and HTTP operations, patterns, header mappings, long templates. */
export function definition(bytes: number): object {
  const paths: Record<string, unknown> = {};
  for (let i = 0, size = 0; size < bytes; i++, size += 2100) {
    const lambda = i % 2 === 0;
    paths[`/items${i}/{id}`] = {
      get: {
        responses: {
          '200': { description: 'ok', headers: { ETag: { type: 'string' } } },
          '404': { description: 'missing' },
          '500': { description: 'failed' },
        },
        'x-amazon-apigateway-integration': {
          type: lambda ? 'aws' : 'http',
          uri: lambda ? `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f${i}/invocations` : `https://example.com/items/${i}`,
          httpMethod: lambda ? 'POST' : 'GET',
          requestTemplates: { 'application/json': `{"id": "$util.escapeJavaScript($input.params('id')).replaceAll("\\\\'","'")", "n": ${i}}` },
          responses: {
            default: { statusCode: '200', responseParameters: { 'method.response.header.ETag': "'x'" }, responseTemplates: { 'application/json': `## operation ${i}\n${LONG_TEMPLATE}` } },
            [lambda ? '.*NotFound[\\s\\S]*' : '404']: { statusCode: '404', responseTemplates: { 'application/json': '{"message": "not found"}' } },
            [lambda ? '.*Error[\\s\\S]*' : '5\\d{2}']: { statusCode: '500', responseTemplates: { 'application/json': `{"message": $input.json('$.errorMessage'), "n": ${i}}` } },
          },
        },
      },
    };
  }
  return { swagger: '2.0', info: { title: 'generated', version: '1' }, paths };
}

