// The end-to-end suite in real VS Code (code-server 4.139 in headless Chromium), on the packaged VSIX.
// Run through `npm run test:e2e` (test/e2e/run.sh): it installs the tools, packages and bundles first.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { injectionCases } from '../grammar/cases';
import { createTokenizer, grammarFilesIn, scopeMismatches } from '../grammar/textmate';
import { launchChromium } from './harness/browser';
import { installVsix, prepareRun, startCodeServer, type CodeServerRun, type RunningCodeServer } from './harness/codeServer';
import { runExtensionHostTests } from './harness/extensionHost';
import { E2E_SOURCE_DIR, extensionIdentity, PROJECT_ROOT, VSIX } from './harness/paths';
import { goTo, openWorkbench, paletteHasCommand, positionOf, quickOpen, runCommand, textMateScopesAtCursor } from './harness/workbench';
import type { HostTestResult } from './suite/runner';
import { previewUiTests } from './previewUi';
import { inlineScenarioUiTests } from './inlineScenarioUi';
import { hoverUiTests } from './hoverUi';

const started = Date.now();
function timing(step: string): void {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)} s] ${step}`);
}

let runDir: string;
let run: CodeServerRun;
let server: RunningCodeServer;
let browser: Browser;
let installedExtension: string;
let failures = 0;

/** A fresh copy of examples/ plus the suite's own fixtures: tests never touch the repository's files. */
function makeWorkspace(name: string): string {
  const folder = join(runDir, name);
  cpSync(join(PROJECT_ROOT, 'examples'), folder, { recursive: true });
  cpSync(join(E2E_SOURCE_DIR, 'workspace'), folder, { recursive: true });
  return folder;
}

before(async () => {
  assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
  runDir = mkdtempSync(join(tmpdir(), 'apigw-mapping-e2e-'));
  run = prepareRun(runDir, { APIGW_E2E_RESULTS: join(runDir, 'extension-host-results.json') });
  installedExtension = installVsix(run, VSIX, extensionIdentity().id);
  timing(`installed the VSIX into ${run.extensionsDir}`);
  server = await startCodeServer(run, { smokeTestDriver: true, idleTimeoutSeconds: 300 });
  timing(`code-server ${run.install.version} answers on ${server.url}`);
  browser = await launchChromium();
  timing('chromium started');
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  timing('stopped');
  // Kept on failure for its logs (code-server-*.log, extension-host-results.json).
  if (failures === 0 && !process.env.APIGW_E2E_KEEP) rmSync(runDir, { recursive: true, force: true });
  else console.log(`run folder kept: ${runDir}`);
});

/** Counts failures so that the run folder is kept for them. */
function e2eTest(name: string, body: (t: TestContext) => Promise<void>): void {
  test(name, async (t) => {
    try {
      await body(t);
    } catch (error) {
      failures++;
      throw error;
    }
  });
}

e2eTest('extension host: activation, language server, languages, grammars, commands, settings, preview', async (t) => {
  const workspace = makeWorkspace('workspace-extension-host');
  const lines: string[] = [];
  const exitCode = await runExtensionHostTests(browser, server, {
    workspace,
    extensionDevelopmentPath: installedExtension,
    extensionTestsPath: join(PROJECT_ROOT, 'out', 'e2e', 'suite', 'index.js'),
    timeoutMs: 180_000,
    log: (line) => lines.push(line),
  });
  timing(`extension-host tests exited with ${exitCode}`);
  const resultsFile = join(runDir, 'extension-host-results.json');
  assert.ok(existsSync(resultsFile), `the extension-host tests wrote no results (exit ${exitCode}); window log:\n${lines.join('\n')}`);
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as HostTestResult[];
  for (const result of results) {
    await t.test(result.name, () => {
      if (!result.ok) throw new Error(result.error);
    });
  }
  assert.ok(results.length > 0, 'no extension-host test ran');
  assert.equal(exitCode, 0, 'the extension-host run reported failure');
});

describe('workbench UI', () => {
  let page: Page;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace('workspace-ui');
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Two cores shared with other work: generous waits, each still ending in a clear failure.
    page.setDefaultTimeout(60_000);
    await openWorkbench(page, server, workspace, 'openapi.yaml');
    timing('workbench shows the workspace');
  });

  after(async () => {
    await page?.close().catch(() => undefined);
  });

  e2eTest('the definition opens in an editor', async () => {
    await quickOpen(page, 'openapi.yaml');
    await page.locator('.monaco-editor .view-lines', { hasText: 'x-amazon-apigateway-integration' }).first().waitFor();
  });

  /** Opens a workspace file, puts the cursor in `needle` and returns what Inspect Tokens reports there. */
  async function inspectTokenIn(relativePath: string, needle: string, offsetInNeedle: number): Promise<string> {
    await quickOpen(page, basename(relativePath));
    const { line, column } = positionOf(readFileSync(join(workspace, relativePath), 'utf8'), needle, offsetInNeedle);
    await goTo(page, line, column);
    return textMateScopesAtCursor(page);
  }

  // Each case: the file, the text whose token is inspected, and what VS Code must report for it.
  // `language vtl` checks embeddedLanguages: inside a template the editor's language is VTL.
  const scopeCases: [string, string, string, number, RegExp[]][] = [
    ['a YAML responseTemplates block scalar', 'openapi.yaml', '#set($pet', 1, [/keyword\.control\.directive\.vtl/, /meta\.embedded\.block\.vtl/, /source\.yaml/, /language\s*vtl/]],
    ['a JSON responseTemplates string', 'definitions/pets-api.json', '#if($pet', 1, [/keyword\.control\.directive\.vtl/, /source\.json/, /language\s*vtl/]],
    ['a .vtl file', 'templates/get-pet.vtl', '$input.path', 8, [/entity\.name\.function\.member\.vtl/, /source\.vtl/]],
  ];
  for (const [where, file, needle, offset, expected] of scopeCases) {
    e2eTest(`VTL scopes apply in ${where}`, async () => {
      const report = await inspectTokenIn(file, needle, offset);
      for (const pattern of expected) assert.match(report, pattern);
    });
  }

  e2eTest('a problem in a template shows as a squiggle and in the Problems panel', async () => {
    await quickOpen(page, 'unclosed-if.yaml');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'vtl-unclosed-block' }).first().waitFor();
  });

  e2eTest('the preview command is in the palette and opens its panel beside the editor', async () => {
    await quickOpen(page, 'openapi.yaml');
    assert.ok(await paletteHasCommand(page, 'API Gateway: Open Mapping Preview to the Side'));
    await runCommand(page, 'API Gateway: Open Mapping Preview to the Side');
    await page.locator('.tab', { hasText: 'openapi.yaml' }).filter({ hasText: 'Preview' }).first().waitFor();
    // What the panel shows is the preview suite's to check (test/e2e/preview*); here: it renders.
    const content = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await content.locator('body *').first().waitFor();
  });

  previewUiTests({ page: () => page, workspace: () => workspace, test: e2eTest });
  inlineScenarioUiTests({ page: () => page, workspace: () => workspace, test: e2eTest });
  hoverUiTests({ page: () => page, workspace: () => workspace, test: e2eTest });
});

e2eTest("the injection grammars inside VS Code's own JSON and YAML grammars", async (t) => {
  const extensions = run.install.builtinExtensionsDir;
  const hostGrammars = new Map([...grammarFilesIn(join(extensions, 'json', 'syntaxes')), ...grammarFilesIn(join(extensions, 'yaml', 'syntaxes'))]);
  const tokenizer = await createTokenizer(installedExtension, hostGrammars);
  for (const grammarCase of injectionCases) {
    await t.test(grammarCase.name, async () => {
      const tokens = await tokenizer.tokenize(grammarCase.scope, grammarCase.source);
      const invalid = tokens.filter((token) => token.scopes.some((s) => s.startsWith('invalid'))).map((token) => `invalid: "${token.text}" on line ${token.line + 1}`);
      assert.deepEqual([...scopeMismatches(grammarCase.source, tokens, grammarCase.expect), ...invalid], []);
    });
  }
});
