import { checkScenario } from '../../../shared/src/index';
import type { CliCommand } from './command';
import { exitCode } from './io';
import { lineColumn } from './location';
import { collectScenarioFiles, loadScenario } from './scenarioFiles';

/**
 * `test <files or folders…>`: runs every scenario and checks its `expect`. One line per failed
 * expectation (`file:line:col: key: message`), then `N passed, N failed` alone on the last line.
 * Exit 0 when all passed, 1 when any failed, 2 when a scenario is broken (named on stderr).
 */
export const testCommand: CliCommand = {
  name: 'test',
  usage: 'test <files or folders…>',
  summary: 'check every *.scenario.json against its expect; exit 0 all passed, 1 any failed, 2 broken input',
  flags: [],
  run(args, _flags, io) {
    if (args.length === 0) return { usage: 'test needs scenario files or folders' };
    const { files, missing } = collectScenarioFiles(args, io);
    let broken = missing.length > 0;
    for (const path of missing) io.err(`${path}: no such file or folder`);
    if (files.length === 0 && missing.length === 0) {
      io.err(`no *.scenario.json files under ${args.join(', ')}`);
      broken = true;
    }
    let passed = 0;
    let failed = 0;
    for (const file of files) {
      const loaded = loadScenario(file, io);
      if (!loaded.ok) {
        broken = true;
        for (const problem of loaded.problems) io.err(problem);
        continue;
      }
      const { failures } = checkScenario(loaded.scenario, loaded.operation);
      if (failures.length === 0) {
        passed++;
        continue;
      }
      failed++;
      for (const failure of failures) {
        const at = failure.range ? `:${lineColumn(loaded.scenario.text, failure.range.start)}` : '';
        io.out(`${file}${at}: ${failure.key}: ${failure.message}`);
      }
    }
    io.out(`${passed} passed, ${failed} failed`);
    return { exit: broken ? exitCode.broken : failed > 0 ? exitCode.failed : exitCode.ok };
  },
};
