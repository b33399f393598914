/**
 * JSONPath syntax as Jayway JsonPath (the "JSONPath for Java" API Gateway names, SEMANTICS §9.2) reads it:
 * `$`, `.name`, `['name']`, `["a b"]`, `['a','b']`, `[0]`, `[-1]`, `[0,2]`, `[1:3]`, `[:2]`, `[1:]`, `[*]`,
 * `.*`, `..name`, `..*`, `..[0]`, filters `[?(…)]` and a parameterless function at the end (`.length()`).
 * A path that starts with neither `$` nor `@` gets `$.` put in front, as Jayway does. Errors carry offsets
 * into the path text as given.
 */

/** One step of a path. Offsets are into the path text as given. */
export type JsonPathToken =
  | { kind: 'property'; names: string[]; start: number; end: number }
  | { kind: 'index'; indexes: number[]; start: number; end: number }
  | { kind: 'slice'; from?: number; to?: number; start: number; end: number }
  | { kind: 'wildcard'; start: number; end: number }
  | { kind: 'scan'; start: number; end: number }
  | { kind: 'filter'; expression: FilterExpression; start: number; end: number }
  /** A function at the end of a path: `length()`, `sum()`, … (see `JSON_PATH_FUNCTIONS`). */
  | { kind: 'function'; name: JsonPathFunctionName; start: number; end: number };

/** The Jayway path functions evaluated here: the ones without parameters. */
export const JSON_PATH_FUNCTIONS = ['length', 'size', 'sum', 'min', 'max', 'avg', 'stddev', 'first', 'last'] as const;
export type JsonPathFunctionName = (typeof JSON_PATH_FUNCTIONS)[number];

/** A filter's boolean expression. */
export type FilterExpression =
  | { kind: 'or' | 'and'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'exists'; path: RelativePath }
  | { kind: 'compare'; operator: FilterOperator; left: FilterOperand; right: FilterOperand };

export type FilterOperator =
  | '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~'
  | 'in' | 'nin' | 'subsetof' | 'anyof' | 'noneof' | 'size' | 'empty' | 'contains';

/** A path inside a filter: from the current item (`@`) or from the document root (`$`). */
export interface RelativePath {
  from: '@' | '$';
  tokens: JsonPathToken[];
}

export type FilterOperand =
  | { kind: 'path'; path: RelativePath }
  | { kind: 'literal'; value: unknown }
  | { kind: 'regex'; source: string; flags: string };

/** A compiled path: its steps and whether it is definite (yields one value rather than a list). */
export interface CompiledJsonPath {
  tokens: JsonPathToken[];
  definite: boolean;
}

/** Why a path cannot be read. `offset` is into the path text as given. */
export interface JsonPathSyntaxError {
  message: string;
  offset: number;
}

export type JsonPathCompileResult = { ok: true; path: CompiledJsonPath } | { ok: false; error: JsonPathSyntaxError };

/**
 * Whether a step yields at most one value (Jayway's `isTokenDefinite`). Several names at the end of a path
 * merge into one map, so that step is definite too.
 */
export function isDefiniteToken(token: JsonPathToken, isLeaf = false): boolean {
  if (token.kind === 'property') return token.names.length === 1 || isLeaf;
  if (token.kind === 'index') return token.indexes.length === 1;
  return token.kind === 'function';
}

/** Whether a path yields one value: every step is definite, or a function ends it (it folds a list into one value). */
export function isDefinitePath(tokens: JsonPathToken[]): boolean {
  if (tokens.length && tokens[tokens.length - 1].kind === 'function') return true;
  return tokens.every((token, index) => isDefiniteToken(token, index === tokens.length - 1));
}

class PathSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Filters nest paths that may nest filters: the bound keeps hostile paths from exhausting the stack. */
const MAX_FILTER_NESTING = 20;

