/**
 * What a mapping template can reach through `$context`, `$input` and `$util` (SEMANTICS §9.2–9.5, AWS's
 * D-VAR reference), for completion, hover and "did you mean" diagnostics.
 */

/** One member of a template variable. */
export interface TemplateMember {
  /**
   * The name after the variable and its dot: `identity.sourceIp`, `escapeJavaScript`. A `{placeholder}`
   * segment stands for any name (`authorizer.claims.{property}`).
   */
  name: string;
  kind: 'property' | 'method';
  /** As written in a template: `$context.identity.sourceIp`, `$util.escapeJavaScript(String)`. */
  signature: string;
  /** The Java type a template sees. */
  returnType: string;
  /** What API Gateway gives, with the Java behaviour that matters. One paragraph. */
  documentation: string;
  /** A line of template that uses the member, and what it gives here. */
  example: string;
  /** A method's parameters, in order (Java types); absent for a property. */
  parameters?: readonly { name: string; type: string }[];
}

/** The parameters written in a method signature such as `$util.escapeJavaScript(String text)`. */
function parametersOf(signature: string): { name: string; type: string }[] | undefined {
  const open = signature.indexOf('(');
  if (open < 0) return undefined;
  const inside = signature.slice(open + 1, signature.lastIndexOf(')')).trim();
  if (inside === '') return [];
  return inside.split(',').map((parameter) => {
    const [type, name] = parameter.trim().split(/\s+/);
    return { name, type };
  });
}

function withParameters(members: TemplateMember[]): readonly TemplateMember[] {
  return members.map((member) => (member.kind === 'method' ? { ...member, parameters: parametersOf(member.signature) } : member));
}

function contextVariable(name: string, returnType: string, documentation: string, example: string): TemplateMember {
  return { name, kind: 'property', signature: `$context.${name}`, returnType, documentation, example };
}

const IDENTITY_NULL_NOTE = 'Null (renders as nothing) unless the caller is authenticated that way.';

