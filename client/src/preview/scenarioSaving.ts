import * as vscode from 'vscode';
import { previewSampleToScenario, type OperationItem, type PreviewSample, type SimulateResult } from '../../../shared/src/protocol/index';
import { freeScenarioPath, relativeDefinitionPath, scenarioFileStem } from './scenarioPath';

/** What "Save as scenario" saves. */
export interface ScenarioToSave {
  definition: vscode.Uri;
  operation: OperationItem;
  sample: PreviewSample;
  result: SimulateResult | undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the sample as `scenarios/<operation>.scenario.json` next to the definition (never over an
 * existing file), with an `expect` taken from the current result.
 */
export async function saveSampleAsScenario(toSave: ScenarioToSave): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(toSave.definition, '..', 'scenarios');
  const stem = scenarioFileStem(toSave.operation.key);
  const path = await freeScenarioPath(folder.path, stem, (candidate) => exists(folder.with({ path: candidate })));
  const target = folder.with({ path });
  const { scenario } = previewSampleToScenario(toSave.sample, {
    definition: relativeDefinitionPath(folder.path, toSave.definition.path),
    operation: toSave.operation.key,
    integrationType: toSave.operation.integrationType,
    name: `${toSave.operation.key}: ${describeBackend(toSave.sample)}`,
    result: toSave.result,
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(scenario, null, 2)}\n`));
  return target;
}

function describeBackend(sample: PreviewSample): string {
  switch (sample.backendKind) {
    case 'http':
      return `HTTP ${sample.http.statusCode.trim()}`;
    case 'lambda':
      return 'Lambda result';
    case 'lambdaError':
      return sample.lambdaError.useRaw ? 'Lambda error' : `Lambda error ${JSON.stringify(sample.lambdaError.errorMessage.slice(0, 60))}`;
  }
}
