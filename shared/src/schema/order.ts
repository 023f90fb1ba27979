import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

/**
 * Z-order as fractional indexes: a reorder rewrites only the `z` of the items that move, with a
 * key that sorts between their new neighbours. Two people reordering different items at once
 * touch different keys, so Yjs merges both moves; ties (same key chosen twice) fall back to the
 * creation time and id, which every replica compares the same way.
 */

export interface Ordered {
  id: string
  z?: string
}

export type ReorderKind = 'front' | 'back' | 'forward' | 'backward'

/** The key itself when the library accepts it, else null (keys written by foreign clients). */
function valid(key: string | undefined): string | null {
  if (!key) return null
  try {
    generateKeyBetween(key, null)
    return key
  } catch {
    return null
  }
}

/** A key above `top` (null: the board is empty). */
export function zAbove(top: string | undefined | null): string {
  return generateKeyBetween(valid(top ?? undefined), null)
}

/** `n` increasing keys above `top`, for items created together (paste, duplicate). */
export function zKeysAbove(top: string | undefined | null, n: number): string[] {
  return generateNKeysBetween(valid(top ?? undefined), null, n)
}

/**
 * New keys for the `moved` items so that the board paints in `target` order. Unmoved items keep
 * their keys; each run of moved items gets keys between the unmoved neighbours around it.
 */
function assignKeys(target: readonly Ordered[], moved: ReadonlySet<string>): Map<string, string> {
  const keys = new Map<string, string>()
  let i = 0
  while (i < target.length) {
    if (!moved.has((target[i] as Ordered).id)) {
      i++
      continue
    }
    let end = i
    while (end < target.length && moved.has((target[end] as Ordered).id)) end++
    const before = i > 0 ? valid((target[i - 1] as Ordered).z) : null
    let after = end < target.length ? valid((target[end] as Ordered).z) : null
    // Equal or inverted neighbours (ties between foreign keys): go above `before` instead.
    if (before !== null && after !== null && before >= after) after = null
    const run = generateNKeysBetween(before, after, end - i)
    for (let k = i; k < end; k++) keys.set((target[k] as Ordered).id, run[k - i] as string)
    i = end
  }
  return keys
}

/** Paint order after a reorder of `ids` (given in paint order, bottom first). */
function reorderedIds(ordered: readonly Ordered[], ids: ReadonlySet<string>, kind: ReorderKind): Ordered[] {
  const moving = ordered.filter((item) => ids.has(item.id))
  const staying = ordered.filter((item) => !ids.has(item.id))
  if (kind === 'front') return [...staying, ...moving]
  if (kind === 'back') return [...moving, ...staying]
  const result = [...ordered]
  if (kind === 'forward') {
    for (let i = result.length - 2; i >= 0; i--) {
      const a = result[i] as Ordered
      const b = result[i + 1] as Ordered
      if (ids.has(a.id) && !ids.has(b.id)) [result[i], result[i + 1]] = [b, a]
    }
  } else {
    for (let i = 1; i < result.length; i++) {
      const a = result[i - 1] as Ordered
      const b = result[i] as Ordered
      if (ids.has(b.id) && !ids.has(a.id)) [result[i - 1], result[i]] = [b, a]
    }
  }
  return result
}

/** The `z` patches that carry out a reorder: only the moved items change. */
export function reorder(
  ordered: readonly Ordered[],
  ids: ReadonlySet<string>,
  kind: ReorderKind,
): Map<string, string> {
  // Every reordered item gets a new key: the others keep their keys and their relative order,
  // so the runs between them are always well bounded.
  const target = reorderedIds(ordered, ids, kind)
  if (target.every((item, index) => ordered[index]?.id === item.id)) return new Map()
  return assignKeys(target, ids)
}
