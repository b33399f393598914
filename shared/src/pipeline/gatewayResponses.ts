import { utf8Bytes } from './bytes';
import type { GatewayError, GatewayErrorType, HeaderLine } from './types';

/** A response API Gateway produces itself instead of the method response. */
export interface GatewayResponse {
  statusCode: number;
  headers: HeaderLine[];
  body: Uint8Array;
  error: GatewayError;
}

/**
 * API Gateway's default gateway-response bodies and error-type headers (SEMANTICS 3 and 10, observed):
 * `{"message": "Internal server error"}` with `x-amzn-ErrorType: InternalServerErrorException`.
 */
export function gatewayResponse(type: GatewayErrorType, message: string, statusCode = defaultStatus(type)): GatewayResponse {
  const [clientMessage, errorType] =
    statusCode === 415 ? ['Unsupported Media Type', 'UnsupportedMediaTypeException'] : ['Internal server error', 'InternalServerErrorException'];
  return {
    statusCode,
    headers: [
      ['Content-Type', 'application/json'],
      ['x-amzn-ErrorType', errorType],
    ],
    body: utf8Bytes(`{"message": "${clientMessage}"}`),
    error: { type, message },
  };
}

function defaultStatus(type: GatewayErrorType): number {
  switch (type) {
    case 'INTEGRATION_FAILURE':
      return 502;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    default:
      return 500;
  }
}
