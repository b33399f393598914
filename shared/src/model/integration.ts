import type { Integration, IntegrationResponse, MethodResponse } from './types';
import { embeddedRangeToDocument } from '../documents/embedded';
import { scalarText, valueOf, type SourceMapping, type SourceNode } from '../documents/sourceTree';
import { DefinitionReader, upperCasedType } from './reader';

/** The property names an integration is written with: camelCase in OpenAPI and get-method, PascalCase in CloudFormation. */
export interface IntegrationVocabulary {
  type: string;
  uri: string;
  httpMethod: string;
  passthroughBehavior: string;
  contentHandling: string;
  requestTemplates: string;
  requestParameters: string;
  statusCode: string;
  responseParameters: string;
  responseTemplates: string;
}

/** OpenAPI's `x-amazon-apigateway-integration` and get-method's `methodIntegration`. */
export const camelCaseIntegration: IntegrationVocabulary = {
  type: 'type',
  uri: 'uri',
  httpMethod: 'httpMethod',
  passthroughBehavior: 'passthroughBehavior',
  contentHandling: 'contentHandling',
  requestTemplates: 'requestTemplates',
  requestParameters: 'requestParameters',
  statusCode: 'statusCode',
  responseParameters: 'responseParameters',
  responseTemplates: 'responseTemplates',
};

/** `AWS::ApiGateway::Method`'s `Integration`. */
export const cloudFormationIntegration: IntegrationVocabulary = {
  type: 'Type',
  uri: 'Uri',
  httpMethod: 'IntegrationHttpMethod',
  passthroughBehavior: 'PassthroughBehavior',
  contentHandling: 'ContentHandling',
  requestTemplates: 'RequestTemplates',
  requestParameters: 'RequestParameters',
  statusCode: 'StatusCode',
  responseParameters: 'ResponseParameters',
  responseTemplates: 'ResponseTemplates',
};

/** The integration-wide properties; `responses` are read by the caller, whose container differs by format. */
export function readIntegrationProperties(
  reader: DefinitionReader,
  map: SourceMapping,
  words: IntegrationVocabulary,
  responses: IntegrationResponse[],
): Integration {
  return {
    range: map.range,
    type: upperCasedType(reader.string(valueOf(map, words.type))),
    uri: reader.string(valueOf(map, words.uri)),
    httpMethod: reader.string(valueOf(map, words.httpMethod)),
    passthroughBehavior: upperCasedType(reader.string(valueOf(map, words.passthroughBehavior))),
    contentHandling: reader.string(valueOf(map, words.contentHandling)),
    requestTemplates: reader.templates(valueOf(map, words.requestTemplates), words.requestTemplates),
    requestParameters: reader.parameterMappings(valueOf(map, words.requestParameters), words.requestParameters),
    responses,
  };
}

/** The properties every format writes alike in one integration response. */
export function readIntegrationResponseProperties(
  reader: DefinitionReader,
  response: SourceMapping | undefined,
  words: IntegrationVocabulary,
): Pick<IntegrationResponse, 'statusCode' | 'responseParameters' | 'responseTemplates' | 'contentHandling'> {
  return {
    statusCode: reader.string(valueOf(response, words.statusCode)),
    responseParameters: reader.parameterMappings(valueOf(response, words.responseParameters), words.responseParameters),
    responseTemplates: reader.templates(valueOf(response, words.responseTemplates), words.responseTemplates),
    contentHandling: reader.string(valueOf(response, words.contentHandling)),
  };
}

const headerPrefix = 'method.response.header.';

/**
 * A method response's declared headers (`{"method.response.header.X": true}`, the flag meaning
 * required) and model content types, as get-method and CloudFormation write them.
 */
export function readDeclaredResponse(
  reader: DefinitionReader,
  parametersNode: SourceNode | undefined,
  modelsNode: SourceNode | undefined,
): Pick<MethodResponse, 'headers' | 'contentTypes'> {
  const headers: MethodResponse['headers'] = [];
  for (const parameter of reader.mapping(parametersNode, 'ResponseParameters')?.entries ?? []) {
    const name = scalarText(parameter.key);
    if (!name.startsWith(headerPrefix)) continue;
    const required = parameter.value?.kind === 'scalar' && (parameter.value.value === true || parameter.value.value === 'true');
    headers.push({
      name: { value: name.slice(headerPrefix.length), range: embeddedRangeToDocument(parameter.key.embedded(), headerPrefix.length, name.length), scalarType: 'string' },
      required,
    });
  }
  const models = reader.mapping(modelsNode, 'ResponseModels');
  const contentTypes = (models?.entries ?? []).map((model) => ({ value: scalarText(model.key), range: model.key.range, scalarType: 'string' as const }));
  return { headers, contentTypes };
}
