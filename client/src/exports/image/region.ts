import {
  boundsOf,
  centerOf,
  expandRect,
  type ItemSnapshot,
  type Rect,
  rectContainsPoint,
} from '@atelier/shared'

/** What an image or PDF export covers. */
export type ExportScope =
  | { kind: 'board' }
  | { kind: 'frame'; frameId: string }
  | { kind: 'selection'; ids: readonly string[] }

/** A region of the board ready to draw: its rectangle and the items in it, in paint order. */
export interface ExportRegion {
  bounds: Rect
  items: readonly ItemSnapshot[]
  /** Name of the region (the frame's title), for file names and PDF headers. */
  title?: string
}

/** Blank board units kept around what is exported, so nothing touches the picture's edge. */
export const EXPORT_MARGIN = 24
/** Size of a frame's title in an export (on screen it keeps a constant size whatever the zoom). */
export const FRAME_TITLE_SIZE = 18
/** Height above a frame that its title takes. */
export const FRAME_TITLE_BAND = FRAME_TITLE_SIZE * 1.6

/** The rectangle an item paints into: frames include their title, strokes their line width, rotated items their turned corners. */
export function paintedBounds(item: ItemSnapshot): Rect {
  if (item.type === 'frame')
    return { x: item.x, y: item.y - FRAME_TITLE_BAND, w: item.w, h: item.h + FRAME_TITLE_BAND }
  if (item.type === 'stroke') return expandRect(item, (item.strokeWidth ?? 3) / 2)
  const turn = ((item.rotation ?? 0) * Math.PI) / 180
  if (turn === 0) return item
  const cos = Math.abs(Math.cos(turn))
  const sin = Math.abs(Math.sin(turn))
  const w = item.w * cos + item.h * sin
  const h = item.w * sin + item.h * cos
  return { x: item.x + (item.w - w) / 2, y: item.y + (item.h - h) / 2, w, h }
}

/**
 * Connectors are drawn between their ends; they belong to a region when both ends do, and take no
 * room of their own (their stored box is not where they are drawn).
 */
function withConnectors(all: readonly ItemSnapshot[], kept: ReadonlySet<string>): ItemSnapshot[] {
  return all.filter(
    (item) =>
      kept.has(item.id) ||
      (item.type === 'connector' &&
        item.from !== undefined &&
        item.to !== undefined &&
        kept.has(item.from) &&
        kept.has(item.to)),
  )
}

/**
 * The region a scope covers, from the board's items in paint order; null when there is nothing to
 * draw (an empty board, a frame or selection that no longer exists).
 */
export function exportRegion(items: readonly ItemSnapshot[], scope: ExportScope): ExportRegion | null {
  if (scope.kind === 'frame') {
    const frame = items.find((item) => item.id === scope.frameId && item.type === 'frame')
    if (!frame) return null
    // What the frame holds, as the canvas decides it (centre inside), not what merely overlaps it.
    const inside = new Set(
      items
        .filter(
          (item) =>
            item.id === frame.id || (item.type !== 'connector' && rectContainsPoint(frame, centerOf(item))),
        )
        .map((item) => item.id),
    )
    return {
      bounds: expandRect(paintedBounds(frame), EXPORT_MARGIN),
      items: withConnectors(items, inside),
      ...(frame.text ? { title: frame.text } : {}),
    }
  }
  const chosen =
    scope.kind === 'board'
      ? items.filter((item) => item.type !== 'connector')
      : items.filter((item) => scope.ids.includes(item.id) && item.type !== 'connector')
  const bounds = boundsOf(chosen.map(paintedBounds))
  if (!bounds) return null
  return {
    bounds: expandRect(bounds, EXPORT_MARGIN),
    items: withConnectors(items, new Set(chosen.map((item) => item.id))),
  }
}

/** Frames in reading order (rows top to bottom, then left to right): the pages of a PDF. */
export function framesInReadingOrder(items: readonly ItemSnapshot[]): ItemSnapshot[] {
  const frames = items.filter((item) => item.type === 'frame')
  // Frames whose tops are within half the smaller height count as one row, as a person reads them.
  return frames.sort((a, b) => {
    const sameRow = Math.abs(a.y - b.y) < Math.min(a.h, b.h) / 2
    return sameRow ? a.x - b.x : a.y - b.y
  })
}
