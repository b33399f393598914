import { simulationResultToJson, type SimulationResult } from '../../../shared/src/index';

/** A result as a person reads it: the selected response, the trace, warnings, then the method response. */
export function formatResult(title: string, result: SimulationResult): string[] {
  const json = simulationResultToJson(result);
  const lines: string[] = [`== ${title}`];
  lines.push(`selected integration response: ${json.selectedResponse ?? 'none'}${json.error ? `  (gateway error ${json.error.type}: ${json.error.message})` : ''}`);
  lines.push('trace:');
  const width = Math.max(0, ...json.trace.map((t) => t.step.length));
  for (const entry of json.trace) lines.push(`  ${entry.step.padEnd(width)}  ${entry.message}`);
  if (json.warnings.length > 0) {
    lines.push('warnings:');
    for (const warning of json.warnings) lines.push(`  ! ${warning.message} [${warning.code}]`);
  }
  if (json.problems.length > 0) {
    lines.push('problems:');
    for (const problem of json.problems) lines.push(`  x ${problem.message} [${problem.code}]`);
  }
  lines.push(`method response: ${json.statusCode}`);
  for (const [name, value] of Object.entries(json.headers)) {
    for (const line of Array.isArray(value) ? value : [value]) lines.push(`  ${name}: ${line}`);
  }
  lines.push('');
  lines.push(printable(json.body) ? json.body : `(${result.body.length} bytes, base64) ${json.bodyBase64}`);
  return lines;
}

function printable(text: string): boolean {
  // Control characters other than tab/newline, or replacement characters, mean the bytes are binary.
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text);
}
