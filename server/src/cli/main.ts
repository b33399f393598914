import { processIo } from './io';
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), processIo());
