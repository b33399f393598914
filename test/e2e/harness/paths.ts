// Where the end-to-end tools live: the same rules as setup.sh, which installs them.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (the suite runs from it, as npm scripts do). */
export const PROJECT_ROOT = resolve('.');
export const E2E_SOURCE_DIR = join(PROJECT_ROOT, 'test', 'e2e');

function versions(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const line of readFileSync(join(E2E_SOURCE_DIR, 'versions.env'), 'utf8').split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) found[match[1]] = match[2];
  }
  return found;
}

export interface CodeServerInstall {
  /** Node 24, which code-server 4.139 requires. */
  node: string;
  nodeBinDir: string;
  /** code-server's Node entry (run with `node`). */
  entry: string;
  /** VS Code's built-in extensions, with the JSON and YAML grammars the editor really uses. */
  builtinExtensionsDir: string;
  version: string;
}

/** The cached install made by test/e2e/setup.sh; throws with the fix when it is missing. */
export function codeServerInstall(): CodeServerInstall {
  const { NODE_VERSION, CODE_SERVER_VERSION } = versions();
  const cache = process.env.APIGW_E2E_CACHE ?? join(homedir(), '.cache', 'apigw-mapping-e2e');
  const nodeBinDir = join(cache, `node-${NODE_VERSION}`, 'bin');
  const codeServer = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  const install: CodeServerInstall = {
    node: join(nodeBinDir, 'node'),
    nodeBinDir,
    entry: join(codeServer, 'out', 'node', 'entry.js'),
    builtinExtensionsDir: join(codeServer, 'lib', 'vscode', 'extensions'),
    version: CODE_SERVER_VERSION,
  };
  for (const path of [install.node, install.entry]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run bash test/e2e/setup.sh`);
  }
  return install;
}

/** Debian's chromium: the suite never downloads a browser. */
export const CHROMIUM = process.env.APIGW_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** The packaged extension that `npm run package` writes. */
export const VSIX = join(PROJECT_ROOT, 'out', 'apigw-mapping.vsix');

/** The extension's id (`publisher.name`) and version, from the manifest. */
export function extensionIdentity(): { id: string; version: string } {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  return { id: `${manifest.publisher}.${manifest.name}`, version: manifest.version };
}
