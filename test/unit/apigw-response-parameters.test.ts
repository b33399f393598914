// responseParameters sources: parsing for the language server, and evaluation against an endpoint response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildContext,
  createResponseParameterEvaluator,
  evaluateResponseParameterSource,
  parseResponseParameterExpression,
} from '../../shared/src/apigw/index';

test('source expressions are read into a kind, an operand range and problems', () => {
  const check = (text: string, expected: string): void => {
    const parsed = parseResponseParameterExpression(text);
    const { kind, ...fields } = parsed.source;
    const operand = parsed.operand ? ` @${parsed.operand.start}-${parsed.operand.end}` : '';
    const problems = parsed.problems.map((p) => ` ${p.severity}:${p.code}@${p.start}-${p.end}`).join('');
    assert.equal(`${kind} ${JSON.stringify(fields)}${operand}${problems}`, expected, text);
  };
  check("'*'", 'static {"value":"*"} @1-2');
  check("''", 'static {"value":""} @1-1');
  check("'it''s'", 'static {"value":"it\'\'s"} @1-6');
  check("'open", 'invalid {} error:response-parameter-unclosed-static@0-5');
  check('integration.response.header.X-Trace', 'header {"name":"X-Trace"} @28-35');
  check('integration.response.header.', 'invalid {} error:response-parameter-missing-name@0-28');
  check('integration.response.header.a b', 'header {"name":"a b"} @28-31 error:response-parameter-bad-header-name@28-31');
  check('integration.response.multivalueheader.Set-Cookie', 'multivalueheader {"name":"Set-Cookie"} @38-48');
  check('integration.response.body', 'body {}');
  check('integration.response.body.petstore.pets[0].name', 'bodyPath {"path":"petstore.pets[0].name","jsonPath":"$.petstore.pets[0].name"} @26-47');
  check("integration.response.body['a b']", 'bodyPath {"path":"[\'a b\']","jsonPath":"$[\'a b\']"} @25-32');
  check('integration.response.body.a[', "invalid {} error:response-parameter-bad-json-path@27-28");
  check('context.requestId', 'context {"name":"requestId"} @8-17');
  check('context.identity.sourceIp', 'context {"name":"identity.sourceIp"} @8-25');
  check('context.requestIdd', 'context {"name":"requestIdd"} @8-18 warning:response-parameter-unknown-context@8-18');
  check('context.', 'invalid {} error:response-parameter-missing-name@8-8');
  assert.match(parseResponseParameterExpression('context.requestIdd').problems[0].message, /did you mean context\.requestId\?/);
  check('stageVariables.env', 'stageVariables {"name":"env"} @15-18'.replace('stageVariables', 'stageVariable'));
  check('stageVariables.my-var', 'stageVariable {"name":"my-var"} @15-21 error:response-parameter-bad-stage-variable@15-21');
  check('method.request.header.X', 'invalid {} error:response-parameter-request-source@0-23');
  check('Integration.Response.Header.X', 'invalid {} error:response-parameter-prefix-case@0-29');
  check('integration.response.statusCode', 'invalid {} error:response-parameter-unknown-source@0-31');
  check('', 'invalid {} error:response-parameter-unknown-source@0-0');
});

const ERROR_BODY = JSON.stringify({
  errorMessage: JSON.stringify({ errorType: 'InternalServerError', httpStatus: 500, trace: { function: 'abc()', line: 123 } }),
  errorType: 'Error',
});

test('sources are evaluated against the endpoint response, $context and stage variables', () => {
  const context = buildContext({ httpMethod: 'GET', path: '/', resourcePath: '/' }, { identity: { apiKey: 'k-1' } });
  const headers: [string, string][] = [['X-Id', 'a'], ['Set-Cookie', 'c=1'], ['Set-Cookie', 'd=2'], ['x-id', 'lower']];
  const check = (expression: string, body: string, expected: string): void => {
    const result = evaluateResponseParameterSource(expression, { headers, body }, context, { env: 'dev' });
    const actual = result.value !== undefined ? `value ${result.value}` : `${result.problem?.severity} ${result.problem?.code}`;
    assert.equal(actual, expected, `${expression} on ${body}`);
  };
  check("'static value'", '', 'value static value');
  check('integration.response.header.X-Id', '', 'value a');
  check('integration.response.header.Set-Cookie', '', 'value d=2');
  check('integration.response.header.X-ID', '', 'information response-parameter-source-absent');
  check('integration.response.multivalueheader.Set-Cookie', '', 'value c=1,d=2');
  check('integration.response.body', '', 'value {}');
  check('integration.response.body', 'plain text', 'value plain text');
  check('integration.response.body.a.b', '{"a":{"b":"x"}}', 'value x');
  check('integration.response.body.a', '{"a":{"b":[1,2.0,true]}}', 'value {"b":[1,2.0,true]}');
  check('integration.response.body.n', '{"n":1e3}', 'value 1000.0');
  check('integration.response.body.t', '{"t":false}', 'value false');
  check('integration.response.body.z', '{"z":null}', 'information response-parameter-source-absent');
  check('integration.response.body.items[*].id', '{"items":[{"id":1},{"id":2}]}', 'value [1,2]');
  check('integration.response.body.a', '', 'information response-parameter-source-absent');
  check('integration.response.body.a', 'plain text', 'information response-parameter-source-absent');
  check('integration.response.body.a', '{wrongjson', 'error response-parameter-body-not-json');
  check('integration.response.body.errorMessage.trace.function', ERROR_BODY, 'value abc()');
  check('integration.response.body.errorMessage.httpStatus', ERROR_BODY, 'value 500');
  check('integration.response.body.errorMessage.trace', ERROR_BODY, 'value {"function":"abc()","line":123}');
  check('integration.response.body.errorMessage.missing', ERROR_BODY, 'information response-parameter-source-absent');
  check('integration.response.body.errorType.x', ERROR_BODY, 'information response-parameter-source-absent');
  check('context.identity.apiKey', '', 'value k-1');
  check('context.requestTimeEpoch', '', 'value 1704067200000');
  check('context.identity.caller', '', 'information response-parameter-source-absent');
  check('context.requestOverride', '', 'value {"header":{},"path":{},"querystring":{}}');
  check('stageVariables.env', '', 'value dev');
  check('stageVariables.toString', '', 'information response-parameter-source-absent');
  check('method.request.header.X', '', 'warning response-parameter-request-source');
});

test('one evaluator serves every mapping of a response, with the same answers', () => {
  const context = buildContext({ httpMethod: 'GET', path: '/', resourcePath: '/' });
  const endpoint = { headers: [['X-Id', 'a']] as [string, string][], body: ERROR_BODY };
  const evaluate = createResponseParameterEvaluator(endpoint, context, { env: 'dev' });
  for (const expression of ['integration.response.body.errorType', 'integration.response.body.errorMessage.trace.line', 'integration.response.header.X-Id', 'stageVariables.env', 'context.stage']) {
    assert.deepEqual(evaluate(expression), evaluateResponseParameterSource(expression, endpoint, context, { env: 'dev' }), expression);
  }
  assert.deepEqual(evaluate('integration.response.body.errorMessage.trace.line'), { value: '123' });
});
