import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { MAPPING_LANGUAGES } from './mappingDocuments';

/** The client id: it also names the `apigwMapping.trace.server` setting. */
const CLIENT_ID = 'apigwMapping';

export type LanguageServerState = 'stopped' | 'starting' | 'running';

/**
 * Owns the language client: starts it on demand (the first mapping document), restarts it on request,
 * and stops it with the extension.
 */
export class LanguageServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  get state(): LanguageServerState {
    if (!this.client) return 'stopped';
    switch (this.client.state) {
      case State.Running:
        return 'running';
      case State.Starting:
        return 'starting';
      default:
        return 'stopped';
    }
  }

  /** The client's output channel, where the server logs; undefined before the first start. */
  get outputChannel(): vscode.OutputChannel | undefined {
    return this.client?.outputChannel;
  }

  /** Starts the server unless it runs or is starting; resolves when it is running. */
  ensureStarted(): Promise<void> {
    if (!this.starting) {
      this.client ??= this.createClient();
      this.starting = this.client.start().catch((error: unknown) => {
        this.starting = undefined;
        void vscode.window.showErrorMessage(`API Gateway Mapping: the language server did not start: ${String(error)}`);
        throw error;
      });
    }
    return this.starting;
  }

  /** Sends a custom request (`apigw/simulate`, …), starting the server first when it is not running. */
  async sendRequest<R>(method: string, params: unknown): Promise<R> {
    await this.ensureStarted();
    if (!this.client) throw new Error('the language server stopped');
    return this.client.sendRequest<R>(method, params);
  }

  async restart(): Promise<void> {
    if (this.client && this.starting) {
      await this.starting.catch(() => undefined);
      await this.client.restart();
      return;
    }
    await this.ensureStarted();
  }

  async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client?.isRunning()) await client.stop();
  }

  private createClient(): LanguageClient {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Every JSON/YAML document is synchronised once the server runs: whether one is an API definition
      // can change with any edit, and the server's own check is as cheap as the client's.
      documentSelector: MAPPING_LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // Tells the server when a setting changes; the server then reads the values it needs.
      synchronize: { configurationSection: 'apigwMapping' },
    };
    return new LanguageClient(CLIENT_ID, 'API Gateway Mapping', serverOptions, clientOptions);
  }
}
