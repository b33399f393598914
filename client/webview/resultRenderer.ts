import type { LspRange } from '../../shared/src/protocol/lsp';
import type { PreviewBodyView, PreviewFinding, PreviewResultView, PreviewTraceLine } from '../../shared/src/protocol/resultView';
import { element, replaceContent } from './dom';

/** A section with a heading whose content is replaced on each result; it hides itself when empty. */
function section(id: string, title: string, content: HTMLElement): HTMLElement {
  return element('section', { id: `${id}-section`, 'aria-labelledby': `${id}-heading` }, [element('h3', { id: `${id}-heading` }, [title]), content]);
}

function describeBody(body: PreviewBodyView): string {
  const size = `${body.byteLength} byte${body.byteLength === 1 ? '' : 's'}`;
  if (body.format === 'binary') return `${size}, not UTF-8 text: shown as base64`;
  if (body.format === 'empty') return 'empty';
  return body.pretty ? `${size}, ${body.format.toUpperCase()} indented for reading` : size;
}

/**
 * The result side of the preview. The skeleton is built once and each result replaces the content of
 * its parts, so open sections, scroll position and focus stay as they were.
 */
export class ResultRenderer {
  readonly root: HTMLElement;
  /** Status and selected response: shown where they stay in sight while the sample scrolls. */
  readonly summaryRoot: HTMLElement;
  private readonly failure = element('div', { id: 'failure', class: 'failure', role: 'alert' });
  private readonly summary = element('div', { class: 'summary' });
  private readonly statusCode = element('span', { id: 'status-code', class: 'status-code' });
  private readonly selectedResponse = element('span', { id: 'selected-response' });
  private readonly gatewayError = element('div', { id: 'gateway-error', class: 'gateway-error' });
  private readonly selection = element('ol', { id: 'selection', class: 'trace' });
  private readonly findings = element('ul', { id: 'findings', class: 'findings' });
  private readonly headers = element('table', { id: 'headers', class: 'headers' });
  private readonly body = element('pre', { id: 'response-body', class: 'body', tabindex: '0' });
  private readonly bodyNote = element('p', { id: 'response-body-note', class: 'hint' });
  private readonly integrationRequest = element('pre', { id: 'integration-request', class: 'body', tabindex: '0' });
  private readonly trace = element('ol', { id: 'trace', class: 'trace' });
  private readonly findingsSection: HTMLElement;
  private readonly integrationRequestSection: HTMLElement;
  private readonly details: HTMLElement;

  constructor(private readonly reveal: (range: LspRange) => void) {
    replaceContent(this.summary, [
      element('div', {}, [element('span', { class: 'label' }, ['Status ']), this.statusCode]),
      element('div', {}, [element('span', { class: 'label' }, ['Integration response ']), this.selectedResponse]),
      this.gatewayError,
    ]);
    this.findingsSection = section('findings', 'Problems', this.findings);
    this.integrationRequestSection = section('integration-request', 'Integration request body', this.integrationRequest);
    this.details = element('div', {}, [
      section('selection', 'Why this response', this.selection),
      this.findingsSection,
      section('headers', 'Headers', this.headers),
      element('section', { id: 'response-body-section', 'aria-labelledby': 'response-body-heading' }, [element('h3', { id: 'response-body-heading' }, ['Body']), this.bodyNote, this.body]),
      this.integrationRequestSection,
      element('details', { class: 'full-trace' }, [element('summary', {}, ['Every step']), this.trace]),
    ]);
    this.failure.hidden = true;
    this.summaryRoot = element('div', { 'aria-live': 'polite', class: 'live' }, [this.summary]);
    this.summary.hidden = true;
    this.root = element('div', { class: 'result', 'aria-label': 'Result' }, [this.failure, this.details]);
  }

  private rangeLink(range: LspRange | undefined, text: string): HTMLElement | undefined {
    if (!range) return undefined;
    const link = element('button', { type: 'button', class: 'link', title: 'Show this place in the definition' }, [text]);
    link.addEventListener('click', () => this.reveal(range));
    return link;
  }

  private traceItem(line: PreviewTraceLine, showStep = true): HTMLElement {
    const marker = line.outcome === 'matched' ? '✓ ' : line.outcome === 'not-matched' ? '✗ ' : '';
    return element('li', { class: line.outcome ?? '' }, [
      showStep && element('span', { class: 'step' }, [line.step]),
      element('span', { class: 'message' }, [marker + line.message]),
      this.rangeLink(line.range, `line ${(line.range?.start.line ?? 0) + 1}`),
    ]);
  }

  private findingItem(finding: PreviewFinding): HTMLElement {
    return element('li', { class: finding.severity }, [
      element('span', { class: 'severity' }, [finding.severity === 'error' ? 'Error' : 'Warning']),
      element('span', { class: 'message' }, [finding.message]),
      element('span', { class: 'code' }, [finding.code]),
      this.rangeLink(finding.range, `line ${(finding.range?.start.line ?? 0) + 1}`),
    ]);
  }

  render(view: PreviewResultView): void {
    if (view.kind === 'failure') {
      replaceContent(this.failure, [element('p', {}, [view.message]), element('ul', { class: 'findings' }, view.findings.map((f) => this.findingItem(f)))]);
      this.failure.hidden = false;
      this.summary.hidden = true;
      this.details.hidden = true;
      return;
    }
    this.failure.hidden = true;
    this.summary.hidden = false;
    this.details.hidden = false;
    this.statusCode.textContent = String(view.statusCode);
    this.selectedResponse.textContent = view.selectedResponse ?? 'none applies';
    this.gatewayError.hidden = !view.error;
    replaceContent(this.gatewayError, view.error ? [element('strong', {}, [view.error.type]), ` ${view.error.message}`] : []);
    replaceContent(this.selection, view.selection.length > 0 ? view.selection.map((l) => this.traceItem(l, false)) : [element('li', {}, ['No selection: the integration answers the client directly.'])]);
    this.findingsSection.hidden = view.findings.length === 0;
    replaceContent(this.findings, view.findings.map((f) => this.findingItem(f)));
    replaceContent(this.headers, [
      element('thead', {}, [element('tr', {}, [element('th', { scope: 'col' }, ['Name']), element('th', { scope: 'col' }, ['Value'])])]),
      element('tbody', {}, view.headers.map((h) => element('tr', {}, [element('td', {}, [h.name]), element('td', {}, [h.value])]))),
    ]);
    this.body.textContent = view.body.text;
    this.bodyNote.textContent = describeBody(view.body);
    this.integrationRequestSection.hidden = !view.integrationRequestBody;
    this.integrationRequest.textContent = view.integrationRequestBody?.text ?? '';
    replaceContent(this.trace, view.trace.map((l) => this.traceItem(l)));
  }
}
