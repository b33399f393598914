import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { operationFromGetMethodNode } from '../model/index';
import type { OffsetRange, Sourced } from '../model/types';
import { fromBase64, utf8Bytes } from '../pipeline/bytes';
import type { BackendSample, HeaderLine, SimulationRequest } from '../pipeline/index';
import { jsonPathOf } from './jsonPath';
import type { ExpectationKey, ExpectedHeaderValue, Scenario, ScenarioExpectation, ScenarioMethodSource, ScenarioProblem } from './types';

type Path = (string | number)[];

const topLevelKeys = new Set([
  'name',
  'description',
  'definition',
  'operation',
  'method',
  'binaryMediaTypes',
  'stageVariables',
  'context',
  'request',
  'backend',
  'expect',
]);
const requestKeys = new Set(['httpMethod', 'path', 'headers', 'queryStringParameters', 'pathParameters', 'body', 'bodyBase64']);
const expectKeys = new Set<ExpectationKey>(['statusCode', 'headers', 'headersPresent', 'headersAbsent', 'body', 'bodyJson', 'bodyBase64', 'selectedResponse', 'errorType']);
const backendKeys: Record<string, Set<string>> = {
  http: new Set(['statusCode', 'headers', 'body', 'bodyBase64']),
  lambda: new Set(['payload', 'payloadText', 'functionError']),
  echo: new Set(['statusCode', 'headers']),
};

/**
 * Reads a scenario file (FORMAT.md, format 1). Never throws: every problem carries its JSON path and
 * range. The scenario is returned when nothing prevents simulating it (errors are absent).
 * A `definition` reference is kept as written; the host reads the file (see `resolveScenarioMethod`).
 */
export function parseScenario(text: string, fileName: string): { scenario?: Scenario; problems: ScenarioProblem[] } {
  const reader = new ScenarioReader(text);
  const scenario = reader.read(fileName);
  const failed = reader.problems.some((p) => p.severity === 'error');
  return failed || !scenario ? { problems: reader.problems } : { scenario, problems: reader.problems };
}

class ScenarioReader {
  readonly problems: ScenarioProblem[] = [];

  constructor(private readonly text: string) {}

  read(fileName: string): Scenario | undefined {
    const errors: ParseError[] = [];
    const root = parseTree(this.text, errors, { allowTrailingComma: false, disallowComments: false });
    for (const error of errors) {
      this.report(['$syntax'], `JSON syntax error: ${printParseErrorCode(error.error)}`, { start: error.offset, end: error.offset + Math.max(1, error.length) }, true);
    }
    if (errors.length > 0 || !root) return undefined;
    if (root.type !== 'object') {
      this.error([], 'a scenario is a JSON object', root);
      return undefined;
    }
    for (const property of root.children ?? []) {
      const key = property.children?.[0]?.value as string;
      if (!topLevelKeys.has(key) && !key.startsWith('x-') && !key.startsWith('$')) {
        this.error([key], `unknown key "${key}" (allowed: ${[...topLevelKeys].join(', ')}, and keys starting with x- or $)`, property.children![0]);
      }
    }
    const binaryMediaTypes = this.readBinaryMediaTypes(child(root, 'binaryMediaTypes'));
    const method = this.readMethodSource(root, binaryMediaTypes);
    const stageVariables = this.stringMap(child(root, 'stageVariables'), ['stageVariables']) ?? {};
    const contextNode = child(root, 'context');
    let context: Record<string, unknown> = {};
    if (contextNode) {
      if (contextNode.type === 'object') context = getNodeValue(contextNode) as Record<string, unknown>;
      else this.error(['context'], 'context is an object of $context values', contextNode);
    }
    const request = this.readRequest(child(root, 'request'));
    const backend = this.readBackend(child(root, 'backend'));
    const expect = this.readExpect(child(root, 'expect'));
    const name = this.optionalString(child(root, 'name'), ['name']);
    const description = this.optionalString(child(root, 'description'), ['description']);
    if (!method) return undefined;
    return {
      fileName,
      text: this.text,
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
      method,
      ...(binaryMediaTypes ? { binaryMediaTypes } : {}),
      stageVariables,
      context,
      request,
      ...(backend ? { backend } : {}),
      ...(expect ? { expect } : {}),
    };
  }

