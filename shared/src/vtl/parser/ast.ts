/**
 * The tolerant VTL syntax tree. Every node carries `start`/`end`: UTF-16 offsets into the template
 * text, half-open. Nodes that could not be completed (half-typed input) are still present, with
 * `missing` expressions or a `closed: false` flag, so completion and hover work while typing.
 */

/** Anything with a template range. */
export interface VtlSpan {
  start: number;
  end: number;
}

/** An identifier with its own range (`input` in `$input.path(...)`). */
export interface VtlName extends VtlSpan {
  value: string;
}

/** The root: the whole template. */
export interface VtlTemplate extends VtlSpan {
  kind: 'template';
  /** The text parsed. */
  source: string;
  body: VtlStatement[];
}

/** Literal output. `value` is what prints (a doubled backslash before `$`/`#` prints as one). */
export interface VtlText extends VtlSpan {
  kind: 'text';
  value: string;
}

/** `## line` or `#* block *#`. */
export interface VtlComment extends VtlSpan {
  kind: 'comment';
  block: boolean;
  /** The comment's source text, markers included. */
  value: string;
}

/** `#[[ … ]]#`: printed as is. */
export interface VtlUnparsed extends VtlSpan {
  kind: 'unparsed';
  content: string;
}

/** `\$` or `\#`: the backslash is dropped and the character printed as text. */
export interface VtlEscape extends VtlSpan {
  kind: 'escape';
  char: '$' | '#';
}

/** `$a`, `$!a`, `${a.b}`, `$!{a.b(1)}`. */
export interface VtlReference extends VtlSpan {
  kind: 'reference';
  /** `$!`: prints nothing instead of its own text when the value is missing. */
  quiet: boolean;
  /** `${…}` */
  formal: boolean;
  name: VtlName;
  /** `$name(…)` inside a directive: velocityjs calls `name`; Velocity 1.7 rejects it (reported). */
  args?: VtlCallArguments;
  path: VtlPathSegment[];
  /** For `${`: whether the `}` was found. */
  closed: boolean;
  /** A `.` right after the reference that starts no segment (`$util.` while typing). */
  danglingDot?: VtlSpan;
}

/** Arguments of a method call, with the parenthesis range. */
export interface VtlCallArguments extends VtlSpan {
  items: VtlExpression[];
  closed: boolean;
}

export type VtlPathSegment = VtlPropertySegment | VtlMethodSegment | VtlIndexSegment;

/** `.name` */
export interface VtlPropertySegment extends VtlSpan {
  kind: 'property';
  /** Empty (`value: ''`) when the name is still to be typed (`${a.}`). */
  name: VtlName;
}

/** `.name(args)` */
export interface VtlMethodSegment extends VtlSpan {
  kind: 'method';
  name: VtlName;
  args: VtlCallArguments;
}

/** `[expr]` */
export interface VtlIndexSegment extends VtlSpan {
  kind: 'index';
  index: VtlExpression;
  closed: boolean;
}

/** The `#…(…)` head of a directive: its name and, where it has one, the parenthesised part. */
export interface VtlDirectiveHead extends VtlSpan {
  name: VtlName;
  /** `#{if}` rather than `#if`. */
  formal: boolean;
}

export interface VtlSet extends VtlSpan {
  kind: 'set';
  head: VtlDirectiveHead;
  /**
   * Where the characters before `#set` that Velocity 1.7 takes into the directive begin (blanks, and a
   * lone `$` or `#` before them): `head.start` when it takes none; unknown where 1.7's reading stopped earlier.
   */
  takesFrom?: number;
  target: VtlReference | undefined;
  value: VtlExpression;
}

export interface VtlIfBranch extends VtlSpan {
  kind: 'branch';
  head: VtlDirectiveHead;
  keyword: 'if' | 'elseif' | 'else';
  /** Absent for `#else`. */
  condition?: VtlExpression;
  body: VtlStatement[];
}

export interface VtlIf extends VtlSpan {
  kind: 'if';
  branches: VtlIfBranch[];
  /** The `#end`; absent when the block is unclosed. */
  endDirective?: VtlSpan;
}

export interface VtlForeach extends VtlSpan {
  kind: 'foreach';
  head: VtlDirectiveHead;
  variable: VtlReference | undefined;
  iterable: VtlExpression;
  body: VtlStatement[];
  endDirective?: VtlSpan;
}

export interface VtlMacro extends VtlSpan {
  kind: 'macro';
  head: VtlDirectiveHead;
  macroName: VtlName | undefined;
  params: VtlReference[];
  body: VtlStatement[];
  endDirective?: VtlSpan;
}

