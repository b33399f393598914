// Timing shared by the benchmarks: medians of alternating runs, compared as a ratio with a target.

/** The median of `values` (the upper one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds `run` takes, after a garbage collection when the benchmark runs with --expose-gc. */
export function timeMs(run: () => unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The median times of a baseline and a candidate over `runs` alternating runs: alternating lets
 * machine noise hit both alike.
 */
export function alternatingMedians(runs: number, baseline: () => unknown, candidate: () => unknown): { baseline: number; candidate: number } {
  const baselineTimes: number[] = [];
  const candidateTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    baselineTimes.push(timeMs(baseline));
    candidateTimes.push(timeMs(candidate));
  }
  return { baseline: median(baselineTimes), candidate: median(candidateTimes) };
}

/** Prints `ratio` against `target` (at most); returns whether it is within the target. */
export function reportRatio(ratio: number, target: number, indent = '  '): boolean {
  const within = ratio <= target;
  console.log(`${indent}ratio ${ratio.toFixed(2)}x (target at most ${target}x): ${within ? 'ok' : 'OVER TARGET'}`);
  return within;
}
