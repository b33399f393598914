import * as vscode from 'vscode';

/** The webview type; a later serializer revives panels of this type after a reload. */
export const PREVIEW_VIEW_TYPE = 'apigwMapping.preview';

/**
 * The mapping preview panel beside the editor. The simulation behind it is not wired yet, so the
 * panel says so plainly instead of showing anything that could be mistaken for a result.
 */
export class PreviewPanel implements vscode.Disposable {
  private static current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(private readonly panel: vscode.WebviewPanel) {
    this.disposables.push(panel.onDidDispose(() => this.dispose()));
  }

  /** Shows the panel for `document` beside the active editor, reusing the open panel if there is one. */
  static showBeside(document: vscode.TextDocument): PreviewPanel {
    const title = `Mapping Preview: ${basename(document.uri)}`;
    if (PreviewPanel.current) {
      PreviewPanel.current.panel.title = title;
      PreviewPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [] },
      );
      PreviewPanel.current = new PreviewPanel(panel);
    }
    PreviewPanel.current.panel.webview.html = placeholderHtml(PreviewPanel.current.panel.webview, document);
    return PreviewPanel.current;
  }

  dispose(): void {
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function placeholderHtml(webview: vscode.Webview, document: vscode.TextDocument): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Mapping Preview</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
  code { font-family: var(--vscode-editor-font-family); }
</style>
</head>
<body>
<h2>Mapping preview is not available yet</h2>
<p id="status">This version does not simulate <code>${escapeHtml(basename(document.uri))}</code> in the editor yet.</p>
<p>To see which integration response is selected and what the client receives, run a scenario with the
command line: <code>apigw-mapping simulate &lt;file&gt;.scenario.json</code>.</p>
</body>
</html>`;
}
