import type { PreviewBackendKind, PreviewSample } from '../../shared/src/protocol/preview';
import type { PreviewSampleProblem } from '../../shared/src/protocol/sample';
import { element, replaceContent } from './dom';

/** One text control of the form and where its value lives in the sample. */
interface TextField {
  /** Also the control's id (`sample-…`) and the problem field name where one applies. */
  key: string;
  label: string;
  hint?: string;
  rows?: number;
  get(sample: PreviewSample): string;
  set(sample: PreviewSample, value: string): void;
}

const BACKEND_LABELS: Record<PreviewBackendKind, string> = {
  http: 'HTTP response',
  lambda: 'Lambda result',
  lambdaError: 'Lambda error',
};

const backendFields: Record<PreviewBackendKind, TextField[]> = {
  http: [
    { key: 'http.statusCode', label: 'Status code', get: (s) => s.http.statusCode, set: (s, v) => (s.http.statusCode = v) },
    { key: 'http.headers', label: 'Headers', hint: 'One a line: Name: value', rows: 3, get: (s) => s.http.headers, set: (s, v) => (s.http.headers = v) },
    { key: 'http.body', label: 'Body', rows: 8, get: (s) => s.http.body, set: (s, v) => (s.http.body = v) },
  ],
  lambda: [{ key: 'lambda.payload', label: 'Payload', hint: 'Exactly as the function returned it', rows: 10, get: (s) => s.lambda.payload, set: (s, v) => (s.lambda.payload = v) }],
  lambdaError: [
    { key: 'lambdaError.errorMessage', label: 'errorMessage', hint: 'The selection pattern is matched against this', rows: 2, get: (s) => s.lambdaError.errorMessage, set: (s, v) => (s.lambdaError.errorMessage = v) },
    { key: 'lambdaError.errorType', label: 'errorType', get: (s) => s.lambdaError.errorType, set: (s, v) => (s.lambdaError.errorType = v) },
    { key: 'lambdaError.stackTrace', label: 'stackTrace', hint: 'One frame a line', rows: 3, get: (s) => s.lambdaError.stackTrace, set: (s, v) => (s.lambdaError.stackTrace = v) },
  ],
};

const rawErrorField: TextField = { key: 'lambdaError.raw', label: 'Error payload', hint: 'The whole payload, as the function returned it', rows: 8, get: (s) => s.lambdaError.raw, set: (s, v) => (s.lambdaError.raw = v) };

const requestFields: TextField[] = [
  { key: 'request.httpMethod', label: 'Method', get: (s) => s.request.httpMethod, set: (s, v) => (s.request.httpMethod = v) },
  { key: 'request.path', label: 'Path', get: (s) => s.request.path, set: (s, v) => (s.request.path = v) },
  { key: 'request.headers', label: 'Headers', hint: 'One a line: Name: value (Accept picks the response template)', rows: 3, get: (s) => s.request.headers, set: (s, v) => (s.request.headers = v) },
  { key: 'request.queryParameters', label: 'Query string parameters', hint: 'One a line: name=value', rows: 2, get: (s) => s.request.queryParameters, set: (s, v) => (s.request.queryParameters = v) },
  { key: 'request.pathParameters', label: 'Path parameters', hint: 'One a line: name=value', rows: 2, get: (s) => s.request.pathParameters, set: (s, v) => (s.request.pathParameters = v) },
  { key: 'request.body', label: 'Body', rows: 4, get: (s) => s.request.body, set: (s, v) => (s.request.body = v) },
];

const stageField: TextField = { key: 'stageVariables', label: 'Stage variables', hint: 'One a line: name=value', rows: 2, get: (s) => s.stageVariables, set: (s, v) => (s.stageVariables = v) };

const controlId = (key: string) => `sample-${key.replace('.', '-')}`;

/**
 * The sample editors. They keep what the user types as it is; `setSample` writes only controls whose
 * value differs, so focus and caret stay where they are when the extension sends a sample back.
 */
export class SampleForm {
  readonly root: HTMLElement;
  private sample: PreviewSample | undefined;
  private readonly controls = new Map<string, { field: TextField; control: HTMLInputElement | HTMLTextAreaElement; problems: HTMLElement }>();
  private readonly backendRadios = new Map<PreviewBackendKind, HTMLInputElement>();
  private readonly backendSections = new Map<PreviewBackendKind, HTMLElement>();
  private readonly functionError: HTMLSelectElement;
  private readonly useRaw: HTMLInputElement;
  private readonly errorFields: HTMLElement;
  private readonly rawErrorSection: HTMLElement;

