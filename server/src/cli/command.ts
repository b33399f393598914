import type { CliIo } from './io';

/** What a command asks of the process: an exit code, or a usage error (exit 2 with the usage line). */
export type CommandOutcome = { exit: number } | { usage: string };

/** One command of the command line: a row of the command table. */
export interface CliCommand {
  name: string;
  /** `simulate <scenario files…> [--json]` */
  usage: string;
  summary: string;
  /** Flags the command accepts, e.g. `--json`. */
  flags: string[];
  run(args: string[], flags: Set<string>, io: CliIo): CommandOutcome;
}
