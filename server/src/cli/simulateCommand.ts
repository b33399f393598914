import { simulateScenario, simulationResultToJson } from '../../../shared/src/index';
import type { CliCommand } from './command';
import { exitCode } from './io';
import { formatResult } from './formatResult';
import { loadScenario } from './scenarioFiles';

/** `simulate <scenario files…> [--json]`: what the client receives for each scenario, and why. */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  usage: 'simulate <scenario files…> [--json]',
  summary: 'simulate each scenario: the selected integration response, the trace and the method response',
  flags: ['--json'],
  run(args, flags, io) {
    if (args.length === 0) return { usage: 'simulate needs at least one scenario file' };
    let broken = false;
    const results: unknown[] = [];
    for (const file of args) {
      const loaded = loadScenario(file, io);
      if (!loaded.ok) {
        broken = true;
        for (const problem of loaded.problems) io.err(problem);
        continue;
      }
      const result = simulateScenario(loaded.scenario, loaded.operation);
      if (flags.has('--json')) results.push({ file, ...simulationResultToJson(result) });
      else for (const line of formatResult(loaded.scenario.name ? `${file} (${loaded.scenario.name})` : file, result)) io.out(line);
    }
    if (flags.has('--json')) io.out(JSON.stringify(args.length === 1 && results.length === 1 ? results[0] : results, null, 2));
    return { exit: broken ? exitCode.broken : exitCode.ok };
  },
};
