/** A problem in a template, at template offsets (half-open), from the parser or the renderer. */
export interface TemplateProblem {
  /** Stable identifier, e.g. `vtl-unclosed-block`, `vtl-loop-limit`. */
  code: string;
  message: string;
  severity: 'error' | 'warning' | 'information';
  start: number;
  end: number;
}
