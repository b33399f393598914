import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, CodeLens, CompletionList, Diagnostic, DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver-types';
import { parseVtl, type VtlParseResult } from '../vtl/index';
import { BoundedCache } from './boundedCache';
import { doCodeAction } from './codeActions';
import { doComplete } from './completion';
import { doHover } from './hover';
import { LSP_SEVERITY, toLspRange } from './lspShapes';
import { applyTemplateEdit, settleMoves, type TemplateEditPlace } from './incrementalEdit';
import { readMappingDocument, type MappingDocument } from './mappingDocument';
import { findDocumentSymbols, getCodeLenses, listOperations } from './symbols';
import type { MappingProblem, MappingServiceSettings, OperationSummary } from './types';
import { studyPattern, type PatternFacts } from './validation/patternAnalysis';
import { isShadowedBy, type PatternStudy } from './validation/patternRules';
import { analyseTemplate, type TemplateRole } from './validation/templateRules';
import type { TemplateFinding } from './validation/templateFinding';
import { revalidateTemplateEdit, validateDocument } from './validation/validateDocument';

/** The language features over API definitions, scenarios and templates: pure, one instance per host. */
export interface MappingLanguageService {
  /** The document read into the model, cached per uri and version. */
  parse(document: TextDocument): MappingDocument;
  /** Problems as LSP diagnostics, after the per-rule severities of `settings`. */
  doValidation(document: TextDocument, settings?: MappingServiceSettings): Diagnostic[];
  /** Problems at document offsets, before settings apply (the command line prints these). */
  findProblems(document: TextDocument): MappingProblem[];
  doComplete(document: TextDocument, position: Position): CompletionList;
  doHover(document: TextDocument, position: Position): Hover | null;
  doCodeAction(document: TextDocument, range: Range, context: CodeActionContext): CodeAction[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getCodeLenses(document: TextDocument): CodeLens[];
  listOperations(document: TextDocument): OperationSummary[];
  /** Forgets a closed document. */
  forget(uri: string): void;
}

interface CachedDocument {
  version: number;
  text: string;
  parsed: MappingDocument;
  problems?: MappingProblem[];
  /** Set when this version was patched from the previous one, whose problems can then be moved. */
  edit?: { previous: MappingProblem[]; place: TemplateEditPlace };
}

/** The source every diagnostic names. */
export const MAPPING_DIAGNOSTIC_SOURCE = 'apigw-mapping';

/** A problem as an LSP diagnostic of `document`, with `severity` in place of its own. */
export function problemToDiagnostic(document: TextDocument, problem: MappingProblem, severity = problem.severity): Diagnostic {
  return { range: toLspRange(document, problem.range), severity: LSP_SEVERITY[severity], code: problem.code, source: MAPPING_DIAGNOSTIC_SOURCE, message: problem.message };
}

/**
 * Creates a language service. Its caches belong to the instance: parsed documents by uri and version,
 * and template and pattern analyses by text, so an edit re-analyses only what it changed.
 */
export function createLanguageService(): MappingLanguageService {
  const documents = new Map<string, CachedDocument>();
  // Syntax trees are large and only completion and hover need them again: keep a few. Findings are
  // small and every validation needs all of them: keep enough for the templates of large definitions.
  const templateParses = new BoundedCache<string, VtlParseResult>(256);
  // One cache per role, keyed by the template text itself: a string keeps its hash, so an unchanged
  // template of a large document is found again without reading it.
  const templateFindings = new Map<TemplateRole['role'], [json: BoundedCache<string, TemplateFinding[]>, text: BoundedCache<string, TemplateFinding[]>]>();
  const patterns = new BoundedCache<string, PatternFacts>(4096);
  const shadowing = new BoundedCache<string, boolean>(16384);

  const parseTemplate = (text: string): VtlParseResult => templateParses.getOrCreate(text, () => parseVtl(text));
  const studyTemplate = (text: string, role: TemplateRole): TemplateFinding[] => {
    let caches = templateFindings.get(role.role);
    if (!caches) templateFindings.set(role.role, (caches = [new BoundedCache(65536), new BoundedCache(65536)]));
    const cache = caches[role.jsonOutput ? 0 : 1];
    // Validation reads every template once: keeping each tree would hold hundreds of them alive on a
    // large definition for nothing, so only a tree that completion or hover cached is reused.
    return cache.getOrCreate(text, () => analyseTemplate(templateParses.get(text) ?? parseVtl(text), role));
  };
  const facts = (pattern: string): PatternFacts => patterns.getOrCreate(pattern, () => studyPattern(pattern));
  const study: PatternStudy = {
    facts,
    // The length of `later` makes the key unambiguous whatever characters the patterns hold.
    shadowed: (later, earlier, kind) =>
      shadowing.getOrCreate(`${kind}:${later.length}:${later}${earlier}`, () => isShadowedBy(facts(later), facts(earlier), later, earlier, kind)),
  };

  function entry(document: TextDocument): CachedDocument {
    const cached = documents.get(document.uri);
    if (cached && cached.version === document.version && cached.text === document.getText()) return cached;
    const text = document.getText();
    // Typing inside a template changes only that template: patch the model instead of reading it again.
    const patched = cached ? applyTemplateEdit(cached.parsed, text, document.version) : undefined;
    const fresh: CachedDocument = patched
      ? { version: document.version, text, parsed: patched.document, edit: cached?.problems ? { previous: cached.problems, place: patched.place } : undefined }
      : { version: document.version, text, parsed: readMappingDocument(document) };
    documents.set(document.uri, fresh);
    return fresh;
  }

  /** The document's model with every range where it is in this version (for all but diagnostics, which move their own). */
  function settled(document: TextDocument): MappingDocument {
    const parsed = entry(document).parsed;
    settleMoves(parsed);
    return parsed;
  }

  function findProblems(document: TextDocument): MappingProblem[] {
    const cached = entry(document);
    if (!cached.problems) {
      cached.problems = cached.edit
        ? revalidateTemplateEdit(cached.parsed, cached.edit.previous, cached.edit.place, studyTemplate)
        : validateDocument(cached.parsed, studyTemplate, study);
      cached.edit = undefined;
    }
    return cached.problems;
  }

  return {
    parse: settled,
    findProblems,
    doValidation(document, settings = {}) {
      if (settings.enable === false) return [];
      const diagnostics: Diagnostic[] = [];
      for (const problem of findProblems(document)) {
        const override = settings.severity?.[problem.code];
        if (override === 'off') continue;
        // An override that names no severity (a typo in the settings) leaves the built-in one.
        const severity = override !== undefined && Object.prototype.hasOwnProperty.call(LSP_SEVERITY, override) ? override : problem.severity;
        diagnostics.push(problemToDiagnostic(document, problem, severity));
      }
      return diagnostics;
    },
    doComplete: (document, position) => doComplete(document, settled(document), position, parseTemplate),
    doHover: (document, position) => doHover(document, settled(document), position, parseTemplate, study),
    doCodeAction: (document, _range, context) => doCodeAction(document, findProblems(document), context, (problem) => problemToDiagnostic(document, problem)),
    findDocumentSymbols: (document) => findDocumentSymbols(document, settled(document)),
    getCodeLenses: (document) => getCodeLenses(document, settled(document)),
    listOperations: (document) => listOperations(settled(document)),
    forget: (uri) => void documents.delete(uri),
  };
}
