// velocityjs's Compile, taught Java Velocity 1.7 as API Gateway runs it. The overridden methods are
// TypeScript-`protected` mixin methods of velocityjs 2.1.7 (pinned in package.json; vtl-render-pin.test.ts
// fails loudly if an upgrade moves them). What changes, and why:
// - every value is a Java value (javaValues.ts), every member lookup goes through javaBridge.ts;
// - `#if` truthiness is Java's: only null and false are false; a literal operand evaluates false (1.7's
//   SimpleNode.evaluate), arithmetic as conditions too;
// - arithmetic and comparisons in MathUtils' number classes, division by zero → null, `+` concatenation
//   (javaMath.ts);
// - `#set` with a null right-hand side leaves the variable unchanged (`directive.set.null.allowed=false`);
// - a null reference prints nothing (API Gateway, SEMANTICS §9.1), `$!` or not;
// - `#break` stops at once, bare `#stop` stops, `$foreach.first/last/parent`, `$velocityHasNext`;
// - unknown macros print literally; macros are known from the start (1.7 defines them at parse time);
// - variables live in 1.7's chain of contexts (velocityContext.ts): macro arguments passed by name, a
//   `#foreach` null element read as null, `#define` blocks as values;
// - `#foreach` fails as Java's iterators do when its list or map changes (javaLists.ts, javaMaps.ts);
// - every loop, call and output is counted against RenderBudget, and errors carry the position of the
//   statement that was running.
import { Compile } from 'velocityjs';
import { JavaNumber } from '../../apigw/index';
import type { TemplateProblem } from '../problem';
import { HostObject, hostObject, invokeJavaMethod, NO_SUCH_METHOD, readJavaIndex, readJavaProperty, type CallContext } from './javaBridge';
import { velocityEquals } from './javaEquality';
import { JavaException } from './javaException';
import { checkListUsable, listModCount } from './javaLists';
import { mapModCount, mapView, putMapEntry } from './javaMaps';
import { javaArithmetic, javaCompare, javaInteger, javaIntValue, javaNegate, numberKind } from './javaMath';
import { arrayList, FormatBudgetError, isJavaNumber, javaToString, toJavaDouble, viewSource } from './javaValues';
import { RenderBudget, RenderStop } from './limits';
import { parseForRender, type RenderAstNode, type RenderNode } from './parseForRender';
import { rangeOfPosition, type LinePosition } from './positions';
import { DefinedBlock, MacroContext, MAX_DEFINE_DEPTH, NullHolderContext, VelocityContextChain, type ArgumentByName, type ContextLayer } from './velocityContext';

/** What a JavaCompile renders with. */
export interface JavaRenderEnvironment {
  template: string;
  globals: Map<string, unknown>;
  budget: RenderBudget;
  warnings: TemplateProblem[];
  /** Refuses a second write to an override parameter (SEMANTICS §9.5); throws RenderStop. */
  beforeMapWrite(map: Map<unknown, unknown>, key: unknown): void;
}

interface Macro {
  params: string[];
  body: RenderNode[];
}

interface AstReference extends RenderAstNode {
  type: 'references';
  id: string;
  leader?: string;
  args?: AstExpression[] | false;
  path?: AstPathSegment[];
}

type AstPathSegment =
  | { type: 'property'; id: string; span?: { start: number; end: number } }
  | { type: 'method'; id: string; args?: AstExpression[] | false; span?: { start: number; end: number } }
  | { type: 'index'; id: AstExpression; span?: { start: number; end: number } };

type AstExpression = RenderAstNode & { value?: unknown; expression?: AstExpression[]; operator?: string };

const MAX_WARNINGS = 100;

/** Compile with Java Velocity 1.7 semantics and API Gateway's rules; one instance per render. */
export class JavaCompile extends Compile implements CallContext {
  private readonly env: JavaRenderEnvironment;
  private readonly macroTable = new Map<string, Macro>();
  private readonly contexts: VelocityContextChain;
  /** The context the running statement reads and writes (null: the global context). */
  private layer: ContextLayer | null = null;
  private currentForeach: HostObject | null = null;
  /** Where the running statement or call is (template nodes only, not text inside interpolated strings). */
  private position: LinePosition | { start: number; end: number } | undefined;
  /** > 0 while rendering an interpolated string or `#evaluate` text: no output counting, no positions. */
  private nestedTextDepth = 0;
  private stopped = false;
  private breaking = false;
  private readonly warnedAt = new Set<string>();
  private readonly printer = (value: unknown): string => this.print(value);
  private readonly concatenationText = (value: unknown, operand: AstExpression): string => {
    if (value !== null && value !== undefined) return this.print(value);
    return operand.type === 'references' && operand.span ? this.env.template.slice(operand.span.start, operand.span.end) : '';
  };

