import type { Point, Rect } from './rect.js'

export interface ConnectorEnd extends Rect {
  shape?: 'rectangle' | 'ellipse' | 'diamond'
}

const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

/**
 * Where the line from the item's centre towards `toward` leaves the item's outline, pushed out
 * by `gap` so the arrow does not touch the note. Ellipses and diamonds use their own outline.
 */
export function anchorToward(end: ConnectorEnd, toward: Point, gap = 0): Point {
  const c = centre(end)
  const dx = toward.x - c.x
  const dy = toward.y - c.y
  if (dx === 0 && dy === 0) return c
  const hw = end.w / 2
  const hh = end.h / 2
  let t: number
  if (end.shape === 'ellipse') t = 1 / Math.sqrt((dx * dx) / (hw * hw) + (dy * dy) / (hh * hh))
  else if (end.shape === 'diamond') t = 1 / (Math.abs(dx) / hw + Math.abs(dy) / hh)
  else
    t = Math.min(
      dx === 0 ? Number.POSITIVE_INFINITY : hw / Math.abs(dx),
      dy === 0 ? Number.POSITIVE_INFINITY : hh / Math.abs(dy),
    )
  const length = Math.hypot(dx, dy)
  const out = t + gap / length
  return { x: c.x + dx * Math.min(out, 1), y: c.y + dy * Math.min(out, 1) }
}

/**
 * The two end points of a connector between two items (or free points): each end sits on its
 * item's outline, facing the other end, so the arrow follows both items as they move.
 */
export function connectorEnds(
  from: ConnectorEnd | Point,
  to: ConnectorEnd | Point,
  gap = 6,
): { start: Point; end: Point } {
  const fromCentre = 'w' in from ? centre(from) : from
  const toCentre = 'w' in to ? centre(to) : to
  const start = 'w' in from ? anchorToward(from, toCentre, gap) : from
  const end = 'w' in to ? anchorToward(to, fromCentre, gap) : to
  return { start, end }
}
