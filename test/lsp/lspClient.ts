// A minimal LSP client over a real server process on stdio, for protocol tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally: for that version). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** What the server wrote to its log (window/logMessage). */
  log: string[];
  stop(): Promise<void>;
}

/** Starts `dist/server.js --stdio` and initialises it; `configuration` answers workspace/configuration. */
export async function startTestServer(configuration: unknown = {}): Promise<TestClient> {
  const child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const log: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
    if (index >= 0) waiting.splice(index, 1)[0].resolve(params);
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => void log.push(params.message));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => configuration));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { diagnosticsDelay: 20 },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    log,
    nextDiagnostics: (uri, version) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), 10_000);
        waiting.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      }),
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
