import { isPreviewSample, type PreviewSample } from '../../../shared/src/protocol/index';

/** The part of `vscode.Memento` the store uses (workspace state). */
export interface PreviewMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const SAMPLE_KEY_PREFIX = 'apigwMapping.preview.sample:';
const OPERATION_KEY_PREFIX = 'apigwMapping.preview.operation:';

/**
 * Samples kept per document and operation in the workspace state, so that what the user typed survives
 * a closed panel, a reload and a restart; and the operation last shown per document.
 */
export class PreviewSampleStore {
  constructor(private readonly memento: PreviewMemento) {}

  sample(documentUri: string, operation: string): PreviewSample | undefined {
    const stored = this.memento.get<unknown>(`${SAMPLE_KEY_PREFIX}${documentUri}#${operation}`);
    return isPreviewSample(stored) ? stored : undefined;
  }

  saveSample(documentUri: string, operation: string, sample: PreviewSample): Thenable<void> {
    return this.memento.update(`${SAMPLE_KEY_PREFIX}${documentUri}#${operation}`, sample);
  }

  forgetSample(documentUri: string, operation: string): Thenable<void> {
    return this.memento.update(`${SAMPLE_KEY_PREFIX}${documentUri}#${operation}`, undefined);
  }

  lastOperation(documentUri: string): string | undefined {
    const stored = this.memento.get<unknown>(`${OPERATION_KEY_PREFIX}${documentUri}`);
    return typeof stored === 'string' ? stored : undefined;
  }

  saveLastOperation(documentUri: string, operation: string): Thenable<void> {
    return this.memento.update(`${OPERATION_KEY_PREFIX}${documentUri}`, operation);
  }
}
