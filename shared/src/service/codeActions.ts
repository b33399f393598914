import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import { toLspRange } from './lspShapes';
import type { MappingProblem } from './types';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Quick fixes for the diagnostics the editor sends back: each is matched to the problem it came from
 * by code and range, so the fix is computed on the document version the diagnostic describes.
 */
export function doCodeAction(textDocument: TextDocument, problems: readonly MappingProblem[], context: CodeActionContext, toDiagnostic: (problem: MappingProblem) => Diagnostic): CodeAction[] {
  if (context.only && !context.only.some((kind) => kind === 'quickfix' || kind.startsWith('quickfix.'))) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    const problem = problems.find((p) => p.fixes && p.code === diagnostic.code && sameRange(toLspRange(textDocument, p.range), diagnostic.range));
    for (const fix of problem?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [toDiagnostic(problem!)],
        isPreferred: fix.preferred,
        edit: { changes: { [textDocument.uri]: fix.edits.map((edit) => ({ range: toLspRange(textDocument, edit.range), newText: edit.newText })) } },
      });
    }
  }
  return actions;
}