  private readMethodSource(root: JsonNode, binaryMediaTypes: Sourced<string>[] | undefined): ScenarioMethodSource | undefined {
    const method = child(root, 'method');
    const definition = child(root, 'definition');
    const operation = child(root, 'operation');
    if (method && (definition || operation)) {
      this.error(['method'], 'give either "method" or "definition" with "operation", not both', method);
      return undefined;
    }
    if (method) {
      if (method.type !== 'object') {
        this.error(['method'], 'method is an object in the shape `aws apigateway get-method` prints', method);
        return undefined;
      }
      const { operation: read, problems } = operationFromGetMethodNode(this.text, method, binaryMediaTypes ? { binaryMediaTypes } : undefined);
      for (const problem of problems) {
        this.problems.push({ ...problem, path: this.pathAt(problem.range.start) });
      }
      if (!read.integration) this.error(['method', 'methodIntegration'], 'the method has no methodIntegration', method);
      return { kind: 'inline', operation: read };
    }
    if (!definition && !operation) {
      this.error([], 'missing method: give "method" inline, or "definition" and "operation"', root, { start: root.offset, end: root.offset + 1 });
      return undefined;
    }
    const definitionValue = this.requiredString(definition, ['definition'], root, 'definition is the path of the API definition, relative to this file');
    const operationValue = this.requiredString(operation, ['operation'], root, 'operation names the method, e.g. "GET /pets/{petId}"');
    if (!definitionValue || !operationValue) return undefined;
    return { kind: 'definition', definition: definitionValue, operation: operationValue };
  }

  private readBinaryMediaTypes(node: JsonNode | undefined): Sourced<string>[] | undefined {
    if (!node) return undefined;
    if (node.type !== 'array') {
      this.error(['binaryMediaTypes'], 'binaryMediaTypes is a list of media types', node);
      return undefined;
    }
    const types: Sourced<string>[] = [];
    (node.children ?? []).forEach((item, index) => {
      if (item.type === 'string') types.push({ value: item.value as string, range: rangeOf(item), scalarType: 'string' });
      else this.error(['binaryMediaTypes', index], 'a media type is a string', item);
    });
    return types;
  }

  private readRequest(node: JsonNode | undefined): SimulationRequest {
    const request: SimulationRequest = { httpMethod: '', path: '', headers: [], queryStringParameters: {}, pathParameters: {}, body: new Uint8Array() };
    if (!node) return request;
    if (node.type !== 'object') {
      this.error(['request'], 'request is an object', node);
      return request;
    }
    this.checkKeys(node, ['request'], requestKeys);
    request.httpMethod = this.optionalString(child(node, 'httpMethod'), ['request', 'httpMethod']) ?? '';
    request.path = this.optionalString(child(node, 'path'), ['request', 'path']) ?? '';
    request.headers = this.headerLines(child(node, 'headers'), ['request', 'headers']);
    request.queryStringParameters = this.stringMap(child(node, 'queryStringParameters'), ['request', 'queryStringParameters']) ?? {};
    request.pathParameters = this.stringMap(child(node, 'pathParameters'), ['request', 'pathParameters']) ?? {};
    request.body = this.bodyBytes(node, ['request']) ?? new Uint8Array();
    return request;
  }

  private readBackend(node: JsonNode | undefined): BackendSample | undefined {
    if (!node) return undefined;
    if (node.type !== 'object') {
      this.error(['backend'], 'backend is an object with one key: http, lambda or echo', node);
      return undefined;
    }
    const forms = (node.children ?? []).map((p) => p.children?.[0]?.value as string).filter((k) => !k.startsWith('x-'));
    for (const form of forms) {
      if (!(form in backendKeys)) this.error(['backend', form], `unknown backend form "${form}" (http, lambda or echo)`, keyNode(node, form)!);
    }
    const known = forms.filter((f) => f in backendKeys);
    if (known.length !== 1) {
      if (known.length > 1) this.error(['backend'], `backend has ${known.join(' and ')}: give exactly one of http, lambda, echo`, node);
      else if (forms.length === 0) this.error(['backend'], 'backend is empty: give one of http, lambda, echo', node);
      return undefined;
    }
    const form = known[0];
    const body = child(node, form)!;
    const path = ['backend', form];
    if (body.type !== 'object') {
      this.error(path, `backend.${form} is an object`, body);
      return undefined;
    }
    this.checkKeys(body, path, backendKeys[form]);
    if (form === 'lambda') return this.readLambda(body, path);
    const statusCode = this.statusCode(child(body, 'statusCode'), [...path, 'statusCode']) ?? 200;
    const headers = this.headerLines(child(body, 'headers'), [...path, 'headers']);
    if (form === 'echo') return { kind: 'echo', statusCode, headers };
    return { kind: 'http', statusCode, headers, body: this.bodyBytes(body, path) ?? new Uint8Array() };
  }

