// A seeded generator of VTL mapping templates and the request data they run over, covering the
// language as API Gateway templates use it. Deterministic per seed; every construct carries a
// feature tag (template-tree.ts), and a tag listed in `exclude` is never produced.
import { SeededRandom } from './random';
import { exactNumber, jsonText, type Expr, type GeneratedCase, type RefExpr, type Step, type Stmt } from './template-tree';

/**
 * Features whose differences are recorded in FINDINGS.md and not fixed yet: the hunt
 * (`npm run test:oracle`) keeps producing them, the `npm test` run leaves them out. Each entry
 * names its FINDINGS.md item; remove the entry when the item is fixed.
 */
export const pendingFeatures: readonly { feature: string; finding: string }[] = [];

export interface GenerateOptions {
  /** Feature tags never to produce. */
  exclude?: ReadonlySet<string>;
}

/** `collection` is what `keySet()`/`values()` return: iterable and sized, but not a `List` (no `get`, `indexOf`). */
type Ty = 'string' | 'int' | 'float' | 'bool' | 'list' | 'collection' | 'map' | 'null' | 'array' | 'entry';

/** What the generator knows about a value: its type and, for containers, what is inside. */
interface Known {
  ty: Ty;
  elem?: Known;
  fields?: [string, Known][];
}

interface Slot {
  ref: RefExpr;
  known: Known;
  /** Set inside an `#if` branch, so possibly never set (null) after it. */
  maybeUnset?: boolean;
}

const UNKNOWN: Known = { ty: 'null' };

const DATA_STRINGS = [
  'hello', 'Hello World', '', ' padded ', 'a,b,,c', 'x/y/z', "it's", 'say "hi"', 'back\\slash', 'line\nbreak',
  'tab\there', 'naïve café', 'smile 😀', '42', '-7', '3.14', 'true', 'null', '$5', '#1', 'UPPER', 'MiXeD',
  'a.b.c', 'foo@bar.com', '<b>&amp;</b>', 'sep\u2028line', 'bell\u0007', 'aaa', 'hello hello',
];
/** Texts safe inside `'…'` and `"…"` template literals (no quotes, `$`, `#` or backslashes). */
const LITERAL_STRINGS = ['hello', 'Hello World', '', ' padded ', 'a,b,,c', 'x/y', 'é', '😀', '42', '3.14', 'true', 'UPPER', 'MiXeD', 'a.b', 'o', 'l', ',', ' '];
const INTS = [0, 1, 2, 3, 7, 10, -1, -42, 100, 2147483647, -2147483648];
/**
 * Longs to both ends of the range, and integers past it: BigIntegers, from 1.7's literals (F17, F19) and
 * from json-smart's reading of a body.
 */
const LONGS = ['30000000000', '-9000000000', '9223372036854775807', '-9223372036854775808', '92233720368547758070', '-92233720368547758070'];
const BODY_LONGS = LONGS;
const FLOATS = ['0.5', '1.5', '2.0', '-0.25', '3.14', '10.0', '0.1'];
const REGEXES = ['[aeiou]', '\\s+', '^\\w', '(\\w+)@(\\w+)', '.', 'a|b', '[^a-z]', '\\d{2,}', '(?i)hello', '\\.', 'o', ',', 'l+', '[A-Z]', '(.)(.)', 'x*', '\\W'];
const REPLACEMENTS = ['_', '', '$1', '[$0]', '\\$', '$2-$1', '<>'];
const TEXTS = [
  '{"a": ', ', ', '}', '[', ']', ' ', 'text', 'x', ':', '"', "'", '-', '.', '(', ')', 'é😀', '\\', '$ 5', '# 1', '$5', 'a#b',
  '\t', '=', '@', '|',
];
const KEYS = ['name', 'count', 'price', 'active', 'nothing', 'empty', 'tags', 'items', 'meta', 'nums', 'csv', 'mixed', 'Name', 'x-id'];

/** A JSON integer: a JS number while exact, else its text as written. */
function integerValue(text: string): number | { __number: string } {
  return Number.isSafeInteger(Number(text)) ? Number(text) : exactNumber(text);
}

/** Generates case `index` of a run seeded `seed`. */
export function generateCase(seed: number, index: number, options: GenerateOptions = {}): GeneratedCase {
  return new CaseGenerator(new SeededRandom(SeededRandom.caseSeed(seed, index)), options.exclude ?? new Set()).generate();
}

class CaseGenerator {
  private scope: Slot[] = [];
  private variableCount = 0;
  private macros: { name: string; params: number }[] = [];
  private foreachDepth = 0;
  private presentPaths: string[] = [];
  private escapingPaths = new Set<string>();

  constructor(
    private readonly random: SeededRandom,
    private readonly exclude: ReadonlySet<string>,
  ) {}

  private can(tag: string): boolean {
    return !this.exclude.has(tag);
  }

  generate(): GeneratedCase {
    const r = this.random;
    const body = this.dataObject(2);
    const params = {
      path: { id: r.pick(['42', 'abc', '']) },
      querystring: { q: r.pick(['a b', 'x/y', 'é']), limit: r.pick(['10', '-1']) },
      header: { Accept: 'application/json', 'X-Trace': r.pick(['t-1', 'Root=1-abc']) },
    };
    const context = {
      requestId: 'req-' + r.below(1000),
      stage: r.pick(['dev', 'prod']),
      httpMethod: r.pick(['GET', 'POST']),
      resourcePath: '/items/{id}',
      identity: { sourceIp: '203.0.113.7', userAgent: r.pick(['curl/8.0', 'Mozilla/5.0 (X11)']) },
      // Present in every API Gateway $context (SEMANTICS 9.4); given here so both engines hold the same maps.
      responseOverride: { header: {} },
      requestOverride: { header: {}, path: {}, querystring: {} },
    };
    const stageVariables = { env: r.pick(['dev', 'prod']), version: r.pick(['3', '1.5']) };

    this.presentPaths = ['$', ...Object.entries(body).filter(([key, v]) => v !== null && /^[A-Za-z]\w*$/.test(key)).map(([key]) => `$.${key}`)];
    const jsonSmartEscapes = /[\/\u007f-\u009f\u2000-\u20ff]/;
    this.escapingPaths = new Set(this.presentPaths.filter((p) => jsonSmartEscapes.test(jsonText(p === '$' ? body : body[p.slice(2)]))));
    const stmts: Stmt[] = [];
    this.prelude(body, stmts, params, context, stageVariables);
    stmts.push(...this.statements(2 + r.below(8), 0));
    this.markTextAfterReferences(stmts);
    return { stmts, body, params, context, stageVariables };
  }

