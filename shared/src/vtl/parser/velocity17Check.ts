// Velocity 1.7's own reading of a template: its grammar (Parser.jjt's productions, with their
// lookaheads) over its lexer (velocity17Lexer.ts). It builds no tree; it answers where 1.7 fails to
// parse and what its lexer decided where our parser reads differently (see parse.ts and lower.ts).
import { LexicalError, LexState, Velocity17Lexer, type LexToken, type TokenKind } from './velocity17Lexer';

/** What 1.7 made of a template's text. */
export interface Velocity17Reading {
  /** Where 1.7's parser or lexer fails, when it does. */
  failure?: { start: number; end: number; token: TokenKind | 'lexical' };
  /** The facts below are 1.7's up to this offset (the whole text unless it failed or gave up). */
  readTo: number;
  /** Offsets of the `##` of every line comment 1.7 reads. */
  lineComments: Set<number>;
  /** Offsets of the `#` of every `#end` token 1.7's lexer read (not one inside a string argument, say). */
  endDirectives: Set<number>;
  /** Offsets of each `#` 1.7 reads as a directive's start although another `#` follows. */
  hashesBeforeHash: Set<number>;
  /** For each `#set` (the offset of its `#`): where the characters 1.7 prints nothing for before it begin. */
  setTakesFrom: Map<number, number>;
  /**
   * For each `\#name` 1.7 reads as an escaped directive, whatever the name (the offset of its `#`): where
   * the name ends. It is text even when the backslash stays (`\#endt(` prints as written).
   */
  escapedDirectiveEnds: Map<number, number>;
  /**
   * Runs of characters 1.7 prints nothing for, by where each starts (a `$`, `#` or backslash): where it
   * ends. They are the `$`, `$!`, `\$` and `#` a directive's token begins with (`$#if(true)` is the
   * `#if`; `$#end`, `$#else`), the same before a block comment's `#*`, and the ended `$` or `#` right
   * before a `\\` or an escaped directive (`#\\` prints `\\`, `$\#if` prints `#if`): the nodes those
   * tokens make print none of their image.
   */
  unprintedRuns: Map<number, number>;
  /**
   * For each directive whose token a `$` or `#` begins (`$#m()`, `$#break`; the offset of its `#`): where
   * the directive ends. 1.7 takes the name with that prefix, `#m`, which names no directive nor macro,
   * so it prints the whole directive as written, arguments unevaluated.
   */
  literalDirectiveEnds: Map<number, number>;
  /**
   * For each unparsed block whose token a `$` or `#` begins (`$#[[t]]#`; the offset of its `#`): where the
   * text it prints begins. 1.7 cuts three characters off each end of the token's image, so the prefix
   * (an unprinted run) takes the place of `#[[` and the rest of `#[[` prints (`[t`).
   */
  textBlockContentFrom: Map<number, number>;
  /** Offsets of each `!` of a `$!` that starts no reference before text (`$! x`): 1.7 prints its `$` only. */
  droppedBangs: Set<number>;
  /**
   * For each reference with modifiers 1.7 reads without a `$` (a name right after a reference that ends
   * in `)` or `]`, as in `$a.b()x[1]`; the offset of the name): where its name and the whole reference
   * end. 1.7 prints only the name and evaluates none of the rest (`x[1]`, `x.y`, `x.f($l.add(1))` print `x`).
   */
  bareReferences: Map<number, { nameEnd: number; end: number }>;
}

class ParseFailure {
  constructor(readonly token: LexToken) {}
}

/** Lookahead reached its token limit: the alternative is taken. */
class LookaheadMatched {}

/** Deeper nesting is not real template code; the reading stops there without a verdict. */
class TooDeep {}

const MAX_DEPTH = 300;

