import {
  boundsOf,
  frameContents,
  type ItemSnapshot,
  type Rect,
  rotatedBounds,
  type ToolId,
  WRITING_TOOL_IDS,
} from '@atelier/shared'
import type { BoardStore } from './BoardStore.js'
import type { ParticipantRules } from './ViewStore.js'

/** Who may change what: the relay enforces the same rule, the client just does not offer it. */
export interface Permissions {
  readOnly: boolean
  /** Facilitators may move and edit locked items. */
  facilitator?: boolean
  /** This person's id: with "own items only" on, they change only the items they created. */
  author?: string
  view?: { getState(): { participantRules: ParticipantRules | null } }
}

export function canModify(perms: Permissions, item: ItemSnapshot | undefined): boolean {
  if (!item || perms.readOnly) return false
  if (perms.facilitator === true) return true
  if (item.locked) return false
  const ownOnly = perms.view?.getState().participantRules?.ownItemsOnly === true
  return !ownOnly || item.author === undefined || item.author === perms.author
}

/** Whether a writing tool is one the facilitator gives participants now (read-only tools always are). */
export function toolAllowed(perms: Permissions, tool: ToolId): boolean {
  const rules = perms.view?.getState().participantRules
  return (
    !rules || !(WRITING_TOOL_IDS as readonly string[]).includes(tool) || rules.tools.some((t) => t === tool)
  )
}

/** `ids` plus every other member of their groups, in paint order. */
export function withGroups(board: BoardStore, ids: readonly string[]): string[] {
  const groups = new Set(board.pick(ids).flatMap((item) => (item.groupId ? [item.groupId] : [])))
  if (groups.size === 0) return [...ids]
  const wanted = new Set(ids)
  return board.getItemIds().filter((id) => {
    const item = board.getItem(id)
    return wanted.has(id) || (item?.groupId !== undefined && groups.has(item.groupId))
  })
}

/**
 * What actually moves when `ids` are dragged: the items the person may modify, plus what their
 * frames carry. Connectors are left out: they follow their ends.
 */
export function movingSet(board: BoardStore, perms: Permissions, ids: readonly string[]): Set<string> {
  const own = board.pick(ids).filter((item) => canModify(perms, item))
  const moving = new Set(own.map((item) => item.id))
  const frames = own.filter((item) => item.type === 'frame').map((item) => item.id)
  if (frames.length > 0) {
    for (const id of frameContents(frames, [...board.getItems().values()])) {
      if (canModify(perms, board.getItem(id))) moving.add(id)
    }
  }
  for (const id of [...moving]) if (board.getItem(id)?.type === 'connector') moving.delete(id)
  return moving
}

/** Where an item is drawn, rotation included (callers leave connectors out: they have no box). */
export function itemBounds(item: ItemSnapshot): Rect {
  return rotatedBounds(item, item.rotation)
}

export function selectionBounds(board: BoardStore, ids: readonly string[]): Rect | null {
  return boundsOf(
    board
      .pick(ids)
      .filter((item) => item.type !== 'connector')
      .map(itemBounds),
  )
}
