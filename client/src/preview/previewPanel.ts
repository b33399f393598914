import * as vscode from 'vscode';
import {
  buildPreviewResultView,
  defaultPreviewSample,
  OPERATIONS_REQUEST,
  parsePreviewWebviewMessage,
  PREVIEW_PROTOCOL_VERSION,
  previewSampleFromScenario,
  previewSampleToInputs,
  SIMULATE_REQUEST,
  type LspRange,
  type OperationItem,
  type PreviewHostMessage,
  type PreviewSample,
  type PreviewWebviewMessage,
  type PreviewWebviewState,
  type SimulateParams,
  type SimulateResult,
} from '../../../shared/src/protocol/index';
import { createPreviewNonce, previewHtml } from './previewHtml';
import { PreviewSampleStore } from './sampleStore';
import { saveSampleAsScenario } from './scenarioSaving';

/** The webview type; the serializer revives panels of this type after a reload. */
export const PREVIEW_VIEW_TYPE = 'apigwMapping.preview';

/** Quiet time after an edit of the definition before the preview runs again. */
const DEFINITION_DEBOUNCE_MS = 250;

/** What the panel needs from the extension. */
export interface PreviewDependencies {
  extensionUri: vscode.Uri;
  workspaceState: vscode.Memento;
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function toVscodeRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function contains(range: LspRange, position: vscode.Position): boolean {
  return toVscodeRange(range).contains(position);
}

/**
 * The mapping preview beside the editor, one panel like the Markdown preview: it shows one operation of
 * one definition, runs the sample through the language server (`apigw/simulate`) as either changes,
 * and keeps every sample in the workspace state.
 */
export class PreviewPanel implements vscode.Disposable {
  private static current: PreviewPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly store: PreviewSampleStore;
  private documentUri: vscode.Uri;
  private operations: OperationItem[] = [];
  private operation: string | undefined;
  private sample: PreviewSample | undefined;
  private revision = 0;
  private followCursor = true;
  private webviewReady = false;
  private simulationSequence = 0;
  private definitionTimer: ReturnType<typeof setTimeout> | undefined;
  private lastResult: SimulateResult | undefined;
  /** The scenario file shown, if the preview was opened on one: its edits show at once. */
  private scenarioUri: vscode.Uri | undefined;
  private scenarioTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set by a scenario file: the sample it holds, for the operation it names (any, for an inline method). */
  private pendingSample: { operation?: string; sample: PreviewSample } | undefined;
  /**
   * Whether the sample was changed in the preview since the inline-method scenario was read: until it
   * is, the server runs the scenario file exactly as written (an echo backend, bodyBase64, …).
   */
  private sampleEditedInPreview = false;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: PreviewDependencies,
    documentUri: vscode.Uri,
  ) {
    this.store = new PreviewSampleStore(deps.workspaceState);
    this.documentUri = documentUri;
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist'), vscode.Uri.joinPath(deps.extensionUri, 'client', 'webview')],
    };
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        const parsed = parsePreviewWebviewMessage(message);
        if (parsed) void this.onMessage(parsed).catch((error: unknown) => this.post({ type: 'status', message: String(error), severity: 'error' }));
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        // An inline-method scenario is its own definition: the scenario refresh covers both.
        if (event.document.uri.toString() === this.scenarioUri?.toString()) this.scheduleScenarioRefresh(event.document);
        else if (event.document.uri.toString() === this.documentUri.toString()) this.scheduleDefinitionRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.followSelection(event.textEditor)),
    );
    this.renderShell();
  }

  /** Shows the preview of `document` (a definition or a scenario file) beside it, reusing the panel. */
  static async showBeside(deps: PreviewDependencies, document: vscode.TextDocument, operation?: string): Promise<PreviewPanel> {
    let panel = PreviewPanel.current;
    if (panel) {
      panel.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const webviewPanel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, `Mapping Preview: ${basename(document.uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      panel = new PreviewPanel(webviewPanel, deps, document.uri);
      PreviewPanel.current = panel;
    }
    await panel.showDocument(document, operation);
    return panel;
  }

  /** Brings back a panel VS Code restored after a reload, with what its webview saved. */
  static revive(webviewPanel: vscode.WebviewPanel, deps: PreviewDependencies, state: unknown): PreviewPanel | undefined {
    const saved = state as Partial<PreviewWebviewState> | undefined;
    if (!saved || saved.version !== PREVIEW_PROTOCOL_VERSION || typeof saved.documentUri !== 'string') {
      webviewPanel.dispose();
      return undefined;
    }
    PreviewPanel.current?.dispose();
    const panel = new PreviewPanel(webviewPanel, deps, vscode.Uri.parse(saved.documentUri));
    PreviewPanel.current = panel;
    panel.operation = saved.operation;
    // The webview sends its sample with `ready`; the document loads meanwhile.
    void vscode.workspace.openTextDocument(panel.documentUri).then(
      // A scenario shown was one with its method inline: it is read again, with its inputs.
      (document) => (/\.scenario\.json$/i.test(document.fileName) ? panel.showScenario(document) : panel.refreshOperations()),
      () => panel.post({ type: 'status', message: `${panel.documentUri.fsPath} cannot be opened.`, severity: 'error' }),
    );
    return panel;
  }

  /** The open panel, for tests and for commands that act on it. */
  static get active(): PreviewPanel | undefined {
    return PreviewPanel.current;
  }

  dispose(): void {
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    clearTimeout(this.definitionTimer);
    clearTimeout(this.scenarioTimer);
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private renderShell(): void {
    const webview = this.panel.webview;
    const nonce = createPreviewNonce();
    this.webviewReady = false;
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'client', 'webview', 'preview.css')).toString(),
      title: this.panel.title,
    });
  }

  private post(message: PreviewHostMessage): void {
    if (this.webviewReady) void this.panel.webview.postMessage(message);
  }

  private async showDocument(document: vscode.TextDocument, operation: string | undefined): Promise<void> {
    if (/\.scenario\.json$/i.test(document.fileName)) {
      await this.showScenario(document);
      return;
    }
    this.scenarioUri = undefined;
    this.retarget(document.uri);
    this.panel.title = `Mapping Preview: ${basename(document.uri)}`;
    await this.refreshOperations(operation ?? this.operationAtCursor() ?? undefined);
  }

  /** Another document: its operations and samples are its own. */
  private retarget(uri: vscode.Uri): void {
    if (uri.toString() === this.documentUri.toString()) return;
    this.documentUri = uri;
    this.operations = [];
    this.operation = undefined;
    this.sample = undefined;
    this.lastResult = undefined;
  }

  /**
   * A scenario previews the operation it names, with its sample, in the definition it names; a scenario
   * with its method inline is its own definition.
   */
  private async showScenario(scenario: vscode.TextDocument, edited = false): Promise<void> {
    const read = previewSampleFromScenario(scenario.getText());
    if (!('error' in read) && read.inlineMethod) {
      await this.showInlineScenario(scenario, read.sample, read.notes);
      return;
    }
    if ('error' in read || !read.definition || !read.operation) {
      const why = 'error' in read ? read.error : 'The scenario names neither a definition and operation nor an inline method.';
      // While the scenario is being edited, a half-written state is normal: say it quietly.
      if (edited) this.post({ type: 'status', message: why, severity: 'error' });
      else void vscode.window.showWarningMessage(why);
      return;
    }
    const definition = vscode.Uri.joinPath(scenario.uri, '..', read.definition);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(definition);
    } catch {
      void vscode.window.showWarningMessage(`The scenario's definition ${read.definition} cannot be opened.`);
      return;
    }
    this.scenarioUri = scenario.uri;
    this.retarget(document.uri);
    this.pendingSample = { operation: read.operation, sample: read.sample };
    this.panel.title = `Mapping Preview: ${basename(scenario.uri)}`;
    await this.refreshOperations(read.operation);
    if (read.notes.length > 0) this.post({ type: 'status', message: read.notes.join(' '), severity: 'info' });
  }

  /** An inline-method scenario: its one operation, read by the server from the scenario document itself. */
  private async showInlineScenario(scenario: vscode.TextDocument, sample: PreviewSample, notes: string[]): Promise<void> {
    this.scenarioUri = scenario.uri;
    this.retarget(scenario.uri);
    this.pendingSample = { sample };
    this.sampleEditedInPreview = false;
    this.panel.title = `Mapping Preview: ${basename(scenario.uri)}`;
    await this.refreshOperations();
    if (notes.length > 0) this.post({ type: 'status', message: notes.join(' '), severity: 'info' });
  }

  /** Whether the shown document is a scenario file with its method inline. */
  private showsInlineScenario(): boolean {
    return this.scenarioUri !== undefined && this.scenarioUri.toString() === this.documentUri.toString();
  }

  /**
   * The language server knows only documents open in VS Code; one whose editor was closed a while ago
   * is opened again (without an editor), so the preview keeps working on it.
   */
  private async ensureDefinitionOpen(): Promise<void> {
    const uri = this.documentUri.toString();
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) await vscode.workspace.openTextDocument(this.documentUri);
  }

  /** Asks the server for the operations, keeps or picks the operation, and shows it. */
  private async refreshOperations(wanted?: string): Promise<void> {
    const uri = this.documentUri.toString();
    try {
      await this.ensureDefinitionOpen();
      this.operations = await this.deps.sendRequest<OperationItem[]>(OPERATIONS_REQUEST, { uri });
    } catch (error) {
      this.post({ type: 'status', message: `The operations of ${vscode.workspace.asRelativePath(this.documentUri)} could not be read: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' });
      return;
    }
    const keys = this.operations.map((o) => o.key);
    const pick = [wanted, this.operation, this.store.lastOperation(uri), this.operations.find((o) => o.integrationType)?.key, keys[0]].find(
      (key): key is string => key !== undefined && keys.includes(key),
    );
    const pendingFits = pick !== undefined && this.pendingSample !== undefined && (this.pendingSample.operation === undefined || this.pendingSample.operation === pick);
    const changed = pick !== this.operation || this.sample === undefined || pendingFits;
    this.operation = pick;
    this.postDocument();
    if (changed) this.loadSample();
    await this.simulate();
  }

  private postDocument(): void {
    this.post({
      type: 'document',
      documentUri: this.documentUri.toString(),
      documentLabel: vscode.workspace.asRelativePath(this.documentUri),
      operations: this.operations.map((o) => ({ key: o.key, integrationType: o.integrationType, integrationResponses: o.integrationResponses })),
      selected: this.operation,
      followsCursor: this.followCursor,
    });
  }

  private currentOperation(): OperationItem | undefined {
    return this.operations.find((o) => o.key === this.operation);
  }

  /** The sample of the shown operation: the scenario's, the stored one, or a first one from the settings. */
  private loadSample(): void {
    const operation = this.currentOperation();
    if (!operation) {
      this.sample = undefined;
      return;
    }
    const uri = this.documentUri.toString();
    void this.store.saveLastOperation(uri, operation.key);
    if (this.pendingSample && (this.pendingSample.operation === undefined || this.pendingSample.operation === operation.key)) {
      this.sample = this.pendingSample.sample;
      this.pendingSample = undefined;
    } else {
      const settings = vscode.workspace.getConfiguration('apigwMapping.preview', this.documentUri);
      this.sample =
        this.store.sample(uri, operation.key) ??
        defaultPreviewSample({
          httpMethod: operation.httpMethod,
          resourcePath: operation.path,
          integrationType: operation.integrationType,
          requestHeaders: settings.get<Record<string, string>>('defaultRequestHeaders'),
          stageVariables: settings.get<Record<string, string>>('defaultStageVariables'),
        });
    }
    this.post({ type: 'sample', operation: operation.key, sample: this.sample });
  }

  private scheduleDefinitionRefresh(): void {
    clearTimeout(this.definitionTimer);
    this.definitionTimer = setTimeout(() => void this.refreshOperations(), DEFINITION_DEBOUNCE_MS);
  }

  private scheduleScenarioRefresh(scenario: vscode.TextDocument): void {
    clearTimeout(this.scenarioTimer);
    this.scenarioTimer = setTimeout(() => void this.showScenario(scenario, true), DEFINITION_DEBOUNCE_MS);
  }

  private operationAtCursor(editor = vscode.window.activeTextEditor): string | undefined {
    if (!editor || editor.document.uri.toString() !== this.documentUri.toString()) return undefined;
    const position = editor.selection.active;
    // The innermost operation whose range holds the cursor (a path item holds several methods).
    const holding = this.operations.filter((o) => contains(o.range, position) || contains(o.nameRange, position));
    holding.sort((a, b) => editor.document.offsetAt(toVscodeRange(a.range).end) - editor.document.offsetAt(toVscodeRange(a.range).start) - (editor.document.offsetAt(toVscodeRange(b.range).end) - editor.document.offsetAt(toVscodeRange(b.range).start)));
    return holding[0]?.key;
  }

  private followSelection(editor: vscode.TextEditor): void {
    if (!this.followCursor) return;
    const key = this.operationAtCursor(editor);
    if (key && key !== this.operation) this.selectOperation(key);
  }

  private selectOperation(key: string): void {
    if (!this.operations.some((o) => o.key === key)) return;
    this.operation = key;
    this.postDocument();
    this.loadSample();
    void this.simulate();
  }

  private async onMessage(message: PreviewWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.webviewReady = true;
        const restored = message.restored;
        if (restored && restored.documentUri === this.documentUri.toString() && restored.operation && restored.sample) {
          // What the webview kept is newer than anything stored: it was typed last.
          this.operation ??= restored.operation;
          if (restored.operation === this.operation) this.sample = restored.sample;
        }
        if (this.operations.length > 0) {
          this.postDocument();
          if (this.sample && this.operation) this.post({ type: 'sample', operation: this.operation, sample: this.sample });
          await this.simulate();
        }
        return;
      }
      case 'sampleChanged':
        if (message.operation !== this.operation) return;
        this.sample = message.sample;
        this.revision = message.revision;
        this.sampleEditedInPreview = true;
        void this.store.saveSample(this.documentUri.toString(), message.operation, message.sample);
        await this.simulate();
        return;
      case 'selectOperation':
        this.selectOperation(message.operation);
        return;
      case 'setFollowCursor':
        this.followCursor = message.enabled;
        return;
      case 'reveal':
        await this.reveal(message.range);
        return;
      case 'resetSample':
        if (message.operation !== this.operation) return;
        await this.store.forgetSample(this.documentUri.toString(), message.operation);
        if (this.showsInlineScenario() && this.scenarioUri) {
          // The scenario file is where an inline method's sample starts over.
          await this.showScenario(await vscode.workspace.openTextDocument(this.scenarioUri), true);
          return;
        }
        this.sample = undefined;
        this.loadSample();
        await this.simulate();
        return;
      case 'saveScenario':
        await this.saveScenario(message.operation);
        return;
    }
  }

  /** Runs the sample; an answer that a newer run overtook is dropped. */
  private async simulate(): Promise<void> {
    const operation = this.currentOperation();
    if (!operation || !this.sample) return;
    const sequence = ++this.simulationSequence;
    const revision = this.revision;
    const { inputs, problems } = previewSampleToInputs(this.sample, operation.integrationType);
    let result: SimulateResult;
    try {
      await this.ensureDefinitionOpen();
      const params: SimulateParams = this.showsInlineScenario()
        ? { uri: this.documentUri.toString(), operation: operation.key, inputsFromDocument: true, ...(this.sampleEditedInPreview ? { inputs } : {}) }
        : { uri: this.documentUri.toString(), operation: operation.key, inputs };
      result = await this.deps.sendRequest<SimulateResult>(SIMULATE_REQUEST, params);
    } catch (error) {
      result = { ok: false, message: `The language server did not answer: ${error instanceof Error ? error.message : String(error)}`, problems: [] };
    }
    if (sequence !== this.simulationSequence) return;
    this.lastResult = result;
    const requestContentType = this.sample.request.headers.match(/^\s*content-type\s*:\s*(.*)$/im)?.[1];
    this.post({ type: 'result', operation: operation.key, revision, view: buildPreviewResultView(result, problems, requestContentType) });
  }

  /** The editor group of the definition: where links and saved scenarios open, never over the preview. */
  private definitionColumn(): vscode.ViewColumn {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri.toString());
    return visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
  }

  private async reveal(range: LspRange): Promise<void> {
    const target = toVscodeRange(range);
    const editor = await vscode.window.showTextDocument(this.documentUri, {
      viewColumn: this.definitionColumn(),
      selection: target,
      preserveFocus: false,
    });
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async saveScenario(operationKey: string): Promise<void> {
    const operation = this.currentOperation();
    if (!operation || operation.key !== operationKey || !this.sample) return;
    const saved = await saveSampleAsScenario({ definition: this.documentUri, operation, sample: this.sample, result: this.lastResult });
    await vscode.window.showTextDocument(saved, { preview: false, preserveFocus: true, viewColumn: this.definitionColumn() });
    this.post({ type: 'status', message: `Saved ${vscode.workspace.asRelativePath(saved)}`, severity: 'info' });
  }
}
