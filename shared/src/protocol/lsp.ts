/**
 * The language server's custom requests, shared by the server, the extension and the preview: names,
 * parameters and results. Ranges are LSP ranges (zero-based lines and UTF-16 characters).
 */

/** A position in a document as LSP counts it. */
export interface LspPosition {
  line: number;
  character: number;
}

/** A range in a document as LSP counts it. */
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

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

/** Parameters of `apigw/simulate`. */
export interface SimulateParams {
  uri: string;
  /** The operation key, as `apigw/operations` lists it: `GET /pets`. */
  operation: string;
  inputs?: SimulationSampleInputs;
  /**
   * The document is a scenario file whose method is inline: its own `request`, `backend`,
   * `stageVariables`, `context` and `binaryMediaTypes` are the inputs, and each key given in `inputs`
   * replaces the scenario's. Read from the document's current text, so edits show at once.
   */
  inputsFromDocument?: boolean;
}

/** A range in the definition, as LSP ranges of the document. */
export interface RangedEntry {
  range?: LspRange;
}

/** One line of a simulation's trace, warnings or problems as the server sends it. */
export type SimulateTraceEntry = { step: string; message: string } & RangedEntry;
/** A warning or problem of a simulation as the server sends it. */
export type SimulateFinding = { code: string; message: string } & RangedEntry;

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
      trace: SimulateTraceEntry[];
      warnings: SimulateFinding[];
      problems: SimulateFinding[];
    }
  | { ok: false; message: string; problems: SimulateFinding[] };

/** Parameters of `apigw/operations`. */
export interface OperationsParams {
  uri: string;
}

/** One operation of a document, as `apigw/operations` lists it. */
export interface OperationItem {
  key: string;
  httpMethod: string;
  path: string;
  integrationType?: string;
  integrationResponses: string[];
  range: LspRange;
  nameRange: LspRange;
}
