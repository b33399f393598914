import type { Operation, Scenario, ScenarioProblem } from '../../../shared/src/index';
import type { CliIo } from './io';

/** Reads the API definition a scenario refers to and finds its operation. */
export function resolveDefinitionOperation(file: string, scenario: Scenario, io: CliIo): { operation?: Operation; problems: ScenarioProblem[] } {
  void file;
  void io;
  if (scenario.method.kind !== 'definition') return { problems: [] };
  return {
    problems: [
      {
        code: 'scenario-definition-unsupported',
        message: `reading API definitions (${scenario.method.definition.value}) is not available in this build; give the method inline`,
        severity: 'error',
        range: scenario.method.definition.range,
        path: '$.definition',
      },
    ],
  };
}
