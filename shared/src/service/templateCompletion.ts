import { findContextVariable, INPUT_FUNCTIONS, UTIL_FUNCTIONS, type TemplateMember } from '../apigw/index';
import type { VtlParseResult } from '../vtl/index';
import { collectSetVariables } from '../vtl/index';
import { contextNamesBelow } from './validation/templateMembers';

/** A snippet: literal text and tab stops (`{ stop, text }` is a placeholder). */
export type SnippetPart = string | { stop: number; text?: string };

/** One proposal in a template, before it is placed in the document. */
export interface TemplateProposal {
  label: string;
  kind: 'method' | 'property' | 'variable' | 'keyword' | 'snippet';
  detail?: string;
  documentation?: string;
  /** What replaces `replaceStart…cursor` in the template. */
  insert: SnippetPart[];
  /** Template offset where the replaced text starts. */
  replaceStart: number;
  sortText?: string;
}

const TEMPLATE_VARIABLES: [string, string][] = [
  ['input', 'The integration response payload (request templates: the method request) and its parameters.'],
  ['util', 'Escaping, JSON and base64 helpers.'],
  ['context', 'The request context: ids, identity, stage, and responseOverride.'],
  ['stageVariables', 'The stage variables of the deployment stage.'],
];

/** `$foreach` inside a loop (Velocity 1.7). */
const FOREACH_MEMBERS: [string, string][] = [
  ['hasNext', 'boolean: more items follow (for commas between items)'],
  ['index', 'int: the item\'s position, from 0'],
  ['count', 'int: the item\'s position, from 1'],
  ['first', 'boolean: this is the first item'],
  ['last', 'boolean: this is the last item'],
];

const DIRECTIVES: { name: string; detail: string; body: SnippetPart[] }[] = [
  { name: 'set', detail: 'Assign a variable', body: ['#set($', { stop: 1, text: 'name' }, ' = ', { stop: 2, text: 'value' }, ')'] },
  { name: 'if', detail: 'Condition block', body: ['#if(', { stop: 1, text: '$condition' }, ')\n', { stop: 2 }, '\n#end'] },
  { name: 'elseif', detail: 'Another condition', body: ['#elseif(', { stop: 1, text: '$condition' }, ')'] },
  { name: 'else', detail: 'Otherwise', body: ['#else'] },
  { name: 'end', detail: 'End a block', body: ['#end'] },
  { name: 'foreach', detail: 'Loop over a list (API Gateway stops after 1,000 iterations)', body: ['#foreach($', { stop: 1, text: 'item' }, ' in ', { stop: 2, text: "$input.path('$.items')" }, ')\n', { stop: 3 }, '#if($foreach.hasNext),#end\n#end'] },
  { name: 'break', detail: 'Leave the loop', body: ['#break'] },
  { name: 'stop', detail: 'Stop rendering here', body: ['#stop'] },
  { name: 'define', detail: 'Name a block of template', body: ['#define($', { stop: 1, text: 'name' }, ')\n', { stop: 2 }, '\n#end'] },
  { name: 'macro', detail: 'Define a macro', body: ['#macro(', { stop: 1, text: 'name' }, ' $', { stop: 2, text: 'arg' }, ')\n', { stop: 3 }, '\n#end'] },
];

const SNIPPETS: { label: string; detail: string; body: SnippetPart[] }[] = [
  {
    label: 'Lambda custom error → status + JSON body',
    detail: 'Read a JSON errorMessage, set the status from it, answer its message',
    body: [
      "#set($error = $util.parseJson($input.path('$.errorMessage')))\n#set($context.responseOverride.status = ",
      { stop: 1, text: '$error.statusCode' },
      ')\n{\n  "message": "$util.escapeJavaScript($error.message).replaceAll("\\\\\'","\'")"\n}',
    ],
  },
  {
    label: 'JSON array from a list',
    detail: '#foreach over a list, commas between items',
    body: ["[\n#foreach($item in $input.path('", { stop: 1, text: '$.items' }, "'))\n  ", { stop: 2, text: '$input.json("$")' }, '#if($foreach.hasNext),#end\n#end\n]'],
  },
];

