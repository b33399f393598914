import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseScenario, scenarioInputsWithOverrides, simulateScenario, simulationResultToJson, type MappingLanguageService, type OffsetRange } from '../../shared/src/index';
import type { OperationItem, SimulateParams, SimulateResult } from './protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lspRange(document: TextDocument, range: OffsetRange | undefined) {
  return range === undefined ? undefined : { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

/**
 * Simulates one operation of a document with sample inputs written as in a scenario file: the inputs are
 * read by the scenario reader, so the preview and `simulate` agree on what they mean.
 */
export function simulateOperation(service: MappingLanguageService, document: TextDocument, params: SimulateParams): SimulateResult {
  const parsed = service.parse(document);
  const operation = parsed.api.operations.find((candidate) => candidate.key === params.operation);
  if (!operation) {
    return { ok: false, message: `No operation ${params.operation} in ${document.uri}; it has ${parsed.api.operations.map((o) => o.key).join(', ') || 'none'}.`, problems: [] };
  }
  let inputs = params.inputs ?? {};
  if (params.inputsFromDocument === true) {
    // A scenario with its method inline is its own definition: what it sends and answers are the inputs.
    const fromDocument = scenarioInputsWithOverrides(document.getText(), params.inputs);
    if ('error' in fromDocument) return { ok: false, message: fromDocument.error, problems: [] };
    inputs = fromDocument.inputs;
  }
  const scenarioText = JSON.stringify({
    definition: document.uri,
    operation: operation.key,
    // The operation's own method and path unless the sample names others.
    request: { httpMethod: operation.httpMethod === 'ANY' ? 'GET' : operation.httpMethod, path: operation.path, ...(isRecord(inputs.request) ? inputs.request : {}) },
    ...(inputs.backend !== undefined ? { backend: inputs.backend } : {}),
    ...(inputs.stageVariables !== undefined ? { stageVariables: inputs.stageVariables } : {}),
    ...(inputs.context !== undefined ? { context: inputs.context } : {}),
    ...(inputs.binaryMediaTypes !== undefined ? { binaryMediaTypes: inputs.binaryMediaTypes } : {}),
  });
  const { scenario, problems } = parseScenario(scenarioText, 'preview.scenario.json');
  if (!scenario) {
    return { ok: false, message: 'The sample inputs are not valid.', problems: problems.map((p) => ({ code: p.code, message: `${p.path}: ${p.message}` })) };
  }
  const json = simulationResultToJson(simulateScenario(scenario, operation));
  return {
    ok: true,
    ...json,
    trace: json.trace.map((entry) => ({ step: entry.step, message: entry.message, range: lspRange(document, entry.range) })),
    warnings: json.warnings.map((entry) => ({ code: entry.code, message: entry.message, range: lspRange(document, entry.range) })),
    problems: json.problems.map((entry) => ({ code: entry.code, message: entry.message, range: lspRange(document, entry.range) })),
  };
}

/** The operations of a document with LSP ranges. */
export function operationItems(service: MappingLanguageService, document: TextDocument): OperationItem[] {
  return service.listOperations(document).map((operation) => ({
    ...operation,
    range: lspRange(document, operation.range)!,
    nameRange: lspRange(document, operation.nameRange)!,
  }));
}
