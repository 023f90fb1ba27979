import { itemsMap } from '@atelier/shared'
import type * as Y from 'yjs'
import { SERVER_ORIGIN } from '../rooms.js'
import { createdItemIds, itemMapOf, touchedItemIds } from './transactions.js'
import type { RoomPolicy } from './types.js'

/** Item key holding the relay's time of the item's last change (epoch ms). */
export const UPDATED_AT_KEY = 'updatedAt'

/**
 * The CSV says when each note was last changed. Stamping every keystroke would grow the document
 * with each one, so the stamp is refreshed at most once a minute per item: the time is right to
 * the minute, which is what a spreadsheet of workshop notes needs.
 */
export const UPDATE_STAMP_INTERVAL_MS = 60_000

/**
 * Records `updatedAt` on the items a writer changes, on the relay's clock (a browser's clock may
 * be off). New items are left alone: their `createdAt` says it. Like the author stamp, the stamp
 * is a correction of the relay's own, stored and forwarded with the update.
 */
export function updateTimes(now: () => number): RoomPolicy {
  return {
    name: 'update-times',
    kinds: ['board'],
    prepare({ room }) {
      return {
        correct(transaction: Y.Transaction) {
          const items = itemsMap(room.doc)
          const created = createdItemIds(transaction)
          const at = now()
          const stale: Y.Map<unknown>[] = []
          for (const id of touchedItemIds(transaction)) {
            const item = itemMapOf(items, id)
            if (!item || created.has(id)) continue
            const last = item.get(UPDATED_AT_KEY)
            // A time in the future was not the relay's: stamped again.
            if (typeof last !== 'number' || last > at || at - last >= UPDATE_STAMP_INTERVAL_MS)
              stale.push(item)
          }
          if (stale.length === 0) return
          room.doc.transact(() => {
            for (const item of stale) item.set(UPDATED_AT_KEY, at)
          }, SERVER_ORIGIN)
        },
      }
    },
  }
}
