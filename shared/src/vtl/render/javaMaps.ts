// Structural changes of Java maps (LinkedHashMap's modCount), and `keySet()`, `values()` and `entrySet()` as
// the live views Java returns: a view shows the map as it is when read (a key put after `keySet()` was taken
// is in it), and removing through a view removes from the map. A view is a Proxy over an empty array, so it
// prints, iterates and compares like the other collections.
import { arrayIndexKey as indexKey, collectionView, JavaMapEntry } from './javaValues';

type JavaMap = Map<unknown, unknown>;

/** What a map view shows of each entry. */
export type MapViewKind = 'keys' | 'values' | 'entries';

/** `HashMap.modCount`: how many times a key was added or removed (only maps changed by a template have one). */
const modCounts = new WeakMap<JavaMap, number>();
const viewKinds = new WeakMap<unknown[], MapViewKind>();

/** How many times a map gained or lost a key (what an iterator over it compares). */
export function mapModCount(map: JavaMap): number {
  return modCounts.get(map) ?? 0;
}

function structurallyChanged(map: JavaMap): void {
  modCounts.set(map, mapModCount(map) + 1);
}

/** `map.put(key, value)`: a new key is a structural change, a new value for a key is not. */
export function putMapEntry(map: JavaMap, key: unknown, value: unknown): void {
  if (!map.has(key)) structurallyChanged(map);
  map.set(key, value);
}

/** `map.remove(key)`; false when there was no such key. */
export function deleteMapEntry(map: JavaMap, key: unknown): boolean {
  if (!map.delete(key)) return false;
  structurallyChanged(map);
  return true;
}

/** `map.clear()` (a structural change even when empty, as HashMap counts it). */
export function clearMap(map: JavaMap): void {
  map.clear();
  structurallyChanged(map);
}

/** `map.keySet()`, `map.values()` or `map.entrySet()`: a live view, in the map's order. */
export function mapView(map: JavaMap, kind: MapViewKind): unknown[] {
  let keys: unknown[] = [];
  let keysSeenAt = -1;
  // Java's entries are the map's own nodes: the same entry object for a key every time.
  const entries = new Map<unknown, JavaMapEntry>();
  const currentKeys = (): unknown[] => {
    if (keysSeenAt !== mapModCount(map) || keys.length !== map.size) {
      keys = [...map.keys()];
      keysSeenAt = mapModCount(map);
    }
    return keys;
  };
  const itemAt = (index: number): unknown => {
    const key = currentKeys()[index];
    if (kind === 'keys') return key;
    if (kind === 'values') return map.get(key);
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = new JavaMapEntry(map, key)));
    return entry;
  };
  const view = new Proxy<unknown[]>([], {
    get(target, key, receiver) {
      if (key === 'length') return map.size;
      const index = indexKey(key);
      if (index === undefined) return Reflect.get(target, key, receiver) as unknown;
      return index < map.size ? itemAt(index) : undefined;
    },
    has(target, key) {
      const index = indexKey(key);
      return index === undefined ? Reflect.has(target, key) : index < map.size;
    },
    ownKeys: () => [...Array.from({ length: map.size }, (_, i) => String(i)), 'length'],
    getOwnPropertyDescriptor(target, key) {
      const index = indexKey(key);
      if (index === undefined) return Reflect.getOwnPropertyDescriptor(target, key);
      return index < map.size ? { value: itemAt(index), writable: false, enumerable: true, configurable: true } : undefined;
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
  viewKinds.set(view, kind);
  return collectionView(view, map);
}

/** What a map view shows, or undefined for anything else. */
export function mapViewKind(value: unknown[]): MapViewKind | undefined {
  return viewKinds.get(value);
}
