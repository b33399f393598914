// The mapping preview from the extension host: the code lens command, scenario files, the manifest.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { open, waitFor, workspaceFile } from './workbench';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('apigwMapping.preview'));
}

export const previewTests: HostTest[] = [
  {
    name: "the code lens command opens the preview on the lens's operation",
    async run() {
      const editor = await open('openapi.yaml');
      await vscode.commands.executeCommand('apigwMapping.openPreview', editor.document.uri.toString(), 'GET /pets/{petId}');
      const [tab] = await waitFor('the preview tab', () => previewTabs().length > 0 && previewTabs());
      assert.equal(tab.label, 'Mapping Preview: openapi.yaml');
    },
  },
  {
    name: 'the language server offers the preview lens on each operation with an integration',
    async run() {
      const editor = await open('openapi.yaml');
      // The lenses come once the server has parsed the document.
      const found = await (async () => {
        for (let attempt = 0; attempt < 100; attempt++) {
          const result = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
          const preview = (result ?? []).filter((lens) => lens.command?.command === 'apigwMapping.openPreview');
          if (preview.length > 0) return preview;
          await new Promise((r) => setTimeout(r, 300));
        }
        return [];
      })();
      assert.ok(found.length > 0, 'no preview lens');
      assert.deepEqual(found[0].command?.arguments?.[1], 'GET /pets/{petId}');
    },
  },
  {
    name: 'a scenario file previews the operation of the definition it names',
    async run() {
      await open('scenarios/get-pet-not-found.scenario.json');
      await vscode.commands.executeCommand('apigwMapping.openPreviewToSide');
      await waitFor('the scenario preview tab', () => previewTabs().some((tab) => tab.label === 'Mapping Preview: get-pet-not-found.scenario.json'));
    },
  },
  {
    name: 'scenario files are validated by the shipped JSON schema',
    async run() {
      const extension = vscode.extensions.getExtension('apigw-mapping.apigw-mapping');
      assert.ok(extension);
      const validation = (extension.packageJSON.contributes as { jsonValidation: { fileMatch: string; url: string }[] }).jsonValidation;
      assert.deepEqual(validation.map((v) => v.fileMatch), ['*.scenario.json']);
      const schema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, validation[0].url)))) as { properties: object };
      assert.ok('backend' in schema.properties);
      // VS Code's JSON language reports an unknown top-level key in its own words (ours says "unknown key").
      const document = await vscode.workspace.openTextDocument(workspaceFile('scenarios/get-pet-found.scenario.json'));
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '  "misspelled": 1,\n'));
      const diagnostics = await waitFor('a schema diagnostic', () => {
        const found = vscode.languages.getDiagnostics(document.uri).filter((d) => /misspelled.*not allowed/i.test(d.message));
        return found.length > 0 && found;
      });
      assert.ok(diagnostics.length > 0);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
];