  constructor(ast: RenderNode[], env: JavaRenderEnvironment) {
    super(ast as never, {
      escape: false,
      // The bridge is velocityjs's first method handler, so any velocityjs path that calls a method reaches
      // it before the built-ins (and before the line that writes `eval` onto host objects).
      customMethodHandlers: [
        {
          uid: 'java-bridge',
          match: () => true,
          resolve: ({ property, params, context }) => {
            const value = invokeJavaMethod(context, property, params, this);
            return value === NO_SUCH_METHOD ? undefined : value;
          },
        },
      ],
    });
    this.env = env;
    this.contexts = new VelocityContextChain(env.globals, (argument, layer) => this.evaluateInContext(argument, layer));
    this.collectMacros(ast);
  }

  /** Renders the whole template; throws RenderStop or JavaException (renderTemplate reports them). */
  renderJava(): string {
    const ast = (this as unknown as { asts: RenderNode[] }).asts;
    return this.renderNodes(ast);
  }

  /** Where the running statement is, as template offsets. */
  currentRange(): { start: number; end: number } {
    const at = this.position;
    if (!at) return { start: 0, end: 0 };
    if ('start' in at) return { start: at.start, end: at.end };
    return rangeOfPosition(this.env.template, at);
  }

  private locate(node: { pos?: LinePosition; span?: { start: number; end: number } }): void {
    if (this.nestedTextDepth === 0) {
      const at = node.span ?? node.pos;
      if (at) this.position = at;
    }
  }

  // ----- CallContext (what the Java bridge asks of the render) -----

  checkString(length: number): void {
    this.env.budget.checkStringLength(length);
  }

  beforeMapWrite(map: Map<unknown, unknown>, key: unknown): void {
    this.env.beforeMapWrite(map, key);
  }

  tick(): void {
    this.env.budget.tick();
  }

  checkSize(items: number): void {
    this.env.budget.checkCollectionSize(items);
  }

  afterRegex(): void {
    this.env.budget.checkTime();
  }

  /** `String.valueOf(value)` bounded by the output limit (a value can be a huge or self-similar structure). */
  print(value: unknown): string {
    if (typeof value === 'string') return value;
    // Block.Reference.toString(): the rendered block, null past the depth limit.
    if (value instanceof DefinedBlock) return this.renderDefined(value) ?? 'null';
    try {
      const text = javaToString(value, { maxChars: this.env.budget.limits.outputChars });
      if (text.length > 65_536) this.env.budget.checkTime();
      return text;
    } catch (error) {
      if (error instanceof FormatBudgetError) throw new RenderStop('vtl-output-limit', error.message);
      throw error;
    }
  }

  warn(code: string, message: string): void {
    if (this.env.warnings.length >= MAX_WARNINGS) return;
    const range = this.currentRange();
    const key = `${code}@${range.start}`;
    if (this.warnedAt.has(key)) return;
    this.warnedAt.add(key);
    this.env.warnings.push({ code, message, severity: 'warning', ...range });
  }

  // ----- velocityjs entry points, kept so velocityjs's own dispatch (getBlock) lands here -----

  override render(): string {
    return this.renderJava();
  }

  override renderAstList(asts?: never): string {
    return this.renderNodes((asts ?? []) as RenderNode[]);
  }

  protected override getReferences(ast: never): string {
    return this.referenceValue(ast as AstReference) as string;
  }

  protected override getExpression(ast: never): string {
    return this.evaluate(ast as AstExpression) as string;
  }

  protected override getLiteral(ast: never): string {
    return this.evaluate(ast as AstExpression) as string;
  }

  protected override setValue(ast: never): void {
    this.assign(ast as RenderAstNode);
  }

