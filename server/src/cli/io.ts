/** Where a command writes; tests pass their own to run commands in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The directory relative paths are resolved from. */
  cwd: string;
}

/** Exit codes: 0 all good, 1 an expectation failed, 2 broken input or usage. */
export const exitCode = { ok: 0, failed: 1, broken: 2 } as const;

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  };
}
