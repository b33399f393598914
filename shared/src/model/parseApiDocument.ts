import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ApiDocument, DefinitionKind, Operation, Problem } from './types';
import { parseJsonSourceTree } from '../documents/jsonTree';
import { parseYamlTree } from '../documents/yamlTree';
import { valueOf, type SourceNode } from '../documents/sourceTree';
import { DefinitionReader } from './reader';
import { readGetMethod } from './getMethod';
import { openApiSettings, readOpenApiOperations, readStringList } from './openapi';
import { isCloudFormationTemplate, readCloudFormationOperations } from './cloudformation';

const templateExtensions = /\.(vtl|vm|velocity)$/i;
const jsonExtensions = /\.(json|jsonc)$/i;
const yamlExtensions = /\.(ya?ml)$/i;

/**
 * Reads an API definition of any supported kind into the model. Never throws: syntax errors and
 * structural mistakes become problems with ranges, and whatever could be read is kept. A document
 * that is no definition at all gets kind `unknown` and no problems.
 */
export function parseApiDocument(text: string, fileName: string): ApiDocument {
  if (templateExtensions.test(fileName)) {
    return { fileName, kind: 'vtl', format: 'vtl', text, operations: [], problems: [] };
  }
  const format = formatOf(text, fileName);
  const { root, problems: syntaxProblems } = format === 'json' ? parseJsonTree(text) : parseYamlTree(text);
  const kind = root === undefined ? kindOfUnreadable(text, fileName) : kindOf(root, fileName);
  if (kind === 'unknown' || root === undefined || root.kind !== 'map') {
    return { fileName, kind, format, text, operations: [], problems: kind === 'unknown' ? [] : syntaxProblems };
  }
  const reader = new DefinitionReader(text, kind === 'openapi2' || kind === 'openapi3' || kind === 'cloudformation');
  let operations: Operation[];
  try {
    operations = readOperations(reader, kind, root);
  } catch (error) {
    // A reader bug must not take the language server down with it; say where reading stopped.
    reader.report('definition-internal-error', `The definition could not be read completely: ${String(error)}`, 'error', { start: 0, end: 0 });
    operations = [];
  }
  return { fileName, kind, format, text, operations: uniqueKeys(operations), problems: [...syntaxProblems, ...reader.problems] };
}

function readOperations(reader: DefinitionReader, kind: DefinitionKind, root: SourceNode & { kind: 'map' }): Operation[] {
  switch (kind) {
    case 'openapi2':
    case 'openapi3':
      return readOpenApiOperations(reader, root, openApiSettings(reader, root));
    case 'cloudformation':
      return readCloudFormationOperations(reader, root);
    case 'get-method':
      return [readGetMethod(reader, root)];
    case 'scenario': {
      const method = valueOf(root, 'method');
      if (method === undefined || method.kind !== 'map') return [];
      const binaryMediaTypes = readStringList(reader, valueOf(root, 'binaryMediaTypes'), 'binaryMediaTypes');
      return [readGetMethod(reader, method, { binaryMediaTypes })];
    }
    default:
      return [];
  }
}

function formatOf(text: string, fileName: string): 'json' | 'yaml' {
  if (jsonExtensions.test(fileName)) return 'json';
  if (yamlExtensions.test(fileName)) return 'yaml';
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function parseJsonTree(text: string): { root: SourceNode | undefined; problems: Problem[] } {
  const errors: ParseError[] = [];
  let root: SourceNode | undefined;
  try {
    root = parseJsonSourceTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // The parser recurses per nesting level; thousands of levels exhaust the stack.
    const message = `The JSON could not be read: ${error instanceof Error ? error.message : String(error)}.`;
    return { root: undefined, problems: [{ code: 'json-syntax', message, severity: 'error', range: { start: 0, end: Math.min(1, text.length) } }] };
  }
  const problems: Problem[] = errors.map((error) => ({
    code: 'json-syntax',
    message: jsonErrorMessage(error),
    severity: 'error',
    range: { start: Math.min(error.offset, text.length), end: Math.min(error.offset + Math.max(error.length, 1), text.length) },
  }));
  return { root, problems };
}

function jsonErrorMessage(error: ParseError): string {
  const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON: ${words}.`;
}

function stringAt(root: SourceNode, key: string): string | undefined {
  const node = valueOf(root, key);
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** The kind of definition, by content first and by name where the content does not say. */
function kindOf(root: SourceNode | undefined, fileName: string): DefinitionKind {
  const isScenarioName = /\.scenario\.json$/i.test(fileName);
  if (root === undefined || root.kind !== 'map') return isScenarioName ? 'scenario' : 'unknown';
  if (stringAt(root, 'swagger')?.startsWith('2')) return 'openapi2';
  if (stringAt(root, 'openapi')?.startsWith('3')) return 'openapi3';
  if (isScenarioName) return 'scenario';
  if (isCloudFormationTemplate(root)) return 'cloudformation';
  const method = valueOf(root, 'method');
  if (method?.kind === 'map' && (valueOf(method, 'methodIntegration') !== undefined || valueOf(method, 'httpMethod') !== undefined)) {
    if (['request', 'backend', 'expect'].some((key) => valueOf(root, key) !== undefined)) return 'scenario';
  }
  if (valueOf(root, 'definition') !== undefined && valueOf(root, 'operation') !== undefined) return 'scenario';
  if (valueOf(root, 'methodIntegration') !== undefined || (valueOf(root, 'httpMethod') !== undefined && valueOf(root, 'methodResponses') !== undefined)) {
    return 'get-method';
  }
  return 'unknown';
}

/**
 * The kind of a document whose structure could not be read at all, from what its first lines
 * declare, so that its problems are still shown.
 */
function kindOfUnreadable(text: string, fileName: string): DefinitionKind {
  const head = text.slice(0, 2000);
  if (/^\s*\{?\s*"?swagger"?\s*:\s*["']?2/m.test(head)) return 'openapi2';
  if (/^\s*\{?\s*"?openapi"?\s*:\s*["']?3/m.test(head)) return 'openapi3';
  if (/^\s*\{?\s*"?AWSTemplateFormatVersion"?\s*:/m.test(head)) return 'cloudformation';
  return kindOf(undefined, fileName);
}

/** Keeps operation keys unique (two RestApis in one template may both have `GET /`). */
function uniqueKeys(operations: Operation[]): Operation[] {
  const seen = new Set<string>();
  for (const operation of operations) {
    if (!seen.has(operation.key)) {
      seen.add(operation.key);
      continue;
    }
    const qualifier = operation.logicalId ?? operation.api.name ?? 'duplicate';
    let key = `${operation.key} (${qualifier})`;
    for (let n = 2; seen.has(key); n++) key = `${operation.key} (${qualifier} ${n})`;
    operation.key = key;
    seen.add(key);
  }
  return operations;
}