  protected override getMacro(ast: never): string {
    return this.callMacro(ast as RenderAstNode);
  }

  protected override evalStr(text: string): string {
    return this.interpolate(text);
  }

  protected getBlockIf(block: RenderNode[]): string {
    return this.renderIf(block);
  }

  protected getBlockEach(block: RenderNode[]): string {
    return this.renderForeach(block);
  }

  protected setBlockMacro(): void {
    // Macros are collected before rendering (collectMacros).
  }

  protected setBlockDefine(block: RenderNode[]): void {
    const head = block[0] as RenderAstNode;
    // 1.7 (Define): the block goes into the context like a #set value, replacing what the name held.
    this.contexts.put(this.layer, String(head.id), new DefinedBlock(block.slice(1)));
  }

  protected getMacroBody(block: RenderNode[]): string {
    const head = block[0] as RenderAstNode;
    const body = this.renderNodes(block.slice(1));
    return this.callMacro(head, body);
  }

  // ----- statements -----

  private renderNodes(nodes: RenderNode[]): string {
    let out = '';
    const budget = this.env.budget;
    const counting = this.nestedTextDepth === 0;
    for (let i = 0; i < nodes.length; i++) {
      if (this.stopped || this.breaking) break;
      const node = nodes[i];
      let piece: string;
      if (typeof node === 'string') {
        piece = node;
      } else if (Array.isArray(node)) {
        piece = this.renderBlock(node);
        out += piece;
        continue;
      } else {
        this.locate(node);
        budget.tick();
        switch (node.type) {
          case 'references':
            piece = this.printReference(node as AstReference);
            break;
          case 'set':
            this.assign(node);
            continue;
          case 'break':
            this.breaking = true;
            continue;
          case 'stop':
            this.stopped = true;
            continue;
          case 'macro_call':
            out += this.callMacro(node);
            continue;
          case 'raw':
            piece = String(node.value ?? '');
            break;
          case 'escaped_reference': {
            // Velocity 1.7: `\$a` prints `$a` when $a has a value, and `\$a` when it has none.
            const reference = node.reference as AstReference;
            const value = this.referenceValue(reference);
            // A bare macro parameter (`\$p`): 1.7 substitutes the argument as written for it.
            const argumentText = node.text === `$${reference.id}` ? this.contexts.argumentText(this.layer, String(reference.id)) : undefined;
            piece = (value === null || value === undefined ? '\\' : '') + (argumentText ?? String(node.text));
            break;
          }
          default:
            continue;
        }
      }
      // A #stop or #break met while evaluating a reference (in a string) ends the render before it prints.
      if (this.stopped || this.breaking) break;
      if (counting) budget.countOutput(piece.length);
      else budget.checkStringLength(out.length + piece.length);
      out += piece;
    }
    return out;
  }

  private renderBlock(block: RenderNode[]): string {
    const head = block[0] as RenderAstNode;
    this.locate(head);
    switch (head.type) {
      case 'if':
        return this.renderIf(block);
      case 'foreach':
        return this.renderForeach(block);
      case 'macro':
        return '';
      case 'define':
        this.setBlockDefine(block);
        return '';
      case 'macro_body':
        return this.getMacroBody(block);
      default:
        return this.renderNodes(block.slice(1));
    }
  }

  private renderIf(block: RenderNode[]): string {
    let taken = false;
    const body: RenderNode[] = [];
    for (const node of block) {
      if (typeof node === 'object' && !Array.isArray(node) && (node.type === 'if' || node.type === 'elseif' || node.type === 'else')) {
        if (taken) break;
        this.locate(node);
        taken = node.type === 'else' ? true : this.condition(node.condition as AstExpression);
        continue;
      }
      if (taken) body.push(node);
    }
    return this.renderNodes(body);
  }