export interface VtlDefine extends VtlSpan {
  kind: 'define';
  head: VtlDirectiveHead;
  target: VtlReference | undefined;
  body: VtlStatement[];
  endDirective?: VtlSpan;
}

/** `#break`, `#stop` (bare or `#stop()`). */
export interface VtlControl extends VtlSpan {
  kind: 'break' | 'stop';
  head: VtlDirectiveHead;
  /** Whether written with parentheses (`#stop()`). */
  parenthesised: boolean;
}

/** `#name(args)`: a macro call or one of `#evaluate`, `#include`, `#parse`. */
export interface VtlCall extends VtlSpan {
  kind: 'call';
  head: VtlDirectiveHead;
  args: VtlCallArguments;
  /** `#@name(args) … #end`: the body passed to the macro as `$bodyContent`. */
  body?: VtlStatement[];
  endDirective?: VtlSpan;
  /** `#name` without parentheses, of a macro the template defines: 1.7 calls it (the line break after it stays). */
  bare?: boolean;
}

/** `#else`, `#elseif` or `#end` where no block is open: kept so the text around stays in place. */
export interface VtlStray extends VtlSpan {
  kind: 'stray';
  head: VtlDirectiveHead;
  keyword: 'else' | 'elseif' | 'end';
  condition?: VtlExpression;
}

export type VtlBlock = VtlIf | VtlForeach | VtlMacro | VtlDefine;

export type VtlStatement =
  | VtlText
  | VtlComment
  | VtlUnparsed
  | VtlEscape
  | VtlReference
  | VtlSet
  | VtlIf
  | VtlForeach
  | VtlMacro
  | VtlDefine
  | VtlControl
  | VtlCall
  | VtlStray;

/** A string literal. Double-quoted strings interpolate; `parts` is their parsed content. */
export interface VtlStringLiteral extends VtlSpan {
  kind: 'string';
  quote: '"' | "'";
  /** The characters between the quotes, as written. */
  raw: string;
  closed: boolean;
  /** Double quotes only: the content parsed as a template. */
  parts?: VtlStatement[];
}

export interface VtlNumberLiteral extends VtlSpan {
  kind: 'number';
  raw: string;
  integer: boolean;
}

export interface VtlBooleanLiteral extends VtlSpan {
  kind: 'boolean';
  value: boolean;
}

export interface VtlNullLiteral extends VtlSpan {
  kind: 'null';
}

/** A bare word where a value was expected (`$a.b(x)`); velocityjs keeps it as text. */
export interface VtlWord extends VtlSpan {
  kind: 'word';
  value: string;
}

export interface VtlList extends VtlSpan {
  kind: 'list';
  items: VtlExpression[];
  closed: boolean;
}

export interface VtlRange extends VtlSpan {
  kind: 'range';
  from: VtlExpression;
  to: VtlExpression;
  closed: boolean;
}

export interface VtlMapEntry extends VtlSpan {
  kind: 'entry';
  key: VtlExpression;
  value: VtlExpression;
}

export interface VtlMap extends VtlSpan {
  kind: 'map';
  entries: VtlMapEntry[];
  closed: boolean;
}

/** Operators by their symbol; word forms (`eq`, `and`, …) are recorded in `written`. */
export type VtlBinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface VtlBinary extends VtlSpan {
  kind: 'binary';
  operator: VtlBinaryOperator;
  /** The operator as written (`and`, `&&`) and where. */
  written: VtlName;
  left: VtlExpression;
  right: VtlExpression;
}

export interface VtlUnary extends VtlSpan {
  kind: 'unary';
  operator: '!' | '-';
  operand: VtlExpression;
}

export interface VtlParenthesized extends VtlSpan {
  kind: 'parenthesized';
  expression: VtlExpression;
  closed: boolean;
}

/** Where an expression was expected but none was written; zero-width at the cursor. */
export interface VtlMissing extends VtlSpan {
  kind: 'missing';
}

export type VtlExpression =
  | VtlReference
  | VtlStringLiteral
  | VtlNumberLiteral
  | VtlBooleanLiteral
  | VtlNullLiteral
  | VtlWord
  | VtlList
  | VtlRange
  | VtlMap
  | VtlBinary
  | VtlUnary
  | VtlParenthesized
  | VtlMissing;

/** Every node kind, for walking. */
export type VtlNode =
  | VtlTemplate
  | VtlStatement
  | VtlExpression
  | VtlIfBranch
  | VtlPathSegment
  | VtlMapEntry;
