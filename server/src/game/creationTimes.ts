import { itemsMap } from '@atelier/shared'
import type * as Y from 'yjs'
import { createdItemIds, itemsWithKeyChanged } from '../sync/policies/transactions.js'
import type { RoomPolicy } from '../sync/policies/types.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'

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
    beforeClientUpdate(room) {
      // The old `createdAt` of items the update changes, read from Yjs' events rather than by
      // copying every item's value before each update.
      const before = new Map<string, unknown>()
      const items = itemsMap(room.doc)
      const remember = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        for (const event of events) {
          const change = event.changes.keys.get('createdAt')
          const id = event.target._item?.parentSub
          if (change && change.action !== 'add' && event.target._item?.parent === items && id) {
            if (!before.has(id)) before.set(id, change.oldValue)
          }
        }
      }
      items.observeDeep(remember)
      return {
        afterTransaction(transaction: Y.Transaction) {
          const at = now()
          const fixes: Array<[Y.Map<unknown>, number]> = []
          for (const id of createdItemIds(transaction)) {
            const item = items.get(id)
            const sent = item?.get('createdAt')
            if (item && (typeof sent !== 'number' || Math.abs(sent - at) > CREATED_AT_TOLERANCE_MS))
              fixes.push([item, at])
          }
          for (const id of itemsWithKeyChanged(transaction, ['createdAt'])) {
            const item = items.get(id)
            const old = before.get(id)
            if (item && typeof old === 'number' && item.get('createdAt') !== old) fixes.push([item, old])
          }
          if (fixes.length === 0) return
          room.doc.transact(() => {
            for (const [item, value] of fixes) item.set('createdAt', value)
          }, SERVER_ORIGIN)
        },
        dispose() {
          items.unobserveDeep(remember)
        },
      }
    },
  }
}