  private readLambda(node: JsonNode, path: Path): BackendSample | undefined {
    const payload = child(node, 'payload');
    const payloadText = child(node, 'payloadText');
    const functionError = this.optionalString(child(node, 'functionError'), [...path, 'functionError']);
    if (functionError !== undefined && functionError !== 'Handled' && functionError !== 'Unhandled') {
      this.error([...path, 'functionError'], `functionError is "Handled" or "Unhandled" (Lambda's X-Amz-Function-Error), not "${functionError}"`, child(node, 'functionError')!);
    }
    if (payload && payloadText) {
      this.error([...path, 'payloadText'], 'give either payload or payloadText, not both', payloadText);
      return undefined;
    }
    let text: string;
    if (payloadText) {
      if (payloadText.type !== 'string') {
        this.error([...path, 'payloadText'], 'payloadText is the exact payload as a string', payloadText);
        return undefined;
      }
      text = payloadText.value as string;
    } else if (payload) {
      text = JSON.stringify(getNodeValue(payload));
    } else {
      this.error([...path, 'payload'], 'a Lambda backend needs payload (a JSON value) or payloadText', node);
      return undefined;
    }
    return functionError !== undefined ? { kind: 'lambda', payloadText: text, functionError } : { kind: 'lambda', payloadText: text };
  }

  private readExpect(node: JsonNode | undefined): ScenarioExpectation | undefined {
    if (!node) return undefined;
    if (node.type !== 'object') {
      this.error(['expect'], 'expect is an object', node);
      return undefined;
    }
    this.checkKeys(node, ['expect'], expectKeys as Set<string>);
    const expect: ScenarioExpectation = { ranges: {} };
    for (const property of node.children ?? []) {
      const key = property.children?.[0]?.value as ExpectationKey;
      const value = property.children?.[1];
      if (!value || !expectKeys.has(key)) continue;
      expect.ranges[key] = rangeOf(property);
      const path = ['expect', key];
      switch (key) {
        case 'statusCode':
          expect.statusCode = this.statusCode(value, path);
          break;
        case 'headers':
          expect.headers = this.expectedHeaders(value, path);
          break;
        case 'headersPresent':
        case 'headersAbsent':
          expect[key] = this.stringList(value, path);
          break;
        case 'body':
          expect.body = this.optionalString(value, path);
          break;
        case 'bodyJson':
          expect.bodyJson = getNodeValue(value);
          break;
        case 'bodyBase64': {
          const text = this.optionalString(value, path);
          if (text !== undefined && !fromBase64(text)) this.error(path, 'bodyBase64 is not valid base64', value);
          expect.bodyBase64 = text;
          break;
        }
        case 'selectedResponse':
        case 'errorType':
          if (value.type === 'null') expect[key] = null;
          else expect[key] = this.optionalString(value, path);
          break;
      }
    }
    const bodies = (['body', 'bodyJson', 'bodyBase64'] as const).filter((k) => k in expect.ranges);
    if (bodies.length > 1) this.error(['expect', bodies[1]], `give one of body, bodyJson, bodyBase64 (found ${bodies.join(', ')})`, child(node, bodies[1])!);
    return expect;
  }

  // ---- value readers ----

  private bodyBytes(node: JsonNode, path: Path): Uint8Array | undefined {
    const body = child(node, 'body');
    const base64 = child(node, 'bodyBase64');
    if (body && base64) {
      this.error([...path, 'bodyBase64'], 'give either body or bodyBase64, not both', base64);
      return undefined;
    }
    if (base64) {
      const text = this.optionalString(base64, [...path, 'bodyBase64']);
      if (text === undefined) return undefined;
      const bytes = fromBase64(text);
      if (!bytes) this.error([...path, 'bodyBase64'], 'bodyBase64 is not valid base64', base64);
      return bytes;
    }
    const text = this.optionalString(body, [...path, 'body']);
    return text === undefined ? undefined : utf8Bytes(text);
  }

  private statusCode(node: JsonNode | undefined, path: Path): number | undefined {
    if (!node) return undefined;
    const value = node.type === 'number' ? (node.value as number) : node.type === 'string' && /^\d{3}$/.test(node.value as string) ? Number(node.value) : NaN;
    if (!Number.isInteger(value) || value < 100 || value > 599) {
      this.error(path, 'a status code is an integer from 100 to 599', node);
      return undefined;
    }
    return value;
  }

