import { itemsMap } from '@atelier/shared'
import type * as Y from 'yjs'
import { SERVER_ORIGIN } from '../rooms.js'
import { createdItemIds, itemMapOf } from './transactions.js'
import type { RoomPolicy } from './types.js'

/**
 * Corrects the items a writer created in `transaction`: `author` becomes `personId` whatever it
 * sent, and `locked` is removed (only facilitators lock). Runs as one transaction of its own, so
 * every replica, the writer's included, receives the correction.
 */
function stampCreatedItems(transaction: Y.Transaction, personId: string): void {
  const doc = transaction.doc
  const items = itemsMap(doc)
  const toFix = [...createdItemIds(transaction)]
    .map((id) => itemMapOf(items, id))
    .filter((item): item is Y.Map<unknown> => item !== null)
    .filter((item) => item.get('author') !== personId || item.has('locked'))
  if (toFix.length === 0) return
  doc.transact(() => {
    for (const item of toFix) {
      if (item.get('author') !== personId) item.set('author', personId)
      if (item.has('locked')) item.delete('locked')
    }
  }, SERVER_ORIGIN)
}

/**
 * New items carry their creator's person id: a participant's on the board, the owner's in a private
 * room (whoever writes there, the note is the owner's). A facilitator's board items keep what they sent.
 */
export function authors(): RoomPolicy {
  return {
    name: 'authors',
    kinds: ['board', 'private'],
    prepare({ room, connection }) {
      const target = room.target
      const personId = target.kind === 'private' ? target.personId : connection.personId
      if (target.kind === 'board' && connection.role === 'facilitator') return null
      return { correct: (transaction) => stampCreatedItems(transaction, personId) }
    },
  }
}