  private renderForeach(block: RenderNode[]): string {
    const head = block[0] as RenderAstNode;
    const headPosition = this.position;
    const variable = String(head.to);
    const body = block.slice(1);
    const source = this.evaluate(head.from as AstExpression);
    // A #break in the list's strings belongs to no running loop: like #stop, it ends everything (1.7).
    if (this.breaking || this.stopped) return '';
    let items: unknown[];
    /** Whether the collection changed in a way that makes Java's iterator fail on its next `next()`. */
    let changed: () => boolean;
    /** The iterator's hasNext() after `i` items. */
    let hasMore: (i: number) => boolean;
    const map = source instanceof Map ? source : Array.isArray(source) ? viewSource(source) : undefined;
    if (map) {
      // LinkedHashMap's iterator: a key added or removed fails its next step; after the last entry there is none.
      items = source instanceof Map ? mapView(source, 'values') : (source as unknown[]);
      const initialModCount = mapModCount(map);
      const total = map.size;
      changed = () => mapModCount(map) !== initialModCount;
      hasMore = (i) => i < total;
    } else if (Array.isArray(source)) {
      items = source;
      // ArrayList's iterator: any add or remove (even one that leaves the size as it was) fails it, and
      // hasNext() is `cursor != size`, so a list that shrank behind the cursor still asks for the next item.
      const initialModCount = listModCount(source);
      changed = () => listModCount(source) !== initialModCount;
      hasMore = (i) => i !== source.length;
    } else {
      if (source !== null && source !== undefined) this.warn('vtl-foreach-not-iterable', `#foreach over a ${typeLabel(source)} renders nothing`);
      return '';
    }
    // 1.7 saves and restores the loop's names through the context the #foreach runs in.
    const context = this.layer;
    const saved = [variable, 'velocityCount', 'velocityHasNext', 'foreach'].map((name) => [name, this.contexts.get(context, name)] as const);
    const perLoopLimit = this.env.budget.limits.foreachIterations;
    const state = { index: 0, count: items.length };
    const parent = this.currentForeach;
    const scope = hostObject('org.apache.velocity.runtime.directive.ForeachScope', {}, {
      index: () => state.index,
      count: () => state.index + 1,
      hasNext: () => state.index + 1 < state.count,
      first: () => state.index === 0,
      last: () => state.index + 1 === state.count,
      parent: () => parent,
      topmost: () => topmostOf(scope),
    });
    scopeParents.set(scope, parent);
    this.currentForeach = scope;
    this.contexts.put(context, 'foreach', scope);
    let nullHolder: NullHolderContext | undefined;
    let out = '';
    try {
      for (let i = 0; hasMore(i); i++) {
        if (changed()) throw new JavaException('java.util.ConcurrentModificationException', 'the list or map changed while #foreach went through it');
        if (perLoopLimit > 0 && i >= perLoopLimit) {
          this.position = headPosition;
          this.warn(
            'vtl-foreach-limit',
            `#foreach stopped after ${perLoopLimit} iterations (of ${items.length}): API Gateway allows ${perLoopLimit} iterations per loop`,
          );
          break;
        }
        this.env.budget.countIteration();
        state.index = i;
        this.contexts.put(context, 'velocityCount', i + 1);
        this.contexts.put(context, 'velocityHasNext', i + 1 < items.length);
        const item = items[i];
        this.contexts.put(context, variable, item);
        if (item === null || item === undefined) {
          // 1.7 renders a null element's body in one NullHolderContext per loop: the variable reads null.
          nullHolder ??= new NullHolderContext(context, variable);
          this.layer = nullHolder;
          try {
            out += this.renderNodes(body);
          } finally {
            this.layer = context;
          }
        } else {
          out += this.renderNodes(body);
        }
        if (this.breaking) {
          this.breaking = false;
          break;
        }
        if (this.stopped) break;
      }
    } finally {
      this.currentForeach = parent;
      for (const [name, value] of saved) {
        if (value !== null && value !== undefined) this.contexts.put(context, name, value);
        else this.contexts.remove(context, name);
      }
    }
    return out;
  }

