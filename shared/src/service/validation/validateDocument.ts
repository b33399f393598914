import { embeddedRangeToDocument } from '../../documents/index';
import type { Problem } from '../../model/types';
import { parseScenario } from '../../scenario/index';
import type { TemplateEditPlace } from '../incrementalEdit';
import type { MappingDocument, TemplateSite } from '../mappingDocument';
import { encodeForScalar, scalarStyleOf } from '../scalarText';
import type { MappingProblem, ProblemFix } from '../types';
import { checkOperations } from './operationRules';
import type { PatternStudy } from './patternRules';
import type { TemplateFinding } from './templateFinding';
import type { TemplateRole } from './templateRules';

/** Analyses one template through the service's cache. */
export type TemplateStudy = (text: string, role: TemplateRole) => TemplateFinding[];

/** The roles a template can have, made once: a large definition asks for one per template. */
const ROLES: Record<TemplateRole['role'], [json: TemplateRole, text: TemplateRole]> = {
  request: [{ role: 'request', jsonOutput: true }, { role: 'request', jsonOutput: false }],
  response: [{ role: 'response', jsonOutput: true }, { role: 'response', jsonOutput: false }],
};

/** Whether a template's output is JSON, so JSON-string mistakes apply. */
export function templateRoleOf(site: TemplateSite): TemplateRole {
  const contentType = site.template?.contentType.value;
  const jsonOutput = contentType === undefined || contentType === 'application/json' || contentType.toLowerCase().includes('json');
  return ROLES[site.role][jsonOutput ? 0 : 1];
}

/** Every problem of a document, at document offsets, before settings filter them. */
export function validateDocument(document: MappingDocument, studyTemplate: TemplateStudy, studyPattern: PatternStudy): MappingProblem[] {
  const api = document.api;
  if (api.kind === 'unknown') return [];
  const problems: MappingProblem[] = api.problems.map(fromModelProblem);
  if (api.kind === 'scenario') problems.push(...scenarioProblems(document, api.problems));
  for (const site of document.templates) {
    for (const finding of studyTemplate(site.text.embedded.text, templateRoleOf(site))) problems.push(placeFinding(document, site, finding));
  }
  problems.push(...checkOperations(document, studyPattern));
  return sortProblems(problems.map(independentCopy));
}

function sortProblems(problems: MappingProblem[]): MappingProblem[] {
  return problems.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** A problem whose ranges belong to it alone (the model's ranges move when a template is edited in place). */
function independentCopy(problem: MappingProblem): MappingProblem {
  const copy: MappingProblem = { ...problem, range: { ...problem.range } };
  if (problem.fixes) copy.fixes = problem.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: { ...edit.range } })) }));
  return copy;
}

/**
 * The problems of a document after an edit inside one template (see `applyTemplateEdit`): the previous
 * version's problems outside that template, moved, and the template's own found again. Nothing else
 * reads a template's text, so nothing else can change.
 */
export function revalidateTemplateEdit(document: MappingDocument, previous: readonly MappingProblem[], place: TemplateEditPlace, studyTemplate: TemplateStudy): MappingProblem[] {
  const scalar = place.site.text.embedded.range;
  const oldScalar = { start: scalar.start, end: scalar.end - place.delta };
  const move = (offset: number): number => (offset >= place.oldEnd && (offset > place.start || place.oldEnd > place.start) ? offset + place.delta : offset);
  const problems: MappingProblem[] = [];
  for (const problem of previous) {
    if (problem.range.start >= oldScalar.start && problem.range.end <= oldScalar.end) continue;
    const moved = independentCopy(problem);
    moved.range = { start: move(problem.range.start), end: move(problem.range.end) };
    for (const fix of moved.fixes ?? []) for (const edit of fix.edits) edit.range = { start: move(edit.range.start), end: move(edit.range.end) };
    problems.push(moved);
  }
  for (const finding of studyTemplate(place.site.text.embedded.text, templateRoleOf(place.site))) problems.push(independentCopy(placeFinding(document, place.site, finding)));
  return sortProblems(problems);
}

function fromModelProblem(problem: Problem): MappingProblem {
  return { code: problem.code, message: problem.message, severity: problem.severity, range: problem.range };
}

function scenarioProblems(document: MappingDocument, known: Problem[]): MappingProblem[] {
  const reported = new Set(known.map((p) => p.range.start));
  return parseScenario(document.text, document.api.fileName)
    .problems.filter((problem) => !(problem.code === 'scenario-syntax' && reported.has(problem.range.start)))
    .map(fromModelProblem);
}

/** A template finding at document offsets, its edits escaped for the scalar the template is written in. */
function placeFinding(document: MappingDocument, site: TemplateSite, finding: TemplateFinding): MappingProblem {
  const embedded = site.text.embedded;
  const problem: MappingProblem = {
    code: finding.code,
    message: finding.message,
    severity: finding.severity,
    range: embeddedRangeToDocument(embedded, finding.start, finding.end),
  };
  if (finding.fixes && !embedded.approximate) {
    const style = scalarStyleOf(document.text, document.api.format, embedded);
    const fixes: ProblemFix[] = [];
    for (const fix of finding.fixes) {
      const edits = fix.edits.map((edit) => {
        const newText = encodeForScalar(edit.newText, style);
        return newText === undefined ? undefined : { range: embeddedRangeToDocument(embedded, edit.start, edit.end), newText };
      });
      if (edits.every((edit) => edit !== undefined)) fixes.push({ title: fix.title, edits: edits as ProblemFix['edits'], preferred: fix.preferred });
    }
    if (fixes.length) problem.fixes = fixes;
  }
  return problem;
}
