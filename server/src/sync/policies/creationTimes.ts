import { itemsMap } from '@atelier/shared'
import type * as Y from 'yjs'
import { SERVER_ORIGIN } from '../rooms.js'
import { createdItemIds, itemMapOf, itemsWithKeyChanged } from './transactions.js'
import type { RoomPolicy } from './types.js'

/** A browser clock this close to the relay's is left alone: no correction traffic for honest clients. */
export const CREATED_AT_TOLERANCE_MS = 5000

/**
 * `createdAt` is the relay's time. Idea sprints count the notes created within the sprint, and a
 * browser sets `createdAt` itself: a skewed clock, or a modified client back-dating its notes into
 * the sprint, would move notes in or out of it. So the relay rewrites the `createdAt` of each new
 * item that is off by more than the tolerance, and puts back the old value when a writer changes
 * the `createdAt` of an existing item. Like the author stamp, the correction is a transaction of
 * its own, stored and forwarded with the update, so every replica converges on it.
 */
export function creationTimes(now: () => number): RoomPolicy {
  return {
    name: 'creation-times',
    kinds: ['board'],
    prepare({ room, footprint }) {
      const items = itemsMap(room.doc)
      // The `createdAt` of the items the update touches, as they are before it.
      const before = new Map<string, unknown>()
      for (const id of footprint.itemIds) before.set(id, itemMapOf(items, id)?.get('createdAt'))
      return {
        correct(transaction: Y.Transaction) {
          const at = now()
          const fixes: Array<[Y.Map<unknown>, number]> = []
          for (const id of createdItemIds(transaction)) {
            const item = itemMapOf(items, id)
            const sent = item?.get('createdAt')
            if (item && (typeof sent !== 'number' || Math.abs(sent - at) > CREATED_AT_TOLERANCE_MS))
              fixes.push([item, at])
          }
          for (const id of itemsWithKeyChanged(transaction, ['createdAt'])) {
            const item = itemMapOf(items, id)
            const old = before.get(id)
            if (item && typeof old === 'number' && item.get('createdAt') !== old) fixes.push([item, old])
          }
          if (fixes.length === 0) return
          room.doc.transact(() => {
            for (const [item, value] of fixes) item.set('createdAt', value)
          }, SERVER_ORIGIN)
        },
      }
    },
  }
}
