import type { Point, Rect } from '../geometry/rect.js'

/** A box the layout places: its size is kept, only its position changes. */
export interface LayoutBox extends Rect {
  id: string
  /** Person id of the author; boxes of one author stay together unless the layout is anonymous. */
  author?: string
}

interface GridLayoutOptions {
  /** Space between boxes, and between the boxes and the frame's edge. */
  gap?: number
  /** Extra space between two authors' groups on one row. */
  groupGap?: number
  /** Keep each author's boxes together (false in anonymous mode: one group, reading order). */
  groupByAuthor?: boolean
  /** Items of the frame that stay where they are (prompts, titles): the grid starts below them. */
  fixed?: readonly Rect[]
}

interface GridLayout {
  /** New top-left corner of every box, by id (boxes already in place are included). */
  positions: Map<string, Point>
  /** The frame, grown downwards (and rightwards for a box wider than it) when the boxes need it. */
  frame: Rect
}

export const LAYOUT_GAP = 24

/**
 * Reading order of boxes as a person sees them: top to bottom by rows, left to right within a
 * row. Two boxes whose vertical centres are within half the smaller height share a row, so a grid
 * read back gives the order it was laid out in (the layout is idempotent).
 */
export function readingOrder<T extends Rect & { id: string }>(boxes: readonly T[]): T[] {
  const byTop = [...boxes].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2) || a.x - b.x || cmp(a.id, b.id))
  const rows: T[][] = []
  for (const box of byTop) {
    const row = rows.at(-1)
    const anchor = row?.[0]
    if (
      row &&
      anchor &&
      Math.abs(box.y + box.h / 2 - (anchor.y + anchor.h / 2)) <= Math.min(box.h, anchor.h) / 2
    ) {
      row.push(box)
    } else {
      rows.push([box])
    }
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || cmp(a.id, b.id)))
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Boxes in groups by author, groups in the reading order of their first box. */
function groupsOf(boxes: readonly LayoutBox[], byAuthor: boolean): LayoutBox[][] {
  const ordered = readingOrder(boxes)
  if (!byAuthor) return ordered.length > 0 ? [ordered] : []
  const groups = new Map<string, LayoutBox[]>()
  for (const box of ordered) {
    const key = box.author ?? ''
    const group = groups.get(key)
    if (group) group.push(box)
    else groups.set(key, [box])
  }
  return [...groups.values()]
}

/**
 * Lays boxes out as rows inside a frame: reading order, each author's boxes together (a group
 * starts a new row when it does not fit on the current one), rows flowing down below the frame's
 * fixed items. No two boxes overlap and every box is inside the returned frame, which keeps its
 * position and grows only when the boxes need more room. Pure: the caller writes the result.
 */
export function gridLayout(
  frame: Rect,
  boxes: readonly LayoutBox[],
  options: GridLayoutOptions = {},
): GridLayout {
  const gap = options.gap ?? LAYOUT_GAP
  const groupGap = options.groupGap ?? gap * 2
  const widest = boxes.reduce((max, box) => Math.max(max, box.w), 0)
  const width = Math.max(frame.w, widest + 2 * gap)
  const left = frame.x + gap
  const right = frame.x + width - gap
  const fixedBottom = (options.fixed ?? []).reduce((max, rect) => Math.max(max, rect.y + rect.h), frame.y)
  const positions = new Map<string, Point>()

  let x = left
  let y = fixedBottom + gap
  let rowHeight = 0
  const newRow = () => {
    y += rowHeight + gap
    x = left
    rowHeight = 0
  }
  for (const group of groupsOf(boxes, options.groupByAuthor ?? true)) {
    const groupWidth = group.reduce((sum, box) => sum + box.w, 0) + gap * (group.length - 1)
    if (x > left && x + groupWidth > right) newRow()
    for (const box of group) {
      if (x > left && x + box.w > right) newRow()
      positions.set(box.id, { x, y })
      x += box.w + gap
      rowHeight = Math.max(rowHeight, box.h)
    }
    x += groupGap - gap
  }
  const bottom = boxes.length > 0 ? y + rowHeight + gap : frame.y + frame.h
  return {
    positions,
    frame: { x: frame.x, y: frame.y, w: width, h: Math.max(frame.h, bottom - frame.y) },
  }
}
