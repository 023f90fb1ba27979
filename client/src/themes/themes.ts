import {
  type ColumnGroup,
  containingFrame,
  type ItemPatch,
  type ItemSnapshot,
  planColumns,
  proposeThemes,
  readingOrder,
  type ThemeProposal,
} from '@atelier/shared'
import { selectedFrame } from '../commands/helpers.js'
import type { Command } from '../commands/types.js'
import type { BoardStore } from '../store/BoardStore.js'

/** The notes whose nearest frame is `frameId`, in reading order. */
export function frameNotes(board: BoardStore, frameId: string): ItemSnapshot[] {
  const items = [...board.getItems().values()]
  const frames = items.filter((item) => item.type === 'frame')
  return readingOrder(
    items.filter((item) => item.type === 'note' && containingFrame(item, frames)?.id === frameId),
  )
}

/** Themes of a frame's notes, computed on this screen (no remote service). */
export function proposeFrameThemes(board: BoardStore, frameId: string): ThemeProposal {
  return proposeThemes(frameNotes(board, frameId).map((note) => ({ id: note.id, text: note.text ?? '' })))
}

/**
 * Writes the accepted themes as titled columns inside the frame: the titles, the notes' moves and
 * the frame's growth in one transaction, so one undo takes it all back.
 */
export function applyThemes(
  board: BoardStore,
  frameId: string,
  groups: readonly ColumnGroup[],
  author?: string,
): void {
  const plan = planColumns([...board.getItems().values()], frameId, groups)
  if (!plan) return
  const patches = new Map<string, ItemPatch>(plan.moves)
  if (plan.resize) patches.set(plan.resize.id, { w: plan.resize.w, h: plan.resize.h })
  board.transact(() => {
    board.create(plan.titles.map((title) => ({ ...title, ...(author ? { author } : {}) })))
    board.update(patches)
  })
}

/** "Regrouper par thème": opens the preview of the selected frame's themes (facilitators). */
export const groupByTheme: Command = {
  id: 'groupByTheme',
  labelKey: 'commands.groupByTheme',
  group: 'arrange',
  contextMenu: true,
  enabled: (ctx) => {
    const frame = selectedFrame(ctx)
    return ctx.facilitator === true && frame !== null && frameNotes(ctx.board, frame.id).length > 1
  },
  run: (ctx) => ctx.view.set({ panel: 'themes', menu: null }),
}
