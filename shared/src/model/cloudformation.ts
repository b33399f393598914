import type { ApiSettings, IntegrationResponse, MethodResponse, Operation, Sourced } from './types';
import { scalarText, valueOf, type SourceMapping, type SourceNode } from '../documents/sourceTree';
import { DefinitionReader } from './reader';
import { intrinsicCallOf } from './intrinsics';
import { cloudFormationIntegration, readDeclaredResponse, readIntegrationProperties, readIntegrationResponseProperties } from './integration';
import { openApiSettings, readOpenApiOperations, readStringList } from './openapi';
import { readSamApiEvents, type TemplateResource } from './samEvents';

/** Whether a parsed document is a CloudFormation or SAM template. */
export function isCloudFormationTemplate(root: SourceNode | undefined): boolean {
  if (root === undefined || root.kind !== 'map') return false;
  if (valueOf(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const resources = valueOf(root, 'Resources');
  if (resources === undefined || resources.kind !== 'map') return false;
  return resources.entries.some((entry) => {
    const type = valueOf(entry.value, 'Type');
    return type?.kind === 'scalar' && typeof type.value === 'string' && /^(AWS|Custom|Alexa)::/.test(type.value);
  });
}

type ResourceInfo = TemplateResource;

const apiResourceTypes = new Set([
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Method',
  'AWS::Serverless::Api',
  'AWS::Serverless::Function',
]);

/**
 * The operations of a CloudFormation or SAM template: each `AWS::ApiGateway::Method` with its path
 * resolved through `AWS::ApiGateway::Resource` parents, the operations of every inline OpenAPI
 * (`AWS::ApiGateway::RestApi` `Body`, `AWS::Serverless::Api` `DefinitionBody`), and the proxy
 * methods SAM makes for functions' `Api` events.
 */
export function readCloudFormationOperations(reader: DefinitionReader, root: SourceMapping): Operation[] {
  const resources = new Map<string, ResourceInfo>();
  for (const entry of reader.mapping(valueOf(root, 'Resources'), 'Resources')?.entries ?? []) {
    const type = valueOf(entry.value, 'Type');
    if (type?.kind !== 'scalar' || typeof type.value !== 'string') continue;
    // Only the resource types that make up an API are read, so that others raise no problems here.
    const properties = apiResourceTypes.has(type.value) ? reader.mapping(valueOf(entry.value, 'Properties'), `${scalarText(entry.key)} Properties`) : undefined;
    resources.set(scalarText(entry.key), { entry, type: type.value, properties });
  }

  const apis = new Map<string, ApiSettings>();
  const operations: Operation[] = [];
  for (const [logicalId, resource] of resources) {
    if (resource.type !== 'AWS::ApiGateway::RestApi' && resource.type !== 'AWS::Serverless::Api') continue;
    const settings: ApiSettings = {
      name: logicalId,
      binaryMediaTypes: readStringList(reader, valueOf(resource.properties, 'BinaryMediaTypes'), 'BinaryMediaTypes'),
    };
    apis.set(logicalId, settings);
    const bodyKey = resource.type === 'AWS::ApiGateway::RestApi' ? 'Body' : 'DefinitionBody';
    const body = valueOf(resource.properties, bodyKey);
    if (body === undefined) continue;
    if (intrinsicCallOf(body) !== undefined) {
      // `Fn::Transform` (AWS::Include) and the like: the definition lives elsewhere.
      reader.report('definition-unresolved-intrinsic', `${logicalId}'s ${bodyKey} is computed when the stack is deployed; its operations cannot be read here.`, 'information', reader.withTag(body));
      continue;
    }
    const bodyMap = reader.mapping(body, bodyKey);
    if (bodyMap === undefined) continue;
    const fromBody = openApiSettings(reader, bodyMap, logicalId);
    // The template's BinaryMediaTypes override the definition's, as CloudFormation applies them after import.
    if (settings.binaryMediaTypes.length === 0) settings.binaryMediaTypes = fromBody.binaryMediaTypes;
    operations.push(...readOpenApiOperations(reader, bodyMap, settings));
  }

  operations.push(...readSamApiEvents(reader, resources, apis, operations));

  const paths = new ResourcePaths(reader, resources);
  for (const [logicalId, resource] of resources) {
    if (resource.type !== 'AWS::ApiGateway::Method') continue;
    const properties = resource.properties;
    const httpMethod = reader.string(valueOf(properties, 'HttpMethod'));
    const verb = httpMethod?.intrinsic === undefined && httpMethod?.value ? httpMethod.value.toUpperCase() : `${httpMethod?.value ?? 'ANY'}`;
    const path = paths.pathOf(valueOf(properties, 'ResourceId'));
    const apiId = referencedId(valueOf(properties, 'RestApiId'));
    const api = (apiId !== undefined ? apis.get(apiId) : undefined) ?? { ...(apiId !== undefined ? { name: apiId } : {}), binaryMediaTypes: [] };
    operations.push({
      key: `${verb} ${path}`,
      httpMethod: verb,
      path,
      range: resource.entry.range,
      nameRange: resource.entry.key.range,
      logicalId,
      api,
      integration: readMethodIntegration(reader, valueOf(properties, 'Integration')),
      methodResponses: readMethodResponses(reader, valueOf(properties, 'MethodResponses')),
    });
  }
  return operations;
}

/** The logical id a `!Ref X`, `!GetAtt X.Attr` or `Fn::GetAtt: [X, Attr]` points at. */
function referencedId(node: SourceNode | undefined): string | undefined {
  return referenceOf(node)?.id;
}

function referenceOf(node: SourceNode | undefined): { id: string; attribute?: string } | undefined {
  const call = intrinsicCallOf(node);
  if (call === undefined) return undefined;
  const argument = call.argument;
  if (call.name === 'Ref' && argument?.kind === 'scalar') return { id: scalarText(argument) };
  if (call.name !== 'Fn::GetAtt') return undefined;
  if (argument?.kind === 'scalar') {
    const text = scalarText(argument);
    const dot = text.indexOf('.');
    return dot < 0 ? { id: text } : { id: text.slice(0, dot), attribute: text.slice(dot + 1) };
  }
  if (argument?.kind === 'seq' && argument.items[0]?.kind === 'scalar') {
    const attribute = argument.items[1];
    return { id: scalarText(argument.items[0]), ...(attribute?.kind === 'scalar' ? { attribute: scalarText(attribute) } : {}) };
  }
  return undefined;
}

/** Resolves `ResourceId`s to paths through `ParentId`/`PathPart` chains, each resource once. */
class ResourcePaths {
  private readonly resolved = new Map<string, string>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly reader: DefinitionReader,
    private readonly resources: Map<string, ResourceInfo>,
  ) {}

  pathOf(node: SourceNode | undefined): string {
    if (node === undefined) return '/';
    const reference = referenceOf(node);
    if (reference?.attribute === 'RootResourceId') return '/';
    const resource = reference !== undefined && reference.attribute === undefined ? this.resources.get(reference.id) : undefined;
    if (reference === undefined || resource === undefined || resource.type !== 'AWS::ApiGateway::Resource') {
      const standIn = this.reader.string(node);
      this.reader.report(
        'definition-unresolved-resource',
        'This resource is not defined in the template; the path is shown with a placeholder.',
        'information',
        this.reader.withTag(node),
      );
      return `/{${standIn?.value ?? '?'}}`;
    }
    const known = this.resolved.get(reference.id);
    if (known !== undefined) return known;
    if (this.visiting.has(reference.id)) {
      this.reader.report('definition-resource-cycle', `${reference.id} is its own ancestor.`, 'error', resource.entry.key.range);
      return '/';
    }
    this.visiting.add(reference.id);
    const parent = this.pathOf(valueOf(resource.properties, 'ParentId'));
    const part = this.reader.string(valueOf(resource.properties, 'PathPart'))?.value ?? '';
    this.visiting.delete(reference.id);
    const path = parent.endsWith('/') ? `${parent}${part}` : `${parent}/${part}`;
    this.resolved.set(reference.id, path);
    return path;
  }
}

function readMethodIntegration(reader: DefinitionReader, node: SourceNode | undefined): Operation['integration'] {
  const map = reader.mapping(node, 'Integration');
  if (map === undefined) return undefined;
  const responses: IntegrationResponse[] = [];
  const list = valueOf(map, 'IntegrationResponses');
  for (const item of listItems(reader, list, 'IntegrationResponses')) {
    const response = reader.mapping(item, 'An integration response');
    if (response === undefined) continue;
    const pattern = valueOf(response, 'SelectionPattern');
    responses.push({
      range: item.range,
      ...readIntegrationResponseProperties(reader, response, cloudFormationIntegration),
      ...(pattern !== undefined ? { selectionPattern: reader.sourcedText(pattern) } : {}),
    });
  }
  return readIntegrationProperties(reader, map, cloudFormationIntegration, responses);
}

function readMethodResponses(reader: DefinitionReader, node: SourceNode | undefined): MethodResponse[] {
  const responses: MethodResponse[] = [];
  for (const item of listItems(reader, node, 'MethodResponses')) {
    const response = reader.mapping(item, 'A method response');
    if (response === undefined) continue;
    const statusCode: Sourced<string> = reader.string(valueOf(response, 'StatusCode')) ?? { value: '', range: { start: item.range.start, end: item.range.start }, scalarType: 'null' };
    responses.push({
      range: item.range,
      statusCode,
      ...readDeclaredResponse(reader, valueOf(response, 'ResponseParameters'), valueOf(response, 'ResponseModels')),
    });
  }
  return responses;
}

/** The items of a list property; an intrinsic in its place is reported, not dropped silently. */
function listItems(reader: DefinitionReader, node: SourceNode | undefined, what: string): SourceNode[] {
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return [];
  if (node.kind === 'seq' && intrinsicCallOf(node) === undefined) return node.items;
  if (intrinsicCallOf(node) !== undefined) {
    reader.report('definition-unresolved-intrinsic', `${what} is computed when the stack is deployed; it cannot be read here.`, 'information', reader.withTag(node));
  } else {
    reader.report('definition-expected-list', `${what} should be a list.`, 'warning', node.range);
  }
  return [];
}
