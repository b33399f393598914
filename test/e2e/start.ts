// `npm start`: the product on examples/, in VS Code when `code` is on PATH, otherwise in code-server
// (installed by test/e2e/setup.sh) at a local URL. Stop code-server with Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { installVsix, prepareRun, startCodeServer } from './harness/codeServer';
import { extensionIdentity, PROJECT_ROOT, VSIX } from './harness/paths';

const examples = join(PROJECT_ROOT, 'examples');

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function mustRun(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: PROJECT_ROOT });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  if (onPath('code')) {
    console.log(`Opening ${examples} in VS Code with the extension from ${PROJECT_ROOT}`);
    spawn('code', [`--extensionDevelopmentPath=${PROJECT_ROOT}`, examples], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  mustRun('bash', [join(PROJECT_ROOT, 'test', 'e2e', 'setup.sh')]);
  mustRun('npm', ['run', '--silent', 'package']);
  // One folder for every start: settings and open editors survive from one start to the next.
  const runDir = join(process.env.APIGW_E2E_CACHE ?? join(homedir(), '.cache', 'apigw-mapping-e2e'), 'start');
  const run = prepareRun(runDir);
  installVsix(run, VSIX, extensionIdentity().id);
  const server = await startCodeServer(run);
  console.log(`\nAPI Gateway Mapping in code-server: ${server.url}/?folder=${encodeURIComponent(examples)}\nPress Ctrl+C to stop.`);
  await new Promise(() => undefined);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