  private headerLines(node: JsonNode | undefined, path: Path): HeaderLine[] {
    const lines: HeaderLine[] = [];
    for (const [name, value] of Object.entries(this.expectedHeaders(node, path) ?? {})) {
      for (const line of Array.isArray(value) ? value : [value]) lines.push([name, line]);
    }
    return lines;
  }

  private expectedHeaders(node: JsonNode | undefined, path: Path): Record<string, ExpectedHeaderValue> | undefined {
    if (!node) return undefined;
    if (node.type !== 'object') {
      this.error(path, 'headers is an object of header name → value (or list of values, one line each)', node);
      return undefined;
    }
    const headers: Record<string, ExpectedHeaderValue> = {};
    for (const property of node.children ?? []) {
      const name = property.children?.[0]?.value as string;
      const value = property.children?.[1];
      if (!value) continue;
      if (value.type === 'string') headers[name] = value.value as string;
      else if (value.type === 'array' && (value.children ?? []).every((c) => c.type === 'string')) headers[name] = (value.children ?? []).map((c) => c.value as string);
      else this.error([...path, name], 'a header value is a string or a list of strings', value);
    }
    return headers;
  }

  private stringMap(node: JsonNode | undefined, path: Path): Record<string, string> | undefined {
    if (!node) return undefined;
    if (node.type !== 'object') {
      this.error(path, 'an object of names to string values is expected', node);
      return undefined;
    }
    const map: Record<string, string> = {};
    for (const property of node.children ?? []) {
      const name = property.children?.[0]?.value as string;
      const value = property.children?.[1];
      if (value?.type === 'string') map[name] = value.value as string;
      else if (value) this.error([...path, name], 'the value is a string', value);
    }
    return map;
  }

  private stringList(node: JsonNode, path: Path): string[] | undefined {
    if (node.type !== 'array') {
      this.error(path, 'a list of header names is expected', node);
      return undefined;
    }
    const list: string[] = [];
    (node.children ?? []).forEach((item, index) => {
      if (item.type === 'string') list.push(item.value as string);
      else this.error([...path, index], 'a header name is a string', item);
    });
    return list;
  }

  private optionalString(node: JsonNode | undefined, path: Path): string | undefined {
    if (!node) return undefined;
    if (node.type !== 'string') {
      this.error(path, 'a string is expected', node);
      return undefined;
    }
    return node.value as string;
  }

  private requiredString(node: JsonNode | undefined, path: Path, parent: JsonNode, missing: string): Sourced<string> | undefined {
    if (!node) {
      this.error(path, `missing: ${missing}`, parent, { start: parent.offset, end: parent.offset + 1 });
      return undefined;
    }
    const value = this.optionalString(node, path);
    return value === undefined ? undefined : { value, range: rangeOf(node), scalarType: 'string' };
  }

  private checkKeys(node: JsonNode, path: Path, allowed: Set<string>): void {
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      const key = keyNode?.value as string;
      if (keyNode && !allowed.has(key) && !key.startsWith('x-')) {
        this.error([...path, key], `unknown key "${key}" (allowed: ${[...allowed].join(', ')})`, keyNode);
      }
    }
  }

  private pathAt(offset: number): string {
    const segments: Path = [];
    const root = parseTree(this.text);
    let node: JsonNode | undefined = root;
    while (node && (node.type === 'object' || node.type === 'array')) {
      const next: JsonNode | undefined = (node.children ?? []).find((c) => c.offset <= offset && offset < c.offset + c.length);
      if (!next) break;
      if (next.type === 'property') {
        segments.push(next.children?.[0]?.value as string);
        node = next.children?.[1];
      } else {
        segments.push((node.children ?? []).indexOf(next));
        node = next;
      }
    }
    return jsonPathOf(segments);
  }

  private error(path: Path, message: string, node: JsonNode, range?: OffsetRange): void {
    this.report(path, message, range ?? rangeOf(node));
  }

  private report(path: Path, message: string, range: OffsetRange, syntax = false): void {
    const jsonPath = syntax ? this.pathAt(range.start) : jsonPathOf(path);
    this.problems.push({ code: syntax ? 'scenario-syntax' : 'scenario-invalid', message, severity: 'error', range, path: jsonPath });
  }
}

function child(node: JsonNode, key: string): JsonNode | undefined {
  const property = (node.children ?? []).find((p) => p.children?.[0]?.value === key);
  return property?.children?.[1];
}

function keyNode(node: JsonNode, key: string): JsonNode | undefined {
  return (node.children ?? []).find((p) => p.children?.[0]?.value === key)?.children?.[0];
}

function rangeOf(node: JsonNode): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}
