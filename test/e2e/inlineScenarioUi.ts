// A conformance scenario (its method inline, as `aws apigateway get-method` prints it) opened in the
// workbench previews itself: the status it expects is read from inside the webview, and an edit of the
// file shows at once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { goTo, positionOf, quickOpen, runCommand } from './harness/workbench';

/** What the inline-scenario test needs from the suite that runs it. */
export interface InlineScenarioUiContext {
  page(): Page;
  workspace(): string;
  /** Registers one test the way the suite counts failures. */
  test(name: string, body: () => Promise<void>): void;
}

const SCENARIO = 'lambda-custom-response-override-status-400.scenario.json';

export function inlineScenarioUiTests(context: InlineScenarioUiContext): void {
  context.test('preview: a conformance scenario with its method inline shows the status it expects, and follows edits', async () => {
    const page = context.page();
    const path = join(context.workspace(), 'conformance', SCENARIO);
    const text = readFileSync(path, 'utf8');
    const expected = JSON.parse(text).expect as { statusCode: number; selectedResponse: string };
    await quickOpen(page, SCENARIO);
    await page.locator(`.tabs-container .tab.active[data-resource-name="${SCENARIO}"]`).waitFor();
    await runCommand(page, 'API Gateway: Open Mapping Preview to the Side');
    await page.locator('.tab', { hasText: `Mapping Preview: ${SCENARIO}` }).waitFor();
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('#status-code', { hasText: String(expected.statusCode) }).waitFor();
    assert.equal(await preview.locator('#selected-response').textContent(), expected.selectedResponse);
    assert.equal(await preview.locator('#operation').inputValue(), 'POST /test');

    // The function's answer no longer says "customerror": the template overrides the status with 202,
    // and the preview follows the unsaved edit.
    await quickOpen(page, SCENARIO);
    const { line, column } = positionOf(text, '"body": "customerror"', '"body": "custom'.length);
    await goTo(page, line, column);
    for (let i = 0; i < 'error'.length; i++) await page.keyboard.press('Delete');
    await page.keyboard.type('fine');
    await preview.locator('#status-code', { hasText: '202' }).waitFor();
    await runCommand(page, 'File: Revert File');
    await preview.locator('#status-code', { hasText: String(expected.statusCode) }).waitFor();
  });
}