  constructor(private readonly onChange: (sample: PreviewSample) => void) {
    const kinds = Object.keys(BACKEND_LABELS) as PreviewBackendKind[];
    const radios = kinds.map((kind) => {
      const radio = element('input', { type: 'radio', name: 'backend-kind', id: `backend-${kind}`, value: kind });
      radio.addEventListener('change', () => this.update((s) => (s.backendKind = kind)));
      this.backendRadios.set(kind, radio);
      return element('span', { class: 'choice' }, [radio, element('label', { for: `backend-${kind}` }, [BACKEND_LABELS[kind]])]);
    });

    this.functionError = element('select', { id: 'sample-lambdaError-functionError' }, [
      element('option', { value: 'Unhandled' }, ['Unhandled']),
      element('option', { value: 'Handled' }, ['Handled']),
    ]);
    this.functionError.addEventListener('change', () => this.update((s) => (s.lambdaError.functionError = this.functionError.value === 'Handled' ? 'Handled' : 'Unhandled')));
    this.useRaw = element('input', { type: 'checkbox', id: 'sample-lambdaError-useRaw' });
    this.useRaw.addEventListener('change', () => this.update((s) => (s.lambdaError.useRaw = this.useRaw.checked)));
    this.errorFields = element('div', {}, backendFields.lambdaError.map((f) => this.textField(f)));
    this.rawErrorSection = element('div', {}, [this.textField(rawErrorField)]);

    for (const kind of kinds) {
      const extra =
        kind === 'lambdaError'
          ? [
              element('div', { class: 'field inline' }, [element('label', { for: 'sample-lambdaError-functionError' }, ['Function error']), this.functionError]),
              element('div', { class: 'field inline' }, [this.useRaw, element('label', { for: 'sample-lambdaError-useRaw' }, ['Write the raw payload instead'])]),
              this.errorFields,
              this.rawErrorSection,
            ]
          : backendFields[kind].map((f) => this.textField(f));
      const section = element('div', { class: 'backend-section', id: `backend-section-${kind}` }, extra);
      this.backendSections.set(kind, section);
    }

    this.root = element('form', { class: 'sample', 'aria-label': 'Sample' }, [
      element('fieldset', {}, [element('legend', {}, ['Backend answer']), element('div', { class: 'choices', role: 'radiogroup' }, radios), ...this.backendSections.values()]),
      element('details', { class: 'request' }, [element('summary', {}, ['Method request']), ...requestFields.map((f) => this.textField(f))]),
      element('details', { class: 'stage' }, [element('summary', {}, ['Stage variables']), this.textField(stageField)]),
    ]);
    this.root.addEventListener('submit', (event) => event.preventDefault());
  }

  private textField(field: TextField): HTMLElement {
    const id = controlId(field.key);
    const hintId = `${id}-hint`;
    const problemsId = `${id}-problems`;
    const describedBy = [field.hint ? hintId : undefined, problemsId].filter(Boolean).join(' ');
    const control = field.rows
      ? element('textarea', { id, rows: String(field.rows), spellcheck: 'false', 'aria-describedby': describedBy })
      : element('input', { id, type: 'text', spellcheck: 'false', 'aria-describedby': describedBy });
    control.addEventListener('input', () => this.update((s) => field.set(s, control.value)));
    const problems = element('div', { class: 'field-problems', id: problemsId });
    this.controls.set(field.key, { field, control, problems });
    return element('div', { class: 'field' }, [element('label', { for: id }, [field.label]), field.hint ? element('span', { class: 'hint', id: hintId }, [field.hint]) : undefined, control, problems]);
  }

  private update(change: (sample: PreviewSample) => void): void {
    if (!this.sample) return;
    change(this.sample);
    this.showSections();
    this.onChange(this.sample);
  }

  private showSections(): void {
    if (!this.sample) return;
    for (const [kind, section] of this.backendSections) section.hidden = kind !== this.sample.backendKind;
    this.errorFields.hidden = this.sample.lambdaError.useRaw;
    this.rawErrorSection.hidden = !this.sample.lambdaError.useRaw;
  }

  /** Shows a sample; controls already holding the value are not touched. */
  setSample(sample: PreviewSample): void {
    this.sample = structuredClone(sample);
    for (const { field, control } of this.controls.values()) {
      const value = field.get(this.sample);
      if (control.value !== value) control.value = value;
    }
    for (const [kind, radio] of this.backendRadios) radio.checked = kind === this.sample.backendKind;
    this.functionError.value = this.sample.lambdaError.functionError;
    this.useRaw.checked = this.sample.lambdaError.useRaw;
    this.showSections();
  }

  /** The sample as the editors hold it now. */
  current(): PreviewSample | undefined {
    return this.sample && structuredClone(this.sample);
  }

  /** Problems found in the sample, under the editor they are in. */
  showProblems(problems: PreviewSampleProblem[]): void {
    for (const [key, { problems: holder, control }] of this.controls) {
      const mine = problems.filter((p) => p.field === key);
      replaceContent(holder, mine.map((p) => element('div', {}, [p.message])));
      if (mine.length > 0) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }
}
