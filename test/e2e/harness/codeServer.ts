// Runs code-server with every piece of state inside one run folder, in its own process group so that
// stopping it also stops its file watchers and extension hosts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerInstall, type CodeServerInstall } from './paths';

/** User settings that keep the workbench quiet and offline. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

export interface CodeServerRun {
  install: CodeServerInstall;
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  /** Environment of every code-server process: its files stay in the run folder, its gallery is off. */
  env: NodeJS.ProcessEnv;
}

/** Creates the run folder's layout and user settings. */
export function prepareRun(runDir: string, extraEnv: NodeJS.ProcessEnv = {}): CodeServerRun {
  const install = codeServerInstall();
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  for (const dir of ['xdg-data', 'xdg-config', 'tmp', 'extensions', 'user-data/User']) mkdirSync(join(runDir, dir), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    PATH: `${install.nodeBinDir}:${process.env.PATH ?? ''}`,
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    TMPDIR: join(runDir, 'tmp'),
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
  };
  return { install, runDir, userDataDir, extensionsDir, env };
}

/** Installs a VSIX into the run's extensions folder; returns the folder the extension landed in. */
export function installVsix(run: CodeServerRun, vsix: string, extensionId: string): string {
  const result = spawnSync(
    run.install.node,
    [run.install.entry, '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir, '--install-extension', vsix, '--force'],
    { env: run.env, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status}): ${result.stderr}${result.stdout}`);
  const folder = readdirSync(run.extensionsDir).find((name) => name.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
  if (!folder) throw new Error(`${extensionId} is not in ${run.extensionsDir} after installing: ${result.stdout}`);
  return join(run.extensionsDir, folder);
}

export interface RunningCodeServer {
  url: string;
  port: number;
  /** Stops the whole process group; waits for it to exit. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms; see ${logFile}`);
}

const runningGroups = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

// The trap: whatever ends this process, no code-server is left behind.
process.once('exit', () => runningGroups.forEach((pid) => killGroup(pid, 'SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    runningGroups.forEach((pid) => killGroup(pid, 'SIGTERM'));
    process.exit(130);
  });
}

/**
 * Starts code-server on 127.0.0.1 (webviews need a secure context: 127.0.0.1 or localhost).
 * `smokeTestDriver` lets a page run extension-host tests from a `payload` URL parameter.
 */
export async function startCodeServer(
  run: CodeServerRun,
  options: { smokeTestDriver?: boolean; idleTimeoutSeconds?: number } = {},
): Promise<RunningCodeServer> {
  const port = await freePort();
  const config = join(run.runDir, 'code-server.yaml');
  writeFileSync(
    config,
    [
      `bind-addr: 127.0.0.1:${port}`,
      'auth: none',
      'cert: false',
      'disable-telemetry: true',
      'disable-update-check: true',
      'disable-workspace-trust: true',
      'disable-getting-started-override: true',
      // A safety net for runs killed outright (SIGKILL runs no handler): a server nobody uses goes away.
      ...(options.idleTimeoutSeconds ? [`idle-timeout-seconds: ${options.idleTimeoutSeconds}`] : []),
      '',
    ].join('\n'),
  );
  const logFile = join(run.runDir, `code-server-${port}.log`);
  const log = openSync(logFile, 'a');
  const args = [run.install.entry, '--config', config, '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir, '--ignore-last-opened'];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  // detached: its own session and process group (setsid), so one signal reaches every child.
  const child = spawn(run.install.node, args, { env: run.env, detached: true, stdio: ['ignore', log, log] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  runningGroups.add(pid);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!runningGroups.delete(pid)) return;
    const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
    killGroup(pid, 'SIGTERM');
    const forced = setTimeout(() => killGroup(pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
    // Children that ignored SIGTERM (file watchers) go with the group.
    killGroup(pid, 'SIGKILL');
  };
  try {
    await waitForHealth(url, child, 60_000, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, stop };
}
