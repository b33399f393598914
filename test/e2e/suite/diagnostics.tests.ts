// Diagnostics from the language server as VS Code shows them, and the per-rule severity setting.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { open, waitFor, workspaceFile } from './workbench';

const FILE = 'definitions/unclosed-if.yaml';
const CODE = 'vtl-unclosed-block';

function problemsOf(relativePath: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(workspaceFile(relativePath)).filter((d) => d.source === 'apigw-mapping' && d.code === CODE);
}

async function setSeverity(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('apigwMapping', workspaceFile(FILE)).update('diagnostics.severity', value, vscode.ConfigurationTarget.Workspace);
}

export const diagnosticsTests: HostTest[] = [
  {
    name: 'an unclosed #if in a YAML response template is reported where it is written',
    async run() {
      const editor = await open(FILE);
      const [problem] = await waitFor(`a ${CODE} diagnostic`, () => problemsOf(FILE).length > 0 && problemsOf(FILE));
      const ifLine = editor.document.getText().split('\n').findIndex((line) => line.includes('#if('));
      assert.equal(problem.range.start.line, ifLine, `reported on line ${problem.range.start.line + 1}, the #if is on line ${ifLine + 1}`);
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    },
  },
  {
    name: 'apigwMapping.diagnostics.severity turns a rule off and changes its severity',
    async run() {
      try {
        await setSeverity({ [CODE]: 'off' });
        await waitFor('the diagnostic to go', () => problemsOf(FILE).length === 0);
        await setSeverity({ [CODE]: 'warning' });
        await waitFor('the diagnostic as a warning', () => problemsOf(FILE)[0]?.severity === vscode.DiagnosticSeverity.Warning);
      } finally {
        await setSeverity(undefined);
      }
      await waitFor('the diagnostic as an error again', () => problemsOf(FILE)[0]?.severity === vscode.DiagnosticSeverity.Error);
    },
  },
];