/** Compiles a JSONPath expression; never throws. */
export function compileJsonPath(path: string): JsonPathCompileResult {
  const leading = path.length - path.trimStart().length;
  const trimmed = path.trim();
  if (trimmed === '') return { ok: false, error: { message: 'the JSONPath is empty', offset: 0 } };
  // Jayway reads `a.b` as `$.a.b`; the two added characters are taken off every offset again.
  const implicitRoot = trimmed[0] !== '$' && trimmed[0] !== '@';
  const text = implicitRoot ? `$.${trimmed}` : trimmed;
  const shift = leading - (implicitRoot ? 2 : 0);
  const reader = new PathReader(text, shift, 0);
  try {
    reader.pos = 1;
    const tokens = reader.tokens(false);
    if (reader.pos < text.length) reader.fail(`unexpected ${JSON.stringify(text[reader.pos])} in the JSONPath`);
    return { ok: true, path: { tokens, definite: isDefinitePath(tokens) } };
  } catch (error) {
    if (error instanceof PathSyntaxError) return { ok: false, error: { message: error.message, offset: Math.max(0, error.offset) } };
    return { ok: false, error: { message: `the JSONPath cannot be read (${String(error)})`, offset: 0 } };
  }
}

const INTEGER = /-?\d+/y;
const WORD_OPERATOR = /(in|nin|subsetof|anyof|noneof|size|empty|contains)\b/iy;
const REGEX_FLAGS = /[a-z]*/y;
const SCALAR_LITERAL = /(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/y;

const FILTER_PATH_STOP = new Set([' ', '\t', '\n', '\r', '=', '<', '>', '!', ')', '&', '|', ',', '~']);

class PathReader {
  pos = 0;
  constructor(
    private readonly text: string,
    /** Added to every offset reported, so offsets are into the text the author wrote. */
    private readonly shift: number,
    private readonly nesting: number,
  ) {}

  fail(message: string, at = this.pos): never {
    throw new PathSyntaxError(message, at + this.shift);
  }

  /** A sticky pattern matched at the current position, without copying the rest of the text. */
  private matchHere(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    return pattern.exec(this.text);
  }

  private peek(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  /** Reads steps until the text ends or, inside a filter, until a character that ends an operand. */
  tokens(inFilter: boolean): JsonPathToken[] {
    const tokens: JsonPathToken[] = [];
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (inFilter && FILTER_PATH_STOP.has(c)) break;
      const start = this.pos;
      if (c === '.') {
        if (this.peek(1) === '.') {
          this.pos += 2;
          tokens.push({ kind: 'scan', start: start + this.shift, end: this.pos + this.shift });
          if (this.peek() === '.' ) this.fail("a JSONPath cannot have '...'");
          if (this.pos >= this.text.length) this.fail("a JSONPath must not end with '..'", start);
          if (this.peek() !== '[') tokens.push(this.dotStep(inFilter));
          continue;
        }
        this.pos++;
        if (this.pos >= this.text.length || (inFilter && FILTER_PATH_STOP.has(this.text[this.pos]))) {
          this.fail("a JSONPath must not end with '.'", start);
        }
        if (this.peek() === '[') this.fail("'.' cannot be followed by '['", start);
        tokens.push(this.dotStep(inFilter));
      } else if (c === '[') {
        tokens.push(this.bracketStep());
      } else {
        this.fail(`expected '.' or '[' but found ${JSON.stringify(c)}`);
      }
    }
    return tokens;
  }

  /** `name` or `*` after a dot. */
  private dotStep(inFilter: boolean): JsonPathToken {
    const start = this.pos;
    if (this.peek() === '*') {
      this.pos++;
      return { kind: 'wildcard', start: start + this.shift, end: this.pos + this.shift };
    }
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '.' || c === '[' || (inFilter && FILTER_PATH_STOP.has(c))) break;
      if (c === '(') return this.functionStep(start, inFilter);
      if (/\s/.test(c)) this.fail('a property name cannot contain a space; write [\'…\']');
      this.pos++;
    }
    if (this.pos === start) this.fail('expected a property name');
    return { kind: 'property', names: [this.text.slice(start, this.pos)], start: start + this.shift, end: this.pos + this.shift };
  }

  /** `name()` at the end of a path. */
  private functionStep(start: number, inFilter: boolean): JsonPathToken {
    const name = this.text.slice(start, this.pos);
    const known = (JSON_PATH_FUNCTIONS as readonly string[]).includes(name);
    if (!known) this.fail(`${name}() is not a JSONPath function this simulator evaluates (${JSON_PATH_FUNCTIONS.map((f) => `${f}()`).join(', ')})`, start);
    this.pos++;
    this.skipSpace();
    if (this.peek() !== ')') this.fail(`${name}() takes no parameters here`, this.pos);
    this.pos++;
    const atEnd = this.pos >= this.text.length || (inFilter && FILTER_PATH_STOP.has(this.text[this.pos]));
    if (!atEnd) this.fail(`a function must end the path: nothing can follow ${name}()`, this.pos);
    return { kind: 'function', name: name as JsonPathFunctionName, start: start + this.shift, end: this.pos + this.shift };
  }

  /** Everything in `[…]`. */
  private bracketStep(): JsonPathToken {
    const start = this.pos;
    this.pos++;
    this.skipSpace();
    const c = this.peek();
    let token: JsonPathToken;
    if (c === '*') {
      this.pos++;
      token = { kind: 'wildcard', start, end: 0 };
    } else if (c === '?') {
      token = { kind: 'filter', expression: this.filter(), start, end: 0 };
    } else if (c === "'" || c === '"') {
      const names = [this.quoted()];
      for (this.skipSpace(); this.peek() === ','; this.skipSpace()) {
        this.pos++;
        this.skipSpace();
        if (this.peek() !== "'" && this.peek() !== '"') this.fail('expected a quoted property name after \',\'');
        names.push(this.quoted());
      }
      token = { kind: 'property', names, start, end: 0 };
    } else if (c !== undefined && /[-0-9:]/.test(c)) {
      token = this.indexesOrSlice(start);
    } else {
      this.fail(c === undefined ? "unclosed '['" : `unexpected ${JSON.stringify(c)} after '['`, c === undefined ? start : this.pos);
    }
    this.skipSpace();
    if (this.peek() !== ']') {
      this.fail(this.pos >= this.text.length ? "unclosed '['" : `expected ']' but found ${JSON.stringify(this.peek())}`, this.pos >= this.text.length ? start : this.pos);
    }
    this.pos++;
    return { ...token, start: start + this.shift, end: this.pos + this.shift };
  }

  private quoted(): string {
    const quote = this.text[this.pos];
    const start = this.pos;
    this.pos++;
    let value = '';
    while (this.pos < this.text.length && this.text[this.pos] !== quote) {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) this.pos++;
      value += this.text[this.pos++];
    }
    if (this.pos >= this.text.length) this.fail('unterminated quoted name', start);
    this.pos++;
    return value;
  }

  private integer(): number | undefined {
    this.skipSpace();
    const match = this.matchHere(INTEGER);
    if (!match) return undefined;
    this.pos += match[0].length;
    this.skipSpace();
    const value = Number(match[0]);
    if (!Number.isSafeInteger(value)) this.fail('the array index is too large', this.pos - match[0].length);
    return value;
  }

  private indexesOrSlice(start: number): JsonPathToken {
    const first = this.integer();
    if (this.peek() === ':') {
      this.pos++;
      const to = this.integer();
      if (this.peek() === ':') this.fail('array slices with a step are not supported by Jayway JsonPath');
      if (first === undefined && to === undefined) this.fail("an array slice needs a start or an end, as in [1:] or [:2]", start);
      return { kind: 'slice', from: first, to, start, end: 0 };
    }
    if (first === undefined) this.fail('expected an array index');
    const indexes = [first];
    while (this.peek() === ',') {
      this.pos++;
      const next = this.integer();
      if (next === undefined) this.fail("expected an array index after ','");
      indexes.push(next);
    }
    return { kind: 'index', indexes, start, end: 0 };
  }

  // ---- filters: [?( expression )]

  private filter(): FilterExpression {
    if (this.nesting >= MAX_FILTER_NESTING) this.fail('filters are nested too deeply');
    this.pos++; // ?
    this.skipSpace();
    if (this.peek() !== '(') this.fail("a filter is written [?(…)]");
    this.pos++;
    const expression = this.orExpression();
    this.skipSpace();
    if (this.peek() !== ')') this.fail(this.pos >= this.text.length ? 'unclosed filter' : `unexpected ${JSON.stringify(this.peek())} in the filter`);
    this.pos++;
    return expression;
  }

  private orExpression(): FilterExpression {
    return this.binary('||', 'or', () => this.andExpression());
  }

  private andExpression(): FilterExpression {
    return this.binary('&&', 'and', () => this.unary());
  }

  /** A left-associative chain of `operand symbol operand …`. */
  private binary(symbol: string, kind: 'or' | 'and', operand: () => FilterExpression): FilterExpression {
    let left = operand();
    for (this.skipSpace(); this.text.startsWith(symbol, this.pos); this.skipSpace()) {
      this.pos += symbol.length;
      left = { kind, left, right: operand() };
    }
    return left;
  }

  private unary(): FilterExpression {
    this.skipSpace();
    if (this.peek() === '!' && this.peek(1) !== '=') {
      this.pos++;
      return { kind: 'not', operand: this.unary() };
    }
    if (this.peek() === '(') {
      this.pos++;
      const inner = this.orExpression();
      this.skipSpace();
      if (this.peek() !== ')') this.fail("expected ')'");
      this.pos++;
      return inner;
    }
    const operandStart = this.pos;
    const left = this.operand();
    this.skipSpace();
    const operator = this.operator();
    if (operator === undefined) {
      if (left.kind !== 'path') this.fail('a filter term needs a comparison, as in @.price < 10', operandStart);
      return { kind: 'exists', path: left.path };
    }
    this.skipSpace();
    return { kind: 'compare', operator, left, right: this.operand() };
  }

  private operator(): FilterOperator | undefined {
    for (const symbol of ['==', '!=', '<=', '>=', '=~', '<', '>'] as const) {
      if (this.text.startsWith(symbol, this.pos)) {
        this.pos += symbol.length;
        return symbol;
      }
    }
    const word = this.matchHere(WORD_OPERATOR);
    if (word) {
      this.pos += word[0].length;
      return word[1].toLowerCase() as FilterOperator;
    }
    if (this.peek() === '=') this.fail("use '==' to compare in a filter");
    return undefined;
  }

  private operand(): FilterOperand {
    this.skipSpace();
    const c = this.peek();
    const start = this.pos;
    if (c === '@' || c === '$') {
      this.pos++;
      const nested = new PathReader(this.text, this.shift, this.nesting + 1);
      nested.pos = this.pos;
      const tokens = nested.tokens(true);
      this.pos = nested.pos;
      return { kind: 'path', path: { from: c, tokens } };
    }
    if (c === "'" || c === '"') return { kind: 'literal', value: this.quoted() };
    if (c === '/') {
      const end = this.text.indexOf('/', this.pos + 1);
      if (end < 0) this.fail('unterminated regular expression');
      const source = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      const flags = this.matchHere(REGEX_FLAGS)?.[0] ?? '';
      this.pos += flags.length;
      return { kind: 'regex', source, flags };
    }
    if (c === '[' || c === '{') return { kind: 'literal', value: this.jsonLiteral() };
    const match = this.matchHere(SCALAR_LITERAL);
    if (!match) this.fail(c === undefined ? 'the filter ends where a value should start' : `unexpected ${JSON.stringify(c)} in the filter`, start);
    this.pos += match[0].length;
    return { kind: 'literal', value: JSON.parse(match[0]) };
  }

  /** A JSON array or object literal, as in `@.size in ['S', 'M']`; single quotes are allowed as in Jayway. */
  private jsonLiteral(): unknown {
    const start = this.pos;
    const open = this.text[start];
    const close = open === '[' ? ']' : '}';
    let depth = 0;
    let quote: string | undefined;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (quote) {
        if (c === '\\') this.pos++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === open) depth++;
      else if (c === close && --depth === 0) break;
    }
    if (this.pos >= this.text.length) this.fail(`unclosed '${open}' in the filter`, start);
    this.pos++;
    const literal = this.text.slice(start, this.pos).replace(/'((?:[^'\\]|\\.)*)'/g, (_, inner: string) => JSON.stringify(inner.replace(/\\'/g, "'")));
    try {
      return JSON.parse(literal);
    } catch {
      return this.fail('the list or object in the filter is not valid JSON', start);
    }
  }
}
