import {
  boundsOf,
  centerOf,
  expandRect,
  type ItemSnapshot,
  type Rect,
  rectContainsPoint,
} from '@atelier/shared'
import { itemUtil } from '../../items/registry.js'

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

/** Whether the item takes room of its own (a connector is drawn between other items). */
const takesRoom = (item: ItemSnapshot) => itemUtil(item.type).paintedBounds(item) !== null

/**
 * Connectors are drawn between their ends; they belong to a region when both ends do, and take no
 * room of their own (their stored box is not where they are drawn).
 */
function withConnectors(all: readonly ItemSnapshot[], kept: ReadonlySet<string>): ItemSnapshot[] {
  return all.filter((item) => {
    if (kept.has(item.id)) return true
    const ends = itemUtil(item.type).ends(item)
    return ends.length > 0 && ends.every((id) => kept.has(id))
  })
}

/** The rectangles the items paint into (titles, line widths and turned corners included). */
function paintedBounds(items: readonly ItemSnapshot[]): Rect[] {
  return items.flatMap((item) => itemUtil(item.type).paintedBounds(item) ?? [])
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
          (item) => item.id === frame.id || (takesRoom(item) && rectContainsPoint(frame, centerOf(item))),
        )
        .map((item) => item.id),
    )
    return {
      bounds: expandRect(boundsOf(paintedBounds([frame])) ?? frame, EXPORT_MARGIN),
      items: withConnectors(items, inside),
      ...(frame.text ? { title: frame.text } : {}),
    }
  }
  const chosen =
    scope.kind === 'board'
      ? items.filter(takesRoom)
      : items.filter((item) => scope.ids.includes(item.id) && takesRoom(item))
  const bounds = boundsOf(paintedBounds(chosen))
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
