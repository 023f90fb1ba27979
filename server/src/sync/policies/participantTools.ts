import { itemsMap, toolsAllowItem } from '@atelier/shared'
import { createdItemIds, itemMapOf, itemsWithKeyChanged } from './transactions.js'
import type { RelayServices, RoomPolicy } from './types.js'

/**
 * The writing tools the facilitator gives participants (for the board, or for the step in
 * progress: "simple", "complet" or a choice of their own) are enforced here, not only hidden in
 * the toolbar: a participant's update that creates an item no given tool makes (a frame, a shape,
 * a connector while the step is "simple"), or turns an existing item into one (its `type` or
 * `shape` rewritten), is refused and so reverted whole. Items of other kinds already on the board
 * stay theirs to move and edit under the other rules. Facilitators are never limited.
 */
export function participantTools(services: RelayServices): RoomPolicy {
  return {
    name: 'participant-tools',
    kinds: ['board', 'private'],
    async prepare({ room, connection }) {
      if (connection.role === 'facilitator') return null
      const tools = (await services.sessionState(room.boardId)).participantTools
      return {
        refusal(transaction) {
          const items = itemsMap(transaction.doc)
          const made = new Set([
            ...createdItemIds(transaction),
            ...itemsWithKeyChanged(transaction, ['type', 'shape']),
          ])
          for (const id of made) {
            const item = itemMapOf(items, id)
            if (!item) continue
            const kind = { type: String(item.get('type')), shape: item.get('shape') }
            if (!toolsAllowItem(tools, kind)) {
              const what = kind.type === 'shape' ? `a ${String(kind.shape)} shape` : `a ${kind.type}`
              return `creates ${what} (${id}) with a tool participants do not have (${tools.join(', ') || 'none'})`
            }
          }
          return null
        },
      }
    },
  }
}
