import { itemsMap } from '@atelier/shared'
import { type Entries, itemMapOf, touchedItemIds } from './transactions.js'
import type { RelayServices, RoomPolicy } from './types.js'

/** Which of `candidates` someone other than `personId` created (items without an author are everybody's). */
export function othersItemIds(items: Entries, candidates: Iterable<string>, personId: string): Set<string> {
  const ids = new Set<string>()
  for (const id of candidates) {
    const author = itemMapOf(items, id)?.get('author')
    if (typeof author === 'string' && author !== personId) ids.add(id)
  }
  return ids
}

/**
 * "Chacun ne modifie que ses propres notes": while the session's `ownItemsOnly` is on (the
 * default), a participant's update that changes, moves or deletes an item someone else created
 * is refused, and so reverted whole for everyone, the way a change to a locked item is. Which of
 * the items the update touches are someone else's is read before it is applied, from the
 * update's footprint only. Facilitators are never limited.
 */
export function ownItems(services: RelayServices): RoomPolicy {
  return {
    name: 'own-items',
    kinds: ['board'],
    async prepare({ room, connection, footprint }) {
      if (connection.role === 'facilitator') return null
      if (!(await services.sessionState(room.boardId)).ownItemsOnly) return null
      const others = othersItemIds(itemsMap(room.doc), footprint.itemIds, connection.personId)
      if (others.size === 0) return null
      return {
        refusal(transaction) {
          const offending = [...touchedItemIds(transaction)].filter((id) => others.has(id))
          return offending.length > 0 ? `changes other people's items (${offending.join(', ')})` : null
        },
      }
    },
  }
}
