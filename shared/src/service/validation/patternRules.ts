import { embeddedRangeToDocument } from '../../documents/index';
import type { IntegrationResponse, Operation, SourcedText } from '../../model/types';
import type { IntegrationKind } from '../../pipeline/integrationKind';
import type { MappingDocument } from '../mappingDocument';
import { MAPPING_RULES } from '../rules';
import { encodeForScalar, scalarStyleOf } from '../scalarText';
import type { MappingProblem, ProblemFix } from '../types';
import { isDefaultIntegrationResponse, selectionSubject, statusOf } from '../responseFacts';
import { safeMatches, type PatternFacts } from './patternAnalysis';

/** What the service knows about patterns, through its caches. */
export interface PatternStudy {
  facts(pattern: string): PatternFacts;
  /** Whether `later` can never be selected because `earlier` is tried first (see {@link isShadowedBy}). */
  shadowed(later: string, earlier: string, kind: IntegrationKind | undefined): boolean;
}

/** Kinds whose selection value is an HTTP status code. */
const STATUS_MATCHED = new Set<IntegrationKind | undefined>(['http', 'aws-service', 'mock']);

/** Non-default responses in the order API Gateway tries them: ascending status code, then as written. */
export function selectionOrder(responses: readonly IntegrationResponse[]): IntegrationResponse[] {
  const ordered: IntegrationResponse[] = [];
  for (const response of responses) if (!isDefaultIntegrationResponse(response)) ordered.push(response);
  // Array sort is stable: responses with the same status stay as written.
  return ordered.length < 2 ? ordered : ordered.sort((a, b) => selectionStatus(a) - selectionStatus(b));
}

function selectionStatus(response: IntegrationResponse): number {
  const n = Number(response.statusCode?.value);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/**
 * Whether every value `later` can select is taken by `earlier` first. Exact for status codes; for
 * Lambda errorMessages, judged on the examples `later` matches.
 */
export function isShadowedBy(later: PatternFacts, earlier: PatternFacts, laterText: string, earlierText: string, kind: IntegrationKind | undefined): boolean {
  if (laterText === earlierText) return true;
  if (!later.regex || !earlier.regex) return false;
  if (STATUS_MATCHED.has(kind)) return later.statusCodes.length > 0 && later.statusCodes.every((code) => earlier.statusCodes.includes(code));
  return later.examples.length > 0 && later.examples.every((example) => safeMatches(earlier.regex!, example));
}

/** Problems of the selection patterns of one operation. */
export function checkPatterns(document: MappingDocument, operation: Operation, kind: IntegrationKind | undefined, study: PatternStudy, problems: MappingProblem[]): void {
  const responses = operation.integration!.responses;
  for (const response of responses) {
    const pattern = response.selectionPattern;
    if (!pattern || pattern.value === '' || pattern.intrinsic !== undefined) continue;
    checkPattern(document, pattern, kind, study.facts(pattern.value), problems);
  }
  const ordered = selectionOrder(responses);
  for (let i = 1; i < ordered.length; i++) {
    const later = ordered[i].selectionPattern!;
    if (later.intrinsic !== undefined) continue;
    for (let j = 0; j < i; j++) {
      const earlier = ordered[j].selectionPattern!;
      if (earlier.intrinsic !== undefined) continue;
      if (!study.shadowed(later.value, earlier.value, kind)) continue;
      problems.push({
        ...MAPPING_RULES.unreachablePattern,
        range: later.range,
        message: `This pattern is never selected: \`${earlier.value}\` (${statusOf(ordered[j])}) is tried first and matches everything it matches. Make the patterns exclusive, or remove this response.`,
      });
      break;
    }
  }
}

function checkPattern(document: MappingDocument, pattern: SourcedText, kind: IntegrationKind | undefined, facts: PatternFacts, problems: MappingProblem[]): void {
  const at = (start: number, end: number) => embeddedRangeToDocument(pattern.embedded, start, end);
  const replace = (start: number, end: number, text: string): ProblemFix['edits'] | undefined => {
    const encoded = encodeForScalar(text, scalarStyleOf(document.text, document.api.format, pattern.embedded));
    return encoded === undefined || pattern.embedded.approximate ? undefined : [{ range: at(start, end), newText: encoded }];
  };
  for (const problem of facts.problems) {
    problems.push({ code: problem.code, severity: problem.severity, message: `Not a valid Java regex: ${problem.message}`, range: at(problem.start, problem.end) });
  }
  if (pattern.scalarType === 'number') {
    problems.push({
      ...MAPPING_RULES.numericPattern,
      range: pattern.range,
      message: `YAML reads \`${pattern.value}\` as a number, and API Gateway wants a string ("Invalid type for parameter selectionPattern"). Quote it.`,
      fixes: [{ title: 'Quote the pattern', edits: [{ range: pattern.range, newText: `'${pattern.value}'` }], preferred: true }],
    });
  }
  if (!facts.regex) return;
  for (const bracket of facts.bracketWords) {
    const chars = [...new Set(bracket.inner)].join(',');
    const escaped = `\\[${bracket.inner}\\]`;
    const fixes: ProblemFix[] = [];
    const escape = replace(bracket.start, bracket.end, escaped);
    if (escape) fixes.push({ title: `Match the brackets literally: ${escaped}`, edits: escape, preferred: true });
    const drop = replace(bracket.start, bracket.end, bracket.inner);
    if (drop) fixes.push({ title: `Match the text without brackets: ${bracket.inner}`, edits: drop });
    problems.push({
      ...MAPPING_RULES.bracketClass,
      range: at(bracket.start, bracket.end),
      message: `\`[${bracket.inner}]\` matches ONE character from {${chars}}, not the text ${bracket.inner}. Escape the brackets (\`${escaped}\`) to match them, or drop them to match the text.`,
      fixes,
    });
  }
  if (STATUS_MATCHED.has(kind) && facts.statusCodes.length === 0) {
    problems.push({
      ...MAPPING_RULES.patternNotStatus,
      range: pattern.range,
      message: `This pattern is matched against ${selectionSubject(kind)} (such as 404), not the body, and it matches no status code: it is never selected. Match the status (\`4\\d{2}\`), or set \`$context.responseOverride.status\` in the template.`,
    });
  }
  if (kind === 'lambda') {
    if (facts.examples.length > 0 && facts.examples.every((example) => /^\d+$/.test(example))) {
      problems.push({
        ...MAPPING_RULES.statusPatternOnLambda,
        range: pattern.range,
        message: `For a Lambda integration this pattern is matched against ${selectionSubject(kind)}, not a status code: it is only selected when a function error's message is exactly a number like ${facts.examples[0]}. Match the message (\`.*NotFound.*\`).`,
      });
    }
    else if (matchesOnlyWholeMessages(facts)) {
      const edits = replace(0, pattern.value.length, `.*${pattern.value}.*`);
      problems.push({
        ...MAPPING_RULES.wholeString,
        range: pattern.range,
        message: `The pattern must match the whole errorMessage (Java \`matches\`), so it is selected only for a message that is exactly like ${facts.examples[0] !== undefined ? `\`${facts.examples[0]}\`` : 'it'}. To select messages that contain it, write \`.*${pattern.value}.*\`.`,
        fixes: edits ? [{ title: `Match anywhere in the message: .*${pattern.value}.*`, edits }] : undefined,
      });
    }
    checkRecursiveLoops(pattern.value, facts, at, replace, problems);
    if (facts.dotRuns.length > 0) {
      const runs = facts.dotRuns.map((run) => ({ ...run, text: pattern.value.slice(run.start, run.end) }));
      const edits = runs.flatMap((run) => replace(run.start, run.end, `[\\s\\S]${run.text.slice(1)}`) ?? []);
      const first = runs.reduce((a, b) => (a.start <= b.start ? a : b));
      problems.push({
        ...MAPPING_RULES.dotMissesNewline,
        range: at(first.start, first.end),
        message: `\`.\` does not match line breaks, so \`${first.text}\` fails on a multi-line errorMessage (a stack trace) and the response falls through to the default. Use \`[\\s\\S]${first.text.slice(1)}\` to match them too.`,
        fixes: edits.length === runs.length ? [{ title: 'Match line breaks too: [\\s\\S]* instead of .*', edits }] : undefined,
      });
    }
  }
}

