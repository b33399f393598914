import type { Range } from 'vscode-languageserver';

/** `apigw/simulate`: runs the pipeline for one operation of an open document. */
export const SIMULATE_REQUEST = 'apigw/simulate';
/** `apigw/operations`: the operations of an open document, for the preview's picker. */
export const OPERATIONS_REQUEST = 'apigw/operations';

/** Sample inputs, in the shape of a scenario file's keys (`request`, `backend`, `stageVariables`, `context`, `binaryMediaTypes`). */
export interface SimulationSampleInputs {
  request?: unknown;
  backend?: unknown;
  stageVariables?: Record<string, string>;
  context?: Record<string, unknown>;
  binaryMediaTypes?: string[];
}

export interface SimulateParams {
  uri: string;
  /** The operation key, as `apigw/operations` lists it: `GET /pets`. */
  operation: string;
  inputs?: SimulationSampleInputs;
}

/** A range in the definition, as LSP ranges of the document. */
export interface RangedEntry {
  range?: Range;
}

/** The pipeline's result (as `simulate --json` prints it) with ranges as LSP ranges, or why it could not run. */
export type SimulateResult =
  | {
      ok: true;
      statusCode: number;
      headers: Record<string, string | string[]>;
      body: string;
      bodyBase64: string;
      selectedResponse: string | null;
      error: { type: string; message: string } | null;
      integrationRequest?: { body: string };
      trace: ({ step: string; message: string } & RangedEntry)[];
      warnings: ({ code: string; message: string } & RangedEntry)[];
      problems: ({ code: string; message: string } & RangedEntry)[];
    }
  | { ok: false; message: string; problems: ({ code: string; message: string } & RangedEntry)[] };

export interface OperationsParams {
  uri: string;
}

export interface OperationItem {
  key: string;
  httpMethod: string;
  path: string;
  integrationType?: string;
  integrationResponses: string[];
  range: Range;
  nameRange: Range;
}
