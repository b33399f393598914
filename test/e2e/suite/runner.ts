// A small sequential test runner for the extension host: the VS Code API is only reachable inside it,
// so the suite cannot run under node:test. Results go to the console and, when the harness asks
// through APIGW_E2E_RESULTS, to a JSON file it reports from.
import { writeFileSync } from 'node:fs';

export interface HostTest {
  name: string;
  /** Default 60 s. */
  timeoutMs?: number;
  run(): Promise<void> | void;
}

export interface HostTestResult {
  name: string;
  ok: boolean;
  durationMs: number;
  error?: string;
}

async function runOne(test: HostTest): Promise<HostTestResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(() => test.run()),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${test.timeoutMs ?? 60_000} ms`)), test.timeoutMs ?? 60_000);
      }),
    ]);
    return { name: test.name, ok: true, durationMs: Date.now() - started };
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { name: test.name, ok: false, durationMs: Date.now() - started, error: text };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the tests in order; rejects when any failed, which is how a test host learns the outcome. */
export async function runHostTests(tests: HostTest[]): Promise<void> {
  const results: HostTestResult[] = [];
  for (const test of tests) {
    const result = await runOne(test);
    results.push(result);
    console.log(`${result.ok ? 'ok' : 'not ok'} - ${test.name} (${result.durationMs} ms)${result.error ? `\n${result.error}` : ''}`);
  }
  const resultsFile = process.env.APIGW_E2E_RESULTS;
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${results.length} extension-host tests failed`);
}
