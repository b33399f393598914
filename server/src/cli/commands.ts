import { checkCommand } from './checkCommand';
import type { CliCommand } from './command';
import { simulateCommand } from './simulateCommand';
import { testCommand } from './testCommand';

/** The command table: adding a command is adding its file and a row here. */
export const commands: readonly CliCommand[] = [simulateCommand, testCommand, checkCommand];
