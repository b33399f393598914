import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type MappingServiceSettings } from '../../shared/src/index';
import { OPERATIONS_REQUEST, SIMULATE_REQUEST, type OperationsParams, type SimulateParams } from './protocol';
import { operationItems, simulateOperation } from './simulation';

/** Options a client may pass in `initializationOptions`. */
interface ServerOptions {
  /** Milliseconds to wait after the last edit before diagnostics are computed. */
  diagnosticsDelay?: number;
}

const DEFAULT_DIAGNOSTICS_DELAY = 200;

/** Wires documents, settings and the language service to the connection; holds no language logic. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService();
  const settingsCache = new Map<string, Promise<MappingServiceSettings>>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let pullsConfiguration = false;
  let pushedSettings: MappingServiceSettings = {};
  let diagnosticsDelay = DEFAULT_DIAGNOSTICS_DELAY;

  connection.onInitialize((params) => {
    pullsConfiguration = !!params.capabilities.workspace?.configuration;
    const options = (params.initializationOptions ?? {}) as ServerOptions;
    if (typeof options.diagnosticsDelay === 'number' && options.diagnosticsDelay >= 0) diagnosticsDelay = options.diagnosticsDelay;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '$', '#', '"', ':'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'apigw-mapping' },
    };
  });

  /**
   * Runs a handler so that an exception becomes a logged error and an empty answer, never a crash; a
   * request cancelled while it waited (the user typed on) is answered as cancelled without work.
   */
  function guarded<P, R>(name: string, empty: R, handler: (params: P) => R) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      try {
        return handler(params);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return empty;
      }
    };
  }

  function settingsFor(uri: string): Promise<MappingServiceSettings> {
    if (!pullsConfiguration) return Promise.resolve(pushedSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'apigwMapping.diagnostics' })
        .then((value: unknown) => (value ?? {}) as MappingServiceSettings)
        .catch(() => ({}));
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const settings = await settingsFor(uri);
      // A newer version may have arrived while the settings were read: its own run publishes.
      if (documents.get(uri)?.version !== document.version) return;
      const diagnostics = service.doValidation(document, settings);
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      connection.console.error(`diagnostics failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Diagnostics once the document has been quiet for a moment, one run per document. */
  function scheduleValidation(uri: string, delay = diagnosticsDelay): void {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  const withDocument = <P extends { textDocument: { uri: string } }, R>(empty: R, run: (document: TextDocument, params: P) => R) => (params: P): R => {
    const document = documents.get(params.textDocument.uri);
    return document ? run(document, params) : empty;
  };

  // An opened document is checked at once; TextDocuments then reports its content as a change too.
  const justOpened = new Map<string, number>();
  documents.onDidOpen((event) => {
    justOpened.set(event.document.uri, event.document.version);
    scheduleValidation(event.document.uri, 0);
  });
  documents.onDidChangeContent((change) => {
    const openedVersion = justOpened.get(change.document.uri);
    justOpened.delete(change.document.uri);
    if (openedVersion !== change.document.version) scheduleValidation(change.document.uri);
  });
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    service.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const pushed = (change.settings as { apigwMapping?: { diagnostics?: MappingServiceSettings } } | undefined)?.apigwMapping?.diagnostics;
    if (pushed) pushedSettings = pushed;
    for (const document of documents.all()) scheduleValidation(document.uri, 0);
  });

  connection.onCompletion(guarded('completion', { isIncomplete: false, items: [] }, withDocument({ isIncomplete: false, items: [] }, (document, params) => service.doComplete(document, params.position))));
  connection.onHover(guarded('hover', null, withDocument(null, (document, params) => service.doHover(document, params.position))));
  connection.onCodeAction(guarded('code action', [], withDocument([], (document, params) => service.doCodeAction(document, params.range, params.context))));
  connection.onDocumentSymbol(guarded('document symbols', [], withDocument([], (document) => service.findDocumentSymbols(document))));
  connection.onCodeLens(guarded('code lens', [], withDocument([], (document) => service.getCodeLenses(document))));
  connection.onRequest(
    SIMULATE_REQUEST,
    guarded('simulate', { ok: false as const, message: 'The simulation failed; see the language server output.', problems: [] }, (params: SimulateParams) => {
      const document = documents.get(params.uri);
      if (!document) return { ok: false as const, message: `${params.uri} is not open.`, problems: [] };
      return simulateOperation(service, document, params);
    }),
  );
  connection.onRequest(
    OPERATIONS_REQUEST,
    guarded('operations', [], (params: OperationsParams) => {
      const document = documents.get(params.uri);
      return document ? operationItems(service, document) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}
