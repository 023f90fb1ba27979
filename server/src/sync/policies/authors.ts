import { itemsMap } from '@atelier/shared'
import type * as Y from 'yjs'
import { createdItemIds } from './transactions.js'

/**
 * Corrects the items a non-facilitator writer created in `transaction`: `author` becomes the
 * writer's person id whatever it sent, and `locked` is removed (only facilitators lock). Runs as
 * one transaction of its own, so every replica, the writer's included, receives the correction.
 */
export function stampCreatedItems(transaction: Y.Transaction, personId: string, origin: unknown): void {
  const doc = transaction.doc
  const items = itemsMap(doc)
  const toFix = [...createdItemIds(transaction)]
    .map((id) => items.get(id))
    .filter((item): item is Y.Map<unknown> => item !== undefined)
    .filter((item) => item.get('author') !== personId || item.has('locked'))
  if (toFix.length === 0) return
  doc.transact(() => {
    for (const item of toFix) {
      if (item.get('author') !== personId) item.set('author', personId)
      if (item.has('locked')) item.delete('locked')
    }
  }, origin)
}
