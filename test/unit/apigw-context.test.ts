// $context defaults and overrides, and the catalogue of $context/$input/$util members.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTEXT_VARIABLES,
  INPUT_FUNCTIONS,
  UTIL_FUNCTIONS,
  buildContext,
  findContextVariable,
  suggestTemplateMember,
} from '../../shared/src/apigw/index';

const REQUEST = { httpMethod: 'GET', path: '/pets/123', resourcePath: '/pets/{petId}', headers: { 'user-agent': 'curl/8.0' } };

test('$context has the keys AWS returns, in its order, with stable values', () => {
  const context = buildContext(REQUEST);
  assert.deepEqual(Object.keys(context), [
    'resourceId', 'resourcePath', 'httpMethod', 'extendedRequestId', 'requestTime', 'path', 'accountId', 'protocol',
    'requestOverride', 'stage', 'domainPrefix', 'requestTimeEpoch', 'requestId', 'identity', 'domainName',
    'deploymentId', 'responseOverride', 'apiId',
  ]);
  assert.deepEqual(buildContext(REQUEST), context, 'the same request gives the same context');
  const identity = context.identity as Record<string, unknown>;
  const check: [unknown, unknown][] = [
    [context.httpMethod, 'GET'],
    [context.resourcePath, '/pets/{petId}'],
    [context.path, '/test/pets/123'],
    [context.stage, 'test'],
    [context.accountId, '123456789012'],
    [context.domainName, `${context.apiId}.execute-api.us-east-1.amazonaws.com`],
    [context.domainPrefix, context.apiId],
    [typeof context.requestTimeEpoch, 'number'],
    [identity.userAgent, 'curl/8.0'],
    [identity.sourceIp, '203.0.113.10'],
    [identity.caller, null],
  ];
  check.forEach(([actual, expected], i) => assert.equal(actual, expected, `row ${i}`));
  assert.deepEqual(context.requestOverride, { header: {}, path: {}, querystring: {} });
  assert.deepEqual(context.responseOverride, { header: {} });
});

test('$context: request facts and overrides, merged deeply and copied', () => {
  const overrides = { stage: 'prod', apiId: 'zyx987', identity: { apiKey: 'random-api-key' }, authorizer: { principalId: 'me' }, requestId: undefined };
  const context = buildContext({ ...REQUEST, sourceIp: '198.51.100.7', headers: {} }, overrides);
  const identity = context.identity as Record<string, unknown>;
  assert.equal(context.path, '/prod/pets/123');
  assert.equal(context.domainName, 'zyx987.execute-api.us-east-1.amazonaws.com');
  assert.equal(identity.apiKey, 'random-api-key');
  assert.equal(identity.sourceIp, '198.51.100.7');
  assert.equal(identity.userAgent, null);
  assert.deepEqual(context.authorizer, { principalId: 'me' });
  assert.equal(typeof context.requestId, 'string', 'undefined overrides are ignored');
  (context.authorizer as Record<string, unknown>).principalId = 'changed';
  assert.equal(overrides.authorizer.principalId, 'me', 'the context does not share objects with the overrides');
  const hostile = buildContext(REQUEST, JSON.parse('{"__proto__": {"polluted": true}}'));
  assert.equal((hostile as Record<string, unknown>).polluted, undefined);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('the catalogue documents every member once, with signature, type, documentation and example', () => {
  for (const [variable, members] of [['$context', CONTEXT_VARIABLES], ['$input', INPUT_FUNCTIONS], ['$util', UTIL_FUNCTIONS]] as const) {
    const signatures = new Set<string>();
    for (const member of members) {
      assert.ok(member.signature.startsWith(`${variable}.${member.name.replace(/\{.*$/, '')}`), member.signature);
      assert.ok(member.returnType && member.documentation.length > 20 && member.example, member.name);
      assert.ok(!signatures.has(member.signature), `${member.signature} is listed once`);
      signatures.add(member.signature);
    }
  }
  assert.deepEqual(UTIL_FUNCTIONS.map((m) => m.name), ['escapeJavaScript', 'parseJson', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode']);
  assert.deepEqual([...new Set(INPUT_FUNCTIONS.map((m) => m.name))], ['body', 'json', 'path', 'params']);
  const arities = [...INPUT_FUNCTIONS, ...UTIL_FUNCTIONS].map((m) => `${m.name}(${m.parameters?.map((p) => `${p.type} ${p.name}`).join(', ') ?? '-'})`);
  assert.deepEqual(arities, [
    'body(-)', 'json(String jsonPath)', 'path(String jsonPath)', 'params()', 'params(String name)',
    'escapeJavaScript(String text)', 'parseJson(String jsonText)', 'urlEncode(String text)', 'urlDecode(String text)',
    'base64Encode(String text)', 'base64Decode(String base64)',
  ]);
});

test('every key of the built $context is in the catalogue; lookups understand placeholders', () => {
  const leaves = (value: unknown, prefix: string): string[] =>
    typeof value === 'object' && value !== null && Object.keys(value).length
      ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key))
      : [prefix];
  const undocumented = leaves(buildContext(REQUEST), '').filter((name) => !/Override\.\w+$/.test(name) && !findContextVariable(name));
  assert.deepEqual(undocumented, []);
  const check: [string, string | undefined][] = [
    ['identity.sourceIp', 'identity.sourceIp'],
    ['authorizer.claims.email', 'authorizer.claims.{property}'],
    ['authorizer.tenant', 'authorizer.{key}'],
    ['responseOverride.header.Cache-Control', 'responseOverride.header.{name}'],
    ['requestIdd', undefined],
    ['identity', undefined],
  ];
  for (const [name, expected] of check) assert.equal(findContextVariable(name)?.name, expected, name);
});

test('"did you mean": case first, then the closest name within a couple of edits', () => {
  const check: [string, readonly { name: string }[], string | undefined][] = [
    ['requestIdd', CONTEXT_VARIABLES, 'requestId'],
    ['requestid', CONTEXT_VARIABLES, 'requestId'],
    ['identity.sourceIP', CONTEXT_VARIABLES, 'identity.sourceIp'],
    ['idenity.userAgent', CONTEXT_VARIABLES, 'identity.userAgent'],
    ['reqeustTime', CONTEXT_VARIABLES, 'requestTime'],
    ['responseOverride.stauts', CONTEXT_VARIABLES, 'responseOverride.status'],
    ['requestId', CONTEXT_VARIABLES, undefined],
    ['somethingElse', CONTEXT_VARIABLES, undefined],
    ['escapeJavascript', UTIL_FUNCTIONS, 'escapeJavaScript'],
    ['parseJSON', UTIL_FUNCTIONS, 'parseJson'],
    ['bdy', INPUT_FUNCTIONS, 'body'],
    ['x', INPUT_FUNCTIONS, undefined],
  ];
  for (const [name, members, expected] of check) assert.equal(suggestTemplateMember(name, members as typeof CONTEXT_VARIABLES), expected, name);
});
