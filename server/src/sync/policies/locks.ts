import { centerOf, itemsMap, type Rect, rectContainsPoint } from '@atelier/shared'
import type * as Y from 'yjs'
import { type Entries, itemMapOf, touchedItemIds } from './transactions.js'
import type { RelayServices, RoomPolicy } from './types.js'

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

function rectOf(item: Y.Map<unknown>): Rect {
  return { x: num(item.get('x')), y: num(item.get('y')), w: num(item.get('w')), h: num(item.get('h')) }
}

/**
 * Which of `candidates` a participant may not change: items with `locked: true`, the frames listed
 * in the session's `lockedFrameIds`, and items whose centre lies inside one of those frames. Reads
 * only the candidates and the locked frames, so its cost follows the update, not the board.
 * Entries that are not item maps (junk) protect nothing.
 */
export function protectedItemIds(
  items: Entries,
  candidates: Iterable<string>,
  lockedFrameIds: readonly string[],
): Set<string> {
  const lockedFrames = new Set(lockedFrameIds)
  const frames = lockedFrameIds
    .map((id) => itemMapOf(items, id))
    .filter((frame): frame is Y.Map<unknown> => frame?.get('type') === 'frame')
    .map(rectOf)
  const ids = new Set<string>()
  for (const id of candidates) {
    const item = itemMapOf(items, id)
    if (!item) continue
    if (item.get('locked') === true || lockedFrames.has(id)) ids.add(id)
    else if (frames.some((frame) => rectContainsPoint(frame, centerOf(rectOf(item))))) ids.add(id)
  }
  return ids
}

/**
 * Locked items and the items of locked frames stay as they are for participants. Which of the
 * items the update touches are protected is read before it is applied (a move out of a locked
 * frame is judged by where the item was); an update that touches one is reverted whole.
 */
export function locks(services: RelayServices): RoomPolicy {
  return {
    name: 'locks',
    kinds: ['board'],
    async prepare({ room, connection, footprint }) {
      if (connection.role === 'facilitator') return null
      const { lockedFrameIds } = await services.sessionState(room.boardId)
      const protectedIds = protectedItemIds(itemsMap(room.doc), footprint.itemIds, lockedFrameIds)
      return {
        refusal(transaction) {
          const touched = [...touchedItemIds(transaction)]
          const unforeseen = touched.filter((id) => !footprint.itemIds.has(id))
          if (unforeseen.length > 0) return `touched items it was not read for (${unforeseen.join(', ')})`
          const offending = touched.filter((id) => protectedIds.has(id))
          return offending.length > 0 ? `changes locked items (${offending.join(', ')})` : null
        },
      }
    },
  }
}
