import { itemsMap } from '@atelier/shared'
import * as Y from 'yjs'

/** Whether two values of an item's key hold the same thing (shared types by content). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) {
    return (
      a instanceof Y.AbstractType &&
      b instanceof Y.AbstractType &&
      a.constructor === b.constructor &&
      JSON.stringify(a instanceof Y.Text ? a.toDelta() : a.toJSON()) ===
        JSON.stringify(b instanceof Y.Text ? b.toDelta() : b.toJSON())
    )
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b) === 0
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A value ready to be set in another document: shared types are copied, plain values kept. */
function copyOf(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.clone() : value
}

/**
 * Makes `target` hold what `source` holds, key by key, touching only the keys that differ. A text
 * is rewritten in place rather than replaced, so the clients' cursors in it stay attached.
 */
function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key)
  for (const [key, value] of source) {
    const current = target.get(key)
    if (sameValue(current, value)) continue
    if (current instanceof Y.Text && value instanceof Y.Text) {
      current.delete(0, current.length)
      current.applyDelta(value.toDelta())
    } else {
      target.set(key, copyOf(value))
    }
  }
}

/**
 * Makes the board's items those of a version, in one transaction of `origin`: items the version
 * lacks are deleted, changed ones are set back key by key, missing ones are copied in with their
 * ids. A new change like any other, so every replica receives it; the rest of the document
 * (meta) is left as it is. Returns the number of items the board then holds.
 */
export function restoreItems(doc: Y.Doc, versionState: Uint8Array, origin: unknown): number {
  const version = new Y.Doc()
  try {
    Y.applyUpdate(version, versionState)
    const source = itemsMap(version)
    const target = itemsMap(doc)
    doc.transact(() => {
      for (const id of [...target.keys()]) if (!source.has(id)) target.delete(id)
      for (const [id, item] of source) {
        const current = target.get(id)
        if (current instanceof Y.Map && item instanceof Y.Map) syncMap(current, item)
        else if (!sameValue(current, item)) target.set(id, copyOf(item) as Y.Map<unknown>)
      }
    }, origin)
    return source.size
  } finally {
    version.destroy()
  }
}
