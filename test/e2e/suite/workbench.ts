// Helpers the extension-host suites share: workspace files, editors, polling.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the window has no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function open(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(relativePath)));
}

/** Polls until `probe` returns a value other than undefined/false; 45 s allows for a loaded machine. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The mapping preview's tabs, in every editor group (webview view types carry a host prefix). */
export function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('apigwMapping.preview'));
}
