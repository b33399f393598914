// The mapping preview in the workbench: paste a Lambda error, read what the client gets from inside the
// webview, save the sample as a scenario that the command line passes, and find the sample again after
// the panel was closed and after the window reloaded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { PROJECT_ROOT } from './harness/paths';
import { goTo, positionOf, runCommand } from './harness/workbench';

/** What the preview tests need from the suite that runs them. */
export interface PreviewUiContext {
  page(): Page;
  workspace(): string;
  /** Registers one test the way the suite counts failures. */
  test(name: string, body: () => Promise<void>): void;
}

const OPEN_PREVIEW = 'API Gateway: Open Mapping Preview to the Side';
const OPERATION = 'GET /pets/{petId}';

/** The preview's page: two nested frames (VS Code's webview host, then the content). */
function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/**
 * Opens a workspace file with Quick Open. The preview's tab title holds the file name too, so the
 * active tab is told apart by the resource it shows.
 */
async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor();
}

async function openPreview(page: Page): Promise<FrameLocator> {
  await openFile(page, 'openapi.yaml');
  await runCommand(page, OPEN_PREVIEW);
  const preview = previewFrame(page);
  await preview.locator('#status-code').filter({ hasText: /\d{3}/ }).waitFor();
  return preview;
}

export function previewUiTests(context: PreviewUiContext): void {
  context.test('preview: a pasted Lambda error selects its integration response, shown from inside the webview', async () => {
    const preview = await openPreview(context.page());
    await preview.locator('#operation').selectOption(OPERATION);
    await preview.locator('#backend-lambdaError').check();
    // Typed, as a user pastes it: the body must show the markup as text, never run it
    // ($util.escapeJavaScript writes the slash as \/).
    await preview.locator('#sample-lambdaError-errorMessage').fill('Not found: <script>document.title="ran"</script>42');
    await preview.locator('#status-code', { hasText: '404' }).waitFor();
    assert.equal(await preview.locator('#selected-response').textContent(), '404');
    const body = preview.locator('#response-body');
    await body.filter({ hasText: '42' }).waitFor();
    assert.match((await body.textContent()) ?? '', /"message": "Not found: <script>document\.title=\\"ran\\"<\\\/script>42"/);
    assert.equal(await preview.locator('#response-body script').count(), 0);
    // The trace says why: the pattern that matched, with a link to it in the definition.
    await preview.locator('#selection li.matched', { hasText: 'Not found: .*' }).waitFor();
    // Focus and caret stay in the sample editor while results arrive.
    const focused = await preview.locator('#sample-lambdaError-errorMessage').evaluate((node) => (node as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === node);
    assert.ok(focused, 'the sample editor keeps the focus');
  });

  context.test('preview: a link in the trace jumps to the pattern in the definition', async () => {
    const page = context.page();
    const preview = previewFrame(page);
    await preview.locator('#selection li.matched button.link').first().click();
    // The selection in the editor is the pattern's key, `'Not found: .*'`.
    await page.locator('.monaco-editor .selected-text').first().waitFor();
    await page.locator('.tabs-container .tab.active[data-resource-name="openapi.yaml"]').waitFor();
  });

  context.test('preview: an edit of the definition shows at once, and so does undoing it', async () => {
    const page = context.page();
    const preview = previewFrame(page);
    await openFile(page, 'openapi.yaml');
    const definition = readFileSync(join(context.workspace(), 'openapi.yaml'), 'utf8');
    const { line, column } = positionOf(definition, "'Not found: .*'", 1);
    await goTo(page, line, column);
    // 'Not found: .*' becomes 'Nope: .*': the error no longer selects 404, the default response answers.
    for (let i = 0; i < 'Not found'.length; i++) await page.keyboard.press('Delete');
    await page.keyboard.type('Nope');
    await preview.locator('#status-code', { hasText: '200' }).waitFor();
    // Typed back and saved, so the file is as it was for the tests that follow.
    for (let i = 0; i < 'Nope'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('Not found');
    await page.keyboard.press('Control+S');
    await preview.locator('#status-code', { hasText: '404' }).waitFor();
    assert.equal(readFileSync(join(context.workspace(), 'openapi.yaml'), 'utf8'), definition);
  });

  context.test('preview: "Save as scenario" writes a scenario that apigw-mapping test passes', async () => {
    const preview = await openPreview(context.page());
    await preview.locator('#status-code', { hasText: '404' }).waitFor();
    await preview.locator('#save-scenario').click();
    await preview.locator('#status', { hasText: 'Saved' }).waitFor();
    const saved = join(context.workspace(), 'scenarios', 'get-pets-petid.scenario.json');
    assert.ok(existsSync(saved), `${saved} was not written`);
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist', 'cli.js'), 'test', saved], { encoding: 'utf8' });
    assert.equal(run.status, 0, `apigw-mapping test failed:\n${run.stdout}\n${run.stderr}`);
  });

  context.test('preview: after a window reload the panel comes back with the sample', async () => {
    const page = context.page();
    await previewFrame(page).locator('#status-code', { hasText: '404' }).waitFor();
    // The workbench's own reload: it saves the editor layout first, as a user's reload does.
    const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor();
    // VS Code restores the panel; the serializer revives it with the webview's saved state.
    const preview = previewFrame(page);
    await preview.locator('#status-code', { hasText: '404' }).waitFor();
    assert.match(await preview.locator('#sample-lambdaError-errorMessage').inputValue(), /^Not found: <script>/);
  });

  context.test('preview: a closed panel opens again with the sample of the operation', async () => {
    const page = context.page();
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    const preview = await openPreview(page);
    await preview.locator('#status-code', { hasText: '404' }).waitFor();
    assert.match(await preview.locator('#sample-lambdaError-errorMessage').inputValue(), /^Not found: <script>/);
  });

  context.test('preview: a scenario file previews the operation it names, with its sample', async () => {
    const page = context.page();
    await openFile(page, 'get-pet-not-found.scenario.json');
    await runCommand(page, OPEN_PREVIEW);
    await page.locator('.tab', { hasText: 'Mapping Preview: get-pet-not-found.scenario.json' }).waitFor();
    const preview = previewFrame(page);
    await preview.locator('#status-code', { hasText: '404' }).waitFor();
    assert.equal(await preview.locator('#sample-lambdaError-errorMessage').inputValue(), 'Not found: 99');
    assert.equal(await preview.locator('#sample-lambdaError-errorType').inputValue(), 'NotFound');
  });
}
