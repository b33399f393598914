// The extension-host test entry: VS Code loads this file (extensionTestsPath) and calls `run()`, both
// under @vscode/test-electron and in code-server with the smoke-test driver.
import { extensionTests } from './extension.tests';
import { runHostTests } from './runner';

/** Feature suites in the order they run; diagnostics, hover and preview suites join this list. */
const suites = [extensionTests];

export function run(): Promise<void> {
  return runHostTests(suites.flat());
}
