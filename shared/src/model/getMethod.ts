import type { Node as JsonNode } from 'jsonc-parser';
import type { ApiSettings, Integration, IntegrationResponse, MethodResponse, Operation, Problem } from './types';
import { sourceTreeFromJson } from '../documents/jsonTree';
import { entryOf, scalarText, valueOf, type SourceNode } from '../documents/sourceTree';
import { DefinitionReader } from './reader';
import { camelCaseIntegration, readDeclaredResponse, readIntegrationProperties, readIntegrationResponseProperties } from './integration';

/** An `aws apigateway get-method` JSON object (already parsed by jsonc-parser) as one Operation. */
export function operationFromGetMethodNode(
  text: string,
  node: JsonNode,
  api?: Partial<ApiSettings>,
): { operation: Operation; problems: Problem[] } {
  const reader = new DefinitionReader(text, false);
  const operation = readGetMethod(reader, sourceTreeFromJson(text, node), api);
  return { operation, problems: reader.problems };
}

/** Reads a get-method shaped mapping (from JSON or YAML) as one operation. */
export function readGetMethod(reader: DefinitionReader, method: SourceNode, api?: Partial<ApiSettings>): Operation {
  const settings: ApiSettings = { binaryMediaTypes: api?.binaryMediaTypes ?? [], ...(api?.name !== undefined ? { name: api.name } : {}) };
  const map = reader.mapping(method, 'The method');
  const httpMethodEntry = entryOf(map, 'httpMethod');
  const httpMethod = reader.string(httpMethodEntry?.value);
  if (httpMethod === undefined && map !== undefined) {
    reader.report('definition-missing-http-method', 'The method has no httpMethod.', 'warning', { start: method.range.start, end: method.range.start + 1 });
  }
  const resourcePath = reader.string(valueOf(map, 'resourcePath'));
  const verb = (httpMethod?.value ?? 'ANY').toUpperCase();
  const path = resourcePath?.value ?? '/';
  return {
    key: `${verb} ${path}`,
    httpMethod: verb,
    path,
    range: method.range,
    nameRange: httpMethodEntry?.value?.range ?? { start: method.range.start, end: method.range.start },
    api: settings,
    integration: readGetMethodIntegration(reader, valueOf(map, 'methodIntegration')),
    methodResponses: readGetMethodResponses(reader, valueOf(map, 'methodResponses')),
  };
}

function readGetMethodIntegration(reader: DefinitionReader, node: SourceNode | undefined): Integration | undefined {
  const map = reader.mapping(node, 'methodIntegration');
  if (map === undefined) return undefined;
  const responses: IntegrationResponse[] = [];
  const responseMap = reader.mapping(valueOf(map, 'integrationResponses'), 'integrationResponses');
  for (const entry of responseMap?.entries ?? []) {
    const response = reader.mapping(entry.value, `Integration response ${scalarText(entry.key)}`);
    if (response === undefined) continue;
    const pattern = valueOf(response, 'selectionPattern');
    const properties = readIntegrationResponseProperties(reader, response, camelCaseIntegration);
    responses.push({
      range: entry.range,
      ...properties,
      statusCode: properties.statusCode ?? { value: scalarText(entry.key), range: entry.key.range, scalarType: 'string' },
      ...(pattern !== undefined ? { selectionPattern: reader.sourcedText(pattern) } : {}),
    });
  }
  return readIntegrationProperties(reader, map, camelCaseIntegration, responses);
}

function readGetMethodResponses(reader: DefinitionReader, node: SourceNode | undefined): MethodResponse[] {
  const map = reader.mapping(node, 'methodResponses');
  const responses: MethodResponse[] = [];
  for (const entry of map?.entries ?? []) {
    const response = reader.mapping(entry.value, `Method response ${scalarText(entry.key)}`);
    responses.push({
      range: entry.range,
      statusCode: reader.string(valueOf(response, 'statusCode')) ?? { value: scalarText(entry.key), range: entry.key.range, scalarType: 'string' },
      ...readDeclaredResponse(reader, valueOf(response, 'responseParameters'), valueOf(response, 'responseModels')),
    });
  }
  return responses;
}
