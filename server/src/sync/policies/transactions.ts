import { itemsMap } from '@atelier/shared'
import * as Y from 'yjs'

/** What a transaction did to a board's `items` map, read from Yjs' own bookkeeping. */

/** A shared type as `Transaction.changed` keys it. */
export type ChangedType = Y.Transaction['changed'] extends Map<infer Type, unknown> ? Type : never

/** The keys the transaction changed on one shared type (empty when it did not touch it). */
export function changedKeys(transaction: Y.Transaction, type: object): Set<string | null> {
  return transaction.changed.get(type as unknown as ChangedType) ?? new Set()
}

/** The id of the item a nested type belongs to (its map, its text…), or null outside `items`. */
function itemIdOf(type: ChangedType, items: unknown): string | null {
  let current = type
  while (current._item) {
    const parent = current._item.parent
    if (parent === items) return current._item.parentSub
    if (!(parent instanceof Y.AbstractType)) return null
    current = parent
  }
  return null
}

/** Ids of the items the transaction added, changed (at any depth) or deleted. */
export function touchedItemIds(transaction: Y.Transaction): Set<string> {
  const items = itemsMap(transaction.doc)
  const ids = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    if ((type as unknown) === items) {
      for (const key of keys) if (key !== null) ids.add(key)
      continue
    }
    const id = itemIdOf(type, items)
    if (id !== null) ids.add(id)
  }
  return ids
}

/** Something holding entries by id, as the `items` map does (whatever it says its values are). */
export interface Entries {
  get(id: string): unknown
}

/** The item map under an id, or null when the entry is missing or is not a map (junk). */
export function itemMapOf(items: Entries, id: string): Y.Map<unknown> | null {
  const item = items.get(id)
  return item instanceof Y.Map ? item : null
}

/** Ids of the items whose map the transaction itself inserted. */
export function createdItemIds(transaction: Y.Transaction): Set<string> {
  const items = itemsMap(transaction.doc)
  const created = new Set<string>()
  for (const id of changedKeys(transaction, items)) {
    const struct = id === null ? null : itemMapOf(items, id)?._item
    if (id !== null && struct && struct.id.clock >= (transaction.beforeState.get(struct.id.client) ?? 0)) {
      created.add(id)
    }
  }
  return created
}

/** Ids of the items that existed before the transaction and had one of `keys` set or removed by it. */
export function itemsWithKeyChanged(transaction: Y.Transaction, keys: readonly string[]): Set<string> {
  const items = itemsMap(transaction.doc)
  const created = createdItemIds(transaction)
  const ids = new Set<string>()
  for (const [type, typeKeys] of transaction.changed) {
    const id = type._item?.parent === items ? type._item.parentSub : null
    if (id === null || created.has(id)) continue
    if (keys.some((key) => typeKeys.has(key))) ids.add(id)
  }
  return ids
}
