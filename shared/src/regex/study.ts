/**
 * Java's `TreeInfo` study of a subtree: shortest and longest match length and whether it is
 * "deterministic". Java rejects a look-behind whose longest length is not valid, and computes it
 * with 32-bit arithmetic, so `(?<=a*)` is accepted while `(?<=(?:a|b){2})` is not; this mirrors it.
 */
import { RegexNode } from './ast';

export interface LengthInfo {
  minLength: number;
  maxLength: number;
  maxValid: boolean;
  deterministic: boolean;
}

const MAX_REPS = 0x7fffffff;

function fresh(): LengthInfo {
  return { minLength: 0, maxLength: 0, maxValid: true, deterministic: true };
}

/** True for atoms Java compiles to a single-character node (`CharProperty`). */
export function isSingleCharacterAtom(node: RegexNode): boolean {
  return node.type === 'char' || node.type === 'any' || node.type === 'class' || node.type === 'classEscape';
}

function isPlainGroup(node: RegexNode): boolean {
  return node.type === 'group' && (node.kind === 'capturing' || node.kind === 'nonCapturing');
}

/** Studies `node` the way Java's `study` walks the equivalent node chain. */
export function studyLengths(node: RegexNode): LengthInfo {
  const info = fresh();
  study(node, info);
  return info;
}

function add(a: number, b: number): number {
  return (a + b) | 0;
}

function study(node: RegexNode, info: LengthInfo): void {
  switch (node.type) {
    case 'char':
    case 'any':
    case 'class':
    case 'classEscape':
      info.minLength = add(info.minLength, 1);
      info.maxLength = add(info.maxLength, 1);
      return;
    case 'lineBreak':
      info.minLength = add(info.minLength, 1);
      info.maxLength = add(info.maxLength, 2);
      return;
    case 'backReference':
      info.maxValid = false;
      return;
    case 'empty':
    case 'assertion':
    case 'flagChange':
      return;
    case 'sequence':
      for (const item of node.items) study(item, info);
      return;
    case 'alternation':
      studyBranch(node.alternatives, info);
      return;
    case 'group':
      if (node.kind === 'capturing' || node.kind === 'nonCapturing' || node.kind === 'atomic') study(node.body, info);
      return;
    case 'quantified':
      studyQuantified(node, info);
      return;
  }
}

function studyBranch(alternatives: (RegexNode | null)[], info: LengthInfo): void {
  let min2 = MAX_REPS;
  let max2 = -1;
  let maxValid = info.maxValid;
  for (const alternative of alternatives) {
    const inner = fresh();
    if (alternative) study(alternative, inner);
    min2 = Math.min(min2, inner.minLength);
    max2 = Math.max(max2, inner.maxLength);
    maxValid = maxValid && inner.maxValid;
  }
  info.minLength = add(info.minLength, min2);
  info.maxLength = add(info.maxLength, max2);
  info.maxValid = maxValid;
  info.deterministic = false;
}

function studyQuantified(node: Extract<RegexNode, { type: 'quantified' }>, info: LengthInfo): void {
  const { min, body, mode } = node;
  const max = node.max === Infinity ? MAX_REPS : node.max;
  if (min === 0 && max === 1) {
    if (isPlainGroup(body) && mode !== 'possessive') {
      studyBranch([body, null], info);
      return;
    }
    const savedMin = info.minLength;
    study(body, info);
    info.minLength = savedMin;
    info.deterministic = false;
    return;
  }
  if (isSingleCharacterAtom(body) && mode === 'greedy' && max === MAX_REPS) {
    info.minLength = add(info.minLength, min);
    if (info.maxValid) info.maxLength = add(info.maxLength, MAX_REPS);
    info.deterministic = false;
    return;
  }
  if (isPlainGroup(body) && mode !== 'possessive') {
    const inner = fresh();
    study(body, inner);
    if (!inner.deterministic) {
      info.maxValid = false;
      info.deterministic = false;
      return;
    }
  }
  const minL = info.minLength;
  const maxL = info.maxLength;
  const maxV = info.maxValid;
  const detm = info.deterministic;
  const atom = fresh();
  study(body, atom);
  let temp = (Math.imul(atom.minLength, min) + minL) | 0;
  if (temp < minL) temp = 0xfffffff;
  info.minLength = temp;
  if (maxV && atom.maxValid) {
    temp = (Math.imul(atom.maxLength, max) + maxL) | 0;
    info.maxLength = temp;
    info.maxValid = !(temp < maxL);
  } else {
    info.maxValid = false;
  }
  info.deterministic = atom.deterministic && min === max ? detm : false;
}

/** Java's `GroupCurly` test: a quantified group whose body always matches the same way. */
export function isDeterministicBody(body: RegexNode): boolean {
  return studyLengths(body).deterministic;
}
