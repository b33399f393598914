import type { TemplateProblem } from '../problem';
import type { VtlCall, VtlStatement, VtlTemplate } from './ast';
import { Cursor } from './cursor';
import { VTL_PARSE_CODES } from './problems';
import { velocity17FailureMessage } from './velocity17Messages';
import { endsUnreadably } from './velocity17Check';
import { parseStatements } from './template';
import { walkVtl } from './walk';

/** The result of {@link parseVtl}: always a tree, plus what is wrong with the text. */
export interface VtlParseResult {
  ast: VtlTemplate;
  problems: TemplateProblem[];
}

/** Directives velocityjs and Velocity 1.7 run as calls (`#evaluate("…")`). */
const BUILT_IN_CALLS = new Set(['evaluate', 'include', 'parse', 'stop', 'break']);
const DIRECTIVE_NAMES = ['set', 'if', 'elseif', 'else', 'end', 'foreach', 'break', 'stop', 'macro', 'define', 'evaluate'];

/**
 * Parses a Velocity template. Never throws: on any input it returns a tree covering the whole text
 * (half-typed constructs included) and the problems found, each with a template range.
 */
export function parseVtl(text: string): VtlParseResult {
  const cur = new Cursor(text);
  let body;
  try {
    body = parseStatements(cur, text.length);
  } catch (error) {
    // A bug must not take the editor down: show the template as text and say so.
    cur.sink.report(VTL_PARSE_CODES.syntax, `The template could not be read (${String(error)}).`, 0, text.length);
    body = text ? [{ kind: 'text' as const, value: text, start: 0, end: text.length }] : [];
  }
  const ast: VtlTemplate = { kind: 'template', source: text, body, start: 0, end: text.length };
  checkCalls(ast, cur);
  checkLastCharacter(ast, cur);
  checkVelocity17Reading(cur);
  checkEndsReadBy17(ast, cur);
  const problems = cur.sink.problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ast, problems };
}

function checkCalls(ast: VtlTemplate, cur: Cursor): void {
  const macros = new Set<string>();
  const calls: VtlCall[] = [];
  walkVtl(ast, (node) => {
    if (node.kind === 'macro' && node.macroName) macros.add(node.macroName.value);
    else if (node.kind === 'call') calls.push(node);
  });
  for (const call of calls) {
    const name = call.head.name.value;
    const { start, end } = call.head.name;
    if (name === 'evaluate' && !call.body) {
      const [first, ...rest] = call.args.items;
      if (!first || rest.length || (first.kind !== 'string' && first.kind !== 'reference')) {
        cur.sink.report(VTL_PARSE_CODES.syntax, 'Give `#evaluate` one argument: a string or a variable holding the template text.', call.start, call.args.end);
      }
      continue;
    }
    if (name === 'include' || name === 'parse') {
      cur.sink.report(VTL_PARSE_CODES.unsupportedDirective, `API Gateway rejects \`#${name}\`: put the content in this template instead.`, call.start, call.args.end);
    } else if (BUILT_IN_CALLS.has(name) || macros.has(name)) {
      continue;
    } else {
      const near = DIRECTIVE_NAMES.find((d) => editDistance(d, name.toLowerCase()) <= (d.length > 4 ? 2 : 1));
      if (near) {
        cur.sink.report(VTL_PARSE_CODES.unknownDirective, `Unknown directive \`#${name}\`: did you mean \`#${near}\`?`, start, end);
      } else {
        cur.sink.report(
          VTL_PARSE_CODES.unknownMacro,
          `No \`#macro(${name} …)\` is defined in this template, so \`#${name}(…)\` prints as written: define the macro or remove the call.`,
          start,
          end,
          'warning',
        );
      }
    }
  }
}

/** Velocity 1.7's lexer fails when the template's last character is a `$` or `#` (outside `*#`, `]]#`, a final `##`). */
function checkLastCharacter(ast: VtlTemplate, cur: Cursor): void {
  const text = ast.source;
  if (!endsUnreadably(text, cur.velocity17)) return;
  const last = text.charAt(text.length - 1);
  cur.sink.report(
    VTL_PARSE_CODES.notVelocity17,
    `Velocity 1.7 rejects a \`${last}\` as the last character of a template: remove it or write something after it.`,
    text.length - 1,
    text.length,
  );
}

/**
 * Where Velocity 1.7's own reading fails and ours has found nothing wrong: mostly where its lexer is
 * still inside a reference (`$a.b${c}[`, `$a#set($b = 1)[`, `$a.b$c()`), so a `[`, `(` or `)` there
 * continues the reference instead of being text.
 */
function checkVelocity17Reading(cur: Cursor): void {
  const failure = cur.velocity17.failure;
  if (!failure || cur.sink.problems.some((problem) => problem.severity === 'error')) return;
  cur.sink.report(VTL_PARSE_CODES.notVelocity17, velocity17FailureMessage(cur.text, failure), failure.start, failure.end);
}

/**
 * A block's `#end` that 1.7's lexer, reading the whole text, does not take for an `#end` (it is inside
 * what 1.7 reads as a string argument after a reference, FINDINGS F29): the blocks close elsewhere on
 * API Gateway, and the preview, which follows this parse, can differ.
 */
function checkEndsReadBy17(ast: VtlTemplate, cur: Cursor): void {
  const reading = cur.velocity17;
  if (reading.failure || reading.readTo < cur.text.length) return;
  const pending: VtlStatement[][] = [ast.body];
  while (pending.length) {
    for (const statement of pending.pop()!) {
      if (statement.kind === 'if') for (const branch of statement.branches) pending.push(branch.body);
      else if (statement.kind === 'foreach' || statement.kind === 'macro' || statement.kind === 'define' || (statement.kind === 'call' && statement.body)) pending.push(statement.body!);
      else continue;
      const end = statement.endDirective;
      if (end && !reading.endDirectives.has(end.start)) {
        cur.sink.report(
          VTL_PARSE_CODES.readDifferentlyBy17,
          'Velocity 1.7 does not read this `#end` as the end of a block: right after the reference before it, its lexer reads `(` and the quoted text as that reference\'s arguments, so on API Gateway this `#end` is text and the block closes later. The preview follows the blocks as shown here and can differ. Put a space right after that reference.',
          end.start,
          end.end,
          'warning',
        );
      }
    }
  }
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
