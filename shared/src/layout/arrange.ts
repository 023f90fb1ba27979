import { containingFrame } from '../geometry/containment.js'
import { boundsOf, type Point, type Rect } from '../geometry/rect.js'
import type { ItemSnapshot } from '../schema/types.js'
import { gridLayout, LAYOUT_GAP, type LayoutBox } from './grid.js'

/** Where "Ranger" (or a reveal) puts things: new corners by item id, and a frame's new size. */
export interface ArrangePlan {
  moves: Map<string, Point>
  resize: { id: string; w: number; h: number } | null
}

interface FrameArrangeOptions {
  /** Keep each author's notes together (off in anonymous mode). */
  groupByAuthor: boolean
  /** Notes to bring into the frame wherever they are now (notes just revealed). */
  bringIn?: readonly string[]
}

const asBox = (item: ItemSnapshot): LayoutBox => ({
  id: item.id,
  x: item.x,
  y: item.y,
  w: item.w,
  h: item.h,
  ...(item.author ? { author: item.author } : {}),
})

/**
 * Tidies the notes of one frame into the grid of `gridLayout`: the notes whose nearest frame it
 * is (and `bringIn`), unlocked; every other item of the frame (prompts, shapes, locked notes, a
 * template's examples, such as the project at the centre of a map) stays where it is and the
 * grid starts below it. Null when `frameId` is not a frame.
 */
export function planFrameLayout(
  items: readonly ItemSnapshot[],
  frameId: string,
  { groupByAuthor, bringIn = [] }: FrameArrangeOptions,
): ArrangePlan | null {
  const frame = items.find((item) => item.id === frameId && item.type === 'frame')
  if (!frame) return null
  const frames = items.filter((item) => item.type === 'frame')
  const incoming = new Set(bringIn)
  const notes: LayoutBox[] = []
  const fixed: Rect[] = []
  for (const item of items) {
    if (item.id === frame.id) continue
    const inFrame = incoming.has(item.id) || containingFrame(item, frames)?.id === frame.id
    if (!inFrame) continue
    if (item.type === 'note' && !item.locked && !item.example) notes.push(asBox(item))
    else if (item.type !== 'connector') fixed.push(item)
  }
  const layout = gridLayout(frame, notes, { groupByAuthor, fixed })
  const moves = onlyMoved(notes, layout.positions)
  const laidOut = new Set([frame.id, ...notes.map((note) => note.id)])
  for (const [id, at] of makeRoomAround(items, frame, layout.frame, laidOut)) moves.set(id, at)
  return {
    moves,
    resize:
      layout.frame.w !== frame.w || layout.frame.h !== frame.h
        ? { id: frame.id, w: layout.frame.w, h: layout.frame.h }
        : null,
  }
}

/**
 * When a frame grows, what stood next to it (the neighbouring frames of a template and their
 * contents) moves away by as much, so the grown frame covers nothing: the items whose top is at or
 * below the frame's old bottom and that share some of its width move down; those whose left edge
 * is at or beyond its old right edge and that share some of its height move right.
 */
export function makeRoomAround(
  items: readonly ItemSnapshot[],
  before: Rect,
  after: Rect,
  skip: ReadonlySet<string>,
): Map<string, Point> {
  const moves = new Map<string, Point>()
  const down = after.y + after.h - (before.y + before.h)
  const right = after.x + after.w - (before.x + before.w)
  if (down <= 0 && right <= 0) return moves
  for (const item of items) {
    if (skip.has(item.id) || item.type === 'connector') continue
    const below =
      down > 0 && item.y >= before.y + before.h && item.x < after.x + after.w && after.x < item.x + item.w
    const beside =
      right > 0 && item.x >= before.x + before.w && item.y < after.y + after.h && after.y < item.y + item.h
    if (below || beside)
      moves.set(item.id, { x: item.x + (beside ? right : 0), y: item.y + (below ? down : 0) })
  }
  return moves
}

/**
 * Tidies a selection outside any frame: a near-square grid of the selected notes, texts, shapes
 * and images, starting at the selection's top-left corner, in reading order.
 */
export function planSelectionLayout(selected: readonly ItemSnapshot[]): ArrangePlan {
  const boxes = selected
    .filter(
      (item) => item.type !== 'frame' && item.type !== 'connector' && item.type !== 'stroke' && !item.locked,
    )
    .map(asBox)
  const bounds = boundsOf(boxes)
  if (!bounds || boxes.length < 2) return { moves: new Map(), resize: null }
  const widest = Math.max(...boxes.map((box) => box.w))
  const columns = Math.ceil(Math.sqrt(boxes.length))
  const area: Rect = {
    x: bounds.x - LAYOUT_GAP,
    y: bounds.y - LAYOUT_GAP,
    w: columns * (widest + LAYOUT_GAP) + LAYOUT_GAP,
    h: 0,
  }
  const { positions } = gridLayout(area, boxes, { groupByAuthor: false })
  return { moves: onlyMoved(boxes, positions), resize: null }
}

function onlyMoved(boxes: readonly LayoutBox[], positions: Map<string, Point>): Map<string, Point> {
  const moves = new Map<string, Point>()
  for (const box of boxes) {
    const to = positions.get(box.id)
    if (to && (to.x !== box.x || to.y !== box.y)) moves.set(box.id, to)
  }
  return moves
}
