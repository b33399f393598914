import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LanguageServerController, type LanguageServerState } from './languageServer';
import { isMappingDocument, MAPPING_DOCUMENT_CONTEXT_KEY } from './mappingDocuments';
import { registerPreview, type PreviewDependencies } from './preview/index';

/** What the extension returns from `activate`: used by the end-to-end tests and by other extensions. */
export interface ApigwMappingApi {
  languageServerState(): LanguageServerState;
  /** Starts the language server if it is not running yet; resolves once it runs. */
  whenLanguageServerRunning(): Promise<void>;
}

let server: LanguageServerController | undefined;

export function activate(context: vscode.ExtensionContext): ApigwMappingApi {
  const controller = new LanguageServerController(context);
  server = controller;
  const preview: PreviewDependencies = {
    extensionUri: context.extensionUri,
    workspaceState: context.workspaceState,
    sendRequest: (method, params) => controller.sendRequest(method, params),
  };
  context.subscriptions.push(controller, ...registerCommands(controller, preview), ...registerPreview(preview));

  const startFor = (document: vscode.TextDocument) => {
    if (controller.state === 'stopped' && isMappingDocument(document)) void controller.ensureStarted().catch(() => undefined);
  };
  let activeIsMapping = false;
  const updateContextKey = (editor: vscode.TextEditor | undefined) => {
    activeIsMapping = !!editor && isMappingDocument(editor.document);
    void vscode.commands.executeCommand('setContext', MAPPING_DOCUMENT_CONTEXT_KEY, activeIsMapping);
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startFor),
    vscode.workspace.onDidChangeTextDocument((event) => {
      startFor(event.document);
      // A document rarely stops being a definition while edited: only a negative answer is checked again.
      if (!activeIsMapping && event.document === vscode.window.activeTextEditor?.document) updateContextKey(vscode.window.activeTextEditor);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContextKey),
  );
  vscode.workspace.textDocuments.forEach(startFor);
  updateContextKey(vscode.window.activeTextEditor);

  return {
    languageServerState: () => controller.state,
    whenLanguageServerRunning: () => controller.ensureStarted(),
  };
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
