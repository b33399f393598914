import type { CliCommand } from './command';
import { commands as defaultCommands } from './commands';
import { exitCode, type CliIo } from './io';

const program = 'apigw-mapping';

/** Runs the command line with `argv` (without node and the script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = defaultCommands): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    for (const line of help(commands)) (name === undefined ? io.err : io.out)(line);
    return name === undefined ? exitCode.broken : exitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) return usageError(`unknown command "${name}"`, commands, io);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${program} ${command.usage}`);
    io.out(`  ${command.summary}`);
    return exitCode.ok;
  }
  const flags = new Set<string>();
  const args: string[] = [];
  for (const arg of rest) {
    if (!arg.startsWith('--')) args.push(arg);
    else if (command.flags.includes(arg)) flags.add(arg);
    else return usageError(`unknown option ${arg} for ${command.name}`, [command], io);
  }
  let outcome;
  try {
    outcome = command.run(args, flags, io);
  } catch (error) {
    io.err(`${program} ${command.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return exitCode.broken;
  }
  if ('usage' in outcome) return usageError(outcome.usage, [command], io);
  return outcome.exit;
}

function usageError(message: string, commands: readonly CliCommand[], io: CliIo): number {
  io.err(`${program}: ${message}`);
  for (const command of commands) io.err(`usage: ${program} ${command.usage}`);
  return exitCode.broken;
}

function help(commands: readonly CliCommand[]): string[] {
  return [
    `usage: ${program} <command> [arguments]`,
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(40)} ${c.summary}`),
    '',
    'exit codes: 0 success, 1 an expectation failed, 2 broken input or usage error',
  ];
}
