// Velocity 1.7's lexer, as its JavaCC grammar (`Parser.jjt`) defines it: lexical states switched and
// stacked by token actions, longest match with ties to the rule declared first, MORE prefixes and
// special tokens. Our parser reads templates its own tolerant way; this lexer answers the questions
// where only 1.7's lexical state decides: whether a `[` after a reference opens an index, whether `##`
// starts a comment, which blanks a `#set` takes. The parser drives it (see velocity17Check.ts), since
// 1.7's parser switches lexer states too (`#name` with or without `(`).

/** The lexical states of 1.7's token manager. */
export enum LexState {
  Default,
  PreDirective,
  Directive,
  Reference,
  RefModifier,
  RefMod2,
  RefIndex,
  InSingleLineComment,
  InFormalComment,
  InMultiLineComment,
  InTextBlock,
}

/** 1.7's token kinds (its names, for messages and tests). */
export type TokenKind =
  | 'EOF'
  | 'INDEX_LBRACKET'
  | 'INDEX_RBRACKET'
  | 'LBRACKET'
  | 'RBRACKET'
  | 'COMMA'
  | 'DOUBLEDOT'
  | 'COLON'
  | 'LEFT_CURLEY'
  | 'RIGHT_CURLEY'
  | 'LPAREN'
  | 'RPAREN'
  | 'REFMOD2_RPAREN'
  | 'ESCAPE_DIRECTIVE'
  | 'SET_DIRECTIVE'
  | 'SINGLE_LINE_COMMENT_START'
  | 'DOUBLE_ESCAPE'
  | 'ESCAPE'
  | 'TEXT'
  | 'SINGLE_LINE_COMMENT'
  | 'FORMAL_COMMENT'
  | 'MULTI_LINE_COMMENT'
  | 'TEXTBLOCK'
  | 'WHITESPACE'
  | 'STRING_LITERAL'
  | 'TRUE'
  | 'FALSE'
  | 'NEWLINE'
  | 'MINUS'
  | 'PLUS'
  | 'MULTIPLY'
  | 'DIVIDE'
  | 'MODULUS'
  | 'LOGICAL_AND'
  | 'LOGICAL_OR'
  | 'LOGICAL_LT'
  | 'LOGICAL_LE'
  | 'LOGICAL_GT'
  | 'LOGICAL_GE'
  | 'LOGICAL_EQUALS'
  | 'LOGICAL_NOT_EQUALS'
  | 'LOGICAL_NOT'
  | 'EQUALS'
  | 'END'
  | 'IF_DIRECTIVE'
  | 'ELSEIF_DIRECTIVE'
  | 'ELSE_DIRECTIVE'
  | 'INTEGER_LITERAL'
  | 'FLOATING_POINT_LITERAL'
  | 'WORD'
  | 'BRACKETED_WORD'
  | 'IDENTIFIER'
  | 'DOT'
  | 'LCURLY'
  | 'RCURLY'
  | 'EMPTY_INDEX';

/** A token of 1.7's lexer: `start` includes its MORE prefix (`$`, `#`); special tokens before it start at `specialStart`. */
export interface LexToken {
  kind: TokenKind;
  start: number;
  end: number;
  /** Where the special tokens (reference and directive terminators) right before this token begin; `start` when none. */
  specialStart: number;
  /** The state the lexer was in when this token began (after its special tokens). */
  state: LexState;
}

/** What 1.7's lexer cannot read: the template fails to parse at `at`. */
export class LexicalError extends Error {
  constructor(readonly at: number) {
    super('lexical error');
  }
}

type RuleKind = 'token' | 'more' | 'special' | 'skip';

interface Rule {
  kind: RuleKind;
  /** The token kind (for `token` rules). */
  token?: TokenKind;
  states: readonly LexState[];
  /** The longest match at `at`, 0 when none. */
  match: Matcher;
  /** The token action; returns how many matched characters to give back (`input_stream.backup`). */
  action?(lexer: Velocity17Lexer, matched: number): number | void;
}