  private assign(node: RenderAstNode): void {
    const [target, valueNode] = node.equal as [AstReference, AstExpression];
    const value = this.evaluate(valueNode);
    if (value === null || value === undefined) {
      // Velocity 1.7 (directive.set.null.allowed=false): the variable keeps what it had.
      const previous = target.path ? undefined : this.contexts.peek(this.layer, target.id);
      if (previous !== undefined && previous !== null) {
        this.warn('vtl-set-null', `the right-hand side is null, so $${target.id} keeps its previous value (Velocity 1.7)`);
      }
      return;
    }
    if (!target.path || target.path.length === 0) {
      this.contexts.put(this.layer, target.id, value);
      return;
    }
    const owner = this.walkPath(this.lookup(target.id), target.path.slice(0, -1), target.span?.start);
    const last = target.path[target.path.length - 1];
    if (owner === null || owner === undefined) {
      this.warn('vtl-set-on-null', `#set on a property of a null reference does nothing`);
      return;
    }
    if (last.type === 'method') {
      this.warn('vtl-set-target', '#set cannot assign to a method call');
      return;
    }
    const key = last.type === 'property' ? last.id : this.evaluate(last.id);
    if (owner instanceof Map) {
      this.env.beforeMapWrite(owner, key);
      putMapEntry(owner, key, value);
      return;
    }
    if (Array.isArray(owner) && typeof key === 'number') {
      if (invokeJavaMethod(owner, 'set', [key, value], this) !== NO_SUCH_METHOD) return;
    }
    if (typeof key === 'string') {
      const setter = `set${key.charAt(0).toUpperCase()}${key.slice(1)}`;
      if (invokeJavaMethod(owner, setter, [value], this) !== NO_SUCH_METHOD) return;
    }
    this.warn('vtl-set-target', `#set cannot assign ${this.print(key)} on a ${typeLabel(owner)}`);
  }

  private callMacro(node: RenderAstNode, bodyContent?: string): string {
    const name = String(node.id);
    const argumentNodes = argumentsOf(node.args);
    const macro = this.macroTable.get(name);
    if (!macro) {
      if (name === 'stop') {
        this.stopped = true;
        return '';
      }
      if (name === 'evaluate') return this.evaluateDirective(argumentNodes[0] ? this.evaluate(argumentNodes[0]) : undefined);
      if (name === 'parse' || name === 'include') {
        throw new RenderStop('vtl-unsupported-directive', `#${name} loads other templates, which API Gateway does not allow`);
      }
      this.warn('vtl-unknown-macro', `#${name} is not a defined macro: Velocity prints it as text`);
      const text = this.sourceText(node);
      if (text === undefined) return node.bare ? `#${name}` : `#${name}()`;
      return node.bare ? text : text + this.lineBreakTakenAfter(node);
    }
    const budget = this.env.budget;
    if (budget.macroDepth >= budget.limits.macroDepth) {
      throw new RenderStop('vtl-macro-depth', `macros nested more than ${budget.limits.macroDepth} deep (Velocity's velocimacro.max.depth)`);
    }
    const caller = this.layer;
    const frame = new MacroContext(caller);
    macro.params.forEach((param, i) => {
      const argument = argumentNodes[i];
      if (!argument) return;
      if (!PASSED_BY_NAME.has(String(argument.type))) {
        // 1.7 (ProxyVMContext.isConstant): a number or boolean literal is evaluated once, at the call.
        frame.local.set(param, this.evaluate(argument));
        return;
      }
      frame.byName.set(param, { node: argument });
      const text = this.sourceText(argument);
      if (text !== undefined) frame.argumentTexts.set(param, text);
    });
    if (bodyContent !== undefined) frame.local.set('bodyContent', bodyContent);
    budget.macroDepth++;
    this.layer = frame;
    const savedForeach = this.currentForeach;
    try {
      const out = this.renderNodes(macro.body);
      this.breaking = false;
      return out;
    } finally {
      this.layer = caller;
      this.currentForeach = savedForeach;
      budget.macroDepth--;
    }
  }

  /** A macro argument passed by name, evaluated in its caller's context at each read. */
  private evaluateInContext(argument: ArgumentByName, layer: ContextLayer | null): unknown {
    const current = this.layer;
    this.layer = layer;
    try {
      return this.evaluate(argument.node as AstExpression);
    } finally {
      this.layer = current;
    }
  }

  /** A `#define` block rendered in the current context; undefined past 1.7's depth limit. */
  private renderDefined(block: DefinedBlock): string | undefined {
    if (block.depth >= MAX_DEFINE_DEPTH) return undefined;
    block.depth++;
    try {
      return this.renderNodes(block.body as RenderNode[]);
    } finally {
      block.depth--;
    }
  }

