// Shared by the service tests: documents written with markers, so ranges and carets are where they appear.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type MappingLanguageService } from '../../shared/src/index';

export interface Marked {
  text: string;
  /** `⟦…⟧` ranges, in order of their opening marker. */
  ranges: { start: number; end: number }[];
  /** Where `‸` was, or -1. */
  caret: number;
}

/** Strips `⟦`, `⟧` and `‸` from a document and says where they were. */
export function marked(source: string): Marked {
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  let caret = -1;
  for (const char of source) {
    if (char === '⟦') open.push(ranges.push({ start: text.length, end: -1 }) - 1);
    else if (char === '⟧') ranges[open.pop() as number].end = text.length;
    else if (char === '‸') caret = text.length;
    else text += char;
  }
  return { text, ranges, caret };
}

/** A document for the service; the language id does not matter to it, the name does. */
export function documentOf(fileName: string, text: string, version = 1): TextDocument {
  return TextDocument.create(`file:///work/${fileName}`, fileName.endsWith('.json') ? 'json' : 'yaml', version, text);
}

/** A fresh service per call, so no test depends on another's cache. */
export function freshService(): MappingLanguageService {
  return createLanguageService();
}
