import { itemsWithKeyChanged } from './transactions.js'
import type { RoomPolicy } from './types.js'

/** Keys of an existing item that only facilitators (or the relay) may change. */
const FACILITATOR_KEYS = ['locked', 'author'] as const

/** Only facilitators lock, unlock or re-author an existing item; a participant update that does is reverted. */
export function facilitatorKeys(): RoomPolicy {
  return {
    name: 'facilitator-keys',
    kinds: ['board'],
    prepare({ connection }) {
      if (connection.role === 'facilitator') return null
      return {
        refusal(transaction) {
          const ids = itemsWithKeyChanged(transaction, FACILITATOR_KEYS)
          return ids.size > 0
            ? `changes ${FACILITATOR_KEYS.join(' or ')} of items (${[...ids].join(', ')})`
            : null
        },
      }
    },
  }
}
