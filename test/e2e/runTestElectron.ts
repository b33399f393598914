// The extension-host suite under @vscode/test-electron, for machines that can download VS Code
// (CI here cannot: it runs the same `run()` entry in code-server, see codeServer.e2e.ts).
//   npm run package && node test/e2e/build.mjs && node out/e2e/runTestElectron.js
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { E2E_SOURCE_DIR, PROJECT_ROOT } from './harness/paths';

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'apigw-mapping-electron-'));
  cpSync(join(PROJECT_ROOT, 'examples'), workspace, { recursive: true });
  cpSync(join(E2E_SOURCE_DIR, 'workspace'), workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath: join(PROJECT_ROOT, 'out', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
