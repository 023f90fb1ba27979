import { itemsMap } from '@atelier/shared'
import type { BoardHistory } from '../../history/history.js'
import { isMassDelete, MASS_DELETE_FLOOR } from '../../history/massDelete.js'
import type { RoomPolicy } from './types.js'

/**
 * Versions of the board while people work (any writer, facilitators included): one just before
 * an update that deletes many items, found in the update's footprint before it is applied so the
 * version still holds them, and one every few minutes of activity. Never refuses anything.
 */
export function boardHistory(history: BoardHistory): RoomPolicy {
  const { massDeleteItems } = history.settings
  return {
    name: 'board-history',
    kinds: ['board'],
    async prepare({ room, footprint }) {
      const deleted = footprint.removedItemIds.size
      if (deleted < Math.min(MASS_DELETE_FLOOR, massDeleteItems)) return null
      if (isMassDelete(deleted, itemsMap(room.doc).size, massDeleteItems))
        await history.take(room, 'mass-delete')
      return null
    },
    async onAccepted({ room }, transaction) {
      // A client's first sync often carries nothing new: that is no activity.
      if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return
      await history.takeIfDue(room)
    },
  }
}
