import { firstHeader } from './headers';
import type { TraceRecorder } from './trace';
import type { HeaderLine } from './types';

/**
 * Mapped header names API Gateway renames to `x-amzn-Remapped-<name>` on a non-proxy response
 * (SEMANTICS 10, observed on AWS: TestApiGatewayHeaderRemapping).
 */
const remappedInMethodResponse = new Set(
  ['Authorization', 'Connection', 'Content-Length', 'Content-MD5', 'Date', 'Expect', 'Host', 'Max-Forwards', 'Proxy-Authenticate', 'Server', 'Trailer', 'Upgrade', 'User-Agent', 'WWW-Authenticate'].map((n) => n.toLowerCase()),
);

/** Backend header names renamed on a proxy response (SEMANTICS 10, observed through HTTP_PROXY). */
const remappedInProxyResponse = new Set(['connection', 'content-length', 'date', 'server', 'x-amzn-requestid']);

const dropped = new Set(['transfer-encoding']);

export type ResponseOrigin = 'method-response' | 'proxy';

/** Renames reserved names to `x-amzn-Remapped-*` and drops `Transfer-Encoding`. */
export function remapReservedHeaders(headers: readonly HeaderLine[], origin: ResponseOrigin, trace: TraceRecorder): HeaderLine[] {
  const reserved = origin === 'proxy' ? remappedInProxyResponse : remappedInMethodResponse;
  const out: HeaderLine[] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (dropped.has(lower)) {
      trace.step('headers', `${name} is dropped by API Gateway`);
    } else if (reserved.has(lower)) {
      trace.step('headers', `${name} is reserved: sent as x-amzn-Remapped-${name}`);
      out.push([`x-amzn-Remapped-${name}`, value]);
    } else {
      out.push([name, value]);
    }
  }
  return out;
}

export interface GatewayHeaderValues {
  requestId: string;
  extendedRequestId: string;
  date: string;
  traceId: string;
}

/**
 * Headers API Gateway adds to every response (SEMANTICS 10, observed): Content-Type
 * `application/json` when none was set (non-proxy only), Content-Length, Date, Connection,
 * x-amzn-RequestId, x-amz-apigw-id and, except for MOCK and HTTP_PROXY, X-Amzn-Trace-Id.
 * The recordings show `Connection: close` on HTTP_PROXY answers and `keep-alive` elsewhere.
 */
export function addGatewayHeaders(
  headers: readonly HeaderLine[],
  bodyLength: number,
  options: { defaultContentType: boolean; traceId: boolean; connection: 'keep-alive' | 'close' },
  values: GatewayHeaderValues,
): HeaderLine[] {
  const out: HeaderLine[] = [...headers];
  if (options.defaultContentType && firstHeader(out, 'Content-Type') === undefined) out.push(['Content-Type', 'application/json']);
  out.push(['Content-Length', String(bodyLength)]);
  out.push(['Date', values.date]);
  out.push(['Connection', options.connection]);
  out.push(['x-amzn-RequestId', values.requestId]);
  out.push(['x-amz-apigw-id', values.extendedRequestId]);
  if (options.traceId) out.push(['X-Amzn-Trace-Id', values.traceId]);
  return out;
}

/** The gateway header values for a simulated request, taken from `$context` where it has them. */
export function gatewayHeaderValues(context: Record<string, unknown>): GatewayHeaderValues {
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);
  const epoch = typeof context.requestTimeEpoch === 'number' ? context.requestTimeEpoch : 0;
  return {
    requestId: text(context.requestId, '00000000-0000-4000-8000-000000000000'),
    extendedRequestId: text(context.extendedRequestId, 'AAAAAAAAoAMFAAA='),
    date: new Date(epoch).toUTCString(),
    traceId: 'Root=1-00000000-000000000000000000000000',
  };
}