/** The `$context` variables documented for mapping templates (SEMANTICS §9.4). */
export const CONTEXT_VARIABLES: readonly TemplateMember[] = [
  contextVariable('accountId', 'String', 'The AWS account ID of the API owner.', '"$context.accountId" → "123456789012"'),
  contextVariable('apiId', 'String', 'The identifier API Gateway assigns to the API.', '"$context.apiId" → "a1b2c3d4e5"'),
  contextVariable('authorizer.claims.{property}', 'String', 'A claim from the Amazon Cognito user pool token, after a Cognito authorizer accepted the caller. `$context.authorizer.claims` on its own is null; name a claim.', '"$context.authorizer.claims.email"'),
  contextVariable('authorizer.principalId', 'String', 'The principal ID a Lambda authorizer returned.', '"$context.authorizer.principalId"'),
  contextVariable('authorizer.{key}', 'String', 'A value from the `context` map a Lambda authorizer returned, stringified (a number 1 comes back as "1").', '"$context.authorizer.tenant"'),
  contextVariable('awsEndpointRequestId', 'String', 'The request ID of the AWS service behind the integration (from its `x-amz-request-id` or `x-amzn-RequestId` header).', '"$context.awsEndpointRequestId"'),
  contextVariable('deploymentId', 'String', 'The ID of the deployment being called. Present in `$context.keySet()` on AWS though not in the documentation.', '"$context.deploymentId" → "d3pl0y"'),
  contextVariable('domainName', 'String', 'The domain name the API was called on.', '"$context.domainName" → "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"'),
  contextVariable('domainPrefix', 'String', 'The first label of the domain name.', '"$context.domainPrefix" → "a1b2c3d4e5"'),
  contextVariable('error.message', 'String', 'The gateway error message; only in gateway response templates.', '"$context.error.message"'),
  contextVariable('error.messageString', 'String', 'The gateway error message as a quoted JSON string; only in gateway response templates.', '{"message": $context.error.messageString}'),
  contextVariable('error.responseType', 'String', 'The gateway response type (`DEFAULT_4XX`, `INTEGRATION_TIMEOUT`, …); only in gateway response templates.', '"$context.error.responseType"'),
  contextVariable('error.validationErrorString', 'String', 'The request validation error, readable; only in gateway response templates.', '"$context.error.validationErrorString"'),
  contextVariable('extendedRequestId', 'String', 'The extended request ID API Gateway also returns in the `x-amz-apigw-id` header.', '"$context.extendedRequestId" → "Ab1CdEfGhIjKlMn="'),
  contextVariable('httpMethod', 'String', 'The HTTP method of the method request: `DELETE`, `GET`, `HEAD`, `OPTIONS`, `PATCH`, `POST` or `PUT`.', '"$context.httpMethod" → "GET"'),
  contextVariable('identity.accessKey', 'String', `The AWS access key of an IAM-signed caller; AWS returns it in \`$context.identity\` though the reference does not list it. ${IDENTITY_NULL_NOTE}`, '"$context.identity.accessKey"'),
  contextVariable('identity.accountId', 'String', `The AWS account ID of an IAM-signed caller. ${IDENTITY_NULL_NOTE}`, '"$context.identity.accountId"'),
  contextVariable('identity.apiKey', 'String', 'The API key of the request, for methods that require one.', '"$context.identity.apiKey"'),
  contextVariable('identity.apiKeyId', 'String', 'The ID of the API key of the request, for methods that require one.', '"$context.identity.apiKeyId"'),
  contextVariable('identity.caller', 'String', `The principal identifier of an IAM-signed caller. ${IDENTITY_NULL_NOTE}`, '"$context.identity.caller"'),
  contextVariable('identity.cognitoAuthenticationProvider', 'String', `The Amazon Cognito authentication providers of a caller signed with Cognito credentials. ${IDENTITY_NULL_NOTE}`, '"$context.identity.cognitoAuthenticationProvider"'),
  contextVariable('identity.cognitoAuthenticationType', 'String', `\`authenticated\` or \`unauthenticated\` for a caller signed with Cognito credentials. ${IDENTITY_NULL_NOTE}`, '"$context.identity.cognitoAuthenticationType"'),
  contextVariable('identity.cognitoIdentityId', 'String', `The Amazon Cognito identity ID of the caller. ${IDENTITY_NULL_NOTE}`, '"$context.identity.cognitoIdentityId"'),
  contextVariable('identity.cognitoIdentityPoolId', 'String', `The Amazon Cognito identity pool ID of the caller. ${IDENTITY_NULL_NOTE}`, '"$context.identity.cognitoIdentityPoolId"'),
  contextVariable('identity.principalOrgId', 'String', `The AWS organization ID of an IAM-signed caller. ${IDENTITY_NULL_NOTE}`, '"$context.identity.principalOrgId"'),
  contextVariable('identity.sourceIp', 'String', 'The source IP address of the TCP connection that reached API Gateway.', '"$context.identity.sourceIp" → "203.0.113.10"'),
  contextVariable('identity.clientCert.clientCertPem', 'String', 'The PEM client certificate presented under mutual TLS; null without mutual TLS.', '"$context.identity.clientCert.clientCertPem"'),
  contextVariable('identity.clientCert.subjectDN', 'String', 'The subject of the mutual TLS client certificate.', '"$context.identity.clientCert.subjectDN"'),
  contextVariable('identity.clientCert.issuerDN', 'String', 'The issuer of the mutual TLS client certificate.', '"$context.identity.clientCert.issuerDN"'),
  contextVariable('identity.clientCert.serialNumber', 'String', 'The serial number of the mutual TLS client certificate.', '"$context.identity.clientCert.serialNumber"'),
  contextVariable('identity.clientCert.validity.notBefore', 'String', 'The start of the mutual TLS client certificate\'s validity.', '"$context.identity.clientCert.validity.notBefore"'),
  contextVariable('identity.clientCert.validity.notAfter', 'String', 'The end of the mutual TLS client certificate\'s validity.', '"$context.identity.clientCert.validity.notAfter"'),
  contextVariable('identity.user', 'String', `The principal identifier of the user an IAM-signed request is authorized for. ${IDENTITY_NULL_NOTE}`, '"$context.identity.user"'),
  contextVariable('identity.userAgent', 'String', 'The `User-Agent` header of the caller.', '"$context.identity.userAgent"'),
  contextVariable('identity.userArn', 'String', `The ARN of the IAM-signed caller. ${IDENTITY_NULL_NOTE}`, '"$context.identity.userArn"'),
  contextVariable('path', 'String', 'The request path including the stage: `/test/pets/123` for a call to `…/test/pets/123`.', '"$context.path" → "/test/pets/123"'),
  contextVariable('protocol', 'String', 'The request protocol, such as `HTTP/1.1`.', '"$context.protocol" → "HTTP/1.1"'),
  contextVariable('requestId', 'String', 'The ID API Gateway gives the request, also returned in the `x-amzn-RequestId` header.', '"$context.requestId" → "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"'),
  contextVariable('requestOverride.header.{name}', 'String', 'Set in a request template to override the integration request header `name`: `#set($context.requestOverride.header.X-Trace = "on")`. Values set there are also readable in the response template.', '#set($context.requestOverride.header.X-Trace = "on")'),
  contextVariable('requestOverride.path.{name}', 'String', 'Set in a request template to override the integration request path parameter `name`.', '#set($context.requestOverride.path.petId = "42")'),
  contextVariable('requestOverride.querystring.{name}', 'String', 'Set in a request template to override the integration request query string parameter `name`.', '#set($context.requestOverride.querystring.page = "2")'),
  contextVariable('responseOverride.header.{name}', 'String', 'Set in a response template to set or override the method response header `name`; it wins over `responseParameters` and needs no method response declaration. Overrides are final: setting the same one twice makes API Gateway answer 5XX, so compute the value and set it once.', '#set($context.responseOverride.header.Cache-Control = "no-store")'),
  contextVariable('responseOverride.status', 'Integer', 'Set in a response template to replace the method response status code, for example when the backend answered 200 with an error body. The status needs no method response of its own. Overrides are final: set it once.', '#set($context.responseOverride.status = 400)'),
  contextVariable('requestTime', 'String', 'The request time in CLF format, `dd/MMM/yyyy:HH:mm:ss +0000`.', '"$context.requestTime" → "01/Jan/2024:00:00:00 +0000"'),
  contextVariable('requestTimeEpoch', 'Long', 'The request time in milliseconds since the epoch.', '$context.requestTimeEpoch → 1704067200000'),
  contextVariable('resourceId', 'String', 'The ID API Gateway gives the resource.', '"$context.resourceId" → "r3s0ur"'),
  contextVariable('resourcePath', 'String', 'The path of the resource as defined, with its parameters: `/pets/{petId}`.', '"$context.resourcePath" → "/pets/{petId}"'),
  contextVariable('stage', 'String', 'The deployment stage of the request, such as `test` or `prod`.', '"$context.stage" → "test"'),
  contextVariable('wafResponseCode', 'String', 'The AWS WAF verdict (`WAF_ALLOW` or `WAF_BLOCK`); null when no web ACL is associated with the stage.', '"$context.wafResponseCode"'),
  contextVariable('webaclArn', 'String', 'The ARN of the web ACL that decided whether to allow the request; null without one.', '"$context.webaclArn"'),
];

