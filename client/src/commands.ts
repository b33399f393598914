import * as vscode from 'vscode';
import type { LanguageServerController } from './languageServer';
import { isMappingDocument } from './mappingDocuments';
import { PreviewPanel, type PreviewDependencies } from './preview/index';

/** Command ids, as declared in package.json `contributes.commands`. */
export const COMMANDS = {
  openPreviewToSide: 'apigwMapping.openPreviewToSide',
  restartLanguageServer: 'apigwMapping.restartLanguageServer',
  showLanguageServerOutput: 'apigwMapping.showLanguageServerOutput',
} as const;

/** Registers every command of the palette; the returned disposables unregister them. */
export function registerCommands(server: LanguageServerController, preview: PreviewDependencies): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.openPreviewToSide, (uri?: vscode.Uri) => openPreviewToSide(preview, uri)),
    vscode.commands.registerCommand(COMMANDS.restartLanguageServer, () => server.restart()),
    vscode.commands.registerCommand(COMMANDS.showLanguageServerOutput, () => {
      if (server.outputChannel) server.outputChannel.show(true);
      else void vscode.window.showInformationMessage('The API Gateway Mapping language server has not started: no API definition is open.');
    }),
  ];
}

async function openPreviewToSide(preview: PreviewDependencies, uri: vscode.Uri | undefined): Promise<PreviewPanel | undefined> {
  // From the editor title the command gets the editor's uri; from the palette, the active editor's.
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isMappingDocument(document)) {
    void vscode.window.showInformationMessage('Open an API definition, a scenario or a VTL template to preview its mapping.');
    return undefined;
  }
  return PreviewPanel.showBeside(preview, document);
}
