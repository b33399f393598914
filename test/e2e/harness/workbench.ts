// Driving the VS Code 1.139 workbench in the page: selectors and key sequences in one place, so a
// change in VS Code's markup is fixed here and not in every test.
import type { Page } from 'playwright-core';
import type { RunningCodeServer } from './codeServer';

const QUICK_INPUT = '.quick-input-widget input';
const QUICK_INPUT_ROW = '.quick-input-list .monaco-list-row';

/** Opens the workbench on `folder` and waits until the explorer lists `expectedFile`. */
export async function openWorkbench(page: Page, server: RunningCodeServer, folder: string, expectedFile: string): Promise<void> {
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: expectedFile }).first().waitFor({ timeout: 60_000 });
}

async function pickFromQuickInput(page: Page, text: string, rowText: string): Promise<void> {
  const input = page.locator(QUICK_INPUT);
  await input.waitFor();
  await input.fill(text);
  // Enter takes the focused row; the list filters asynchronously, so wait until that row is the one.
  await page.locator(`${QUICK_INPUT_ROW}.focused`, { hasText: rowText }).waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P). The active tab is matched by the resource it
 * shows, not by its title: a preview's title holds the file name too.
 */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await pickFromQuickInput(page, fileName, fileName);
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor();
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await pickFromQuickInput(page, `>${title}`, title);
}

/** Whether the command palette lists a command with this title. */
export async function paletteHasCommand(page: Page, title: string): Promise<boolean> {
  await page.keyboard.press('F1');
  const input = page.locator(QUICK_INPUT);
  await input.waitFor();
  await input.fill(`>${title}`);
  const found = await page
    .locator(QUICK_INPUT_ROW, { hasText: title })
    .first()
    .waitFor({ timeout: 10_000 })
    .then(() => true, () => false);
  await page.keyboard.press('Escape');
  return found;
}

/** Moves the cursor of the active editor to a 1-based line and column (Quick Open's `:line:column`). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator(QUICK_INPUT);
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  // Enter before the line picker has taken over the input does nothing: wait for its prompt.
  await page.locator('.quick-input-widget', { hasText: `go to line ${line} at column ${column}` }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * What VS Code reports for the token at the cursor (Inspect Editor Tokens and Scopes): its text holds
 * the token's language and its TextMate scopes, innermost first.
 */
export async function textMateScopesAtCursor(page: Page): Promise<string> {
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  // The widget fills in once the tokenizer answers.
  const widget = page.locator('.token-inspect-widget').filter({ hasText: 'textmate scopes' });
  await widget.waitFor();
  const text = (await widget.textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

/** The 1-based line and column of the first occurrence of `needle` in `text`, plus `offsetInNeedle`. */
export function positionOf(text: string, needle: string, offsetInNeedle = 0): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset + offsetInNeedle);
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}
