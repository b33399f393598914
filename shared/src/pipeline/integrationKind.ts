import type { Integration } from '../model/types';

/**
 * How the pipeline treats an integration: which value selection matches (SEMANTICS 2) and whether the
 * integration responses apply at all (proxies skip them, SEMANTICS 1).
 */
export type IntegrationKind = 'http' | 'aws-service' | 'lambda' | 'mock' | 'http-proxy' | 'lambda-proxy';

const lambdaInvocationUri = /:lambda:path\/[^/]+\/functions\/.+\/invocations\/?$/;

/** True for a URI that invokes a Lambda function (`…:lambda:path/2015-03-31/functions/…/invocations`). */
export function isLambdaInvocationUri(uri: string | undefined): boolean {
  return uri !== undefined && lambdaInvocationUri.test(uri);
}

/** The kind of an integration, or undefined when its type is missing or unknown. */
export function integrationKindOf(integration: Integration): IntegrationKind | undefined {
  const type = integration.type?.value.toUpperCase();
  switch (type) {
    case 'HTTP':
      return 'http';
    case 'HTTP_PROXY':
      return 'http-proxy';
    case 'MOCK':
      return 'mock';
    case 'AWS':
      return isLambdaInvocationUri(integration.uri?.value) ? 'lambda' : 'aws-service';
    case 'AWS_PROXY':
      return 'lambda-proxy';
    default:
      return undefined;
  }
}