/** Answers of {@link matchesOnlyWholeMessages} per pattern: a large definition repeats its patterns, and each answer runs the regex twice. */
const wholeMessageAnswers = new WeakMap<PatternFacts, boolean>();

/** Whether the pattern matches its examples only on their own, not inside a longer message. */
function matchesOnlyWholeMessages(facts: PatternFacts): boolean {
  let answer = wholeMessageAnswers.get(facts);
  if (answer === undefined) {
    const example = facts.examples[0];
    answer = example !== undefined && !!facts.regex && !safeMatches(facts.regex, `Error: ${example}`) && !safeMatches(facts.regex, `${example} (details)`);
    wholeMessageAnswers.set(facts, answer);
  }
  return answer;
}

/** Loops written to match line breaks too, which `[\s\S]*` matches without recursion. */
const ANY_CHARACTER_LOOP = /^\((?:\\n\|\.|\.\|\\n)\)([*+])$/;

/**
 * Java repeats a group like `(\n|.)*` by recursion, one stack frame per character: a long errorMessage
 * (a stack trace) overflows the stack, and API Gateway answers 500 whatever the patterns say.
 */
function checkRecursiveLoops(
  pattern: string,
  facts: PatternFacts,
  at: (start: number, end: number) => MappingProblem['range'],
  replace: (start: number, end: number, text: string) => ProblemFix['edits'] | undefined,
  problems: MappingProblem[],
): void {
  for (const loop of facts.regex?.javaRecursiveLoops ?? []) {
    const text = pattern.slice(loop.start, loop.end);
    const anyCharacter = ANY_CHARACTER_LOOP.exec(text);
    const edits = anyCharacter ? replace(loop.start, loop.end, `[\\s\\S]${anyCharacter[1]}`) : undefined;
    problems.push({
      ...MAPPING_RULES.deepRecursion,
      range: at(loop.start, loop.end),
      message:
        `Java repeats \`${text}\` by recursion, one stack frame per repetition: on an errorMessage longer than about 1,600 characters (a stack trace, say) ` +
        `Java 17 overflows its stack and API Gateway answers 500 instead of selecting a response. ${anyCharacter ? `\`[\\s\\S]${anyCharacter[1]}\` matches every character (\\r too) without recursion.` : 'A character class such as `[\\s\\S]` repeats without recursion.'}`,
      fixes: edits ? [{ title: `Match without recursion: [\\s\\S]${anyCharacter![1]}`, edits, preferred: true }] : undefined,
    });
  }
}
