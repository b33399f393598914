import type { OffsetRange, Operation, Problem, Sourced } from '../model/types';
import type { BackendSample, SimulationRequest } from '../pipeline/index';

/** A problem in a scenario file, located by JSON path (`$.backend.lambda.functionError`) and range. */
export interface ScenarioProblem extends Problem {
  path: string;
}

/** Where a scenario's method comes from. */
export type ScenarioMethodSource =
  | { kind: 'inline'; operation: Operation }
  | { kind: 'definition'; definition: Sourced<string>; operation: Sourced<string> };

/** An expected header value: one line's exact value (repeated lines joined by ", "), or each line's value. */
export type ExpectedHeaderValue = string | string[];

/** What the client must receive; only the keys given are checked (FORMAT.md `expect`). */
export interface ScenarioExpectation {
  statusCode?: number;
  headers?: Record<string, ExpectedHeaderValue>;
  headersPresent?: string[];
  headersAbsent?: string[];
  body?: string;
  bodyJson?: unknown;
  bodyBase64?: string;
  selectedResponse?: string | null;
  errorType?: string | null;
  /** Where each key was written, for reports. */
  ranges: Partial<Record<ExpectationKey, OffsetRange>>;
}

export type ExpectationKey =
  | 'statusCode'
  | 'headers'
  | 'headersPresent'
  | 'headersAbsent'
  | 'body'
  | 'bodyJson'
  | 'bodyBase64'
  | 'selectedResponse'
  | 'errorType';

/** A parsed scenario file (format 1). */
export interface Scenario {
  fileName: string;
  text: string;
  name?: string;
  description?: string;
  method: ScenarioMethodSource;
  /** The API's binary media types as the scenario gives them (absent: the definition's). */
  binaryMediaTypes?: Sourced<string>[];
  stageVariables: Record<string, string>;
  context: Record<string, unknown>;
  request: SimulationRequest;
  backend?: BackendSample;
  expect?: ScenarioExpectation;
}

/** One expectation that the result does not meet. */
export interface ExpectationFailure {
  /** `statusCode`, `headers.ETag`, `bodyJson`, … */
  key: string;
  message: string;
  range?: OffsetRange;
}