  // ---------------------------------------------------------------- data

  private dataString(): string {
    return this.random.pick(DATA_STRINGS);
  }

  private dataObject(depth: number): Record<string, unknown> {
    const r = this.random;
    const object: Record<string, unknown> = {};
    for (const key of KEYS) {
      if (!r.chance(0.6)) continue;
      switch (key) {
        case 'name': case 'Name': case 'x-id': object[key] = this.dataString(); break;
        case 'count': object[key] = r.chance(0.2) ? integerValue(r.pick(BODY_LONGS)) : r.pick(INTS); break;
        case 'price': object[key] = exactNumber(r.pick(['0.5', '1.5', '2.0', '-3.75', '1e-7', '12345678.9', '100.0', '1E3'])); break;
        case 'active': object[key] = r.chance(0.5); break;
        case 'nothing': object[key] = null; break;
        case 'empty': object[key] = ''; break;
        case 'tags': object[key] = Array.from({ length: r.below(4) }, () => this.dataString()); break;
        case 'nums': object[key] = Array.from({ length: r.below(5) }, () => r.pick(INTS)); break;
        case 'csv': object[key] = r.pick(['a,b,,c', ',x,', 'one', '']); break;
        case 'items':
          object[key] = Array.from({ length: r.below(4) }, (_, i) => ({ id: i + 1, label: this.dataString(), ok: r.chance(0.5) }));
          break;
        case 'meta':
          object[key] = depth > 0 ? this.dataObject(depth - 1) : { k: this.dataString() };
          break;
        case 'mixed':
          object[key] = [1, 'a', null, true, { k: 'v' }, [2, 3], exactNumber('2.0')].filter(() => r.chance(0.6));
          break;
      }
    }
    return object;
  }

  private knownOf(value: unknown): Known {
    if (value === null || value === undefined) return UNKNOWN;
    if (typeof value === 'string') return { ty: 'string' };
    if (typeof value === 'boolean') return { ty: 'bool' };
    if (typeof value === 'number') return { ty: Number.isInteger(value) ? 'int' : 'float' };
    if (typeof value === 'object' && '__number' in value) return { ty: /^-?\d+$/.test(String(value.__number)) ? 'int' : 'float' };
    if (Array.isArray(value)) return { ty: 'list', elem: value.length ? this.knownOf(value[0]) : UNKNOWN };
    return { ty: 'map', fields: Object.entries(value).map(([k, v]) => [k, this.knownOf(v)]) };
  }

  // ---------------------------------------------------------------- scope

  private freshName(): string {
    return `v${++this.variableCount}`;
  }

  private declare(name: string, known: Known): void {
    this.scope.push({ ref: { k: 'ref', root: name, steps: [] }, known });
  }

  private prelude(
    body: Record<string, unknown>,
    stmts: Stmt[],
    params: GeneratedCase['params'],
    context: Record<string, unknown>,
    stageVariables: Record<string, string>,
  ): void {
    const r = this.random;
    if (this.can('input.path')) {
      const root = r.chance(0.7) ? '$' : '$.meta';
      stmts.push(this.setStmt({ k: 'ref', root: 'd', steps: [] }, inputCall('path', root)), newline());
      this.declare('d', root === '$' ? this.knownOf(body) : this.knownOf(body.meta));
      for (const [key, value] of Object.entries(body).slice(0, 3)) {
        if (!/^[A-Za-z]\w*$/.test(key)) continue;
        this.scope.push({ ref: inputCall('path', `$.${key}`, 'input.path'), known: this.knownOf(value) });
      }
    }
    if (this.can('context')) {
      this.scope.push({ ref: { k: 'ref', root: 'context', steps: [{ k: 'prop', name: r.pick(['stage', 'httpMethod', 'requestId']) }], tag: 'context' }, known: { ty: 'string' } });
      this.scope.push({ ref: { k: 'ref', root: 'context', steps: [{ k: 'prop', name: 'identity' }], tag: 'context' }, known: this.knownOf(context.identity) });
    }
    if (this.can('stageVariables')) {
      this.scope.push({ ref: { k: 'ref', root: 'stageVariables', steps: [{ k: 'prop', name: r.pick(Object.keys(stageVariables)) }], tag: 'stageVariables' }, known: { ty: 'string' } });
    }
    if (this.can('input.body') && r.chance(0.3)) {
      this.scope.push({ ref: { k: 'ref', root: 'input', steps: [{ k: 'prop', name: 'body' }], tag: 'input.body' }, known: { ty: 'string' } });
    }
    if (this.can('input.params')) {
      const name = r.pick([...Object.keys(params.path), ...Object.keys(params.querystring), 'X-Trace', 'missing']);
      this.scope.push({ ref: inputCall('params', name, 'input.params'), known: { ty: 'string' } });
    }
    // Literal variables, so every type has a receiver (1.7 allows no method call on a literal).
    const seeds: [Ty, () => Expr][] = [
      ['string', () => this.stringLiteral()],
      ['int', () => this.intLiteral()],
      ['float', () => this.floatLiteral()],
      ['bool', () => raw(r.pick(['true', 'false']), 'literal:bool')],
      ['list', () => this.listLiteral(0)],
      ['map', () => this.mapLiteral(0)],
    ];
    for (const [ty, make] of seeds) {
      if (!r.chance(0.6)) continue;
      const value = make();
      const name = this.freshName();
      stmts.push(this.setStmt({ k: 'ref', root: name, steps: [] }, value), newline());
      this.declare(name, this.knownOfLiteral(ty, value));
    }
  }