/** The `$input` functions (SEMANTICS §9.2). */
export const INPUT_FUNCTIONS: readonly TemplateMember[] = withParameters([
  {
    name: 'body',
    kind: 'property',
    signature: '$input.body',
    returnType: 'String',
    documentation: 'The raw payload as a string; an empty payload is `{}`. It is a String, so `$input.body.name` is null and renders as nothing: use `$input.path(\'$.name\')`. For a binary payload converted to text it is the base64 text.',
    example: '"raw": "$util.escapeJavaScript($input.body)"',
  },
  {
    name: 'json',
    kind: 'method',
    signature: '$input.json(String jsonPath)',
    returnType: 'String',
    documentation: 'Evaluates a JSONPath on the payload and returns the result as JSON text: strings come back quoted (`"foo"`), so write `$input.json(\'$.name\')` without quotes around it. `$input.json(\'$\')` is the whole payload. A missing path gives `""`.',
    example: '"pet": $input.json(\'$.pets[0]\')',
  },
  {
    name: 'path',
    kind: 'method',
    signature: '$input.path(String jsonPath)',
    returnType: 'Object',
    documentation: 'Evaluates a JSONPath on the payload and returns a Java object to work with: a Map, a List, a String, a number or a boolean. A map prints as `{key=value}` and a list as compact JSON, so use `$input.json` to emit JSON. A missing path or a payload that is not JSON gives null, which renders as nothing.',
    example: '#foreach($pet in $input.path(\'$.pets\'))"$pet.name"#if($foreach.hasNext),#end#end',
  },
  {
    name: 'params',
    kind: 'method',
    signature: '$input.params()',
    returnType: 'Map<String, Map<String, String>>',
    documentation: 'All method request parameters: a map with `path`, `querystring` and `header`, each a map from parameter name to value.',
    example: '#foreach($name in $input.params().header.keySet())"$name"#if($foreach.hasNext),#end#end',
  },
  {
    name: 'params',
    kind: 'method',
    signature: '$input.params(String name)',
    returnType: 'String',
    documentation: 'The value of the method request parameter `name`, looked up in the path, then the query string, then the headers; "" when there is none. Escape it with `$util.escapeJavaScript` before putting it in JSON.',
    example: '"petId": "$util.escapeJavaScript($input.params(\'petId\'))"',
  },
]);

