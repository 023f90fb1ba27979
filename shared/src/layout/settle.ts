import { containingFrame } from '../geometry/containment.js'
import { type Point, type Rect, rectsOverlap } from '../geometry/rect.js'
import type { ItemSnapshot } from '../schema/types.js'
import { type ArrangePlan, makeRoomAround } from './arrange.js'
import { LAYOUT_GAP } from './grid.js'

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
    let y = note.y
    for (let cover = coverOf(placed, { ...note, y }); cover; cover = coverOf(placed, { ...note, y })) {
      y = cover.y + cover.h + gap
    }
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

/** The first of `placed` that `rect` overlaps, if any. */
function coverOf(placed: readonly Rect[], rect: Rect): Rect | undefined {
  return placed.find((other) => rectsOverlap(other, rect))
}
