import { itemsMap } from '@atelier/shared'
import * as Y from 'yjs'
import type { Connection } from '../connection.js'
import type { Room } from '../rooms.js'
import { SERVER_ORIGIN } from '../rooms.js'
import { stampCreatedItems } from './authors.js'
import { lockViews, protectedItemIds } from './locks.js'
import { itemsWithKeyChanged, touchedItemIds } from './transactions.js'
import type { RelayServices, RoomPolicy, UpdateCheck } from './types.js'

/** Keys of an existing item that only facilitators (or the relay) may change. */
const FACILITATOR_KEYS = ['locked', 'author'] as const

/**
 * The rules of the board document for participants: locked items (and items of locked frames)
 * stay as they are, only facilitators change `locked` or an existing `author`, and new items carry
 * their creator's person id.
 *
 * Yjs merges every update, so a change cannot be refused once the sender has made it locally.
 * The relay applies the update, and when it breaks a rule, undoes the whole update with an
 * UndoManager that tracks only this connection's origin: the update and its undo are stored and
 * forwarded in the same queue task, and every replica, the sender's included, converges on the
 * state without the change. Undoing the whole update (rather than its offending part) keeps the
 * rule simple; a client that mirrors the rules never sends such an update.
 */
export function boardRules(services: RelayServices): RoomPolicy {
  return {
    name: 'board-rules',
    kinds: ['board'],
    async beforeClientUpdate(room: Room, connection: Connection): Promise<UpdateCheck | null> {
      if (connection.role === 'facilitator') return null
      const { lockedFrameIds } = await services.sessionState(room.boardId)
      const views = lockViews(itemsMap(room.doc), lockedFrameIds.length > 0)
      const protectedIds = protectedItemIds(views, lockedFrameIds)
      const undo = new Y.UndoManager(itemsMap(room.doc), {
        trackedOrigins: new Set([connection]),
        captureTimeout: 0,
      })
      return {
        afterTransaction(transaction) {
          const offending = [...touchedItemIds(transaction)].filter((id) => protectedIds.has(id))
          const forbiddenKeys = itemsWithKeyChanged(transaction, FACILITATOR_KEYS)
          if (offending.length > 0 || forbiddenKeys.size > 0) {
            connection.log.info(
              { lockedItems: offending, facilitatorKeysOn: [...forbiddenKeys] },
              'reverted an update that breaks the board rules',
            )
            undo.undo()
            return
          }
          stampCreatedItems(transaction, connection.personId, SERVER_ORIGIN)
        },
        dispose() {
          undo.destroy()
        },
      }
    },
  }
}
