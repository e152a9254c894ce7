/**
 * A memo of a pure function, with at most `limit` entries: once full it starts afresh (the answers are cheap
 * to compute again; what matters is that odd input cannot grow it without bound). Whoever runs the work owns
 * one — a check context, an index being built — so nothing is remembered in a module between runs.
 * `undefined` is not a value it can remember.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>()

  constructor(
    private readonly compute: (key: K) => V,
    private readonly limit = 4096,
  ) {}

  get(key: K): V {
    let value = this.map.get(key)
    if (value === undefined) {
      value = this.compute(key)
      if (this.map.size >= this.limit) this.map.clear()
      this.map.set(key, value)
    }
    return value
  }
}
