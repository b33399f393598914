import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { resolveScenarioOperation, type Operation, type Scenario, type ScenarioProblem } from '../../../shared/src/index';
import type { CliIo } from './io';

/** Reads the API definition a scenario refers to (relative to the scenario file) and finds its operation. */
export function resolveDefinitionOperation(file: string, scenario: Scenario, io: CliIo): { operation?: Operation; problems: ScenarioProblem[] } {
  if (scenario.method.kind !== 'definition') return resolveScenarioOperation(scenario, undefined);
  const path = resolve(io.cwd, dirname(file), scenario.method.definition.value);
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  return resolveScenarioOperation(scenario, text === undefined ? undefined : { text, fileName: path });
}
