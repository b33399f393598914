import type { ApiSettings, Integration, IntegrationResponse, MethodResponse, Operation, Sourced } from './types';
import { scalarText, valueOf, type SourceMapping, type SourceNode } from '../documents/sourceTree';
import { DefinitionReader } from './reader';
import { camelCaseIntegration, readIntegrationProperties, readIntegrationResponseProperties } from './integration';

/** OpenAPI's operation keys, and the API Gateway extension that stands for every method. */
const methodKeys: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

/** The API-wide settings an OpenAPI document declares: its title and binary media types. */
export function openApiSettings(reader: DefinitionReader, root: SourceMapping, fallbackName?: string): ApiSettings {
  const title = reader.string(valueOf(valueOf(root, 'info'), 'title'));
  const settings: ApiSettings = { binaryMediaTypes: readStringList(reader, valueOf(root, 'x-amazon-apigateway-binary-media-types'), 'x-amazon-apigateway-binary-media-types') };
  const name = title?.intrinsic === undefined && title?.value ? title.value : fallbackName;
  if (name !== undefined) settings.name = name;
  return settings;
}

/** A list of strings (binary media types), each with its position. */
export function readStringList(reader: DefinitionReader, node: SourceNode | undefined, what: string): Sourced<string>[] {
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return [];
  if (node.kind !== 'seq') {
    const single = reader.string(node);
    if (single?.intrinsic !== undefined) return [single];
    reader.report('definition-expected-list', `${what} should be a list.`, 'warning', node.range);
    return [];
  }
  const values: Sourced<string>[] = [];
  for (const item of node.items) {
    const value = reader.string(item);
    if (value !== undefined) values.push(value);
  }
  return values;
}

/**
 * The operations of an OpenAPI 2 or 3 document (standalone, or a CloudFormation `Body`/
 * `DefinitionBody`), each with its API Gateway integration.
 */
export function readOpenApiOperations(reader: DefinitionReader, root: SourceMapping, api: ApiSettings): Operation[] {
  const operations: Operation[] = [];
  const paths = reader.mapping(valueOf(root, 'paths'), 'paths');
  const rootProduces = valueOf(root, 'produces');
  for (const pathEntry of paths?.entries ?? []) {
    const path = scalarText(pathEntry.key);
    const pathItem = reader.mapping(pathEntry.value, `Path ${path}`);
    for (const methodEntry of pathItem?.entries ?? []) {
      const httpMethod = methodKeys[scalarText(methodEntry.key).toLowerCase()];
      if (httpMethod === undefined) continue;
      const operation = reader.mapping(methodEntry.value, `${httpMethod} ${path}`);
      operations.push({
        key: `${httpMethod} ${path}`,
        httpMethod,
        path,
        range: methodEntry.range,
        nameRange: methodEntry.key.range,
        api,
        integration: readOpenApiIntegration(reader, valueOf(operation, 'x-amazon-apigateway-integration')),
        methodResponses: readOpenApiResponses(reader, valueOf(operation, 'responses'), valueOf(operation, 'produces') ?? rootProduces),
      });
    }
  }
  return operations;
}

function readOpenApiIntegration(reader: DefinitionReader, node: SourceNode | undefined): Integration | undefined {
  const map = reader.mapping(node, 'x-amazon-apigateway-integration');
  if (map === undefined) return undefined;
  const responses: IntegrationResponse[] = [];
  const responseMap = reader.mapping(valueOf(map, 'responses'), 'responses');
  for (const entry of responseMap?.entries ?? []) {
    const response = reader.mapping(entry.value, `Integration response ${scalarText(entry.key)}`);
    const key = reader.sourcedText(entry.key);
    responses.push({
      range: entry.range,
      ...(key !== undefined ? { key } : {}),
      ...(key !== undefined && key.value !== 'default' ? { selectionPattern: key } : {}),
      ...readIntegrationResponseProperties(reader, response, camelCaseIntegration),
    });
  }
  return readIntegrationProperties(reader, map, camelCaseIntegration, responses);
}

/** OpenAPI responses as method responses: declared headers, and content types (OAS3 `content`, OAS2 `produces`). */
function readOpenApiResponses(reader: DefinitionReader, node: SourceNode | undefined, produces: SourceNode | undefined): MethodResponse[] {
  const map = reader.mapping(node, 'responses');
  const responses: MethodResponse[] = [];
  for (const entry of map?.entries ?? []) {
    const response = reader.mapping(entry.value, `Response ${scalarText(entry.key)}`);
    const headers = reader.mapping(valueOf(response, 'headers'), 'headers');
    const content = reader.mapping(valueOf(response, 'content'), 'content');
    let contentTypes: Sourced<string>[];
    if (content !== undefined) {
      contentTypes = content.entries.map((type) => ({ value: scalarText(type.key), range: type.key.range, scalarType: 'string' as const }));
    } else if (valueOf(response, 'schema') !== undefined) {
      contentTypes = readStringList(reader, produces, 'produces');
    } else {
      contentTypes = [];
    }
    responses.push({
      range: entry.range,
      statusCode: { value: scalarText(entry.key), range: entry.key.range, scalarType: entry.key.scalarType },
      headers: (headers?.entries ?? []).map((header) => ({
        name: { value: scalarText(header.key), range: header.key.range, scalarType: 'string' as const },
        required: false,
      })),
      contentTypes,
    });
  }
  return responses;
}