  private evaluateDirective(text: unknown): string {
    if (text === null || text === undefined) return '';
    const parsed = parseForRender(this.print(text));
    if (!parsed.ok) throw new RenderStop('vtl-evaluate-syntax', `#evaluate: ${parsed.problem.message}`);
    this.collectMacros(parsed.ast);
    this.nestedTextDepth++;
    try {
      return this.renderNodes(parsed.ast);
    } finally {
      this.nestedTextDepth--;
    }
  }

  // ----- values -----

  private printReference(node: AstReference): string {
    const value = this.referenceValue(node);
    if (value instanceof DefinedBlock) {
      // Past the depth limit 1.7 prints the reference as written (nothing for `$!`).
      return this.renderDefined(value) ?? (node.leader === '$!' ? '' : (this.sourceText(node) ?? `$${node.id}`));
    }
    // API Gateway prints a null or missing reference as nothing, with or without `$!` (SEMANTICS §9.1).
    if (value === null || value === undefined) return '';
    return this.print(value);
  }

  /** A variable's value (ProxyVMContext.get): the innermost macro call's variable, else its by-name argument, else outwards. */
  private lookup(name: string): unknown {
    return this.contexts.get(this.layer, name);
  }

  private referenceValue(node: AstReference): unknown {
    this.env.budget.tick();
    let value = this.lookup(node.id);
    if (node.args !== undefined) {
      // `$name(args)` is not Velocity 1.7 syntax for anything a template can reach.
      this.warn('vtl-no-such-method', `$${node.id}(…) is not a method of anything`);
      return null;
    }
    if (node.path) value = this.walkPath(value, node.path, node.span?.start);
    return value;
  }

  /** `referenceStart`: where the reference begins, so a failing call is reported as `$a.b.call(…)`. */
  private walkPath(start: unknown, path: AstPathSegment[], referenceStart?: number): unknown {
    let value = start;
    for (const segment of path) {
      if (value === null || value === undefined) return null;
      const receiver = value;
      if (segment.type === 'property') {
        value = readJavaProperty(receiver, segment.id, this);
        if (value === NO_SUCH_METHOD) {
          this.warnMissingMember(receiver, segment.id, false);
          return null;
        }
      } else if (segment.type === 'method') {
        const args = argumentsOf(segment.args).map((arg) => this.evaluate(arg));
        const statement = this.position;
        // A Java exception points at the call itself; afterwards the statement is the position again.
        if (segment.span) this.locate({ span: { start: referenceStart ?? segment.span.start, end: segment.span.end } });
        value = invokeJavaMethod(receiver, segment.id, args, this);
        if (value === NO_SUCH_METHOD) {
          this.warnMissingMember(receiver, segment.id, true, args.length);
          this.position = statement;
          return null;
        }
        this.position = statement;
      } else {
        const key = this.evaluate(segment.id);
        value = readJavaIndex(receiver, key, this);
        if (value === NO_SUCH_METHOD) {
          this.warn('vtl-bad-index', `[${this.print(key)}] does not index a ${typeLabel(receiver)}: the reference is null`);
          return null;
        }
      }
    }
    return value;
  }

  /**
   * An unknown method or property makes the reference null. Velocity 1.7 would print the reference's
   * text; API Gateway prints null references as nothing (SEMANTICS §9.1), so we print nothing and warn.
   */
  private warnMissingMember(receiver: unknown, name: string, isMethod: boolean, argumentCount = 0): void {
    if (!isMethod && receiver instanceof Map) return;
    const what = isMethod ? `method ${name}(${argumentCount ? `${argumentCount} argument${argumentCount > 1 ? 's' : ''}` : ''})` : `property ${name}`;
    this.warn(isMethod ? 'vtl-no-such-method' : 'vtl-no-such-property', `a ${typeLabel(receiver)} has no ${what}: the reference is null and prints nothing`);
  }

