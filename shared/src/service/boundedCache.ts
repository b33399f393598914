/** A map that forgets its least recently used entries beyond `capacity`. */
export class BoundedCache<K, V> {
  /** A cache alive for good, so that the code optimised for caches outlives each service (see jsonTree.ts, `liveNodes`). */
  private static readonly alive = new BoundedCache<unknown, unknown>(1);
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  /** The cached value, or `make()` stored under `key`. */
  getOrCreate(key: K, make: () => V): V {
    return this.get(key) ?? this.set(key, make());
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
