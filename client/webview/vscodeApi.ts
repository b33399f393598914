import type { PreviewWebviewMessage, PreviewWebviewState } from '../../shared/src/protocol/preview';

/** The API VS Code gives the page; `acquireVsCodeApi` may be called once. */
export interface PreviewVsCodeApi {
  postMessage(message: PreviewWebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewWebviewState): void;
}

declare function acquireVsCodeApi(): PreviewVsCodeApi;

/** The one handle on VS Code for the page. */
export const vscodeApi: PreviewVsCodeApi = acquireVsCodeApi();
