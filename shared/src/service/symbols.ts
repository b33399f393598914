import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, DocumentSymbol } from 'vscode-languageserver-types';
import type { MappingDocument } from './mappingDocument';
import { statusOf } from './responseFacts';
import { SYMBOL_KIND, toLspRange } from './lspShapes';
import type { OperationSummary } from './types';
import type { OffsetRange } from '../model/types';

function union(a: OffsetRange, b: OffsetRange): OffsetRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** The command a code lens runs to open the mapping preview of an operation. */
export const OPEN_PREVIEW_COMMAND = 'apigwMapping.openPreview';

/** Operations, with their integration and method responses as children. */
export function findDocumentSymbols(textDocument: TextDocument, document: MappingDocument): DocumentSymbol[] {
  return document.api.operations.map((operation) => {
    const children: DocumentSymbol[] = [];
    for (const response of operation.integration?.responses ?? []) {
      const pattern = response.selectionPattern?.value;
      children.push({
        name: `integration response ${statusOf(response)}`,
        detail: pattern ? `selectionPattern ${pattern}` : 'default',
        kind: SYMBOL_KIND.event,
        range: toLspRange(textDocument, union(response.range, response.key?.range ?? response.range)),
        selectionRange: toLspRange(textDocument, response.key?.range ?? response.statusCode?.range ?? response.range),
      });
    }
    for (const response of operation.methodResponses) {
      children.push({
        name: `method response ${response.statusCode.value}`,
        kind: SYMBOL_KIND.number,
        range: toLspRange(textDocument, union(response.range, response.statusCode.range)),
        selectionRange: toLspRange(textDocument, response.statusCode.range),
      });
    }
    const childRanges = [operation.range, operation.nameRange, ...children.map((child) => ({ start: textDocument.offsetAt(child.range.start), end: textDocument.offsetAt(child.range.end) }))];
    return {
      name: operation.key,
      detail: operation.integration?.type?.value,
      kind: SYMBOL_KIND.method,
      range: toLspRange(textDocument, childRanges.reduce(union)),
      selectionRange: toLspRange(textDocument, operation.nameRange),
      children,
    };
  });
}

/** A "Preview mapping" lens on each operation that has an integration. */
export function getCodeLenses(textDocument: TextDocument, document: MappingDocument): CodeLens[] {
  return document.api.operations
    .filter((operation) => operation.integration !== undefined)
    .map((operation) => ({
      range: toLspRange(textDocument, operation.nameRange),
      command: { title: `Preview mapping: ${operation.key}`, command: OPEN_PREVIEW_COMMAND, arguments: [textDocument.uri, operation.key] },
    }));
}

/** The operations of a document, as the preview lists them. */
export function listOperations(document: MappingDocument): OperationSummary[] {
  return document.api.operations.map((operation) => ({
    key: operation.key,
    httpMethod: operation.httpMethod,
    path: operation.path,
    integrationType: operation.integration?.type?.value,
    integrationResponses: (operation.integration?.responses ?? []).map(statusOf),
    range: operation.range,
    nameRange: operation.nameRange,
  }));
}
