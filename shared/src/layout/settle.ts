import { containingFrame } from '../geometry/containment.js'
import type { Point, Rect } from '../geometry/rect.js'
import type { ItemSnapshot } from '../schema/types.js'
import { type ArrangePlan, makeRoomAround } from './arrange.js'
import { LAYOUT_GAP } from './grid.js'

/**
 * Most notes arriving in one frame that `planSettle` takes: it compares each with those of its
 * column, so a frame holding more is tidied in a grid instead (`planFrameLayout`), whoever wrote them.
 */
export const SETTLE_LIMIT = 300

/**
 * Settles notes that arrive in a frame where their authors put them (a reveal in place): each
 * keeps its column, in reading order, and goes straight down, the least it takes, until it covers
 * no other note of the frame. The frame's prompts and shapes are no obstacle: a token is meant to
 * sit on its scale. A token keeps its place along a scale, a pain point its stage of the
 * journey, and the notes written on one spot end up stacked, not piled. The frame grows down to
 * hold them, and what stood below it moves as much. Null when `frameId` is not a frame.
 */
export function planSettle(
  items: readonly ItemSnapshot[],
  frameId: string,
  arriving: readonly string[],
  gap = LAYOUT_GAP,
): ArrangePlan | null {
  const frame = items.find((item) => item.id === frameId && item.type === 'frame')
  if (!frame) return null
  const frames = items.filter((item) => item.type === 'frame')
  const incoming = new Set(arriving)
  const inFrame = items.filter(
    (item) =>
      item.id !== frame.id && item.type !== 'connector' && containingFrame(item, frames)?.id === frame.id,
  )
  const placed: Rect[] = inFrame.filter((item) => item.type === 'note' && !incoming.has(item.id))
  const notes = inFrame.filter((item) => incoming.has(item.id)).sort((a, b) => a.y - b.y || a.x - b.x)
  const moves = new Map<string, Point>()
  let bottom = frame.y + frame.h
  for (const note of notes) {
    // Top to bottom, the notes in its column: each it would cover sends it just below. One pass
    // is enough: one that started higher and did not cover it ends above where it goes.
    const column = placed.filter((rect) => rect.x < note.x + note.w && note.x < rect.x + rect.w)
    column.sort((a, b) => a.y - b.y)
    let y = note.y
    for (const rect of column) if (rect.y < y + note.h && y < rect.y + rect.h) y = rect.y + rect.h + gap
    if (y !== note.y) moves.set(note.id, { x: note.x, y })
    placed.push({ x: note.x, y, w: note.w, h: note.h })
    bottom = Math.max(bottom, y + note.h + gap)
  }
  if (bottom === frame.y + frame.h) return { moves, resize: null }
  const grown = { ...frame, h: bottom - frame.y }
  const around = makeRoomAround(items, frame, grown, new Set([frame.id, ...inFrame.map((item) => item.id)]))
  for (const [id, at] of around) moves.set(id, at)
  return { moves, resize: { id: frame.id, w: frame.w, h: grown.h } }
}
