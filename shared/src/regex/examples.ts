/**
 * A few strings a pattern matches (whole-string, like `matches()`), for hovers and for explaining
 * what a `selectionPattern` accepts. Candidates are built from the tree and kept only when the
 * matcher confirms them, so every example is a real match.
 */
import { RegexNode } from './ast';
import { compileProgram } from './compile';
import { singleCharacterPredicate } from './predicates';
import { CodePointPredicate } from './unicode';
import { RegexMachine } from './vm';

const SAMPLE_CHARACTERS = [
  ...'aexz017_ -.,:/@ABZ'.split('').map((c) => c.charCodeAt(0)),
  0x0a, 0x09, 0xe9,
  ...Array.from({ length: 0x5f }, (_, k) => 0x20 + k),
];

/** Matcher steps spent confirming candidates, per call and per candidate: a hover must stay quick. */
const TOTAL_STEPS = 500_000;
const STEPS_PER_CANDIDATE = 50_000;

/** Longer candidates are not worth showing (nor confirming). */
const MAX_EXAMPLE_LENGTH = 2_000;

function sampleFor(test: CodePointPredicate, random: () => number): number | undefined {
  const fitting = SAMPLE_CHARACTERS.filter((c) => test(c));
  if (fitting.length > 0) return random() < 0.5 ? fitting[0] : fitting[Math.floor(random() * fitting.length)];
  for (let c = 0xa0; c < 0x3000; c++) if (test(c)) return c;
  return undefined;
}

function highestGroup(node: RegexNode): number {
  switch (node.type) {
    case 'sequence':
      return node.items.reduce((most, item) => Math.max(most, highestGroup(item)), 0);
    case 'alternation':
      return node.alternatives.reduce((most, item) => Math.max(most, highestGroup(item)), 0);
    case 'group':
      return Math.max(node.index ?? 0, highestGroup(node.body));
    case 'quantified':
      return highestGroup(node.body);
    default:
      return 0;
  }
}

function generate(node: RegexNode, random: () => number, captured: Map<number, string>): string {
  switch (node.type) {
    case 'empty':
    case 'flagChange':
    case 'assertion':
      return '';
    case 'char':
      return String.fromCodePoint(node.codePoint);
    case 'any':
    case 'class':
    case 'classEscape': {
      const c = sampleFor(singleCharacterPredicate(node)!, random);
      return c === undefined ? '' : String.fromCodePoint(c);
    }
    case 'lineBreak':
      return '\n';
    case 'sequence':
      return node.items.map((item) => generate(item, random, captured)).join('');
    case 'alternation':
      return generate(node.alternatives[Math.floor(random() * node.alternatives.length)], random, captured);
    case 'group': {
      if (node.kind !== 'capturing' && node.kind !== 'nonCapturing' && node.kind !== 'atomic') return '';
      const text = generate(node.body, random, captured);
      if (node.index !== undefined) captured.set(node.index, text);
      return text;
    }
    case 'quantified': {
      const extra = Math.min(node.max - node.min, 3);
      const times = node.min + Math.floor(random() * (extra + 1));
      let text = '';
      const iterations = Math.min(times, MAX_EXAMPLE_LENGTH + 1);
      for (let k = 0; k < iterations && text.length <= MAX_EXAMPLE_LENGTH; k++) text += generate(node.body, random, captured);
      return text;
    }
    case 'backReference':
      return captured.get(node.group) ?? '';
  }
}

/** Up to `count` distinct strings the pattern matches as a whole; the shortest found comes first. */
export function exampleMatches(ast: RegexNode, count: number): string[] {
  const program = compileProgram(ast, highestGroup(ast), false);
  const machine = new RegexMachine(program, '');
  const found = new Set<string>();
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed / 4294967296;
  };
  const minimal = () => 0;
  let budget = TOTAL_STEPS;
  for (let attempt = 0; attempt < count * 25 && found.size < count && budget > 0; attempt++) {
    const candidate = generate(ast, attempt === 0 ? minimal : random, new Map());
    if (found.has(candidate) || candidate.length > MAX_EXAMPLE_LENGTH) continue;
    try {
      machine.begin(candidate, Math.min(budget, STEPS_PER_CANDIDATE));
      if (machine.matchWhole()) found.add(candidate);
    } catch {
      // too costly to confirm: leave it out
    } finally {
      budget -= Math.max(1, machine.stepsUsed);
      machine.end();
    }
  }
  return [...found].sort((a, b) => a.length - b.length);
}
