// A real definition from the corpus in the workbench: its known problem is listed in the Problems panel,
// and the hover on its selection pattern says what API Gateway matches the pattern against.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectionSubject } from '../../shared/src/service/responseFacts';
import { goTo, positionOf, quickOpen, runCommand } from './harness/workbench';
import type { PreviewUiContext } from './previewUi';

// aws-samples/serverless-patterns apigw-rest-api-batch-sam: an AWS (Batch) integration whose
// `SelectionPattern: 403` is a YAML integer (test/service/corpus.test.ts expects `pattern-yaml-number`).
const DEFINITION = 'batch-sam-template.yaml';
const PATTERN_KEY = 'SelectionPattern: ';

export function hoverUiTests(context: PreviewUiContext): void {
  context.test('a corpus definition: its unquoted numeric pattern is in the Problems panel', async () => {
    const page = context.page();
    await quickOpen(page, DEFINITION);
    await page.keyboard.press('Control+Shift+M');
    // The message names the pattern of this file, which no other file of the workspace has.
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'pattern-yaml-number' }).filter({ hasText: 'YAML reads `403` as a number' });
    await row.first().waitFor();
    assert.match((await row.first().textContent()) ?? '', /Quote it/);
  });

  context.test('a corpus definition: the hover on a selection pattern says what it is matched against, as a whole', async () => {
    const page = context.page();
    await quickOpen(page, DEFINITION);
    const text = readFileSync(join(context.workspace(), 'definitions', DEFINITION), 'utf8');
    const { line, column } = positionOf(text, `${PATTERN_KEY}403`, PATTERN_KEY.length + 1);
    await goTo(page, line, column);
    await runCommand(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover', { hasText: 'Selection pattern' }).first();
    await hover.waitFor();
    const shown = (await hover.textContent()) ?? '';
    await page.keyboard.press('Escape');
    assert.match(shown, /Selection pattern of integration response 403: 403/);
    // An AWS service integration: the pattern meets the service's HTTP status code, not an error message.
    assert.ok(shown.includes(`Matched against ${selectionSubject('aws-service')}.`), shown);
    assert.match(shown, /must match the whole string \(Pattern\.matches\), not a part of it/);
    assert.match(shown, /Matches, for example: 403/);
  });
}
