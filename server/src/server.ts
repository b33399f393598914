import { TextDocuments, TextDocumentSyncKind, DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as engine from '../../shared/src/index';
import type { Problem, Severity } from '../../shared/src/index';

/** The engine's validation entry, looked up by name so the server runs before the engine has one. */
const VALIDATION_ENTRY: string = 'doValidation';
type Validate = (text: string, fileName: string) => Problem[] | { problems: Problem[] };

/** Settings under `apigwMapping.diagnostics`, as declared in package.json. */
interface DiagnosticSettings {
  enable?: boolean;
  severity?: Record<string, Severity | 'off'>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Wires documents, settings and diagnostics to the connection; holds no language logic. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let pullsConfiguration = false;

  connection.onInitialize((params) => {
    pullsConfiguration = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
      serverInfo: { name: 'apigw-mapping' },
    };
  });

  async function settingsFor(uri: string): Promise<DiagnosticSettings> {
    if (!pullsConfiguration) return {};
    return ((await connection.workspace.getConfiguration({ scopeUri: uri, section: 'apigwMapping.diagnostics' })) ?? {}) as DiagnosticSettings;
  }

  async function validate(document: TextDocument): Promise<void> {
    const doValidation = (engine as Record<string, unknown>)[VALIDATION_ENTRY] as Validate | undefined;
    if (typeof doValidation !== 'function') return;
    const settings = await settingsFor(document.uri);
    const diagnostics: Diagnostic[] = [];
    if (settings.enable !== false) {
      let result: ReturnType<Validate>;
      try {
        result = doValidation(document.getText(), document.uri);
      } catch (error) {
        connection.console.error(`validation failed for ${document.uri}: ${String(error)}`);
        return;
      }
      for (const problem of Array.isArray(result) ? result : result.problems) {
        const severity = settings.severity?.[problem.code] ?? problem.severity;
        if (severity === 'off') continue;
        diagnostics.push({
          range: { start: document.positionAt(problem.range.start), end: document.positionAt(problem.range.end) },
          message: problem.message,
          severity: SEVERITY[severity] ?? DiagnosticSeverity.Error,
          code: problem.code,
          source: 'apigw-mapping',
        });
      }
    }
    // A newer version may have arrived while the settings were read: its own run publishes.
    if (documents.get(document.uri)?.version === document.version) {
      await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    }
  }

  documents.onDidChangeContent((change) => void validate(change.document));
  documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  connection.onDidChangeConfiguration(() => documents.all().forEach((document) => void validate(document)));

  documents.listen(connection);
  connection.listen();
}
