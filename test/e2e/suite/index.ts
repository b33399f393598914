// The extension-host test entry: VS Code loads this file (extensionTestsPath) and calls `run()`, both
// under @vscode/test-electron and in code-server with the smoke-test driver.
import { diagnosticsTests } from './diagnostics.tests';
import { extensionTests } from './extension.tests';
import { previewTests } from './preview.tests';
import { runHostTests } from './runner';

/** Feature suites in the order they run; hover and preview suites join this list. */
const suites = [extensionTests, diagnosticsTests, previewTests];

export function run(): Promise<void> {
  return runHostTests(suites.flat());
}
