import { parseApiDocument } from '../model/index';
import type { Operation } from '../model/types';
import type { Scenario, ScenarioProblem } from './types';

/** An API definition the host has read for a scenario's `definition` reference. */
export interface LoadedDefinition {
  text: string;
  fileName: string;
}

/**
 * The operation a scenario runs: its inline method, or the operation named by `operation` in the
 * definition the host read (undefined when the file could not be read). `shared/` does no IO: the
 * host resolves `definition` relative to the scenario file and passes the text in.
 */
export function resolveScenarioOperation(scenario: Scenario, definition: LoadedDefinition | undefined): { operation?: Operation; problems: ScenarioProblem[] } {
  const method = scenario.method;
  if (method.kind === 'inline') return { operation: method.operation, problems: [] };
  const problem = (path: string, message: string, range = method.definition.range): { problems: ScenarioProblem[] } => ({
    problems: [{ code: 'scenario-definition', message, severity: 'error', range, path }],
  });
  if (!definition) return problem('$.definition', `cannot read the definition ${method.definition.value}`);
  const document = parseApiDocument(definition.text, definition.fileName);
  const wanted = normalizeOperationKey(method.operation.value);
  const operation = document.operations.find((o) => normalizeOperationKey(o.key) === wanted);
  if (!operation) {
    const available = document.operations.map((o) => o.key);
    return problem(
      '$.operation',
      `${definition.fileName} has no operation "${method.operation.value}"${available.length ? ` (it has: ${available.join(', ')})` : ' (no API Gateway operations were found in it)'}`,
      method.operation.range,
    );
  }
  return { operation, problems: [] };
}

/** `get  /pets/{id}` and `GET /pets/{id}` name the same operation; the path stays case-sensitive. */
function normalizeOperationKey(key: string): string {
  const [verb, ...path] = key.trim().split(/\s+/);
  return `${verb.toUpperCase()} ${path.join(' ')}`;
}
