// The language service: diagnostics, completion, hover, quick fixes, symbols and code lenses over
// API definitions, scenarios and templates, as pure functions over LSP shapes (no connection).
export { createLanguageService, problemToDiagnostic, MAPPING_DIAGNOSTIC_SOURCE, type MappingLanguageService } from './languageService';
export type { MappingDocument, TemplateSite } from './mappingDocument';
export { MAPPING_RULES, type MappingRule } from './rules';
export { OPEN_PREVIEW_COMMAND } from './symbols';
export type { MappingProblem, MappingServiceSettings, OffsetEdit, OperationSummary, ProblemFix } from './types';
