/**
 * `$context` for a simulated request (SEMANTICS §9.4): the variables API Gateway documents, with stable,
 * realistic values so that a preview renders the same text every time.
 */

/** The request facts `$context` is built from. */
export interface ContextRequest {
  httpMethod: string;
  /** The request path without the stage, as the client addressed the resource: `/pets/123`. */
  path: string;
  /** The resource path as defined: `/pets/{petId}`. */
  resourcePath: string;
  headers?: Record<string, string>;
  sourceIp?: string;
  stage?: string;
}

/** The stable values `$context` holds when nothing else is given. */
export const CONTEXT_DEFAULTS = {
  accountId: '123456789012',
  apiId: 'a1b2c3d4e5',
  stage: 'test',
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  extendedRequestId: 'Ab1CdEfGhIjKlMn=',
  requestTime: '01/Jan/2024:00:00:00 +0000',
  requestTimeEpoch: 1704067200000,
  resourceId: 'r3s0ur',
  deploymentId: 'd3pl0y',
  protocol: 'HTTP/1.1',
  region: 'us-east-1',
  sourceIp: '203.0.113.10',
} as const;

/**
 * `$context` as plain JSON: the keys AWS returned for `$context.keySet()` (SEMANTICS §9.4, observed:
 * `test_sqs_amz_json_protocol`), in that order, then `overrides` merged in deeply (objects merge, anything
 * else replaces; `undefined` is ignored). Identity fields of an unauthenticated caller are null, as in AWS's
 * recorded `$context.identity`; null renders as nothing and maps no header.
 *
 * `path` includes the stage (`/test/pets/123`), as D-VAR documents for `$context.path`; `domainName` and
 * `domainPrefix` follow `apiId`; `userAgent` comes from the `User-Agent` header (any case).
 */
export function buildContext(request: ContextRequest, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const stage = typeof overrides.stage === 'string' ? overrides.stage : (request.stage ?? CONTEXT_DEFAULTS.stage);
  const apiId = typeof overrides.apiId === 'string' ? overrides.apiId : CONTEXT_DEFAULTS.apiId;
  const userAgent = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? null;
  const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
  const defaults: Record<string, unknown> = {
    resourceId: CONTEXT_DEFAULTS.resourceId,
    resourcePath: request.resourcePath,
    httpMethod: request.httpMethod,
    extendedRequestId: CONTEXT_DEFAULTS.extendedRequestId,
    requestTime: CONTEXT_DEFAULTS.requestTime,
    path: `/${stage}${path === '/' ? '/' : path}`,
    accountId: CONTEXT_DEFAULTS.accountId,
    protocol: CONTEXT_DEFAULTS.protocol,
    requestOverride: { header: {}, path: {}, querystring: {} },
    stage,
    domainPrefix: apiId,
    requestTimeEpoch: CONTEXT_DEFAULTS.requestTimeEpoch,
    requestId: CONTEXT_DEFAULTS.requestId,
    identity: {
      cognitoIdentityPoolId: null,
      accountId: null,
      cognitoIdentityId: null,
      caller: null,
      sourceIp: request.sourceIp ?? CONTEXT_DEFAULTS.sourceIp,
      principalOrgId: null,
      accessKey: null,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
      userArn: null,
      userAgent,
      user: null,
    },
    domainName: `${apiId}.execute-api.${CONTEXT_DEFAULTS.region}.amazonaws.com`,
    deploymentId: CONTEXT_DEFAULTS.deploymentId,
    responseOverride: { header: {} },
    apiId,
  };
  return mergeDeep(defaults, overrides, 0);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

/** Keys that would reach an object's prototype instead of the object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_MERGE_DEPTH = 50;

function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) out[key] = copyJson(value, depth + 1);
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined || UNSAFE_KEYS.has(key)) continue;
    const current = out[key];
    out[key] = isPlainRecord(current) && isPlainRecord(value) && depth < MAX_MERGE_DEPTH ? mergeDeep(current, value, depth + 1) : copyJson(value, depth + 1);
  }
  return out;
}

/** A copy, so that a template's `#set($context.…)` never writes into the caller's overrides. */
function copyJson(value: unknown, depth: number): unknown {
  if (depth > MAX_MERGE_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => copyJson(item, depth + 1));
  if (isPlainRecord(value)) return mergeDeep({}, value, depth);
  return value;
}
