import { processIo } from './io';
import { runCli } from './run';

// A closed pipe (`apigw-mapping simulate … | head`) is the reader's choice, not a failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = runCli(process.argv.slice(2), processIo());
