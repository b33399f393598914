import type { VtlReference, VtlSet, VtlStatement, VtlTemplate } from '../../vtl/index';
import { walkVtl, type VtlParseResult } from '../../vtl/index';
import { MAPPING_RULES } from '../rules';
import type { TemplateFinding } from './templateFinding';
import { checkMemberReference } from './templateMembers';

/** What a template is checked as. */
export interface TemplateRole {
  role: 'request' | 'response';
  /** The template's output is JSON (its content type says so, or none is known). */
  jsonOutput: boolean;
}

const QUOTE_FIX = `.replaceAll("\\\\'","'")`;

/**
 * Every problem of one template, at template offsets: the parser's, unknown `$input`/`$util`/`$context`
 * members, and the mistakes API Gateway users make most (USER-PAINS 7, 8, 13).
 */
export function analyseTemplate(parsed: VtlParseResult, role: TemplateRole): TemplateFinding[] {
  const findings: TemplateFinding[] = parsed.problems.map((problem) => ({ ...problem }));
  const source = parsed.ast.source;
  walkVtl(parsed.ast, (node) => {
    if (node.kind === 'reference') checkMemberReference(node, source, findings);
    if (node.kind === 'set') checkOverride(node, role, findings);
  });
  forEachStatement(parsed.ast, (statement) => {
    if (statement.kind !== 'reference') return;
    checkPrintsJavaObject(statement, findings);
    if (!role.jsonOutput) return;
    checkEscapeQuote(statement, source, findings);
    checkQuotedJson(statement, source, findings);
  });
  checkOverridesSetOnce(parsed.ast, findings);
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Visits statements whose output lands in the template's text: the body and every block's body. */
function forEachStatement(ast: VtlTemplate, visit: (statement: VtlStatement) => void): void {
  const stack: VtlStatement[][] = [ast.body];
  while (stack.length) {
    for (const statement of stack.pop()!) {
      visit(statement);
      if (statement.kind === 'if') for (const branch of statement.branches) stack.push(branch.body);
      else if (statement.kind === 'foreach' || statement.kind === 'define') stack.push(statement.body);
    }
  }
}

function isCall(reference: VtlReference, variable: string, method: string): boolean {
  const first = reference.path[0];
  return reference.name.value === variable && reference.path.length === 1 && first.kind === 'method' && first.name.value === method;
}

/** Whether `offset` of a template line is inside a double-quoted JSON string (an odd count of quotes before it). */
function insideJsonString(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  let quotes = 0;
  for (let i = lineStart; i < offset; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"') quotes++;
  }
  return quotes % 2 === 1;
}

function checkEscapeQuote(reference: VtlReference, source: string, findings: TemplateFinding[]): void {
  if (!isCall(reference, 'util', 'escapeJavaScript') || !insideJsonString(source, reference.start)) return;
  const insertAt = reference.formal && reference.closed ? reference.end - 1 : reference.end;
  findings.push({
    ...MAPPING_RULES.escapeJavaScriptQuote,
    start: reference.start,
    end: reference.end,
    message: "`$util.escapeJavaScript` turns `'` into `\\'`, which is not valid inside a JSON string: a value with an apostrophe breaks the JSON. Append `.replaceAll(\"\\\\'\",\"'\")`.",
    fixes: [{ title: "Undo the `\\'` escape with .replaceAll", edits: [{ start: insertAt, end: insertAt, newText: QUOTE_FIX }], preferred: true }],
  });
}

function checkQuotedJson(reference: VtlReference, source: string, findings: TemplateFinding[]): void {
  if (!isCall(reference, 'input', 'json')) return;
  if (source[reference.start - 1] !== '"' || source[reference.end] !== '"') return;
  findings.push({
    ...MAPPING_RULES.quotedInputJson,
    start: reference.start - 1,
    end: reference.end + 1,
    message: '`$input.json(…)` returns JSON text, already quoted when it is a string: inside quotes it gives `""value""`. Remove the quotes around it.',
    fixes: [
      {
        title: 'Remove the quotes around $input.json(…)',
        edits: [
          { start: reference.start - 1, end: reference.start, newText: '' },
          { start: reference.end, end: reference.end + 1, newText: '' },
        ],
        preferred: true,
      },
    ],
  });
}

/**
 * Printing `$input`, `$util` or the array `split` returns gives a Java object identity
 * (`ClassName@1b6d3586`) on API Gateway, different on every request; the preview cannot reproduce it.
 */
function checkPrintsJavaObject(reference: VtlReference, findings: TemplateFinding[]): void {
  const last = reference.path[reference.path.length - 1];
  const name = reference.name.value;
  let what: string | undefined;
  if (reference.path.length === 0 && !reference.args && (name === 'input' || name === 'util')) what = `\`$${name}\` itself is a Java object`;
  else if (last?.kind === 'method' && last.name.value === 'split') what = '`split` returns a Java array';
  if (!what) return;
  findings.push({
    ...MAPPING_RULES.printsJavaObject,
    start: reference.start,
    end: reference.end,
    message: `${what}: printed, API Gateway writes its identity (like \`[Ljava.lang.String;@1b6d3586\`), which changes from request to request, and the preview cannot show it. Print its parts instead (a #foreach over the array, or a member such as \`$input.body\`).`,
  });
}

/** `responseOverride.status` or `responseOverride.header.X` when `target` writes one, else undefined. */
function overrideTarget(target: VtlReference | undefined): string | undefined {
  if (!target || target.name.value !== 'context') return undefined;
  const names: string[] = [];
  for (const segment of target.path) {
    if (segment.kind !== 'property') return undefined;
    names.push(segment.name.value);
  }
  return names[0] === 'responseOverride' && names.length >= 2 ? names.join('.') : undefined;
}

function checkOverride(set: VtlSet, role: TemplateRole, findings: TemplateFinding[]): void {
  const target = overrideTarget(set.target);
  if (target === undefined) return;
  if (role.role === 'request') {
    findings.push({
      ...MAPPING_RULES.overrideInRequest,
      start: set.target!.start,
      end: set.target!.end,
      message: '`$context.responseOverride` only acts in a response template: move this `#set` to the integration response\'s template.',
    });
    return;
  }
  if (target !== 'responseOverride.status') return;
  const value = set.value;
  let problem: string | undefined;
  if (value.kind === 'number') {
    const status = Number(value.raw);
    if (!value.integer || status < 100 || status > 599) problem = `\`${value.raw}\` is not a status code (an integer from 100 to 599)`;
  } else if (value.kind === 'string' && !value.raw.includes('$')) {
    if (!/^\s*[1-5]\d\d\s*$/.test(value.raw)) problem = `\`${value.raw}\` is not a status code (an integer from 100 to 599)`;
  } else if (value.kind === 'boolean' || value.kind === 'null' || value.kind === 'list' || value.kind === 'map') {
    problem = 'the value is not a status code (an integer from 100 to 599)';
  }
  if (problem) {
    findings.push({ ...MAPPING_RULES.overrideStatus, start: value.start, end: value.end, message: `${problem}. The documentation requires a valid status; what API Gateway then answers is not recorded, and the preview ignores the override (as LocalStack does).` });
  }
}

/** Overrides are final: a second unconditional `#set` of the same one makes API Gateway answer 5XX. */
function checkOverridesSetOnce(ast: VtlTemplate, findings: TemplateFinding[]): void {
  const seen = new Set<string>();
  for (const statement of ast.body) {
    if (statement.kind !== 'set') continue;
    const target = overrideTarget(statement.target);
    if (target === undefined) continue;
    if (seen.has(target)) {
      findings.push({
        ...MAPPING_RULES.overrideTwice,
        start: statement.start,
        end: statement.end,
        message: `\`$context.${target}\` is already set above, and overrides are final: setting it again makes API Gateway answer 500. Compute the value first and set it once.`,
      });
    }
    seen.add(target);
  }
}
