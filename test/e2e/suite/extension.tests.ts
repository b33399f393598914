// The extension as installed from its VSIX: activation, the language server, languages, grammars,
// commands, settings and the preview panel.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { open, previewTabs, waitFor, workspaceFile } from './workbench';

const EXTENSION_ID = 'apigw-mapping.apigw-mapping';

/** The extension's `activate` result (client/src/extension.ts `ApigwMappingApi`). */
interface ApigwMappingApi {
  languageServerState(): 'stopped' | 'starting' | 'running';
}

function extension(): vscode.Extension<ApigwMappingApi> {
  const found = vscode.extensions.getExtension<ApigwMappingApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed`);
  return found;
}

export const extensionTests: HostTest[] = [
  {
    name: 'ordinary JSON activates the extension but does not start the language server',
    async run() {
      await open('plain/notes.json');
      await waitFor('activation on a JSON document', () => extension().isActive);
      // Give a wrongly eager start the time to show itself.
      await new Promise((r) => setTimeout(r, 1_000));
      assert.equal(extension().exports.languageServerState(), 'stopped');
    },
  },
  {
    name: 'an OpenAPI YAML definition starts the language server',
    async run() {
      await open('openapi.yaml');
      await waitFor('the language server to run', () => extension().exports.languageServerState() === 'running');
    },
  },
  {
    name: '.vtl and .vm files open as VTL',
    async run() {
      for (const file of ['templates/get-pet.vtl', 'templates/error.vm']) {
        const document = await vscode.workspace.openTextDocument(workspaceFile(file));
        assert.equal(document.languageId, 'vtl', file);
      }
    },
  },
  {
    name: 'the grammars, language configuration and schemas the manifest names are in the installed extension',
    async run() {
      const contributes = extension().packageJSON.contributes as {
        grammars: { scopeName: string; path: string; injectTo?: string[] }[];
        languages: { id: string; configuration: string }[];
        jsonValidation?: { url: string }[];
      };
      assert.deepEqual(
        contributes.grammars.map((g) => [g.scopeName, g.injectTo ?? []]),
        [
          ['source.vtl', []],
          ['apigw-mapping.vtl.injection.json', ['source.json', 'source.json.comments']],
          ['apigw-mapping.vtl.injection.yaml', ['source.yaml']],
        ],
      );
      const schemas = (contributes.jsonValidation ?? []).map((v) => v.url).filter((url) => !/^[a-z]+:/.test(url));
      const files = [...contributes.grammars.map((g) => g.path), ...contributes.languages.map((l) => l.configuration), ...schemas];
      for (const file of files) {
        const uri = vscode.Uri.joinPath(extension().extensionUri, file);
        const parsed: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
        assert.equal(typeof parsed, 'object', file);
      }
    },
  },
  {
    name: 'the commands are in the palette',
    async run() {
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['apigwMapping.openPreviewToSide', 'apigwMapping.restartLanguageServer', 'apigwMapping.showLanguageServerOutput']) {
        assert.ok(commands.includes(id), `${id} is not registered`);
      }
    },
  },
  {
    name: 'settings are declared with their defaults',
    run() {
      const settings = vscode.workspace.getConfiguration('apigwMapping');
      assert.equal(settings.get('diagnostics.enable'), true);
      assert.deepEqual(settings.get('diagnostics.severity'), {});
      assert.deepEqual(settings.get('preview.defaultRequestHeaders'), { Accept: 'application/json', 'Content-Type': 'application/json' });
      assert.deepEqual(settings.get('preview.defaultStageVariables'), {});
      assert.equal(settings.get('trace.server'), 'off');
    },
  },
  {
    name: 'the preview command opens one panel beside the definition',
    async run() {
      const editor = await open('openapi.yaml');
      await vscode.commands.executeCommand('apigwMapping.openPreviewToSide');
      const [tab] = await waitFor('the preview tab', () => previewTabs().length > 0 && previewTabs());
      assert.match(tab.label, /openapi\.yaml/);
      assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opens beside the editor, not over it');
      await vscode.commands.executeCommand('apigwMapping.openPreviewToSide', workspaceFile('openapi.yaml'));
      assert.equal(previewTabs().length, 1, 'a second run reuses the panel');
    },
  },
  {
    name: 'the restart command brings the language server back',
    async run() {
      await vscode.commands.executeCommand('apigwMapping.restartLanguageServer');
      await waitFor('the language server to run again', () => extension().exports.languageServerState() === 'running');
    },
  },
];
