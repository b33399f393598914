// One differential step: the same cases through our renderer and through Velocity 1.7, compared.
import { renderTemplate } from '../../shared/src/index';
import type { OracleCase, OracleResult, VelocityOracle } from './java-oracle';
import { knownDifferences, type KnownDifference } from './known-differences';
import { jsonText, templateText, type GeneratedCase } from './template-tree';

/** Our renderer's answer, in the oracle's shape; `threw` marks an exception escaping the engine (always a bug). */
export type OurResult = { output: string } | { error: string; message: string; threw?: boolean };

/** How two answers disagree. */
export type DifferenceShape =
  /** Both rendered, to different text. */
  | 'output'
  /** Velocity threw; we rendered. */
  | 'java-error-only'
  /** We reported an error; Velocity rendered. */
  | 'our-error-only'
  /** An exception escaped our engine. */
  | 'threw';

export interface Outcome {
  java: OracleResult;
  ours: OurResult;
  /** Undefined when the answers agree. */
  shape?: DifferenceShape;
  /** The known difference that explains the disagreement, if one does. */
  explainedBy?: KnownDifference;
}

/** The oracle's input for a generated case. */
export function oracleCaseOf(c: GeneratedCase): OracleCase {
  return { template: templateText(c.stmts), body: jsonText(c.body), params: c.params, context: c.context, stageVariables: c.stageVariables };
}

/** Renders with our engine; an exception is caught and marked, never rethrown. */
export function renderOurs(c: OracleCase): OurResult {
  try {
    const result = renderTemplate({
      template: c.template,
      body: c.body,
      params: c.params ?? { path: {}, querystring: {}, header: {} },
      context: structuredClone(c.context ?? {}),
      stageVariables: c.stageVariables ?? {},
    });
    return result.error ? { error: result.error.code, message: result.error.message } : { output: result.output };
  } catch (error) {
    return { error: 'exception', message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error), threw: true };
  }
}

/** How the answers disagree, or undefined when they agree (two errors agree whatever their kind). */
export function differenceShape(java: OracleResult, ours: OurResult): DifferenceShape | undefined {
  if ('threw' in ours && ours.threw) return 'threw';
  const javaFailed = 'error' in java;
  const ourFailed = 'error' in ours;
  if (javaFailed && ourFailed) return undefined;
  if (javaFailed) return 'java-error-only';
  if (ourFailed) return 'our-error-only';
  return java.output === (ours as { output: string }).output ? undefined : 'output';
}

/** Runs cases through both engines (one batch for Velocity) and compares. */
export async function runDifferential(oracle: VelocityOracle, cases: readonly OracleCase[]): Promise<Outcome[]> {
  const javaResults = await oracle.render(cases);
  return cases.map((c, i) => {
    const java = javaResults[i];
    const ours = renderOurs(c);
    const shape = differenceShape(java, ours);
    const explainedBy = shape && shape !== 'threw' ? knownDifferences.find((known) => known.explains(c, java, ours)) : undefined;
    return { java, ours, shape, explainedBy };
  });
}

/** A short human-readable account of one answer. */
export function describeResult(result: OracleResult | OurResult): string {
  return 'output' in result ? JSON.stringify(result.output) : `ERROR ${result.error}: ${result.message.split('\n')[0]}`;
}