  private evaluate(node: AstExpression): unknown {
    switch (node.type) {
      case 'references':
        return this.referenceValue(node as AstReference);
      case 'string': {
        if (!node.isEval) return String(node.value);
        // Velocity 1.7 decodes `\uXXXX` in double-quoted strings (only there).
        const text = String(node.value).replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        return text.includes('$') || text.includes('#') ? this.interpolate(text) : text;
      }
      case 'integer':
        return integerLiteral(String(node.value));
      case 'decimal':
        return toJavaDouble(Number(node.value));
      case 'bool':
        return node.value === 'true' ? true : node.value === 'false' ? false : null;
      case 'array':
        return node.isRange ? this.range(node.value as unknown[]) : arrayList((node.value as AstExpression[]).map((item) => this.evaluate(item)));
      case 'map': {
        const map = new Map<unknown, unknown>();
        const entries = (node.value ?? {}) as Record<string, AstExpression>;
        // velocityjs's tree keeps entries in a plain object, which moves integer-like keys ("10") first;
        // the values' offsets give back the written order of a LinkedHashMap.
        const keys = Object.keys(entries).sort((a, b) => (entries[a].span?.start ?? 0) - (entries[b].span?.start ?? 0));
        for (const key of keys) map.set(key, this.evaluate(entries[key]));
        return map;
      }
      case 'math':
        return this.math(node);
      case 'runt':
        return String(node.value);
      default:
        return null;
    }
  }

  private range(ends: unknown[]): unknown {
    // 1.7 (ASTIntegerRange) takes any two numbers, by their intValue(), and counts in int arithmetic:
    // `Math.abs(l - r) + 1` elements, which wraps for ends far apart.
    const [from, to] = ends.map((end) => {
      const value = typeof end === 'string' ? integerLiteral(end) : typeof end === 'number' ? end : this.evaluate(end as AstExpression);
      return typeof value === 'number' || isJavaNumber(value) ? javaIntValue(value) : value;
    });
    if (typeof from !== 'number' || typeof to !== 'number') {
      this.warn('vtl-bad-range', 'a range needs two integers: it is null');
      return null;
    }
    const size = (Math.abs((from - to) | 0) + 1) | 0;
    if (size < 0) throw new JavaException('java.lang.IllegalArgumentException', `Illegal Capacity: ${size}`);
    if (size > this.env.budget.limits.collectionItems) {
      throw new RenderStop('vtl-range-limit', `the range [${from}..${to}] has ${size} elements, more than the ${this.env.budget.limits.collectionItems} allowed`);
    }
    const list: number[] = new Array(size);
    const step = from >= to ? -1 : 1;
    for (let i = 0; i < size; i++) list[i] = (from + i * step) | 0;
    return arrayList(list);
  }

  private math(node: AstExpression): unknown {
    const operands = node.expression ?? [];
    switch (node.operator) {
      case '||':
        return this.condition(operands[0]) || this.condition(operands[1]);
      case '&&':
        return this.condition(operands[0]) && this.condition(operands[1]);
      case 'not':
        return !this.condition(operands[0]);
      case 'parenthesis':
        return this.evaluate(operands[0]);
      case 'minus':
        return javaNegate(this.evaluate(operands[0]));
      case '==':
        return velocityEquals(this.evaluate(operands[0]), this.evaluate(operands[1]), this.printer);
      case '!=':
        return !velocityEquals(this.evaluate(operands[0]), this.evaluate(operands[1]), this.printer);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return javaCompare(node.operator, this.evaluate(operands[0]), this.evaluate(operands[1]));
      default: {
        const left = this.evaluate(operands[0]);
        const right = this.evaluate(operands[1]);
        // 1.7 (ASTAddNode): a null operand of a String concatenation contributes the reference as written.
        const concatenation = node.operator === '+' && (typeof left === 'string' || typeof right === 'string');
        const result = concatenation
          ? this.concatenationText(left, operands[0]) + this.concatenationText(right, operands[1])
          : javaArithmetic(String(node.operator), left, right, this.printer);
        if (typeof result === 'string') this.env.budget.checkStringLength(result.length);
        return result;
      }
    }
  }

  /**
   * Velocity 1.7's `evaluate()`: a reference is true unless null or false; literals other than `true`
   * and arithmetic evaluate false (SimpleNode's default), comparisons and logic to their result.
   */
  private condition(node: AstExpression): boolean {
    switch (node.type) {
      case 'references': {
        const value = this.referenceValue(node as AstReference);
        // 1.7 also asks a value's toString() (a null text is false), which a stale subList view fails.
        if (Array.isArray(value)) checkListUsable(value);
        // 1.7 (directive.if.tostring.nullcheck): a defined block is true when it renders.
        if (value instanceof DefinedBlock) return this.renderDefined(value) !== undefined;
        return value !== null && value !== undefined && value !== false;
      }
      case 'bool':
        return node.value === 'true';
      case 'math':
        switch (node.operator) {
          case '||':
          case '&&':
          case 'not':
          case '==':
          case '!=':
          case '<':
          case '<=':
          case '>':
          case '>=':
            return this.math(node) === true;
          case 'parenthesis':
            return this.condition((node.expression ?? [])[0]);
          default:
            this.evaluate(node);
            return false;
        }
      default:
        return false;
    }
  }