/** The `$util` functions (SEMANTICS §9.3). */
export const UTIL_FUNCTIONS: readonly TemplateMember[] = withParameters([
  {
    name: 'escapeJavaScript',
    kind: 'method',
    signature: '$util.escapeJavaScript(String text)',
    returnType: 'String',
    documentation: 'Escapes text with JavaScript string rules (Apache Commons Lang): `"` → `\\"`, `\\` → `\\\\`, `/` → `\\/`, newline → `\\n`, characters beyond ASCII → `\\uXXXX`, and `\'` → `\\\'`, which is not valid inside JSON. To put the result in a JSON string, undo that one: `$util.escapeJavaScript($x).replaceAll("\\\\\'","\'")`.',
    example: '"message": "$util.escapeJavaScript($input.path(\'$.message\')).replaceAll("\\\\\'","\'")"',
  },
  {
    name: 'parseJson',
    kind: 'method',
    signature: '$util.parseJson(String jsonText)',
    returnType: 'Object',
    documentation: 'Parses JSON text into a Java object (Map, List, String, number, boolean) to work with, for example the JSON string a Lambda function put in `errorMessage`. Text that is not JSON is a template error.',
    example: '#set($error = $util.parseJson($input.path(\'$.errorMessage\')))"$error.code"',
  },
  {
    name: 'urlEncode',
    kind: 'method',
    signature: '$util.urlEncode(String text)',
    returnType: 'String',
    documentation: 'Encodes text as application/x-www-form-urlencoded, as Java\'s `URLEncoder` with UTF-8: letters, digits and `.-*_` stay, a space becomes `+`, everything else `%XX`.',
    example: '$util.urlEncode("a b&c") → a+b%26c',
  },
  {
    name: 'urlDecode',
    kind: 'method',
    signature: '$util.urlDecode(String text)',
    returnType: 'String',
    documentation: 'Decodes application/x-www-form-urlencoded text, as Java\'s `URLDecoder` with UTF-8: `+` is a space and `%XX` sequences are UTF-8 bytes. A `%` not followed by two hex digits is a template error.',
    example: '$util.urlDecode("Rock+%26+Roll") → Rock & Roll',
  },
  {
    name: 'base64Encode',
    kind: 'method',
    signature: '$util.base64Encode(String text)',
    returnType: 'String',
    documentation: 'The base64 of the text\'s UTF-8 bytes, standard alphabet, with `=` padding.',
    example: '$util.base64Encode("hello") → aGVsbG8=',
  },
  {
    name: 'base64Decode',
    kind: 'method',
    signature: '$util.base64Decode(String base64)',
    returnType: 'String',
    documentation: 'Decodes standard base64 (padding optional) and reads the bytes as UTF-8. Characters outside the base64 alphabet, including the URL-safe `-` and `_` and line breaks, are a template error, as in Java\'s decoder.',
    example: '$util.base64Decode("aGVsbG8=") → hello',
  },
]);

/**
 * The catalogue entry for a `$context` name such as `identity.sourceIp` or `authorizer.claims.email`
 * (placeholders match any one segment and, at the end, anything below it). Undefined when AWS documents
 * no such variable.
 */
export function findContextVariable(name: string): TemplateMember | undefined {
  const segments = name.split('.');
  return CONTEXT_VARIABLES.find((member) => {
    const pattern = member.name.split('.');
    const last = pattern[pattern.length - 1];
    const openEnded = last.startsWith('{');
    if (openEnded ? segments.length < pattern.length : segments.length !== pattern.length) return false;
    return pattern.every((part, i) => part.startsWith('{') || part === segments[i]);
  });
}

/** Edit distance with transpositions (optimal string alignment), stopping early past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const beforePrevious = previousRow;
    previousRow = row;
    row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.length];
}

/**
 * The member a mistyped name most likely meant, for "did you mean" messages: a name that differs only in
 * case, else the closest within two edits (one for names of four characters or fewer). Names with a
 * `{placeholder}` are offered up to the placeholder (`requestOverride.header.`). Undefined when nothing is close.
 */
export function suggestTemplateMember(name: string, members: readonly TemplateMember[]): string | undefined {
  const candidates = [...new Set(members.map((member) => member.name.replace(/\.?\{[^}]*\}.*$/, '')))];
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (sameLetters !== undefined) return sameLetters === name ? undefined : sameLetters;
  const limit = name.length <= 4 ? 1 : 2;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
