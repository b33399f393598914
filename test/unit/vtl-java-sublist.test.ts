// `List.subList` is a live view, and Java's iterators and views fail once their list changed size
// (ArrayList's modCount). Every expected output or exception was produced by the Velocity 1.7 jar set up as
// in test/oracle (`$input.path('$.list')` reads the body's array as json-smart's JSONArray).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate } from '../../shared/src/vtl/render/index';

interface ListCase {
  name: string;
  template: string;
  expected?: string;
  /** The Java exception class that stops the render. */
  error?: string;
}

const LIST = '#set($l = [1, 2, 3, 4, 5])#set($s = $l.subList(1, 3))';

const CASES: ListCase[] = [
  { name: 'add through a view inserts into the list', template: `${LIST}$s.add(9)$l $s`, expected: 'true[1, 2, 3, 9, 4, 5] [2, 3, 9]' },
  { name: 'add at an index of a view', template: `${LIST}$s.add(0, 'a')$l $s`, expected: '[1, a, 2, 3, 4, 5] [a, 2, 3]' },
  { name: 'set through a view, by method and by #set on an index', template: `${LIST}$s.set(0, 'z')$l|#set($s[1] = 'y')$l`, expected: '2[1, z, 3, 4, 5]|[1, z, y, 4, 5]' },
  { name: 'a set on the list shows through the view', template: `${LIST}$l.set(1, 'z')$s`, expected: '2[z, 3]' },
  { name: 'clear and remove through a view', template: `${LIST}$s.remove(0)$l $s|$s.clear()$l $s`, expected: '2[1, 3, 4, 5] [3]|[1, 4, 5] []' },
  { name: 'remove(int) past the view is out of bounds', template: `${LIST}$s.remove(3)`, error: 'java.lang.IndexOutOfBoundsException' },
  { name: 'addAll of the list itself copies it first', template: `${LIST}$s.addAll($l)$l`, expected: 'true[1, 2, 3, 1, 2, 3, 4, 5, 4, 5]' },
  {
    name: 'a view of a view: changes go through to both',
    template: `${LIST}#set($t = $s.subList(0, 1))$t.add('q')$l $s $t`,
    expected: 'true[1, 2, q, 3, 4, 5] [2, q, 3] [2, q]',
  },
  {
    name: 'clearing a view of a view shrinks the view and the list',
    template: '#set($l = [1, 2, 3, 4, 5])#set($s = $l.subList(1, 4))#set($t = $s.subList(1, 3))$t.clear()$l $s $t',
    expected: '[1, 2, 5] [2] []',
  },
  { name: 'List methods on a view', template: `${LIST}$s.equals([2, 3]) $s.indexOf(3) $s.contains(5) $s.get(1) $s[-1] $s.toString() $s.size()`, expected: 'true 1 false 3 3 [2, 3] 2' },
  {
    name: 'a view of a JSON array prints as a Java list, and writes through to the body\'s array',
    template: "#set($j = $input.path('$.list'))#set($v = $j.subList(1, 3))$v|$v.add(9)$j $input.path('$.list')",
    expected: '[2, 3]|true[1,2,3,9,4,5] [1,2,3,9,4,5]',
  },
  { name: 'a view of an array (split) writes through but cannot grow', template: '#set($t = "a,b,c")#set($a = $t.split(","))#set($v = $a.subList(0, 2))$v.set(0, \'z\')$a.get(0) $v', expected: 'az [z, b]' },
  { name: 'adding to a view of an array is unsupported', template: '#set($t = "a,b,c")#set($a = $t.split(","))#set($v = $a.subList(0, 2))$v.add(\'z\')', error: 'java.lang.UnsupportedOperationException' },
  { name: 'a view is stale once its list changed size: printing it', template: `${LIST}$l.add(9)$s`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: calling a method on it', template: `${LIST}$l.remove(0)$s.size()`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: #if asks its toString()', template: `${LIST}$l.clear()#if($s)y#end`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: #foreach over it', template: `${LIST}$l.add(9)#foreach($x in $s)$x#end`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: an index on it', template: `${LIST}$l.add(9)$s[0]`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a stale view: in a string or with ==', template: `${LIST}$l.add(9)#set($t = "$s")`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a sibling view goes stale when another view adds', template: `${LIST}#set($t = $l.subList(0, 1))$t.add('q')$s`, error: 'java.util.ConcurrentModificationException' },
  { name: 'a view of a view goes stale when its parent adds', template: `${LIST}#set($t = $s.subList(0, 1))$s.add(7)$t`, error: 'java.util.ConcurrentModificationException' },
  {
    name: 'a stale view that is never used, or used only for a missing method, is harmless',
    template: `${LIST}$l.add(0)#set($m = {"a": $s})#set($x = "$!s.foo()")ok $l $l.contains($s)`,
    expected: 'trueok [1, 2, 3, 4, 5, 0] false',
  },
  { name: 'adding through a view while #foreach walks the list fails', template: `${LIST}#foreach($x in $l)$s.add($x)#end`, error: 'java.util.ConcurrentModificationException' },
  { name: 'adding through a view while #foreach walks the view fails', template: `${LIST}#foreach($x in $s)$s.add(1)#end`, error: 'java.util.ConcurrentModificationException' },
  { name: 'set on the list while #foreach walks a view is fine', template: `${LIST}#foreach($x in $s)$l.set(0, $x)#end$l`, expected: '12[3, 2, 3, 4, 5]' },
  {
    name: '#foreach fails on add + remove that leave the size as it was, unless it was at the end',
    template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 3)$l.add(9)$l.remove(0)#end#end|$l',
    expected: '123true1|[2, 3, 9]',
  },
  { name: '#foreach: add + remove before the end', template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 1)$l.add(9)$l.remove(0)#end#end', error: 'java.util.ConcurrentModificationException' },
  {
    name: '#foreach: removing the item before the cursor ends the loop early without failing',
    template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 2)$l.remove(0)#end#end|$l',
    expected: '121|[2, 3]',
  },
  { name: '#foreach: removing behind the cursor past the end fails', template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 2)$l.remove(0)$l.remove(0)#end#end', error: 'java.util.ConcurrentModificationException' },
  { name: '#foreach: clear on the last item still fails', template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 3)$l.clear()#end#end', error: 'java.util.ConcurrentModificationException' },
  { name: '#foreach: addAll of nothing counts as a change', template: '#set($l = [1, 2, 3])#foreach($x in $l)$x#if($foreach.count == 1)$l.addAll([])#end#end', error: 'java.util.ConcurrentModificationException' },
];

for (const c of CASES) {
  test(`Velocity 1.7 lists: ${c.name}`, () => {
    const result = renderTemplate({ template: c.template, body: '{"list": [1, 2, 3, 4, 5]}', params: { path: {}, querystring: {}, header: {} }, context: {}, stageVariables: {} });
    if (c.error) {
      assert.equal(result.error?.code, 'vtl-java-exception', JSON.stringify(result));
      assert.ok(result.error.message.startsWith(c.error), result.error.message);
      return;
    }
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.equal(result.output, c.expected);
  });
}

test('a stale view left in $context does not make the render throw', () => {
  const result = renderTemplate({
    template: '#set($l = [1, 2])#set($s = $l.subList(0, 1))#set($context.responseOverride.header.X = $s)$l.add(3)done',
    body: '',
    params: { path: {}, querystring: {}, header: {} },
    context: { responseOverride: { header: {} } },
    stageVariables: {},
  });
  assert.equal(result.output, 'truedone');
  assert.deepEqual(result.context, { responseOverride: { header: {} } });
});
