import { buildContext, CONTEXT_VARIABLES, findContextVariable, INPUT_FUNCTIONS, UTIL_FUNCTIONS, type TemplateMember } from '../../apigw/index';
import type { VtlMethodSegment, VtlPathSegment, VtlReference } from '../../vtl/index';
import { MAPPING_RULES } from '../rules';
import { closestName, didYouMean } from '../similarNames';
import type { TemplateFinding } from './templateFinding';

/** `$context` keys AWS returns from `keySet()` beyond the documented ones: reading them is no mistake. */
const CONTEXT_KEYS = new Set(Object.keys(buildContext({ httpMethod: 'GET', path: '/', resourcePath: '/' })));

/** Names one level below `prefix` (dotted) among the documented `$context` variables. */
export function contextNamesBelow(prefix: string[]): string[] {
  const names = new Set<string>();
  for (const member of CONTEXT_VARIABLES) {
    const parts = member.name.split('.');
    if (parts.length <= prefix.length) continue;
    if (prefix.every((part, i) => parts[i].startsWith('{') || parts[i] === part)) names.add(parts[prefix.length]);
  }
  if (prefix.length === 0) for (const key of CONTEXT_KEYS) names.add(key);
  return [...names];
}

/** The members of a catalogue by name (overloads share one). */
function byName(members: readonly TemplateMember[]): Map<string, TemplateMember[]> {
  const named = new Map<string, TemplateMember[]>();
  for (const member of members) {
    const same = named.get(member.name);
    if (same) same.push(member);
    else named.set(member.name, [member]);
  }
  return named;
}

const MEMBERS = { input: byName(INPUT_FUNCTIONS), util: byName(UTIL_FUNCTIONS) };
const NO_MEMBERS: readonly TemplateMember[] = [];

/** The members of `$input` or `$util` called `name`, in catalogue order. */
export function membersNamed(variable: 'input' | 'util', name: string): readonly TemplateMember[] {
  return MEMBERS[variable].get(name) ?? NO_MEMBERS;
}

/** Checks the first member of `$input`, `$util` and `$context` references against API Gateway's catalogue. */
export function checkMemberReference(reference: VtlReference, source: string, findings: TemplateFinding[]): void {
  const variable = reference.name.value;
  const first = reference.path[0];
  if (first === undefined || first.kind === 'index') return;
  if (variable === 'input' || variable === 'util') checkFunction(variable, first, source[first.end] === '(', findings);
  else if (variable === 'context') checkContext(reference.path, findings);
}

function checkFunction(variable: 'input' | 'util', segment: Exclude<VtlPathSegment, { kind: 'index' }>, callWritten: boolean, findings: TemplateFinding[]): void {
  const name = segment.name.value;
  if (name === '') return;
  const members = membersNamed(variable, name);
  const member = members[0];
  if (member !== undefined && member.kind === segment.kind) {
    if (segment.kind === 'method') checkArgumentCount(members, segment, findings);
    return;
  }
  const { code, severity } = MAPPING_RULES.unknownMember;
  const at = { start: segment.name.start, end: segment.name.end };
  if (member === undefined) {
    const all = (variable === 'input' ? INPUT_FUNCTIONS : UTIL_FUNCTIONS).map((m) => m.name);
    findings.push({
      code,
      severity,
      ...at,
      message: `\`$${variable}\` has no member \`${name}\`, so API Gateway prints the reference as written.${didYouMean(name, all, (c) => `$${variable}.${c}`)}`,
      fixes: fixesFor(closestName(name, all), at),
    });
    return;
  }
  if (member.kind === 'method') {
    // `$input.params(\"x\")`: a call the parser could not read, reported as such.
    if (callWritten) return;
    findings.push({ code, severity, ...at, message: `\`$${variable}.${name}\` is a method: call it as \`${member.signature}\`.` });
  } else {
    findings.push({ code, severity, ...at, message: `\`${member.signature}\` is a property: write it without parentheses.` });
  }
}

function checkArgumentCount(members: readonly TemplateMember[], segment: VtlMethodSegment, findings: TemplateFinding[]): void {
  if (!segment.args.closed) return;
  let count = 0;
  for (const item of segment.args.items) if (item.kind !== 'missing') count++;
  if (members.some((member) => (member.parameters?.length ?? 0) === count)) return;
  const signatures = members.map((member) => `\`${member.signature}\``).join(' or ');
  findings.push({
    ...MAPPING_RULES.wrongArgumentCount,
    start: segment.name.start,
    end: segment.args.end,
    message: `${signatures} takes ${members.map((m) => m.parameters?.length ?? 0).join(' or ')} argument(s), not ${count}: Velocity finds no such method and prints the call as written.`,
  });
}

function checkContext(path: VtlPathSegment[], findings: TemplateFinding[]): void {
  const names: string[] = [];
  for (const segment of path) {
    if (segment.kind !== 'property' || segment.name.value === '') break;
    names.push(segment.name.value);
  }
  if (names.length === 0) return;
  if (names.length === 1 && CONTEXT_KEYS.has(names[0])) return;
  if (findContextVariable(names.join('.'))) return;
  // Find the first segment no documented variable continues with.
  for (let depth = 0; depth < names.length; depth++) {
    const below = contextNamesBelow(names.slice(0, depth));
    if (below.length === 0) return;
    if (below.includes(names[depth]) || below.some((n) => n.startsWith('{'))) continue;
    const segment = path[depth] as Exclude<VtlPathSegment, { kind: 'index' }>;
    const at = { start: segment.name.start, end: segment.name.end };
    const written = ['$context', ...names.slice(0, depth + 1)].join('.');
    const near = closestName(names[depth], below);
    findings.push({
      ...MAPPING_RULES.unknownMember,
      ...at,
      message: `\`${written}\` is not a \`$context\` variable API Gateway sets: it is null and prints as written.${near ? ` Did you mean \`${['$context', ...names.slice(0, depth), near].join('.')}\`?` : ''}`,
      fixes: fixesFor(near, at),
    });
    return;
  }
}

function fixesFor(near: string | undefined, at: { start: number; end: number }): TemplateFinding['fixes'] {
  return near === undefined ? undefined : [{ title: `Change to \`${near}\``, edits: [{ ...at, newText: near }], preferred: true }];
}