  private knownOfLiteral(ty: Ty, value: Expr): Known {
    if (value.k === 'list') return { ty: 'list', elem: value.items.length ? this.knownOfExpr(value.items[0]) : UNKNOWN };
    if (value.k === 'range') return { ty: 'list', elem: { ty: 'int' } };
    if (value.k === 'map') {
      return { ty: 'map', fields: value.entries.map(([key, v]) => [key.k === 'raw' ? key.text.slice(1, -1) : '?', this.knownOfExpr(v)]) };
    }
    return { ty };
  }

  private knownOfExpr(expr: Expr): Known {
    if (expr.k === 'raw') {
      if (/^'|^"/.test(expr.text)) return { ty: 'string' };
      if (expr.text === 'true' || expr.text === 'false') return { ty: 'bool' };
      if (/^-?\d+$/.test(expr.text)) return { ty: 'int' };
      if (/^-?\d/.test(expr.text)) return { ty: 'float' };
    }
    if (expr.k === 'dq') return { ty: 'string' };
    if (expr.k === 'list' || expr.k === 'range' || expr.k === 'map') return this.knownOfLiteral('list', expr);
    return UNKNOWN;
  }

  private slotsOf(ty: Ty): Slot[] {
    return this.scope.filter((slot) => slot.known.ty === ty);
  }

  // ---------------------------------------------------------------- statements

  private statements(count: number, depth: number): Stmt[] {
    const stmts: Stmt[] = [];
    for (let i = 0; i < count; i++) stmts.push(...this.statement(depth));
    return stmts;
  }

  /**
   * Tags (or, when excluded, replaces) text starting with `(`, `[` or `.` that follows a reference or
   * directive, skipping white space: 1.7's lexer may still be in reference mode there (FINDINGS F10).
   */
  private markTextAfterReferences(stmts: Stmt[]): void {
    let afterText = true;
    // Text that follows a reference on the same line: 1.7 then swallows the blanks before a `#set` (F9).
    let textAfterReference = false;
    const walk = (list: Stmt[]): void => {
      list.forEach((stmt, i) => {
        if (stmt.k === 'text' && /^[ \t]+$/.test(stmt.text) && textAfterReference && list[i + 1]?.k === 'set') {
          list[i] = this.can('text:blank-before-set') ? { ...stmt, tag: 'text:blank-before-set' } : { k: 'text', text: '', tag: 'text' };
        }
        if (stmt.k === 'text') textAfterReference = (textAfterReference || !afterText) && !stmt.text.includes('\n');
        else textAfterReference = false;
        if (stmt.k === 'text' && /^\s+$/.test(stmt.text)) return;
        if (stmt.k === 'text' && /^[\[(.]/.test(stmt.text) && !afterText) {
          list[i] = this.can('text:after-reference') ? { ...stmt, tag: 'text:after-reference' } : { k: 'text', text: '|', tag: 'text' };
        }
        // Only plain text ends reference mode: after `$d#[[raw]]#` a `[` still reads as an index.
        afterText = stmt.k === 'text';
        if (stmt.k === 'if') {
          for (const branch of stmt.branches) {
            afterText = false;
            walk(branch.body);
          }
          if (stmt.otherwise) {
            afterText = false;
            walk(stmt.otherwise);
          }
        } else if (stmt.k === 'foreach' || stmt.k === 'macro') {
          afterText = false;
          walk(stmt.body);
        }
        if (stmt.k !== 'text') afterText = false;
      });
    };
    walk(stmts);
  }

  private statement(depth: number): Stmt[] {
    const r = this.random;
    const kind = r.weighted<string>([
      [20, 'text'],
      [28, 'print'],
      [16, 'set'],
      [depth < 3 ? 10 : 0, 'if'],
      [depth < 2 ? 8 : 0, 'foreach'],
      [depth === 0 && this.can('macro') ? 3 : 0, 'macro'],
      [this.macros.length ? 3 : 0, 'call'],
      [this.foreachDepth > 0 && this.can('break') ? 2 : 0, 'break'],
      [this.can('stop') ? 0.5 : 0, 'stop'],
      [4, 'verbatim'],
    ]);
    const around = (stmt: Stmt): Stmt[] => {
      const before = r.weighted<string>([[6, ''], [2, '\n'], [1, '  '], [1, '\t']]);
      const after = r.weighted<string>([[5, ''], [4, '\n'], [this.can('newline:after-space') ? 1 : 0, ' \n']]);
      const tagged = (text: string): Stmt => ({ k: 'text', text, tag: text === ' \n' ? 'newline:after-space' : text.includes('\n') ? 'newline' : 'indent' });
      return [...(before ? [tagged(before)] : []), stmt, ...(after ? [tagged(after)] : [])];
    };
    switch (kind) {
      case 'text': {
        const text = r.pick(TEXTS);
        // Text ending in a backslash escapes a following `$ref` or `#directive`; '@' right after `#end` is F8.
        const tag = text === '@' ? 'text:at-sign' : text === '\\' ? 'text:backslash' : text.includes('#') ? 'text:hash' : 'text';
        return [this.can(tag) ? { k: 'text', text, tag } : { k: 'text', text: '|', tag: 'text' }];
      }
      case 'print':
        return [this.printStmt()];
      case 'set':
        return around(this.assignment());
      case 'if':
        return around(this.ifStmt(depth));
      case 'foreach':
        return around(this.foreachStmt(depth));
      case 'macro':
        return around(this.macroStmt(depth));
      case 'call': {
        const macro = r.pick(this.macros);
        return [{ k: 'call', name: macro.name, args: Array.from({ length: macro.params }, () => this.parameter(r.pick<Ty>(['string', 'int', 'list']))), tag: 'macro' }];
      }
      case 'break':
        return [{ k: 'if', branches: [{ cond: this.condition(1), body: [{ k: 'break', tag: 'break' }] }], formal: false, tag: 'if' }];
      case 'stop':
        return [{ k: 'if', branches: [{ cond: this.condition(1), body: [{ k: 'stop', tag: 'stop' }] }], formal: false, tag: 'if' }];
      default:
        return [this.verbatim()];
    }
  }

  private printStmt(): Stmt {
    const r = this.random;
    const ref = this.reference(r.pick<Ty | undefined>([undefined, 'string', 'int', 'float', 'bool', 'list', 'map', 'null', 'collection']), 2);
    const quiet = r.chance(0.3) && this.can('ref:quiet');
    const formal = r.chance(0.2) && this.can('ref:formal');
    return { k: 'print', ref, quiet, formal, tag: quiet ? 'ref:quiet' : formal ? 'ref:formal' : 'ref' };
  }

  private setStmt(target: RefExpr, value: Expr, tag = 'set'): Stmt {
    return { k: 'set', target, value, spaced: this.random.chance(0.5), tag };
  }

  private assignment(): Stmt {
    const r = this.random;
    const maps = this.slotsOf('map');
    const mutation = this.foreachDepth > 0;
    if (maps.length && r.chance(0.15) && this.can('set:property') && (!mutation || this.can('mutation-in-foreach'))) {
      const map = r.pick(maps);
      const key = r.pick(['k', 'name', 'added']);
      const target: RefExpr = r.chance(0.5) || !this.can('set:index')
        ? { ...copy(map.ref), steps: [...copy(map.ref.steps), { k: 'prop', name: key }] }
        : { ...copy(map.ref), steps: [...copy(map.ref.steps), { k: 'index', index: raw(`"${key}"`, 'literal:dq') }], tag: 'set:index' };
      return this.setStmt(target, this.expression(r.pick<Ty>(['string', 'int']), 1), mutation ? 'mutation-in-foreach' : 'set:property');
    }
    const ty = r.pick<Ty>(['string', 'int', 'float', 'bool', 'list', 'map', 'null', 'int', 'string']);
    const value = this.expression(ty, 2);
    const reuse = this.scope.filter((slot) => slot.ref.steps.length === 0 && slot.ref.root.startsWith('v'));
    const name = reuse.length && r.chance(0.3) ? r.pick(reuse).ref.root : this.freshName();
    // A reassigned variable is no longer what it was (1.7 keeps the old value when the new one is null).
    if (ty !== 'null') this.scope = this.scope.filter((slot) => slot.ref.root !== name);
    this.declare(name, ty === 'null' ? UNKNOWN : this.knownOfLiteral(ty, value));
    return this.setStmt({ k: 'ref', root: name, steps: [] }, value, ty === 'null' ? 'set:null' : 'set');
  }

  /** Each branch sees the scope from before the `#if`; what a branch sets may be unset afterwards. */
  private ifStmt(depth: number): Stmt {
    const r = this.random;
    const base = this.scope;
    const setInBranches: Slot[] = [];
    const branchBody = (count: number): Stmt[] => {
      this.scope = [...base];
      const body = this.statements(count, depth + 1);
      setInBranches.push(...this.scope.filter((slot) => !base.includes(slot)));
      return body;
    };
    const formal = r.chance(0.1) && this.can('if:formal');
    const branches: { cond: Expr; body: Stmt[]; tag?: string }[] = [{ cond: this.condition(2), body: branchBody(1 + r.below(3)) }];
    while (r.chance(0.3) && this.can('elseif')) {
      this.scope = base;
      branches.push({ cond: this.condition(2), body: branchBody(1 + r.below(2)), tag: 'elseif' });
    }
    this.scope = base;
    const otherwise = r.chance(0.5) && this.can('else') ? branchBody(1 + r.below(2)) : undefined;
    this.scope = [...base, ...setInBranches.map((slot) => ({ ...slot, maybeUnset: true }))];
    return { k: 'if', branches, otherwise, formal, tag: formal ? 'if:formal' : 'if' };
  }

  private foreachStmt(depth: number): Stmt {
    const r = this.random;
    const variable = this.freshName();
    const choice = r.weighted<string>([
      [5, 'list'],
      [this.can('literal:range') ? 2 : 0, 'range'],
      [this.can('foreach:map') ? 2 : 0, 'map'],
      [this.can('foreach:entrySet') ? 2 : 0, 'entrySet'],
      [this.can('foreach:split') ? 1 : 0, 'split'],
      [this.can('foreach:keySet') ? 1 : 0, 'keySet'],
      [this.can('foreach:null') ? 1 : 0, 'null'],
    ]);
    let iterable: Expr;
    let elem: Known = UNKNOWN;
    let tag = 'foreach';
    const lists = this.slotsOf('list');
    const maps = this.slotsOf('map');
    const strings = this.slotsOf('string');
    if (choice === 'range') {
      iterable = this.range();
      elem = { ty: 'int' };
      tag = 'foreach:range';
    } else if (choice === 'map' && maps.length) {
      iterable = copy(r.pick(maps).ref);
      tag = 'foreach:map';
    } else if (choice === 'entrySet' && maps.length) {
      iterable = call(copy(r.pick(maps).ref), 'entrySet', [], 'method:Map.entrySet');
      elem = { ty: 'entry', fields: [['key', { ty: 'string' }], ['value', UNKNOWN]] };
      tag = 'foreach:entrySet';
    } else if (choice === 'keySet' && maps.length) {
      iterable = call(copy(r.pick(maps).ref), 'keySet', [], 'method:Map.keySet');
      elem = { ty: 'string' };
      tag = 'foreach:keySet';
    } else if (choice === 'split' && strings.length) {
      iterable = call(copy(r.pick(strings).ref), 'split', [this.regexLiteral()], 'method:String.split');
      elem = { ty: 'string' };
      tag = 'foreach:split';
    } else if (choice === 'null') {
      iterable = { k: 'ref', root: 'nothing', steps: [], tag: 'ref:missing' };
      tag = 'foreach:null';
    } else if (lists.length) {
      const list = r.pick(lists);
      iterable = copy(list.ref);
      elem = list.known.elem ?? UNKNOWN;
    } else {
      iterable = this.listLiteral(0);
      elem = this.knownOfLiteral('list', iterable).elem ?? UNKNOWN;
    }
    const saved = this.scope;
    this.scope = [...saved];
    this.declare(variable, elem);
    if (this.can('foreach:vars')) {
      for (const [name, ty] of [['count', 'int'], ['index', 'int'], ['hasNext', 'bool'], ['first', 'bool'], ['last', 'bool']] as const) {
        this.scope.push({ ref: { k: 'ref', root: 'foreach', steps: [{ k: 'prop', name }], tag: 'foreach:vars' }, known: { ty } });
      }
    }
    if (this.can('velocityCount')) this.scope.push({ ref: { k: 'ref', root: 'velocityCount', steps: [], tag: 'velocityCount' }, known: { ty: 'int' } });
    this.foreachDepth++;
    const body = this.statements(1 + r.below(4), depth + 1);
    this.foreachDepth--;
    this.scope = saved;
    return { k: 'foreach', variable, iterable, body, tag };
  }

  private macroStmt(depth: number): Stmt {
    const r = this.random;
    const name = `m${this.macros.length + 1}`;
    const params = Array.from({ length: r.below(3) }, () => this.freshName());
    const saved = this.scope;
    this.scope = [...saved];
    for (const param of params) this.declare(param, UNKNOWN);
    const body = this.statements(1 + r.below(3), depth + 1);
    this.scope = saved;
    this.macros.push({ name, params: params.length });
    return { k: 'macro', name, params, body, tag: 'macro' };
  }

  private verbatim(): Stmt {
    const r = this.random;
    const choices: [number, string, () => string][] = [
      [3, 'comment:line', () => `## note ${r.pick(['$x', '#if', 'é'])}\n`],
      [2, 'comment:block', () => `#* ${r.pick(['$x', '#end', 'multi\nline'])} *#`],
      [2, 'raw-block', () => `#[[${r.pick(['$x', '#if(', '${y}'])}]]#`],
      [3, 'escape:ref', () => `\\$${r.pick([...this.scope.filter((s) => !s.ref.steps.length).map((s) => s.ref.root), 'nothing'])}`],
      [2, 'escape:directive', () => r.pick(['\\#if', '\\#set', '\\#end'])],
    ];
    const allowed = choices.filter(([, tag]) => this.can(tag));
    if (!allowed.length) return { k: 'text', text: 'x', tag: 'text' };
    const [, tag, make] = r.weighted(allowed.map((c) => [c[0], c] as const));
    return { k: 'verbatim', text: make(), tag };
  }

  // ---------------------------------------------------------------- expressions

  /** A reference (something `$…` can print), of type `ty` when given. */
  private reference(ty: Ty | undefined, depth: number): RefExpr {
    const r = this.random;
    if (ty === 'null' || (ty === undefined && r.chance(0.08))) return this.missing();
    const want = ty ?? r.pick<Ty>(['string', 'int', 'float', 'bool', 'list', 'map']);
    for (let attempt = 0; attempt < 6; attempt++) {
      const made = depth > 0 && r.chance(0.55) ? this.methodProducing(want, depth - 1) : this.slotChain(want);
      if (made) return made;
    }
    const slots = this.slotsOf(want);
    return slots.length ? copy(r.pick(slots).ref) : this.missing();
  }

  private missing(): RefExpr {
    const r = this.random;
    const maps = this.slotsOf('map');
    if (maps.length && r.chance(0.5)) {
      const base = copy(r.pick(maps).ref);
      return { ...base, steps: [...base.steps, { k: 'prop', name: r.pick(['missing', 'nothing']) }], tag: 'ref:missing' };
    }
    return { k: 'ref', root: r.pick(['nothing', 'undefinedVar']), steps: [], tag: 'ref:missing' };
  }

  /** A slot of the type, or a map field / list element of it. */
  private slotChain(want: Ty): RefExpr | undefined {
    const r = this.random;
    const direct = this.slotsOf(want);
    const viaMap = this.scope.flatMap((slot) => (slot.known.fields ?? []).filter(([, k]) => k.ty === want).map(([key]) => ({ slot, key })));
    const viaList = this.scope.filter((slot) => slot.known.ty === 'list' && slot.known.elem?.ty === want);
    const options: [number, () => RefExpr | undefined][] = [
      [direct.length ? 4 : 0, () => copy(r.pick(direct).ref)],
      [viaMap.length ? 3 : 0, () => {
        const { slot, key } = r.pick(viaMap);
        const base = copy(slot.ref);
        const safeName = /^[A-Za-z][\w-]*$/.test(key);
        const style = slot.known.ty === 'entry' ? 'prop' : r.pick(['prop', 'get', 'index']);
        if (style === 'prop' && safeName) return { ...base, steps: [...base.steps, { k: 'prop', name: key, tag: 'prop:map' }] };
        if (style === 'index' && this.can('index:map')) return { ...base, steps: [...base.steps, { k: 'index', index: raw(`'${key}'`, 'literal:sq'), tag: 'index:map' }] };
        return call(base, 'get', [raw(`'${key}'`, 'literal:sq')], 'method:Map.get');
      }],
      [viaList.length ? 2 : 0, () => {
        const base = copy(r.pick(viaList).ref);
        const index = r.pick(['0', '1', '-1']);
        if (index === '-1' && !this.can('index:negative')) return undefined;
        if (r.chance(0.5) && this.can('index:list')) return { ...base, steps: [...base.steps, { k: 'index', index: raw(index, 'literal:int'), tag: index === '-1' ? 'index:negative' : 'index:list' }] };
        return index === '-1' ? undefined : call(base, 'get', [raw(index, 'literal:int')], 'method:List.get');
      }],
    ];
    if (!options.some(([w]) => w > 0)) return undefined;
    return r.weighted(options)();
  }

  /** A method call whose result has the wanted type. */
  private methodProducing(want: Ty, depth: number): RefExpr | undefined {
    const r = this.random;
    const candidates = METHODS.filter((m) => m.result === want && this.can(m.tag));
    if (!candidates.length) return undefined;
    const method = r.pick(candidates);
    if (method.receiver === 'util' || method.receiver === 'input') {
      return { k: 'ref', root: method.receiver, steps: [{ k: 'call', name: method.name, args: method.args(this), tag: method.tag }] };
    }
    // Now and then a List method on a keySet()/values() collection, which Java does not have.
    const onCollection = method.receiver === 'list' && this.can('collection:list-method') && r.chance(0.1);
    const receiver = method.receiver === 'array' ? this.splitOf() : this.reference(onCollection ? 'collection' : method.receiver, depth);
    if (!receiver) return undefined;
    // Changing a map or list while a #foreach walks it throws ConcurrentModificationException in Java.
    const mutation = this.foreachDepth > 0 && ['add', 'put', 'remove'].includes(method.name);
    if (mutation && !this.can('mutation-in-foreach')) return undefined;
    // Removing from the body's maps makes a later `$input.path` read null, which the generator cannot follow (F13).
    const bodyRemoval = method.name === 'remove' && (receiver.root === 'd' || receiver.root === 'input');
    if (bodyRemoval && !this.can('mutation:body-remove')) return undefined;
    // subList() is a view: adding through it changes the list it came from (F16).
    const viewMutation = ['add', 'put', 'remove'].includes(method.name) && receiver.steps.some((step) => step.k === 'call' && step.name === 'subList');
    if (viewMutation && !this.can('mutation:sublist-view')) return undefined;
    const tag = onCollection
      ? 'collection:list-method'
      : mutation
        ? 'mutation-in-foreach'
        : bodyRemoval
          ? 'mutation:body-remove'
          : viewMutation
            ? 'mutation:sublist-view'
            : method.tag;
    return call(receiver, method.name, method.args(this), tag);
  }

  private splitOf(): RefExpr | undefined {
    const strings = this.slotsOf('string');
    if (!strings.length || !this.can('method:String.split')) return undefined;
    return call(copy(this.random.pick(strings).ref), 'split', [this.regexLiteral()], 'method:String.split');
  }

  /** A method argument: 1.7 allows references and literals there, not operators. */
  parameter(ty: Ty): Expr {
    const r = this.random;
    if (r.chance(0.35)) {
      const ref = this.reference(ty, 0);
      const maybeUnset = this.scope.some((slot) => slot.maybeUnset && slot.ref.steps.length === 0 && slot.ref.root === ref.root);
      if (ref.tag !== 'ref:missing' && !maybeUnset) return ref;
      // A null argument: Java calls the method with null (String methods then throw).
      if (this.can('argument:null')) return { ...ref, tag: 'argument:null' };
    }
    switch (ty) {
      case 'string': return this.stringLiteral();
      case 'int': return this.intLiteral();
      case 'float': return this.floatLiteral();
      case 'bool': return raw(r.pick(['true', 'false']), 'literal:bool');
      case 'list': return this.listLiteral(1);
      case 'map': return this.mapLiteral(1);
      default: return this.missing();
    }
  }

  /** Any expression of the type (what `#set` and conditions take). */
  private expression(ty: Ty, depth: number): Expr {
    const r = this.random;
    if (depth > 0) {
      if ((ty === 'int' || ty === 'float') && r.chance(0.45)) return this.arithmetic(ty, depth - 1);
      if (ty === 'bool' && r.chance(0.6)) return this.condition(depth - 1);
      if (ty === 'string' && r.chance(0.15) && this.can('op:string-concat')) {
        return { k: 'bin', op: '+', left: this.parameter('string'), right: this.parameter(r.pick<Ty>(['string', 'int'])), tag: 'op:string-concat' };
      }
      if (ty === 'list' && r.chance(0.2) && this.can('literal:range')) return this.range();
    }
    return this.parameter(ty);
  }

  private arithmetic(ty: Ty, depth: number): Expr {
    const r = this.random;
    const ops = ['+', '-', '*', '/', '%'].filter((op) => this.can(`op:${op}`));
    if (!ops.length) return this.parameter(ty);
    const op = r.pick(ops);
    const floaty = ty === 'float' && this.can('op:float-arith');
    const operand = (): Expr => {
      if (depth > 0 && r.chance(0.25)) return { k: 'group', inner: this.arithmetic(ty, depth - 1) };
      return this.parameter(floaty && r.chance(0.5) ? 'float' : 'int');
    };
    return { k: 'bin', op, left: operand(), right: operand(), tag: floaty ? 'op:float-arith' : `op:${op}` };
  }

  private condition(depth: number): Expr {
    const r = this.random;
    const kind = r.weighted<string>([
      [4, 'compare'],
      [this.can('truthiness') ? 3 : 0, 'truthy'],
      [depth > 0 ? 2 : 0, 'logic'],
      [depth > 0 && this.can('op:!') ? 1 : 0, 'not'],
      [2, 'method'],
    ]);
    switch (kind) {
      case 'compare': {
        const op = r.pick(['==', '!=', '<', '>', '<=', '>=', '==', '!=']);
        const words: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '>': 'gt', '<=': 'le', '>=': 'ge' };
        const useWord = r.chance(0.1) && this.can('op:word');
        const numeric = op !== '==' && op !== '!=';
        const leftTy = numeric ? r.pick<Ty>(['int', 'float', 'int']) : r.pick<Ty>(['string', 'int', 'null', 'bool', 'list', 'float']);
        const mixed = r.chance(0.2) && this.can('op:compare-mixed');
        const rightTy = mixed ? r.pick<Ty>(['string', 'int', 'null']) : leftTy;
        const tag = useWord ? 'op:word' : mixed ? 'op:compare-mixed' : `op:${op}`;
        return { k: 'bin', op: useWord ? words[op] : op, left: this.expression(leftTy, 0), right: this.expression(rightTy, 0), tag };
      }
      case 'truthy':
        return { ...this.reference(undefined, 1), tag: 'truthiness' };
      case 'logic': {
        const op = r.pick(['&&', '||']);
        const useWord = r.chance(0.1) && this.can('op:word');
        return {
          k: 'bin',
          op: useWord ? (op === '&&' ? 'and' : 'or') : op,
          left: this.wrapped(this.condition(depth - 1)),
          right: this.wrapped(this.condition(depth - 1)),
          tag: useWord ? 'op:word' : `op:${op}`,
        };
      }
      case 'not': {
        const useWord = r.chance(0.2) && this.can('op:word');
        return { k: 'not', word: useWord, operand: this.wrapped(this.condition(depth - 1)), tag: useWord ? 'op:word' : 'op:!' };
      }
      default:
        return this.reference('bool', 1);
    }
  }

  private wrapped(expr: Expr): Expr {
    return expr.k === 'bin' ? { k: 'group', inner: expr } : expr;
  }

  stringLiteral(): Expr {
    const r = this.random;
    const text = r.pick(LITERAL_STRINGS);
    const style = r.weighted<string>([
      [5, 'sq'],
      [3, 'dq'],
      [this.can('literal:dq-interpolation') ? 3 : 0, 'interpolated'],
      [this.can('literal:quote-doubled') ? 1 : 0, 'doubled'],
      [this.can('literal:dq-escape') ? 1 : 0, 'escape'],
    ]);
    if (style === 'sq') return raw(`'${text}'`, 'literal:sq');
    if (style === 'doubled') return raw(r.chance(0.5) ? `'it''s'` : `"say ""hi"""`, 'literal:quote-doubled');
    if (style === 'dq') return raw(`"${text}"`, 'literal:dq');
    if (style === 'escape') {
      // 1.7 reads `\uXXXX` in "…" (not in '…'), and `\$name` there as the text `$name`.
      const names = this.scope.filter((slot) => !slot.ref.steps.length).map((slot) => slot.ref.root);
      if (r.chance(0.5) && this.can('literal:unicode-escape')) return raw(r.pick([`"caf\\u00e9"`, `'caf\\u00e9'`]), 'literal:unicode-escape');
      return raw(r.pick([`"cost \\$${r.pick([...names, 'nothing'])}"`, `"a\\\\$${r.pick([...names, 'nothing'])}"`]), 'literal:dq-escape');
    }
    const ref = this.reference(r.pick<Ty | undefined>(['string', 'int', undefined]), 0);
    return { k: 'dq', parts: [r.pick(['', 'id=', '<']), ref, r.pick(['', '>', '.x', '-1'])], tag: 'literal:dq-interpolation' };
  }

  intLiteral(): Expr {
    const r = this.random;
    if (r.chance(0.1) && this.can('literal:long')) return raw(r.pick(LONGS), 'literal:long');
    return raw(String(r.pick(INTS)), 'literal:int');
  }

  floatLiteral(): Expr {
    const r = this.random;
    if (r.chance(0.1) && this.can('literal:float-exponent')) return raw(r.pick(['1.0E10', '2.5E-3']), 'literal:float-exponent');
    return this.can('literal:float') ? raw(r.pick(FLOATS), 'literal:float') : this.intLiteral();
  }

  regexLiteral(): Expr {
    return raw(`'${this.random.pick(REGEXES)}'`, 'literal:regex');
  }

  replacementLiteral(): Expr {
    return raw(`'${this.random.pick(REPLACEMENTS)}'`, 'literal:replacement');
  }

  /** A scalar type for an argument whose type does not matter to the call. */
  pickScalarType(): Ty {
    return this.random.pick<Ty>(['string', 'int', 'string', 'float', 'bool']);
  }

  mapKey(): Expr {
    return raw(`'${this.random.pick(['a', 'k', 'name', 'missing', 'count'])}'`, 'literal:sq');
  }

  /**
   * A JSONPath to something present in the body (a missing one is not settled on AWS: SEMANTICS 16.4).
   * Tagged `input.json:escapes` when the JSON text holds what json-smart escapes and plain JSON does not.
   */
  jsonPath(): Expr {
    const plain = this.presentPaths.filter((p) => !this.escapingPaths.has(p));
    const paths = this.can('input.json:escapes') ? this.presentPaths : plain;
    const path = paths.length ? this.random.pick(paths) : '$.absent';
    return raw(`'${path}'`, this.escapingPaths.has(path) ? 'input.json:escapes' : 'literal:sq');
  }

  smallInt(): Expr {
    return raw(String(this.random.pick([0, 1, 2, 3, 5, 20])), 'literal:int');
  }

  private listLiteral(depth: number): Expr {
    const r = this.random;
    if (!this.can('literal:list')) return this.range();
    const itemTy = r.pick<Ty>(['int', 'string', 'float', 'bool']);
    const items = Array.from({ length: r.below(4) }, () => (depth < 1 && r.chance(0.15) ? this.listLiteral(depth + 1) : this.parameter(r.chance(0.8) ? itemTy : 'string')));
    return { k: 'list', items, tag: 'literal:list' };
  }

  private mapLiteral(depth: number): Expr {
    const r = this.random;
    if (!this.can('literal:map')) return this.listLiteral(depth);
    const keys = ['a', 'b', 'name', 'k'].filter(() => r.chance(0.6));
    const entries: [Expr, Expr][] = keys.map((key) => [
      raw(r.chance(0.5) ? `"${key}"` : `'${key}'`, 'literal:map'),
      depth < 1 && r.chance(0.15) ? this.mapLiteral(depth + 1) : this.parameter(r.pick<Ty>(['int', 'string', 'bool', 'float'])),
    ]);
    return { k: 'map', entries, tag: 'literal:map' };
  }

  private range(): Expr {
    const r = this.random;
    // Literal ends only: an int variable may hold 2147483647, and 1.7 builds the whole list.
    const end = (): Expr => raw(String(r.pick([0, 1, 3, 5, -2])), 'literal:int');
    return { k: 'range', from: end(), to: end(), tag: 'literal:range' };
  }
}

function raw(text: string, tag: string): Expr {
  return { k: 'raw', text, tag };
}

function newline(): Stmt {
  return { k: 'text', text: '\n', tag: 'newline' };
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

function call(receiver: RefExpr, name: string, args: Expr[], tag: string): RefExpr {
  const step: Step = { k: 'call', name, args, tag };
  return { ...receiver, steps: [...receiver.steps, step] };
}

function inputCall(method: 'path' | 'json' | 'params', argument: string, tag?: string): RefExpr {
  return { k: 'ref', root: 'input', steps: [{ k: 'call', name: method, args: [{ k: 'raw', text: `'${argument}'` }], tag }] };
}

interface MethodSpec {
  receiver: Ty | 'util' | 'input';
  name: string;
  result: Ty;
  tag: string;
  args: (g: CaseGenerator) => Expr[];
}

type MethodRow = readonly [name: string, result: Ty, args: (g: CaseGenerator) => Expr[]];

function methodsOf(receiver: Ty, typeName: string, rows: MethodRow[]): MethodSpec[] {
  return rows.map(([name, result, args]) => ({ receiver, name, result, args, tag: `method:${typeName}.${name}` }));
}

const none = (): Expr[] => [];
const str = (g: CaseGenerator): Expr[] => [g.parameter('string')];

/** The Java methods API Gateway templates call, by receiver type and result type. */
const METHODS: MethodSpec[] = [
  ...methodsOf('string', 'String', [
    ['length', 'int', none], ['indexOf', 'int', str], ['lastIndexOf', 'int', str],
    ['isEmpty', 'bool', none], ['contains', 'bool', str], ['startsWith', 'bool', str], ['endsWith', 'bool', str],
    ['equals', 'bool', str], ['equalsIgnoreCase', 'bool', str],
    ['matches', 'bool', (g) => [g.regexLiteral()]],
    ['toLowerCase', 'string', none], ['toUpperCase', 'string', none], ['trim', 'string', none], ['toString', 'string', none],
    ['substring', 'string', (g) => [g.smallInt()]],
    ['substring', 'string', (g) => [g.smallInt(), g.smallInt()]],
    ['replace', 'string', (g) => [g.parameter('string'), g.parameter('string')]],
    ['replaceAll', 'string', (g) => [g.regexLiteral(), g.replacementLiteral()]],
    ['replaceFirst', 'string', (g) => [g.regexLiteral(), g.replacementLiteral()]],
    ['concat', 'string', str],
    ['charAt', 'string', (g) => [g.smallInt()]],
  ]),
  ...methodsOf('list', 'List', [
    ['size', 'int', none], ['isEmpty', 'bool', none], ['contains', 'bool', (g) => [g.parameter(g.pickScalarType())]],
    ['indexOf', 'int', (g) => [g.parameter(g.pickScalarType())]], ['toString', 'string', none],
    ['add', 'bool', (g) => [g.parameter(g.pickScalarType())]],
    ['subList', 'list', (g) => [g.smallInt(), g.smallInt()]],
  ]),
  ...methodsOf('map', 'Map', [
    ['size', 'int', none], ['isEmpty', 'bool', none], ['containsKey', 'bool', (g) => [g.mapKey()]],
    ['containsValue', 'bool', (g) => [g.parameter(g.pickScalarType())]],
    ['keySet', 'collection', none], ['values', 'collection', none], ['toString', 'string', none],
    ['put', 'string', (g) => [g.mapKey(), g.parameter(g.pickScalarType())]],
    ['remove', 'string', (g) => [g.mapKey()]],
  ]),
  ...methodsOf('collection', 'Collection', [
    ['size', 'int', none], ['isEmpty', 'bool', none], ['contains', 'bool', (g) => [g.parameter(g.pickScalarType())]], ['toString', 'string', none],
  ]),
  { receiver: 'array', name: 'size', result: 'int', args: none, tag: 'method:array.size' },
  { receiver: 'int', name: 'toString', result: 'string', args: none, tag: 'method:Number.toString' },
  { receiver: 'int', name: 'doubleValue', result: 'float', args: none, tag: 'method:Number.doubleValue' },
  { receiver: 'float', name: 'intValue', result: 'int', args: none, tag: 'method:Number.intValue' },
  { receiver: 'int', name: 'equals', result: 'bool', args: (g) => [g.parameter('int')], tag: 'method:Number.equals' },
  { receiver: 'bool', name: 'toString', result: 'string', args: none, tag: 'method:Boolean.toString' },
  { receiver: 'entry', name: 'getKey', result: 'string', args: none, tag: 'method:Entry.getKey' },
  { receiver: 'entry', name: 'getValue', result: 'string', args: none, tag: 'method:Entry.getValue' },
  { receiver: 'util', name: 'escapeJavaScript', result: 'string', args: (g) => [g.parameter('string')], tag: 'util.escapeJavaScript' },
  { receiver: 'util', name: 'urlEncode', result: 'string', args: (g) => [g.parameter('string')], tag: 'util.urlEncode' },
  { receiver: 'util', name: 'urlDecode', result: 'string', args: (g) => [g.parameter('string')], tag: 'util.urlDecode' },
  { receiver: 'util', name: 'base64Encode', result: 'string', args: (g) => [g.parameter('string')], tag: 'util.base64Encode' },
  { receiver: 'input', name: 'json', result: 'string', args: (g) => [g.jsonPath()], tag: 'input.json' },
  { receiver: 'util', name: 'parseJson', result: 'map', args: () => [{ k: 'raw', text: `'{"a": [1, 2.5], "b": {"c": null}}'` }], tag: 'util.parseJson' },
];