const S = LexState;
const ALL_STATES: readonly LexState[] = [
  S.Default, S.PreDirective, S.Directive, S.Reference, S.RefModifier, S.RefMod2, S.RefIndex,
  S.InSingleLineComment, S.InFormalComment, S.InMultiLineComment, S.InTextBlock,
];

/** Matches at a position: the length of the longest match, 0 when none. `starts` lists the characters a match can begin with (all when absent). */
type Matcher = ((text: string, at: number) => number) & { starts?: string };

/** The longest match of a sticky pattern at `at`, 0 when it does not match. */
function sticky(pattern: RegExp, starts?: string): Matcher {
  const matcher: Matcher = (text, at) => {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    return m ? m[0].length : 0;
  };
  matcher.starts = starts;
  return matcher;
}

/** The longest of several alternatives (a regular expression would take the first that matches). */
function longestOf(starts: string, ...patterns: RegExp[]): Matcher {
  const matchers = patterns.map((pattern) => sticky(pattern));
  const matcher: Matcher = (text, at) => {
    let longest = 0;
    for (const m of matchers) longest = Math.max(longest, m(text, at));
    return longest;
  };
  matcher.starts = starts;
  return matcher;
}

function literal(value: string): Matcher {
  const matcher: Matcher = (text, at) => (text.startsWith(value, at) ? value.length : 0);
  matcher.starts = value.charAt(0);
  return matcher;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

const LINE_END = '(?:\\r\\n|\\n|\\r)';
const WORD_PATTERN = '[a-zA-Z_@][a-zA-Z0-9_@]*';
const BRACKETED_WORD_PATTERN = '\\{[a-zA-Z_][a-zA-Z0-9_@]*\\}';
const EXPONENT = '(?:[eE][+-]?[0-9]+)';

/** The last run of backslashes measured: the lexer meets a run at each of its characters in turn. */
const backslashRun = { text: '', start: -1, end: -1 };

/** Where the run of backslashes at `at` ends (`at` itself when none starts there); linear over a run. */
function endOfBackslashes(text: string, at: number): number {
  if (backslashRun.text === text && at >= backslashRun.start && at <= backslashRun.end) return backslashRun.end;
  let end = at;
  while (text.charCodeAt(end) === 92) end++;
  backslashRun.text = text;
  backslashRun.start = at;
  backslashRun.end = end;
  return end;
}

/** `("\\")* "$"`: a reference's `$` with the backslashes that escape it. */
const dollar: Matcher = Object.assign((text: string, at: number) => {
  const end = endOfBackslashes(text, at);
  return text.charCodeAt(end) === 36 ? end - at + 1 : 0;
}, { starts: '\\$' });

/** `("\\")* "$" ("\\")* "!"`. */
const dollarBang: Matcher = Object.assign((text: string, at: number) => {
  const end = endOfBackslashes(text, at);
  if (text.charCodeAt(end) !== 36) return 0;
  let bang = end + 1;
  while (text.charCodeAt(bang) === 92) bang++;
  return text.charCodeAt(bang) === 33 ? bang - at + 1 : 0;
}, { starts: '\\$' });

const DIRECTIVE_NAME = new RegExp(`${WORD_PATTERN}|${BRACKETED_WORD_PATTERN}`, 'y');

/** `(<DOUBLE_ESCAPE>)* "\\#" (<WORD> | <BRACKETED_WORD>)`: an odd run of backslashes, `#` and a name. */
const escapedDirective: Matcher = Object.assign((text: string, at: number) => {
  const end = endOfBackslashes(text, at);
  if (text.charCodeAt(end) !== 35 || (end - at) % 2 === 0) return 0;
  DIRECTIVE_NAME.lastIndex = end + 1;
  const name = DIRECTIVE_NAME.exec(text);
  return name ? end + 1 + name[0].length - at : 0;
}, { starts: '\\' });

/** Any one character (1.7's `~[]`). */
const anyCharacter: Matcher = (text, at) => (at < text.length ? 1 : 0);

function token(kind: TokenKind, states: readonly LexState[], match: Rule['match'], action?: Rule['action']): Rule {
  return { kind: 'token', token: kind, states, match, action };
}

/** `$`, `$!` (with the backslashes of an escape before them): a reference starts (1.7's DOLLAR and DOLLARBANG actions). */
function startReference(lexer: Velocity17Lexer): void {
  if (lexer.inComment) return;
  if (lexer.state === S.Reference) lexer.pop();
  lexer.push();
  lexer.state = S.Reference;
}

/** Opens a comment or unparsed block (1.7 pushes the state and remembers it is inside one). */
function openComment(state: LexState): (lexer: Velocity17Lexer) => void {
  return (lexer) => {
    if (lexer.inComment) return;
    lexer.inComment = true;
    lexer.push();
    lexer.state = state;
  };
}

function closeComment(lexer: Velocity17Lexer): void {
  lexer.inComment = false;
  lexer.pop();
}

/**
 * 1.7's REFERENCE_TERMINATOR and DIRECTIVE_TERMINATOR: any other character ends the reference or the
 * directive name; it is given back and read again in the state below (the `$` or `#` before it becomes
 * a special token).
 */
function terminator(states: readonly LexState[]): Rule {
  return {
    kind: 'special',
    states,
    match: anyCharacter,
    action: (lexer) => {
      lexer.pop();
      return 1;
    },
  };
}

/** An integer or float literal ends a directive's bare argument unless inside parentheses or a `#set`. */
function numberAction(exemptIndex: boolean): (lexer: Velocity17Lexer) => void {
  return (lexer) => {
    if (lexer.parenDepth === 0 && !lexer.inSet && lexer.state !== S.RefMod2 && !(exemptIndex && lexer.state === S.RefIndex)) lexer.pop();
  };
}

const integerEndsArgument = numberAction(true);

/** The rules in the order Parser.jjt declares them (ties go to the first). */
const RULES: readonly Rule[] = [
  token('INDEX_LBRACKET', [S.Reference, S.RefModifier], literal('['), (lexer) => {
    lexer.push();
    lexer.state = S.RefIndex;
  }),
  token('INDEX_RBRACKET', [S.RefIndex], literal(']'), (lexer) => void lexer.pop()),
  token('LBRACKET', [S.Directive, S.RefMod2], literal('[')),
  token('RBRACKET', [S.Directive, S.RefMod2], literal(']')),
  token('COMMA', [S.Directive, S.RefMod2], literal(',')),
  token('DOUBLEDOT', [S.Directive, S.RefMod2], literal('..')),
  token('COLON', [S.Directive, S.RefMod2], literal(':')),
  token('LEFT_CURLEY', [S.Directive, S.RefMod2], literal('{')),
  token('RIGHT_CURLEY', [S.Directive, S.RefMod2], literal('}')),
  token('LPAREN', [S.Directive, S.RefModifier], literal('('), (lexer) => {
    if (!lexer.inComment) lexer.parenDepth++;
    if (lexer.state === S.RefModifier) lexer.state = S.RefMod2;
  }),
  token('RPAREN', [S.Directive], sticky(new RegExp(`\\)(?:[ \\t]*${LINE_END})?`, 'y'), ')'), (lexer) => lexer.closeParenthesis()),
  token('REFMOD2_RPAREN', [S.RefMod2], literal(')'), (lexer) => {
    lexer.state = S.Reference;
  }),
  token('ESCAPE_DIRECTIVE', [S.Default], escapedDirective),
  token('SET_DIRECTIVE', [S.Default, S.Reference, S.RefModifier, S.RefMod2], sticky(/[ \t]*(?:#set|#\{set\}) *\(/y, ' \t#'), (lexer) => {
    if (lexer.inComment) return;
    lexer.push();
    lexer.inSet = true;
    lexer.state = S.Directive;
    lexer.parenDepth++;
  }),
  { kind: 'more', states: ALL_STATES, match: dollar, action: startReference },
  { kind: 'more', states: ALL_STATES, match: dollarBang, action: startReference },
  { kind: 'more', states: ALL_STATES, match: literal('#[['), action: openComment(S.InTextBlock) },
  {
    kind: 'more',
    states: ALL_STATES,
    match: sticky(/#\*\*[^#]/y, '#'),
    action: (lexer) => {
      if (lexer.inComment) return 0;
      openComment(S.InFormalComment)(lexer);
      return 1;
    },
  },
  { kind: 'more', states: ALL_STATES, match: literal('#*'), action: openComment(S.InMultiLineComment) },
  {
    kind: 'more',
    states: ALL_STATES,
    match: literal('#'),
    action: (lexer) => {
      if (lexer.inComment) return;
      if (lexer.text.charAt(lexer.pos) === '#') lexer.hashesBeforeHash.add(lexer.pos - 1);
      if (lexer.state === S.Reference || lexer.state === S.RefModifier) lexer.pop();
      lexer.push();
      lexer.state = S.PreDirective;
    },
  },
  token('SINGLE_LINE_COMMENT_START', [S.Default, S.PreDirective, S.Directive, S.Reference], literal('##'), (lexer) => {
    if (lexer.inComment) return;
    if (lexer.state === S.Reference) lexer.pop();
    openComment(S.InSingleLineComment)(lexer);
  }),
  token('DOUBLE_ESCAPE', [S.Default], literal('\\\\')),
  token('ESCAPE', [S.Default], literal('\\')),
  token('TEXT', [S.Default], sticky(/[^$#\\]+/y)),
  token('SINGLE_LINE_COMMENT', [S.InSingleLineComment], sticky(/\r\n|\n|\r/y, '\r\n'), closeComment),
  token('FORMAL_COMMENT', [S.InFormalComment], literal('*#'), closeComment),
  token('MULTI_LINE_COMMENT', [S.InMultiLineComment], literal('*#'), closeComment),
  token('TEXTBLOCK', [S.InTextBlock], literal(']]#'), closeComment),
  { kind: 'skip', states: [S.InSingleLineComment, S.InFormalComment, S.InMultiLineComment], match: anyCharacter },
  { kind: 'more', states: [S.InTextBlock], match: anyCharacter },
  token('WHITESPACE', [S.Directive, S.RefMod2, S.RefIndex], sticky(/[ \t\n\r]+/y, ' \t\n\r')),
  token('STRING_LITERAL', [S.Directive, S.RefMod2, S.RefIndex], sticky(/"(?:[^"]|"")*"|'(?:[^']|'')*'/y, `"'`), (lexer) => {
    if (lexer.state === S.Directive && !lexer.inSet && lexer.parenDepth === 0) lexer.pop();
  }),
  token('TRUE', [S.Reference, S.Directive, S.RefModifier, S.RefMod2, S.RefIndex], literal('true')),
  token('FALSE', [S.Reference, S.Directive, S.RefModifier, S.RefMod2, S.RefIndex], literal('false')),
  token('NEWLINE', [S.Directive], sticky(/\r\n|\n|\r/y, '\r\n'), (lexer) => {
    lexer.pop();
    lexer.inSet = false;
  }),
  token('MINUS', [S.Directive], literal('-')),
  token('PLUS', [S.Directive], literal('+')),
  token('MULTIPLY', [S.Directive], literal('*')),
  token('DIVIDE', [S.Directive], literal('/')),
  token('MODULUS', [S.Directive], literal('%')),
  token('LOGICAL_AND', [S.Directive], sticky(/&&|and/y, '&a')),
  token('LOGICAL_OR', [S.Directive], sticky(/\|\||or/y, '|o')),
  token('LOGICAL_LT', [S.Directive], sticky(/<|lt/y, '<l')),
  token('LOGICAL_LE', [S.Directive], sticky(/<=|le/y, '<l')),
  token('LOGICAL_GT', [S.Directive], sticky(/>|gt/y, '>g')),
  token('LOGICAL_GE', [S.Directive], sticky(/>=|ge/y, '>g')),
  token('LOGICAL_EQUALS', [S.Directive], sticky(/==|eq/y, '=e')),
  token('LOGICAL_NOT_EQUALS', [S.Directive], sticky(/!=|ne/y, '!n')),
  token('LOGICAL_NOT', [S.Directive], sticky(/!|not/y, '!n')),
  token('EQUALS', [S.Directive], literal('=')),
  token('END', [S.PreDirective], sticky(new RegExp(`(?:end|\\{end\\})(?:[ \\t]*${LINE_END})?`, 'y'), 'e{'), (lexer) => void lexer.pop()),
  token('IF_DIRECTIVE', [S.PreDirective], sticky(/if|\{if\}/y, 'i{'), (lexer) => {
    lexer.state = S.Directive;
  }),
  token('ELSEIF_DIRECTIVE', [S.PreDirective], sticky(/elseif|\{elseif\}/y, 'e{'), (lexer) => {
    lexer.state = S.Directive;
  }),
  token('ELSE_DIRECTIVE', [S.PreDirective], sticky(new RegExp(`(?:else|\\{else\\})(?:[ \\t]*${LINE_END})?`, 'y'), 'e{'), (lexer) => void lexer.pop()),
  token(
    'INTEGER_LITERAL',
    [S.PreDirective, S.Directive, S.RefMod2, S.RefIndex],
    sticky(/-?[0-9]+(?:\.\.)?/y, `-${DIGITS}`),
    (lexer, matched) => {
      // `1..3`: the `..` is given back, so a range is not read as the float `1.`.
      const giveBack = lexer.text.startsWith('..', lexer.pos - 2) && matched > 2 ? 2 : 0;
      integerEndsArgument(lexer);
      return giveBack;
    },
  ),
  token(
    'FLOATING_POINT_LITERAL',
    [S.PreDirective, S.Directive, S.RefMod2, S.RefIndex],
    longestOf(`-.${DIGITS}`, new RegExp(`-?[0-9]+\\.[0-9]*${EXPONENT}?`, 'y'), new RegExp(`-?\\.[0-9]+${EXPONENT}?`, 'y'), new RegExp(`-?[0-9]+${EXPONENT}`, 'y')),
    numberAction(false),
  ),
  token('WORD', [S.PreDirective, S.Directive], sticky(new RegExp(WORD_PATTERN, 'y'), `${LETTERS}_@`)),
  token('BRACKETED_WORD', [S.PreDirective, S.Directive], sticky(new RegExp(BRACKETED_WORD_PATTERN, 'y'), '{')),
  token('IDENTIFIER', [S.Reference, S.RefModifier, S.RefMod2], sticky(/[a-zA-Z_][a-zA-Z0-9_-]*/y, `${LETTERS}_`)),
  token('DOT', [S.Reference, S.RefModifier, S.RefMod2], sticky(/\.[a-zA-Z]/y, '.'), (lexer) => {
    lexer.state = S.RefModifier;
    return 1;
  }),
  token('LCURLY', [S.Reference, S.RefModifier], literal('{')),
  token('RCURLY', [S.Reference, S.RefModifier], literal('}'), (lexer) => void lexer.pop()),
  terminator([S.Reference, S.RefModifier]),
  terminator([S.PreDirective]),
  token('EMPTY_INDEX', [S.Default, S.Reference], sticky(/\$\[|\$!\[|\$\\!\[|\$\./y, '$')),
];

/**
 * The rules to try per state and first character (ASCII; index 128 for any other), in declaration
 * order: most rules can only begin with a few characters, and a template is mostly plain text.
 */
const RULES_BY_STATE_AND_CHARACTER: readonly (readonly (readonly Rule[])[])[] = ALL_STATES.map((state) => {
  const rules = RULES.filter((rule) => rule.states.includes(state));
  return Array.from({ length: 129 }, (_, code) =>
    rules.filter((rule) => rule.match.starts === undefined || (code < 128 && rule.match.starts.includes(String.fromCharCode(code)))),
  );
});

interface SavedState {
  state: LexState;
  parenDepth: number;
  closedParens: number;
}

/**
 * 1.7's token manager over one template. `next()` reads one token; the parser may switch states
 * between tokens (`state`, `pop`) as 1.7's parser does. Throws {@link LexicalError} where 1.7's lexer fails.
 */
export class Velocity17Lexer {
  /** One lexer alive for good, as `Cursor.alive`. */
  private static readonly alive = new Velocity17Lexer('');
  pos = 0;
  state: LexState = S.Default;
  /** 1.7's `lparen`/`rparen`: parentheses opened and closed in the current state. */
  parenDepth = 0;
  closedParens = 0;
  inComment = false;
  inSet = false;
  /** Offsets of each `#` read as a directive's start although another `#` follows (`$a.b##`: no comment there). */
  readonly hashesBeforeHash = new Set<number>();
  /**
   * For each block comment whose `#*` a `$` or `#` begins (`$#* c *#`; the offset of its `#*`): where that
   * prefix starts. The comment's characters are skipped, and the prefix with them: 1.7 prints none of it.
   */
  readonly commentPrefixes = new Map<number, number>();
  private readonly stack: SavedState[] = [];

  constructor(readonly text: string) {}

  /** 1.7's `stateStackPush`: remembers the state and its parentheses, and starts counting afresh. */
  push(): void {
    this.stack.push({ state: this.state, parenDepth: this.parenDepth, closedParens: this.closedParens });
    this.parenDepth = 0;
  }

  /** 1.7's `stateStackPop`; false (and back to the default state) when the stack is empty. */
  pop(): boolean {
    const saved = this.stack.pop();
    if (!saved) {
      this.parenDepth = 0;
      this.state = S.Default;
      return false;
    }
    this.state = saved.state;
    this.parenDepth = saved.parenDepth;
    this.closedParens = saved.closedParens;
    return true;
  }

  /** 1.7's `RPARENHandler`: a `)` closes the innermost state that opened a `(`. */
  closeParenthesis(): void {
    if (this.inComment) return;
    for (;;) {
      if (this.parenDepth > 0) {
        if (this.parenDepth === this.closedParens + 1) this.pop();
        else this.closedParens++;
        return;
      }
      if (!this.pop()) return;
    }
  }

  /** Whether spaces, tabs and line breaks then `(` follow (1.7's `isLeftParenthesis`, which reads characters, not tokens). */
  parenthesisFollows(): boolean {
    let at = this.pos;
    while (at < this.text.length && ' \n\r\t'.includes(this.text.charAt(at))) at++;
    return this.text.charAt(at) === '(';
  }

  /** Reads the next token (an `EOF` token at the end). */
  next(): LexToken {
    const text = this.text;
    let tokenStart = this.pos;
    let specialStart = -1;
    let more = false;
    for (;;) {
      if (this.pos >= text.length) {
        // 1.7 fails when the text ends inside a token begun by a MORE (`$`, `#`, `#*`).
        if (more) throw new LexicalError(tokenStart);
        return { kind: 'EOF', start: this.pos, end: this.pos, specialStart: specialStart < 0 ? this.pos : specialStart, state: this.state };
      }
      const stateAtStart = this.state;
      let best: Rule | undefined;
      let bestLength = 0;
      for (const rule of RULES_BY_STATE_AND_CHARACTER[this.state][Math.min(text.charCodeAt(this.pos), 128)]) {
        const length = rule.match(text, this.pos);
        if (length > bestLength) {
          best = rule;
          bestLength = length;
        }
      }
      if (!best) throw new LexicalError(this.pos);
      this.pos += bestLength;
      const giveBack = best.action?.(this, bestLength) ?? 0;
      this.pos -= giveBack;
      switch (best.kind) {
        case 'token':
          return {
            kind: best.token!,
            start: tokenStart,
            end: this.pos,
            specialStart: specialStart < 0 ? tokenStart : specialStart,
            state: stateAtStart,
          };
        case 'more':
          more = true;
          continue;
        case 'special':
          if (specialStart < 0) specialStart = tokenStart;
          tokenStart = this.pos;
          more = false;
          continue;
        case 'skip':
          if (more) {
            const open = text.lastIndexOf('#*', this.pos - 3);
            if (open > tokenStart) this.commentPrefixes.set(open, tokenStart);
          }
          tokenStart = this.pos;
          more = false;
          continue;
      }
    }
  }
}
