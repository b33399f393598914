// Differences from Velocity 1.7 that we accept, each with a reason. The oracle ignores a difference
// only when one of these explains it, and reports how many each explained. Keep the list short:
// anything fixable belongs in FINDINGS.md and the renderer, not here.
import type { OracleCase, OracleResult } from './java-oracle';

export interface KnownDifference {
  /** Stable name, printed with its count. */
  name: string;
  /** Why JavaScript cannot (or API Gateway does not) behave like the Java engine here. */
  reason: string;
  explains(c: OracleCase, java: OracleResult, ours: { output: string } | { error: string; message: string }): boolean;
}

export const knownDifferences: readonly KnownDifference[] = [];
