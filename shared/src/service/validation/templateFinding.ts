import type { Severity } from '../../model/types';

/** An edit in template offsets; the text is decoded template text, escaped for the document later. */
export interface TemplateEdit {
  start: number;
  end: number;
  newText: string;
}

/** A problem found in one template, at template offsets, independent of where the template is written. */
export interface TemplateFinding {
  code: string;
  message: string;
  severity: Severity;
  start: number;
  end: number;
  fixes?: { title: string; edits: TemplateEdit[]; preferred?: boolean }[];
}
