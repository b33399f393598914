import { toBase64, utf8Text } from '../pipeline/bytes';
import type { GatewayError, HeaderLine, PipelineProblem, PipelineWarning, SimulationResult, TraceEntry } from '../pipeline/index';

/** A simulation result as `simulate --json` prints it (FORMAT.md). */
export interface SimulationResultJson {
  statusCode: number;
  /** One entry per header name (first spelling); repeated lines become a list. */
  headers: Record<string, string | string[]>;
  /** The body as UTF-8 text (invalid bytes become U+FFFD). */
  body: string;
  /** The exact body bytes. */
  bodyBase64: string;
  selectedResponse: string | null;
  error: GatewayError | null;
  integrationRequest?: { body: string };
  trace: TraceEntry[];
  warnings: PipelineWarning[];
  problems: PipelineProblem[];
}

/** Groups header lines by case-insensitive name, keeping the first spelling and every value in order. */
export function groupHeaderLines(lines: readonly HeaderLine[]): Map<string, { name: string; values: string[] }> {
  const groups = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of lines) {
    const key = name.toLowerCase();
    const group = groups.get(key);
    if (group) group.values.push(value);
    else groups.set(key, { name, values: [value] });
  }
  return groups;
}

/** The JSON form of a result. */
export function simulationResultToJson(result: SimulationResult): SimulationResultJson {
  const headers: Record<string, string | string[]> = {};
  for (const { name, values } of groupHeaderLines(result.headers).values()) headers[name] = values.length === 1 ? values[0] : values;
  return {
    statusCode: result.statusCode,
    headers,
    body: utf8Text(result.body),
    bodyBase64: toBase64(result.body),
    selectedResponse: result.selectedResponse,
    error: result.error,
    ...(result.integrationRequest ? { integrationRequest: result.integrationRequest } : {}),
    trace: result.trace,
    warnings: result.warnings,
    problems: result.problems,
  };
}