function memberInsert(member: TemplateMember): SnippetPart[] {
  if (member.kind === 'property') return [member.name];
  const parameters = member.parameters ?? [];
  if (parameters.length === 0) return [`${member.name}()`];
  const parts: SnippetPart[] = [`${member.name}(`];
  parameters.forEach((parameter, i) => {
    if (i > 0) parts.push(', ');
    parts.push({ stop: i + 1, text: parameter.type === 'String' ? `'${parameter.name === 'jsonPath' ? '$' : parameter.name}'` : parameter.name });
  });
  parts.push(')');
  return parts;
}

/** Proposals at template offset `offset`: members, directives and snippets, variables in scope. */
export function completeInTemplate(text: string, offset: number, parse: () => VtlParseResult): TemplateProposal[] {
  const before = text.slice(Math.max(0, offset - 300), offset);
  const member = /\$!?\{?(input|util|context)((?:\.[A-Za-z_][\w-]*)*)\.([A-Za-z_][\w-]*)?$/.exec(before);
  if (member) {
    const typed = member[3] ?? '';
    const replaceStart = offset - typed.length;
    if (member[1] === 'context') {
      const prefix = member[2].split('.').filter(Boolean);
      return contextNamesBelow(prefix)
        .filter((name) => !name.startsWith('{'))
        .map((name) => {
          const known = findContextVariable([...prefix, name].join('.'));
          return { label: name, kind: 'property', detail: known ? `${known.returnType} ${known.signature}` : undefined, documentation: known?.documentation, insert: [name], replaceStart };
        });
    }
    if (member[2] !== '') return [];
    const members = member[1] === 'input' ? INPUT_FUNCTIONS : UTIL_FUNCTIONS;
    return members.map((m, i) => ({
      label: m.kind === 'method' ? `${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})` : m.name,
      kind: m.kind,
      detail: `${m.returnType} ${m.signature}`,
      documentation: `${m.documentation}\n\n\`${m.example}\``,
      insert: memberInsert(m),
      replaceStart,
      sortText: String(i).padStart(3, '0'),
    }));
  }
  const loop = /\$!?\{?foreach\.([A-Za-z]*)$/.exec(before);
  if (loop) {
    const replaceStart = offset - loop[1].length;
    return FOREACH_MEMBERS.map(([name, detail]) => ({ label: name, kind: 'property' as const, detail, insert: [name], replaceStart }));
  }
  const directive = /#\{?([A-Za-z]*)$/.exec(before);
  if (directive && !/\\#\{?[A-Za-z]*$/.test(before)) {
    const replaceStart = offset - directive[0].length;
    return [
      ...DIRECTIVES.map((d) => ({ label: `#${d.name}`, kind: 'keyword' as const, detail: d.detail, insert: d.body, replaceStart })),
      ...SNIPPETS.map((s) => ({ label: s.label, kind: 'snippet' as const, detail: s.detail, insert: s.body, replaceStart })),
    ];
  }
  const variable = /\$!?(\{?)([A-Za-z_][\w-]*)?$/.exec(before);
  if (variable) {
    const typed = variable[2] ?? '';
    const replaceStart = offset - typed.length;
    const proposals: TemplateProposal[] = TEMPLATE_VARIABLES.map(([name, documentation]) => ({ label: name, kind: 'variable', documentation, insert: [name], replaceStart }));
    for (const assigned of collectSetVariables(parse().ast, offset)) {
      if (assigned.name === typed) continue;
      proposals.push({ label: assigned.name, kind: 'variable', detail: `${assigned.source} variable`, insert: [assigned.name], replaceStart, sortText: `0${assigned.name}` });
    }
    return proposals;
  }
  return [];
}
