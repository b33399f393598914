import type { OffsetRange, Severity } from '../model/types';

/** Settings the service reads: `apigwMapping.diagnostics` in the editor. */
export interface MappingServiceSettings {
  /** False hides every problem. */
  enable?: boolean;
  /** Severity per problem code, overriding the built-in one; `off` hides the problem. */
  severity?: Record<string, Severity | 'off'>;
}

/** One replacement in the document, in document offsets. */
export interface OffsetEdit {
  range: OffsetRange;
  newText: string;
}

/** A quick fix for one problem. */
export interface ProblemFix {
  title: string;
  edits: OffsetEdit[];
  /** The fix the editor may apply without asking. */
  preferred?: boolean;
}

/** A problem in a mapping document, at document offsets, with the fixes that resolve it. */
export interface MappingProblem {
  code: string;
  message: string;
  severity: Severity;
  range: OffsetRange;
  fixes?: ProblemFix[];
}

/** An operation as the preview lists it. */
export interface OperationSummary {
  /** `GET /pets`: the key `apigw/simulate` takes. */
  key: string;
  httpMethod: string;
  path: string;
  integrationType?: string;
  /** Status codes of the integration responses, in definition order. */
  integrationResponses: string[];
  range: OffsetRange;
  nameRange: OffsetRange;
}
