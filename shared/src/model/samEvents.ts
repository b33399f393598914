import type { ApiSettings, Operation } from './types';
import { scalarText, valueOf, type SourceEntry, type SourceMapping } from '../documents/sourceTree';
import { DefinitionReader } from './reader';
import { intrinsicCallOf } from './intrinsics';

/** A resource of the template, as the readers of its parts need it. */
export interface TemplateResource {
  entry: SourceEntry;
  type: string;
  properties: SourceMapping | undefined;
}

/** The API SAM creates for `Api` events that name no `RestApiId`. */
const implicitApiName = 'ServerlessRestApi';

/**
 * The methods SAM creates for an `AWS::Serverless::Function`'s `Api` events: Lambda proxy
 * integrations (`AWS_PROXY`), on the named `AWS::Serverless::Api` or on the implicit one. A method
 * the API's own definition already has is left to that definition.
 */
export function readSamApiEvents(
  reader: DefinitionReader,
  resources: Map<string, TemplateResource>,
  apis: Map<string, ApiSettings>,
  defined: Operation[],
): Operation[] {
  const taken = new Set(defined.map((operation) => `${operation.api.name} ${operation.key}`));
  const operations: Operation[] = [];
  for (const [logicalId, resource] of resources) {
    if (resource.type !== 'AWS::Serverless::Function') continue;
    const events = reader.mapping(valueOf(resource.properties, 'Events'), 'Events');
    for (const event of events?.entries ?? []) {
      const type = valueOf(event.value, 'Type');
      if (type?.kind !== 'scalar' || type.value !== 'Api') continue;
      const properties = reader.mapping(valueOf(event.value, 'Properties'), `${scalarText(event.key)} Properties`);
      const path = reader.string(valueOf(properties, 'Path'));
      const method = reader.string(valueOf(properties, 'Method'));
      if (path === undefined || method === undefined) continue;
      const apiNode = valueOf(properties, 'RestApiId');
      const call = intrinsicCallOf(apiNode);
      const apiId = call?.name === 'Ref' && call.argument?.kind === 'scalar' ? scalarText(call.argument) : apiNode === undefined ? implicitApiName : undefined;
      const api = (apiId !== undefined ? apis.get(apiId) : undefined) ?? { name: apiId ?? implicitApiName, binaryMediaTypes: [] };
      const verb = method.value.toLowerCase() === 'any' ? 'ANY' : method.value.toUpperCase();
      const key = `${verb} ${path.value}`;
      if (taken.has(`${api.name} ${key}`)) continue;
      taken.add(`${api.name} ${key}`);
      operations.push({
        key,
        httpMethod: verb,
        path: path.value,
        range: event.range,
        nameRange: event.key.range,
        logicalId,
        api,
        integration: {
          range: event.range,
          type: { value: 'AWS_PROXY', range: type.range, scalarType: 'string' },
          uri: {
            value: `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${logicalId}.Arn}/invocations`,
            range: resource.entry.key.range,
            scalarType: 'intrinsic',
            intrinsic: 'Fn::Sub',
          },
          httpMethod: { value: 'POST', range: type.range, scalarType: 'string' },
          requestTemplates: [],
          responses: [],
        },
        methodResponses: [],
      });
    }
  }
  return operations;
}
