import { setHeader } from './headers';
import { quoted, type TraceRecorder } from './trace';
import type { HeaderLine } from './types';

/**
 * Applies `$context.responseOverride` after the standard mappings (SEMANTICS 9.5, D-OVR): `status`
 * replaces the status code (no method response needed), `header.X` sets or replaces a header.
 * Values set in the request template count too (observed on MOCK).
 *
 * Open question (SEMANTICS 16.8): a status that is not an integer in 100–599 is ignored here, as
 * LocalStack does, with a warning; AWS's behaviour is not recorded.
 */
export function applyResponseOverride(
  context: Record<string, unknown>,
  statusCode: number,
  headers: HeaderLine[],
  trace: TraceRecorder,
): { statusCode: number; headers: HeaderLine[] } {
  const override = asRecord(context.responseOverride);
  if (!override) return { statusCode, headers };
  let status = statusCode;
  let lines = headers;
  const wanted = override.status;
  if (wanted !== undefined && wanted !== null && wanted !== '') {
    const parsed = typeof wanted === 'number' ? wanted : typeof wanted === 'string' && /^\s*\d+\s*$/.test(wanted) ? Number(wanted) : NaN;
    if (Number.isInteger(parsed) && parsed >= 100 && parsed <= 599) {
      trace.step('override', `status ${statusCode} → ${parsed} ($context.responseOverride.status)`);
      status = parsed;
    } else {
      trace.warn(
        'override-status-ignored',
        `$context.responseOverride.status = ${quoted(String(wanted))} is not an integer in 100–599 and is ignored (LocalStack's behaviour; AWS's is not recorded)`,
      );
    }
  }
  for (const [name, value] of Object.entries(asRecord(override.header) ?? {})) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    trace.step('override', `header ${name} = ${quoted(text)} ($context.responseOverride.header.${name})`);
    lines = setHeader(lines, name, text);
  }
  return { statusCode: status, headers: lines };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
