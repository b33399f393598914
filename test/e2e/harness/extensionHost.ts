// Runs the extension-host test entry (`run()` in test/e2e/suite/index.ts) inside code-server: the
// server starts an extension host only for a connected window, so a headless page is that window.
import type { Browser } from 'playwright-core';
import type { RunningCodeServer } from './codeServer';

export interface ExtensionHostTestRun {
  /** The folder the window opens. */
  workspace: string;
  /** The extension under test, as a folder on the server (the installed VSIX's folder). */
  extensionDevelopmentPath: string;
  /** The bundled test entry exporting `run()`. */
  extensionTestsPath: string;
  timeoutMs: number;
  log: (line: string) => void;
}

/** Opens the window with the test payload; resolves with the test run's exit code. */
export async function runExtensionHostTests(browser: Browser, server: RunningCodeServer, run: ExtensionHostTestRun): Promise<number> {
  const page = await browser.newPage();
  try {
    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolveExit) => (reportExit = resolveExit));
    await page.exposeFunction('codeAutomationLog', (...args: unknown[]) => run.log(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(run.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(run.extensionTestsPath)],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(payload)}`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`extension-host tests did not finish within ${run.timeoutMs} ms`)), run.timeoutMs);
    });
    try {
      return await Promise.race([exited, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}
