/** Maps are compared by content. */
function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value] : value
}

/**
 * The next snapshot with its unchanged parts taken from the previous one, so that components
 * selecting them do not re-render; the previous snapshot itself when nothing changed. Parts are
 * compared by content (maps included).
 */
export function keepUnchanged<T extends object>(previous: T, next: T): T {
  const keys = Object.keys(next) as (keyof T)[]
  const same = (key: keyof T) =>
    JSON.stringify(previous[key], replacer) === JSON.stringify(next[key], replacer)
  if (keys.every(same)) return previous
  return Object.fromEntries(keys.map((key) => [key, same(key) ? previous[key] : next[key]])) as T
}