/** 1.7's registered directives and whether each has a block (`#foreach … #end`). */
const DIRECTIVES = new Map<string, 'block' | 'line'>([
  ['foreach', 'block'],
  ['include', 'line'],
  ['parse', 'line'],
  ['macro', 'block'],
  ['literal', 'block'],
  ['evaluate', 'line'],
  ['break', 'line'],
  ['define', 'block'],
  ['stop', 'line'],
]);

const STATEMENT_START = new Set<TokenKind>([
  'IF_DIRECTIVE', 'IDENTIFIER', 'LCURLY', 'SINGLE_LINE_COMMENT_START', 'MULTI_LINE_COMMENT', 'FORMAL_COMMENT',
  'TEXTBLOCK', 'SET_DIRECTIVE', 'ESCAPE_DIRECTIVE', 'DOUBLE_ESCAPE', 'WORD', 'BRACKETED_WORD', 'TEXT', 'DOT',
  'RPAREN', 'LPAREN', 'INTEGER_LITERAL', 'FLOATING_POINT_LITERAL', 'STRING_LITERAL', 'ESCAPE', 'RCURLY', 'EMPTY_INDEX',
]);
const PARAMETER_START = new Set<TokenKind>([
  'WHITESPACE', 'STRING_LITERAL', 'INTEGER_LITERAL', 'LBRACKET', 'LEFT_CURLEY', 'TRUE', 'FALSE', 'IDENTIFIER', 'LCURLY', 'FLOATING_POINT_LITERAL',
]);

class Recognizer {
  /** One recognizer alive for good, as `Cursor.alive`. */
  private static readonly alive = new Recognizer(new Velocity17Lexer(''));
  private readonly tokens: LexToken[] = [];
  private at = 0;
  /** During a lookahead: the token index at which the alternative counts as matched. */
  private limit = Infinity;
  private depth = 0;
  readonly lineComments = new Set<number>();
  readonly endDirectives = new Set<number>();
  readonly setTakesFrom = new Map<number, number>();
  readonly escapedDirectiveEnds = new Map<number, number>();
  readonly bareReferences = new Map<number, { nameEnd: number; end: number }>();
  readonly unprintedRuns = new Map<number, number>();
  readonly literalDirectiveEnds = new Map<number, number>();
  readonly textBlockContentFrom = new Map<number, number>();
  readonly droppedBangs = new Set<number>();

  constructor(private readonly lexer: Velocity17Lexer) {}

  peek(ahead = 0): LexToken {
    while (this.tokens.length <= this.at + ahead) {
      const last = this.tokens[this.tokens.length - 1];
      const token = last?.kind === 'EOF' ? last : this.lexer.next();
      if (token.kind === 'END' && token !== last) this.endDirectives.add(this.lexer.text.indexOf('#', token.start));
      if (token.specialStart < token.start && (token.kind === 'TEXT' || token.kind === 'ESCAPE')) this.noteDroppedBangs(token);
      this.tokens.push(token);
    }
    return this.tokens[this.at + ahead];
  }

  private is(kind: TokenKind, ahead = 0): boolean {
    return this.peek(ahead).kind === kind;
  }

  private consume(): LexToken {
    const token = this.peek();
    this.at++;
    if (this.at >= this.limit) throw new LookaheadMatched();
    return token;
  }

  private expect(kind: TokenKind): LexToken {
    if (!this.is(kind)) throw new ParseFailure(this.peek());
    return this.consume();
  }

  private optional(kind: TokenKind): void {
    if (this.is(kind)) this.consume();
  }

  private fail(): never {
    throw new ParseFailure(this.peek());
  }

