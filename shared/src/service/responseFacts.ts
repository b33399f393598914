import type { IntegrationResponse } from '../model/types';
import type { IntegrationKind } from '../pipeline/integrationKind';

/** True for a response API Gateway selects when no pattern matches: no selectionPattern, or an empty one. */
export function isDefaultIntegrationResponse(response: IntegrationResponse): boolean {
  return (response.selectionPattern?.value ?? '') === '';
}

/** Status code of a response as written, for messages. */
export function statusOf(response: IntegrationResponse): string {
  return response.statusCode?.value ?? response.key?.value ?? '?';
}

/** What selection matches for an integration kind, in a few words. */
export function selectionSubject(kind: IntegrationKind | undefined): string {
  switch (kind) {
    case 'lambda':
      return "the Lambda function's errorMessage";
    case 'http':
      return "the backend's HTTP status code";
    case 'aws-service':
      return "the AWS service's HTTP status code";
    case 'mock':
      return 'the statusCode the request template gives';
    default:
      return 'the selection value';
  }
}
