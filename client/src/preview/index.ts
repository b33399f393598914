import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewDependencies } from './previewPanel';

export { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewDependencies } from './previewPanel';

/** The command the language server's code lenses run, with the document URI and the operation key. */
export const OPEN_PREVIEW_FOR_OPERATION_COMMAND = 'apigwMapping.openPreview';

/**
 * Registers what the preview needs from VS Code: the serializer that brings panels back after a reload,
 * and the code lens command that opens the preview on one operation.
 */
export function registerPreview(deps: PreviewDependencies): vscode.Disposable[] {
  return [
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        PreviewPanel.revive(panel, deps, state);
      },
    }),
    vscode.commands.registerCommand(OPEN_PREVIEW_FOR_OPERATION_COMMAND, async (uri?: string | vscode.Uri, operation?: string) => {
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return undefined;
      const document = await vscode.workspace.openTextDocument(target);
      return PreviewPanel.showBeside(deps, document, typeof operation === 'string' ? operation : undefined);
    }),
  ];
}