  private interpolate(text: string): string {
    // Only `$name`, `${`, `$!` and directives make a string a template; "$" or "50%#" stay as written.
    if (!/\$!?[A-Za-z{]|#[A-Za-z{@*#[]/.test(text)) return text;
    // 1.7 (ASTStringLiteral, "the dreaded MORE kludge"): unless the text holds a `##`, it parses the text
    // with a space after it (so a `$` or `#` may end it) and drops the last character of the output.
    const withSpace = !text.includes('##');
    const parsed = parseForRender(withSpace ? `${text} ` : text);
    if (!parsed.ok) {
      this.warn('vtl-string-syntax', `a string does not parse as a template, so it stays as written: ${parsed.problem.message}`);
      return text;
    }
    this.nestedTextDepth++;
    try {
      const rendered = this.renderNodes(parsed.ast);
      const out = withSpace && rendered.length > 0 ? rendered.slice(0, -1) : rendered;
      this.env.budget.checkStringLength(out.length);
      return out;
    } finally {
      this.nestedTextDepth--;
    }
  }

  // ----- helpers -----

  private collectMacros(nodes: RenderNode[]): void {
    for (const node of nodes) {
      if (!Array.isArray(node)) continue;
      const head = node[0] as RenderAstNode;
      if (head && typeof head === 'object' && !Array.isArray(head) && head.type === 'macro') {
        const params = argumentsOf(head.args).map((param) => String(param.id));
        this.macroTable.set(String(head.id), { params, body: node.slice(1) });
      }
      this.collectMacros(node);
    }
  }

  /**
   * The blanks and line break that 1.7's `)` token takes after a call (dropped from the text that
   * follows): a call that prints itself as text prints them too.
   */
  private lineBreakTakenAfter(node: RenderAstNode): string {
    const end = node.span?.end;
    if (end === undefined) return '';
    return /^[ \t]*(?:\r\n|\n|\r)/y.exec(this.env.template.slice(end, end + 1000))?.[0] ?? '';
  }

  private sourceText(node: RenderAstNode): string | undefined {
    if (this.nestedTextDepth > 0) return undefined;
    const range = node.span ?? (node.pos ? rangeOfPosition(this.env.template, node.pos) : undefined);
    return range && range.end > range.start ? this.env.template.slice(range.start, range.end) : undefined;
  }
}

/** An integer literal: a JS number while exact, else a Long/BigInteger with its exact text. */
function integerLiteral(text: string): number | JavaNumber {
  const value = parseInt(text, 10);
  return Number.isSafeInteger(value) || !/^-?\d+$/.test(text.trim()) ? value : javaInteger(BigInt(text.trim()));
}

/**
 * Argument kinds 1.7 passes by name (ProxyVMContext.isConstant is false for them: references, string
 * literals, lists, ranges, maps); any other argument is a constant, evaluated once.
 */
const PASSED_BY_NAME = new Set(['references', 'string', 'array', 'map']);

/** velocityjs writes `args: false` for `()`. */
function argumentsOf(args: unknown): AstExpression[] {
  return Array.isArray(args) ? (args as AstExpression[]) : [];
}

const scopeParents = new WeakMap<HostObject, HostObject | null>();

function topmostOf(scope: HostObject): HostObject {
  let current = scope;
  for (let parent = scopeParents.get(current); parent; parent = scopeParents.get(current)) current = parent;
  return current;
}

/** A short Java-ish name of a value's type, for messages. */
export function typeLabel(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (isJavaNumber(value)) return numberKind(value);
  if (Array.isArray(value)) return 'List';
  if (value instanceof Map) return 'Map';
  if (value instanceof HostObject) return value.javaString.replace(/@.*$/, '');
  return 'Object';
}
