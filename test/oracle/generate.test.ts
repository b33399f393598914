// The generator and the shrinker on their own (no Java): deterministic, exclusions honoured, shrinking
// keeps the property asked for and ends small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCase, pendingFeatures } from './generate';
import { shrinkCase } from './shrink';
import { featuresOf, jsonText, templateText, type GeneratedCase } from './template-tree';

test('the same seed and index give the same case; others differ', () => {
  const text = (seed: number, index: number): string => {
    const c = generateCase(seed, index);
    return templateText(c.stmts) + jsonText(c.body);
  };
  assert.equal(text(7, 3), text(7, 3));
  assert.notEqual(text(7, 3), text(7, 4));
  assert.notEqual(text(7, 3), text(8, 3));
});

test('an excluded feature is never produced; the rest of the language still is', () => {
  const exclude = new Set(pendingFeatures.map((p) => p.feature));
  const seen = new Set<string>();
  for (let i = 0; i < 600; i++) for (const feature of featuresOf(generateCase(11, i, { exclude }).stmts)) seen.add(feature);
  assert.deepEqual([...exclude].filter((f) => seen.has(f)), []);
  const expected = [
    'ref', 'ref:quiet', 'ref:formal', 'ref:missing', 'set', 'set:property', 'if', 'elseif', 'foreach', 'foreach:range',
    'foreach:entrySet', 'break', 'stop', 'macro', 'op:+', 'op:/', 'op:%', 'op:float-arith', 'op:==', 'op:<', 'op:&&',
    'op:!', 'op:word', 'truthiness', 'literal:dq-interpolation', 'literal:list', 'literal:map', 'literal:range',
    'method:String.replaceAll', 'method:String.split', 'method:String.matches', 'method:String.substring',
    'method:Map.keySet', 'method:Map.put', 'method:List.get', 'util.escapeJavaScript', 'input.json', 'newline',
  ];
  assert.deepEqual(expected.filter((f) => !seen.has(f)), []);
});

test('every generated text is a template: no case is empty, none throws while generated', () => {
  for (let i = 0; i < 300; i++) assert.ok(templateText(generateCase(5, i).stmts).length > 0);
});

test('shrinking keeps the asked property and removes everything else it can', async () => {
  const withForeach = (c: GeneratedCase): boolean => /#foreach\(/.test(templateText(c.stmts));
  let index = 0;
  let c = generateCase(3, index);
  while (!withForeach(c)) c = generateCase(3, ++index);
  const small = await shrinkCase(c, async (candidates) => candidates.map(withForeach));
  const text = templateText(small.stmts);
  assert.ok(withForeach(small));
  assert.ok(text.length < templateText(c.stmts).length, text);
  assert.match(text, /^#foreach\(\$\w+ in [^)]*\)#end$/);
  assert.equal(jsonText(small.body), '{}');
});