  /** A JavaCC syntactic lookahead: whether `expansion` matches its first `tokens` tokens; consumes nothing. */
  private lookahead(tokens: number, expansion: () => void): boolean {
    const savedAt = this.at;
    const savedLimit = this.limit;
    this.limit = Math.min(savedLimit, this.at + tokens);
    try {
      expansion();
      return true;
    } catch (error) {
      if (error instanceof LookaheadMatched) return true;
      if (error instanceof ParseFailure) return false;
      throw error;
    } finally {
      this.at = savedAt;
      this.limit = savedLimit;
    }
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  process(): void {
    this.statements();
    this.expect('EOF');
  }

  private statements(): void {
    while (STATEMENT_START.has(this.peek().kind)) this.nested(() => this.statement());
  }

  private statement(): void {
    const token = this.peek();
    switch (token.kind) {
      case 'IF_DIRECTIVE':
        return this.ifStatement();
      case 'SINGLE_LINE_COMMENT_START':
        this.consume();
        this.lineComments.add(token.end - 2);
        this.optional('SINGLE_LINE_COMMENT');
        return;
      case 'SET_DIRECTIVE':
        return this.setDirective();
      case 'ESCAPE_DIRECTIVE':
        return this.escapedDirective(token);
      case 'TEXTBLOCK': {
        const hash = token.start + this.lexer.text.slice(token.start, token.end).indexOf('#[[');
        if (hash > token.start) {
          this.unprinted(token.start, hash);
          this.textBlockContentFrom.set(hash, token.start + 3);
        }
        this.consume();
        return;
      }
      case 'DOUBLE_ESCAPE':
        this.unprinted(token.specialStart, token.start);
        do this.consume();
        while (this.is('DOUBLE_ESCAPE'));
        return;
      case 'WORD':
      case 'BRACKETED_WORD':
        return this.directive();
      case 'IDENTIFIER':
        this.reference();
        // A bare name alone prints as the text it is; only one with modifiers reads differently.
        if (this.limit === Infinity && this.tokens[this.at - 1] !== token && !this.lexer.text.slice(token.start, token.end).includes('$')) {
          this.bareReferences.set(token.start, { nameEnd: token.end, end: this.tokens[this.at - 1].end });
        }
        return;
      case 'LCURLY':
        // 1.7 looks two tokens ahead: `${` then a name is a reference, anything else text.
        if (this.is('IDENTIFIER', 1)) return this.reference();
        this.consume();
        return;
      default:
        this.consume();
    }
  }

  private escapedDirective(token: LexToken): void {
    const hash = token.start + this.lexer.text.slice(token.start, token.end).indexOf('#');
    this.escapedDirectiveEnds.set(hash, token.end);
    // The terminated `$`/`#` before it (`$\#if`) are special tokens, which the escaped directive does not print.
    this.unprinted(token.specialStart, token.start);
    this.consume();
  }

  /**
   * 1.7's text prints the special tokens before it by their `$` and `#` only (NodeUtils.specialText): the
   * `!` of a `$!` that starts no reference goes (`$! x` prints `$ x`).
   */
  private noteDroppedBangs(token: LexToken): void {
    const special = this.lexer.text.slice(token.specialStart, token.start);
    for (const bang of special.matchAll(/\$!/g)) this.droppedBangs.add(token.specialStart + bang.index! + 1);
  }

  /** Records characters 1.7 reads but prints nothing for, when there are any and they begin with `$`, `#` or a backslash (`\$#if`). */
  private unprinted(from: number, to: number): void {
    if (from < to && '$#\\'.includes(this.lexer.text.charAt(from))) this.unprintedRuns.set(from, to);
  }

  /** Where the `#` of a directive's token is: after the `$` or `#` that may begin its image. */
  private directiveHash(token: LexToken): number {
    return token.start + this.lexer.text.slice(token.start, token.end).lastIndexOf('#');
  }

  /** Consumes a directive's keyword token (`#if`, `#else`, `#end`); 1.7 prints nothing of its image. */
  private keyword(kind: TokenKind): void {
    const token = this.expect(kind);
    this.unprinted(token.specialStart, this.directiveHash(token));
  }

  private ifStatement(): void {
    this.keyword('IF_DIRECTIVE');
    this.condition();
    this.statements();
    while (this.is('ELSEIF_DIRECTIVE')) {
      this.keyword('ELSEIF_DIRECTIVE');
      this.condition();
      this.statements();
    }
    if (this.is('ELSE_DIRECTIVE')) {
      this.keyword('ELSE_DIRECTIVE');
      this.statements();
    }
    this.keyword('END');
  }

  private condition(): void {
    this.optional('WHITESPACE');
    this.expect('LPAREN');
    this.expression();
    this.expect('RPAREN');
  }

  private setDirective(): void {
    const token = this.consume();
    this.setTakesFrom.set(this.directiveHash(token), token.specialStart);
    this.optional('WHITESPACE');
    this.reference();
    this.optional('WHITESPACE');
    this.expect('EQUALS');
    this.expression();
    this.expect('RPAREN');
    this.lexer.inSet = false;
    this.optional('NEWLINE');
  }

  private directive(): void {
    const token = this.consume();
    const image = this.lexer.text.slice(token.start, token.end);
    const hash = this.directiveHash(token);
    this.directiveBody(token, image);
    // The name 1.7 takes keeps the prefix (`#m` for `$#m`): no directive nor macro, text as written.
    if (hash > token.start) this.literalDirectiveEnds.set(hash, this.tokens[this.at - 1].end);
  }

  private directiveBody(token: LexToken, image: string): void {
    const name = token.kind === 'BRACKETED_WORD' ? image.slice(2, -1) : image.slice(1);
    const registered = DIRECTIVES.get(name);
    const isMacro = name === 'macro';
    const hasBlock = registered ? registered === 'block' : name.startsWith('@');
    // 1.7's parser switches the lexer itself here, then looks at the characters for a `(`.
    this.lexer.state = LexState.Directive;
    if (!this.lexer.parenthesisFollows()) {
      if (isMacro) throw new ParseFailure(token);
      this.lexer.pop();
      return;
    }
    this.optional('WHITESPACE');
    this.expect('LPAREN');
    let position = 0;
    while (this.lookahead(2, () => this.directiveArgument())) {
      const isWord = this.directiveArgument();
      const wordAllowed = (isMacro && position === 0) || !registered || (name === 'foreach' && position === 1);
      if (isWord ? !wordAllowed : isMacro && position === 0) throw new ParseFailure(token);
      position++;
    }
    this.optional('WHITESPACE');
    this.expect('RPAREN');
    if (!hasBlock) return;
    this.statements();
    this.keyword('END');
  }

  /** One argument of a directive, with its separator; true when it is a bare word. */
  private directiveArgument(): boolean {
    this.optional('WHITESPACE');
    if (this.is('COMMA')) {
      this.consume();
      this.optional('WHITESPACE');
    }
    if (this.is('WORD')) {
      this.consume();
      return true;
    }
    if (!this.value()) this.fail();
    return false;
  }

  private reference(): void {
    const formal = this.is('LCURLY');
    if (formal) this.consume();
    this.expect('IDENTIFIER');
    this.indexes();
    while (this.is('DOT') && this.is('IDENTIFIER', 1)) {
      this.consume();
      // 1.7 looks three tokens ahead: a name, `(`, then an argument or `)` (no further than it must:
      // a directive name lexed ahead would miss the state switch its parse makes).
      if (this.is('LPAREN', 1) && (PARAMETER_START.has(this.peek(2).kind) || this.is('REFMOD2_RPAREN', 2))) this.method();
      else this.expect('IDENTIFIER');
      this.indexes();
    }
    if (formal) this.expect('RCURLY');
  }

  private method(): void {
    this.expect('IDENTIFIER');
    this.expect('LPAREN');
    this.parameterList();
    this.expect('REFMOD2_RPAREN');
  }

  /** `[ Parameter() ( <COMMA> Parameter() )* ]`: a method's arguments, a list's items. */
  private parameterList(): void {
    if (!PARAMETER_START.has(this.peek().kind)) return;
    this.parameter();
    while (this.is('COMMA')) {
      this.consume();
      this.parameter();
    }
  }

  private indexes(): void {
    while (this.is('INDEX_LBRACKET')) {
      this.consume();
      this.optional('WHITESPACE');
      switch (this.peek().kind) {
        case 'STRING_LITERAL':
          this.stringLiteral();
          break;
        case 'INTEGER_LITERAL':
        case 'TRUE':
        case 'FALSE':
          this.consume();
          break;
        case 'IDENTIFIER':
        case 'LCURLY':
          this.nested(() => this.reference());
          break;
        default:
          this.fail();
      }
      this.optional('WHITESPACE');
      this.expect('INDEX_RBRACKET');
    }
  }

  private parameter(): void {
    this.nested(() => {
      this.optional('WHITESPACE');
      if (!this.value()) this.fail();
      this.optional('WHITESPACE');
    });
  }

  /**
   * A literal, list, range, map or reference: what Parameter, DirectiveArg and PrimaryExpression have
   * in common (one token decides among them). False, consuming nothing, when none starts here.
   */
  private value(): boolean {
    switch (this.peek().kind) {
      case 'STRING_LITERAL':
        this.stringLiteral();
        return true;
      case 'INTEGER_LITERAL':
      case 'FLOATING_POINT_LITERAL':
      case 'TRUE':
      case 'FALSE':
        this.consume();
        return true;
      case 'LBRACKET':
        if (this.rangeFollows()) this.range();
        else this.list();
        return true;
      case 'LEFT_CURLEY':
        this.map();
        return true;
      case 'IDENTIFIER':
      case 'LCURLY':
        this.reference();
        return true;
      default:
        return false;
    }
  }

  /**
   * A string literal. 1.7 parses a double-quoted one holding `$` or `#` as a template when the
   * template is set up (ASTStringLiteral.init), so one that does not parse fails the whole template.
   */
  private stringLiteral(): void {
    const token = this.consume();
    if (this.limit !== Infinity) return;
    const image = this.lexer.text.slice(token.start, token.end);
    if (!image.startsWith('"') || !/[$#]/.test(image)) return;
    if (!interpolationParses(image.slice(1, -1))) throw new ParseFailure(token);
  }

  /** `[a..b]` rather than a list: 1.7 looks as far as the `..`. */
  private rangeFollows(): boolean {
    return this.lookahead(Infinity, () => {
      this.expect('LBRACKET');
      this.rangeEnd();
      this.expect('DOUBLEDOT');
    });
  }

  private rangeEnd(): void {
    this.optional('WHITESPACE');
    if (this.is('INTEGER_LITERAL')) this.consume();
    else this.reference();
    this.optional('WHITESPACE');
  }

  private range(): void {
    this.expect('LBRACKET');
    this.rangeEnd();
    this.expect('DOUBLEDOT');
    this.rangeEnd();
    this.expect('RBRACKET');
  }

  private list(): void {
    this.expect('LBRACKET');
    this.parameterList();
    this.expect('RBRACKET');
  }

  private map(): void {
    this.expect('LEFT_CURLEY');
    if (this.lookahead(2, () => {
      this.parameter();
      this.expect('COLON');
    })) {
      this.parameter();
      this.expect('COLON');
      this.parameter();
      while (this.is('COMMA')) {
        this.consume();
        this.parameter();
        this.expect('COLON');
        this.parameter();
      }
    } else {
      this.optional('WHITESPACE');
    }
    if (this.is('RIGHT_CURLEY') || this.is('RCURLY')) this.consume();
    else this.fail();
  }

  private expression(): void {
    this.nested(() => this.binary(0));
  }

  private static readonly OPERATORS: readonly (readonly TokenKind[])[] = [
    ['LOGICAL_OR'],
    ['LOGICAL_AND'],
    ['LOGICAL_EQUALS', 'LOGICAL_NOT_EQUALS'],
    ['LOGICAL_LT', 'LOGICAL_GT', 'LOGICAL_LE', 'LOGICAL_GE'],
    ['PLUS', 'MINUS'],
    ['MULTIPLY', 'DIVIDE', 'MODULUS'],
  ];

  private binary(level: number): void {
    if (level === Recognizer.OPERATORS.length) return this.unary();
    const operators = Recognizer.OPERATORS[level];
    this.binary(level + 1);
    while (operators.includes(this.peek().kind)) {
      this.consume();
      this.binary(level + 1);
    }
  }

  private unary(): void {
    if (this.is('LOGICAL_NOT') || (this.is('WHITESPACE') && this.is('LOGICAL_NOT', 1))) {
      this.optional('WHITESPACE');
      this.consume();
      this.nested(() => this.unary());
      return;
    }
    this.primary();
  }

  private primary(): void {
    this.optional('WHITESPACE');
    if (!this.value()) {
      this.expect('LPAREN');
      this.expression();
      this.expect('RPAREN');
    }
    this.optional('WHITESPACE');
  }
}

/**
 * Whether 1.7 parses the text of an interpolated string: unless it holds a `##`, with a space after it
 * (ASTStringLiteral's "MORE kludge"), so a `$` or `#` may end it.
 */
function interpolationParses(content: string): boolean {
  const withSpace = !content.includes('##');
  const source = withSpace ? `${content} ` : content;
  const reading = readAsVelocity17(source);
  return !reading.failure && !endsUnreadably(source, reading);
}

/**
 * Whether 1.7's lexer fails at the end of `text` on a last `$` or `#` it cannot finish reading: not the
 * close of a block comment or an unparsed block, nor the `##` of a line comment.
 */
export function endsUnreadably(text: string, reading: Velocity17Reading): boolean {
  const last = text.charAt(text.length - 1);
  if (last !== '$' && last !== '#') return false;
  if (text.endsWith('*#') || text.endsWith(']]#')) return false;
  return !(text.endsWith('##') && reading.lineComments.has(text.length - 2));
}

/**
 * Reads `text` as Velocity 1.7 does (lexer and grammar, no tree). Linear in the text; never throws.
 * Where it fails, `failure` says at which token; a template nested too deeply gets no verdict.
 */
export function readAsVelocity17(text: string): Velocity17Reading {
  const lexer = new Velocity17Lexer(text);
  const recognizer = new Recognizer(lexer);
  const reading = (readTo: number, failure?: Velocity17Reading['failure']): Velocity17Reading => {
    for (const [open, from] of lexer.commentPrefixes) if ('$#\\'.includes(text.charAt(from))) recognizer.unprintedRuns.set(from, open);
    return {
      failure,
      readTo,
      lineComments: recognizer.lineComments,
      endDirectives: recognizer.endDirectives,
      hashesBeforeHash: lexer.hashesBeforeHash,
      setTakesFrom: recognizer.setTakesFrom,
      escapedDirectiveEnds: recognizer.escapedDirectiveEnds,
      unprintedRuns: recognizer.unprintedRuns,
      literalDirectiveEnds: recognizer.literalDirectiveEnds,
      textBlockContentFrom: recognizer.textBlockContentFrom,
      droppedBangs: recognizer.droppedBangs,
      bareReferences: recognizer.bareReferences,
    };
  };
  try {
    recognizer.process();
    return reading(text.length);
  } catch (error) {
    if (error instanceof ParseFailure) {
      const { token } = error;
      const start = Math.max(0, Math.min(token.start, text.length - 1));
      return reading(token.start, { start, end: Math.max(start, Math.min(text.length, Math.max(token.end, token.start + 1))), token: token.kind });
    }
    if (error instanceof LexicalError) return reading(error.at, { start: error.at, end: Math.min(text.length, error.at + 1), token: 'lexical' });
    return reading(lexer.pos);
  }
}
