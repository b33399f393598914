import type { OffsetRange } from '../model/types';
import type { PipelineProblem, PipelineStep, PipelineWarning, TraceEntry } from './types';

/** Collects what the steps did, what they warn about and what went wrong, in order. */
export class TraceRecorder {
  readonly entries: TraceEntry[] = [];
  readonly warnings: PipelineWarning[] = [];
  readonly problems: PipelineProblem[] = [];

  step(step: PipelineStep, message: string, range?: OffsetRange): void {
    this.entries.push(range ? { step, message, range } : { step, message });
  }

  warn(code: string, message: string, range?: OffsetRange): void {
    if (this.warnings.some((w) => w.code === code && w.message === message)) return;
    this.warnings.push(range ? { code, message, range } : { code, message });
  }

  problem(code: string, message: string, range?: OffsetRange): void {
    this.problems.push(range ? { code, message, range } : { code, message });
  }
}

/** A value quoted for a trace line, shortened so a line stays readable. */
export function quoted(value: string, max = 80): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return `'${shown.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
