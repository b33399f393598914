// The renderer subclasses velocityjs's Compile and overrides methods TypeScript marks protected; these
// tests fail loudly if an upgrade of velocityjs (pinned at 2.1.7) moves or renames them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Compile } from 'velocityjs';
import { JavaCompile } from '../../shared/src/vtl/render/javaCompile';
import { RenderBudget } from '../../shared/src/vtl/render/limits';
import type { TemplateProblem } from '../../shared/src/vtl/problem';

test('velocityjs is pinned at 2.1.7, in package.json and installed', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  assert.equal(manifest.dependencies.velocityjs, '2.1.7');
  const installed = JSON.parse(readFileSync('node_modules/velocityjs/package.json', 'utf8')) as { version: string };
  assert.equal(installed.version, '2.1.7');
});

test('the Compile methods the renderer overrides or relies on are where 2.1.7 has them', () => {
  const prototype = Compile.prototype as unknown as Record<string, unknown>;
  for (const name of [
    'render',
    'renderAstList',
    'getBlock',
    'getBlockIf',
    'getBlockEach',
    'getReferences',
    'getExpression',
    'getLiteral',
    'setValue',
    'getMacro',
    'getMacroBody',
    'setBlockMacro',
    'setBlockDefine',
    'evalStr',
    'getPropMethod',
  ]) {
    assert.equal(typeof prototype[name], 'function', name);
  }
});

function compileFor(ast: unknown[], globals: Map<string, unknown>): JavaCompile {
  const warnings: TemplateProblem[] = [];
  return new JavaCompile(ast as never, {
    template: '',
    globals,
    budget: new RenderBudget(undefined, () => Date.now()),
    warnings,
    beforeMapWrite: () => undefined,
  });
}

test("velocityjs's own dispatch (getBlock) reaches the Java overrides", () => {
  const zero = { type: 'references', id: 'zero', leader: '$' };
  const ifBlock = [{ type: 'if', condition: zero }, 'taken'];
  const compile = compileFor([ifBlock], new Map<string, unknown>([['zero', 0]]));
  assert.ok(compile instanceof Compile);
  // velocityjs alone treats 0 as false; Java Velocity as true.
  const viaBase = (compile as unknown as { getBlock(block: unknown[]): string }).getBlock(ifBlock);
  assert.equal(viaBase, 'taken');
});

test('the Java bridge is velocityjs\'s first method handler, and no `eval` lands on the receiver', () => {
  const compile = compileFor([], new Map());
  const config = (compile as unknown as { config: { customMethodHandlers: { uid: string }[] } }).config;
  assert.equal(config.customMethodHandlers[0].uid, 'java-bridge');
  const receiver = new Map<unknown, unknown>([['a', 1]]);
  const viaBase = (compile as unknown as { getPropMethod(property: unknown, base: unknown, ast: unknown): unknown }).getPropMethod(
    { type: 'method', id: 'containsKey', args: [{ type: 'string', value: 'a' }] },
    receiver,
    { type: 'references', id: 'm' },
  );
  assert.equal(viaBase, true);
  assert.deepEqual(Object.keys(receiver), []);
  assert.equal(Object.prototype.hasOwnProperty.call(receiver, 'eval'), false);
});
