import type { OffsetRange } from '../model/types';

/** One header line; a name may repeat (one line each), names compare case-insensitively. */
export type HeaderLine = [name: string, value: string];

/** The client's method request, as far as the response pipeline needs it. */
export interface SimulationRequest {
  httpMethod: string;
  path: string;
  headers: HeaderLine[];
  queryStringParameters: Record<string, string>;
  pathParameters: Record<string, string>;
  /** The request body bytes (empty when the client sent none). */
  body: Uint8Array;
}

/** What the backend answered, given as a sample instead of a real call (scenario `backend`). */
export type BackendSample =
  | { kind: 'http'; statusCode: number; headers: HeaderLine[]; body: Uint8Array }
  | { kind: 'lambda'; payloadText: string; functionError?: string }
  | { kind: 'echo'; statusCode: number; headers: HeaderLine[] };

/** Everything a simulation needs besides the operation and the API settings. */
export interface SimulationInputs {
  request: SimulationRequest;
  /** Absent for MOCK integrations; other integrations without one answer as an empty HTTP 200. */
  backend?: BackendSample;
  stageVariables: Record<string, string>;
  /** Overrides of `$context` values (deep-merged over the defaults). */
  context: Record<string, unknown>;
}

/** One step of the pipeline and why it went the way it did, in plain words. */
export interface TraceEntry {
  /** Short step name: `endpoint`, `selection`, `template`, … */
  step: PipelineStep;
  message: string;
  /** Where in the definition the step's decision comes from (a pattern, a response, a template). */
  range?: OffsetRange;
}

export type PipelineStep =
  | 'request'
  | 'endpoint'
  | 'selection'
  | 'method-response'
  | 'conversion'
  | 'parameters'
  | 'template'
  | 'override'
  | 'headers'
  | 'proxy';

/** Something the user should know: a choice made where API Gateway's behaviour is not known, or a likely mistake. */
export interface PipelineWarning {
  code: string;
  message: string;
  range?: OffsetRange;
}

/**
 * A response API Gateway makes itself (not the method response the integration asked for). `type` is the
 * gateway response type AWS uses (a failed mapping template is a configuration error, answered 500 —
 * inferred from the execution log's "Unable to transform response"); `SIMULATION_INCOMPLETE` is the
 * simulator's own, for a defect that stopped the simulation.
 */
export interface GatewayError {
  type: GatewayErrorType;
  message: string;
}

export type GatewayErrorType =
  | 'API_CONFIGURATION_ERROR'
  | 'INTEGRATION_FAILURE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'SIMULATION_INCOMPLETE';

/** A render or pattern problem located in the definition (template offsets already mapped). */
export interface PipelineProblem {
  code: string;
  message: string;
  range?: OffsetRange;
}

/** What the client receives, and how the pipeline got there. */
export interface SimulationResult {
  statusCode: number;
  headers: HeaderLine[];
  body: Uint8Array;
  /** Key of the integration response selection chose (its status code); null for proxies and no match. */
  selectedResponse: string | null;
  error: GatewayError | null;
  /** What the request template produced, where one ran. */
  integrationRequest?: { body: string };
  trace: TraceEntry[];
  warnings: PipelineWarning[];
  /** Template render errors and pattern errors, with ranges in the definition. */
  problems: PipelineProblem[];
}
