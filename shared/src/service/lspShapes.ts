import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { OffsetRange, Severity } from '../model/types';

/** LSP's numbers for severities (the service imports LSP types only, never its runtime). */
export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** LSP's `SymbolKind`, `CompletionItemKind` and `InsertTextFormat` values the service uses. */
export const SYMBOL_KIND = { method: 6, event: 24, number: 16 } as const;
export const COMPLETION_KIND = { method: 2, function: 3, field: 5, variable: 6, module: 9, property: 10, value: 12, keyword: 14, snippet: 15 } as const;
export const SNIPPET_FORMAT = 2;

/** An offset range as an LSP range of `document`. */
export function toLspRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}
