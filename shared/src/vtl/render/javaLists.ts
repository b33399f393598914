// Structural changes of Java lists, and `List.subList` as the live view Java returns. A view reads and writes
// its backing list's items; adding or removing through it shifts the backing list, and any other change of
// the backing list's size makes every view taken before it throw ConcurrentModificationException on its
// next use (ArrayList's modCount rule). A view is a Proxy over an empty array: `Array.isArray` holds, so it
// prints, iterates, compares and is read like any list, while every read goes to the backing list and
// checks the rule first.
import { JavaException } from './javaException';
import { arrayIndexKey as indexKey, arrayList } from './javaValues';

/** `ArrayList.modCount`: how many times a list's size changed (only lists changed by a template have one). */
const modCounts = new WeakMap<unknown[], number>();

interface SubListState {
  /** The list that holds the items (never a view). */
  readonly root: unknown[];
  /** The view this one was taken from, which changes through this one also resize. */
  readonly parent: SubListState | undefined;
  /** Where the view starts in `root`. */
  readonly offset: number;
  size: number;
  /** `root`'s modCount when this view last saw it. */
  modCount: number;
}

const views = new WeakMap<unknown[], SubListState>();

function modCountOf(list: unknown[]): number {
  return modCounts.get(list) ?? 0;
}

function checkForComodification(state: SubListState): void {
  if (modCountOf(state.root) !== state.modCount) {
    throw new JavaException('java.util.ConcurrentModificationException', 'the list changed size after subList() was taken from it');
  }
}

function viewHandler(state: SubListState): ProxyHandler<unknown[]> {
  return {
    get(target, key, receiver) {
      if (key === 'length') {
        checkForComodification(state);
        return state.size;
      }
      const index = indexKey(key);
      if (index === undefined) return Reflect.get(target, key, receiver) as unknown;
      checkForComodification(state);
      return index < state.size ? state.root[state.offset + index] : undefined;
    },
    set(_target, key, value) {
      const index = indexKey(key);
      if (index === undefined || index >= state.size) return false;
      checkForComodification(state);
      state.root[state.offset + index] = value;
      return true;
    },
    has(target, key) {
      const index = indexKey(key);
      if (index === undefined) return Reflect.has(target, key);
      checkForComodification(state);
      return index < state.size;
    },
    ownKeys() {
      checkForComodification(state);
      return [...Array.from({ length: state.size }, (_, i) => String(i)), 'length'];
    },
    getOwnPropertyDescriptor(target, key) {
      const index = indexKey(key);
      if (index === undefined) return Reflect.getOwnPropertyDescriptor(target, key);
      checkForComodification(state);
      return index < state.size ? { value: state.root[state.offset + index], writable: true, enumerable: true, configurable: true } : undefined;
    },
    deleteProperty: () => false,
    defineProperty: () => false,
  };
}

/** `list.subList(from, to)` (bounds already checked): a live view, itself a list (`[a, b]` when printed). */
export function subListView(list: unknown[], from: number, to: number): unknown[] {
  const parent = views.get(list);
  if (parent) checkForComodification(parent);
  const root = parent ? parent.root : list;
  const state: SubListState = { root, parent, offset: (parent?.offset ?? 0) + from, size: to - from, modCount: modCountOf(root) };
  const view = new Proxy<unknown[]>([], viewHandler(state));
  views.set(view, state);
  return arrayList(view);
}

/** Throws as Java would on any use of a view whose backing list changed size since; nothing for other lists. */
export function checkListUsable(list: unknown[]): void {
  const state = views.get(list);
  if (state) checkForComodification(state);
}

/** How many times the list holding a list's items changed size (what an iterator over it compares). */
export function listModCount(list: unknown[]): number {
  return modCountOf(backingList(list));
}

/** The list whose items a list holds: the backing list of a view, else the list itself. */
export function backingList(list: unknown[]): unknown[] {
  return views.get(list)?.root ?? list;
}

// Spreading a huge list into one splice call would exceed the engine's argument limit.
const SPLICE_CHUNK = 8192;

/**
 * Removes `deleteCount` items at `start` and inserts `items` there, in a list or through a view of one, as
 * ArrayList's add/remove/clear do: the backing list's modCount moves on, and the view and the views it
 * was taken from follow. Returns the removed items.
 */
export function spliceJavaList(list: unknown[], start: number, deleteCount: number, items: readonly unknown[] = []): unknown[] {
  const state = views.get(list);
  if (state) checkForComodification(state);
  const root = state ? state.root : list;
  const at = (state?.offset ?? 0) + start;
  const removed = root.splice(at, deleteCount);
  for (let i = 0; i < items.length; i += SPLICE_CHUNK) root.splice(at + i, 0, ...items.slice(i, i + SPLICE_CHUNK));
  const modCount = modCountOf(root) + 1;
  modCounts.set(root, modCount);
  for (let view = state; view; view = view.parent) {
    view.size += items.length - removed.length;
    view.modCount = modCount;
  }
  return removed;
}
