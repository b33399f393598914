// The README's picture of the mapping preview: code-server (set up as the end-to-end suite does) with
// examples/openapi.yaml beside the preview, a Lambda function error selecting its 404, and the trace.
// Writes client/media/preview.png. Needs the tools of setup.sh and a VSIX (`npm run package`):
//   bash test/e2e/setup.sh && npm run package && node test/e2e/build.mjs && node out/e2e/screenshot.js
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { installVsix, prepareRun, startCodeServer, type RunningCodeServer } from './harness/codeServer';
import { extensionIdentity, PROJECT_ROOT, VSIX } from './harness/paths';
import { openWorkbench, quickOpen, runCommand } from './harness/workbench';

const OUTPUT = join(PROJECT_ROOT, 'client', 'media', 'preview.png');
const VIEWPORT = { width: 1400, height: 850 };
/** Room for the definition and both columns of the preview: no minimap, sticky lines or side panels. */
const PICTURE_SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

async function main(): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), 'apigw-mapping-screenshot-'));
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    const workspace = join(runDir, 'examples');
    cpSync(join(PROJECT_ROOT, 'examples'), workspace, { recursive: true });
    const run = prepareRun(runDir);
    const settingsFile = join(run.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(settingsFile, JSON.stringify({ ...settings, ...PICTURE_SETTINGS }, null, 2));
    installVsix(run, VSIX, extensionIdentity().id);
    server = await startCodeServer(run, { idleTimeoutSeconds: 300 });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: VIEWPORT });
    await openWorkbench(page, server, workspace, 'openapi.yaml');
    await runCommand(page, 'View: Close Primary Side Bar');
    await quickOpen(page, 'openapi.yaml');
    await runCommand(page, 'API Gateway: Open Mapping Preview to the Side');

    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('#status-code').filter({ hasText: /\d{3}/ }).waitFor({ timeout: 60_000 });
    await preview.locator('#operation').selectOption('GET /pets/{petId}');
    await preview.locator('#backend-lambdaError').check();
    await preview.locator('#sample-lambdaError-errorMessage').fill('Not found: 42');
    await preview.locator('#status-code', { hasText: '404' }).waitFor();
    await preview.locator('#selection li.matched', { hasText: 'Not found: .*' }).waitFor();
    await preview.locator('#response-body', { hasText: 'Not found: 42' }).waitFor();

    // The editor beside the preview shows the integration response that was selected.
    await quickOpen(page, 'openapi.yaml');
    await preview.locator('#selection li.matched button.link').first().click();
    await page.locator('.monaco-editor .selected-text').first().waitFor();
    // Hover and focus rings off the picture; let the last paint settle.
    await page.mouse.move(0, VIEWPORT.height - 1);
    await page.waitForTimeout(1_000);

    mkdirSync(join(PROJECT_ROOT, 'client', 'media'), { recursive: true });
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
