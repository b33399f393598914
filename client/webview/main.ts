// The preview page: the operation picker, the sample editors and the result, wired to the extension
// through the typed messages of shared/src/protocol/preview.ts.
import { PREVIEW_PROTOCOL_VERSION, type PreviewHostMessage, type PreviewOperationChoice, type PreviewSample, type PreviewWebviewState } from '../../shared/src/protocol/preview';
import { debounced, element, replaceContent } from './dom';
import { ResultRenderer } from './resultRenderer';
import { SampleForm } from './sampleForm';
import { vscodeApi } from './vscodeApi';

/** Quiet time after typing before the sample runs: long enough to keep a 1 MB sample smooth. */
const SAMPLE_DEBOUNCE_MS = 250;

let state: PreviewWebviewState | undefined = (() => {
  const saved = vscodeApi.getState() as PreviewWebviewState | undefined;
  return saved && saved.version === PREVIEW_PROTOCOL_VERSION ? saved : undefined;
})();
let revision = 0;

const operationPicker = element('select', { id: 'operation' });
const followCursor = element('input', { type: 'checkbox', id: 'follow-cursor', checked: true });
const saveButton = element('button', { type: 'button', id: 'save-scenario' }, ['Save as scenario']);
const resetButton = element('button', { type: 'button', id: 'reset-sample', class: 'secondary' }, ['Reset sample']);
const documentLabel = element('span', { id: 'document', class: 'document' });
const status = element('p', { id: 'status', role: 'status', class: 'status' });

const form = new SampleForm(() => {
  revision++;
  saveTypedSample.schedule();
  sendSample.schedule();
});
const results = new ResultRenderer((range) => vscodeApi.postMessage({ type: 'reveal', range }));

const sendSample = debounced(() => {
  const sample = form.current();
  if (sample && state?.operation) vscodeApi.postMessage({ type: 'sampleChanged', operation: state.operation, revision, sample });
}, SAMPLE_DEBOUNCE_MS);

/** Typing saves the state a little later: with a 1 MB sample, a copy per keystroke would lag. */
const saveTypedSample = debounced(() => {
  const sample = form.current();
  if (sample) saveState({ sample });
}, 150);

/** The page's state for `getState` after a reload: what a restart brings back. */
function saveState(change: Partial<PreviewWebviewState>): void {
  if (!state && !change.documentUri) return;
  state = { ...(state ?? { version: PREVIEW_PROTOCOL_VERSION, documentUri: '' }), ...change };
  vscodeApi.setState(state);
}

function operationLabel(operation: PreviewOperationChoice): string {
  const type = operation.integrationType ? ` (${operation.integrationType})` : '';
  return `${operation.key}${type}`;
}

function showOperations(operations: PreviewOperationChoice[], selected: string | undefined): void {
  const same = operations.length === operationPicker.options.length && operations.every((o, i) => operationPicker.options[i].value === o.key && operationPicker.options[i].text === operationLabel(o));
  if (!same) replaceContent(operationPicker, operations.map((o) => element('option', { value: o.key }, [operationLabel(o)])));
  operationPicker.disabled = operations.length === 0;
  if (selected !== undefined && operationPicker.value !== selected) operationPicker.value = selected;
  saveButton.disabled = resetButton.disabled = selected === undefined;
}

function setStatus(message: string, severity: 'info' | 'error'): void {
  status.textContent = message;
  status.className = `status ${severity}`;
}

function onMessage(message: PreviewHostMessage): void {
  switch (message.type) {
    case 'document':
      if (state?.documentUri !== message.documentUri) saveState({ documentUri: message.documentUri, operation: undefined, sample: undefined });
      documentLabel.textContent = message.documentLabel;
      followCursor.checked = message.followsCursor;
      showOperations(message.operations, message.selected);
      if (message.operations.length === 0) setStatus('No API Gateway operations in this document yet.', 'info');
      return;
    case 'sample':
      // A change typed meanwhile belongs to the operation shown before: send it first.
      if (state?.operation !== message.operation) {
        saveTypedSample.flush();
        sendSample.flush();
      }
      saveState({ operation: message.operation, sample: message.sample });
      form.setSample(message.sample);
      return;
    case 'result':
      if (message.operation !== state?.operation) return;
      results.render(message.view);
      // A result means the trouble reported before is over.
      if (status.classList.contains('error')) setStatus('', 'info');
      form.showProblems(message.view.sampleProblems);
      document.getElementById('app')?.setAttribute('aria-busy', 'false');
      return;
    case 'status':
      setStatus(message.message, message.severity);
      return;
  }
}

operationPicker.addEventListener('change', () => {
  saveTypedSample.flush();
  sendSample.flush();
  vscodeApi.postMessage({ type: 'selectOperation', operation: operationPicker.value });
});
followCursor.addEventListener('change', () => vscodeApi.postMessage({ type: 'setFollowCursor', enabled: followCursor.checked }));
saveButton.addEventListener('click', () => {
  sendSample.flush();
  if (state?.operation) vscodeApi.postMessage({ type: 'saveScenario', operation: state.operation });
});
resetButton.addEventListener('click', () => {
  if (state?.operation) vscodeApi.postMessage({ type: 'resetSample', operation: state.operation });
});
window.addEventListener('message', (event: MessageEvent<PreviewHostMessage>) => onMessage(event.data));
// Hidden or reloaded, the page goes away: what was typed last is kept first.
window.addEventListener('pagehide', () => {
  saveTypedSample.flush();
  sendSample.flush();
});

const app = document.getElementById('app');
if (app) {
  replaceContent(app, [
    element('header', { class: 'top' }, [
      element('div', { class: 'toolbar' }, [
        element('div', { class: 'field inline' }, [element('label', { for: 'operation' }, ['Operation']), operationPicker]),
        element('div', { class: 'field inline' }, [followCursor, element('label', { for: 'follow-cursor' }, ['Follow the cursor'])]),
        saveButton,
        resetButton,
        documentLabel,
      ]),
      results.summaryRoot,
      status,
    ]),
    element('div', { class: 'columns' }, [
      element('section', { class: 'column', 'aria-labelledby': 'sample-heading' }, [element('h2', { id: 'sample-heading' }, ['Sample']), form.root]),
      element('section', { class: 'column', 'aria-labelledby': 'result-heading' }, [element('h2', { id: 'result-heading' }, ['What the client gets']), results.root]),
    ]),
  ]);
}

if (state?.sample) form.setSample(state.sample as PreviewSample);
vscodeApi.postMessage({ type: 'ready', ...(state ? { restored: state } : {}) });
