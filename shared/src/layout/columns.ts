import { containingFrame } from '../geometry/containment.js'
import type { Point } from '../geometry/rect.js'
import type { ItemInit, ItemSnapshot } from '../schema/types.js'
import { makeRoomAround } from './arrange.js'
import { LAYOUT_GAP } from './grid.js'

/** One column to lay out: its title and its notes, top to bottom in this order. */
export interface ColumnGroup {
  title: string
  itemIds: readonly string[]
}

interface ColumnPlan {
  /** A text item per column, above its notes. */
  titles: ItemInit[]
  moves: Map<string, Point>
  /** The frame's new size, when the columns need more room. */
  resize: { id: string; w: number; h: number } | null
}

export const COLUMN_TITLE_HEIGHT = 48

/**
 * Columns side by side inside a frame, each a title over its notes stacked downwards, starting
 * below the frame's other items (prompts, earlier titles) and growing the frame to hold them all.
 * Null when `frameId` is not a frame. Pure: the caller writes the plan as one transaction.
 */
export function planColumns(
  items: readonly ItemSnapshot[],
  frameId: string,
  groups: readonly ColumnGroup[],
  gap = LAYOUT_GAP,
): ColumnPlan | null {
  const frame = items.find((item) => item.id === frameId && item.type === 'frame')
  if (!frame) return null
  const byId = new Map(items.map((item) => [item.id, item]))
  const placed = new Set(groups.flatMap((group) => group.itemIds))
  const frames = items.filter((item) => item.type === 'frame')
  const fixedBottom = items
    .filter((item) => item.id !== frame.id && !placed.has(item.id) && item.type !== 'connector')
    .filter((item) => containingFrame(item, frames)?.id === frame.id)
    .reduce((bottom, item) => Math.max(bottom, item.y + item.h), frame.y)
  const notesOf = (group: ColumnGroup) =>
    group.itemIds.map((id) => byId.get(id)).filter((item): item is ItemSnapshot => item !== undefined)
  const columnWidth = Math.max(1, ...groups.flatMap((group) => notesOf(group).map((note) => note.w)))

  const titles: ItemInit[] = []
  const moves = new Map<string, Point>()
  let right = frame.x
  let bottom = fixedBottom
  groups.forEach((group, index) => {
    const x = frame.x + gap + index * (columnWidth + gap)
    const top = fixedBottom + gap
    titles.push({ type: 'text', x, y: top, w: columnWidth, h: COLUMN_TITLE_HEIGHT, text: group.title })
    let y = top + COLUMN_TITLE_HEIGHT + gap / 2
    for (const note of notesOf(group)) {
      moves.set(note.id, { x, y })
      y += note.h + gap
    }
    right = x + columnWidth
    bottom = Math.max(bottom, y - gap)
  })
  const w = Math.max(frame.w, right + gap - frame.x)
  const h = Math.max(frame.h, bottom + gap - frame.y)
  for (const [id, at] of makeRoomAround(items, frame, { ...frame, w, h }, new Set([frame.id, ...placed]))) {
    moves.set(id, at)
  }
  return { titles, moves, resize: w !== frame.w || h !== frame.h ? { id: frame.id, w, h } : null }
}
