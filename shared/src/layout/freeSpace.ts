import { expandRect, type Point, type Rect, rectContainsRect, rectsIntersect } from '../geometry/rect.js'
import { LAYOUT_GAP } from './grid.js'

interface FreeSpotOptions {
  /** Spots other than `at` itself must lie wholly inside this rect (the part of the board in view). */
  within?: Rect
  /** Space kept between the new box and what is already there. */
  gap?: number
  /** How many rings of cells around `at` are tried before giving up. */
  rings?: number
}

/**
 * The centre nearest `at` where a box of `size` lands clear of everything in `taken`, tried on a
 * grid of box-sized cells around `at`, nearest first. A box may sit wholly inside something larger
 * (a frame, a zone drawn as a shape) but never across its edge, which would leave it half in.
 * Null when no cell of the rings is free.
 */
export function nearestFreeSpot(
  at: Point,
  size: { w: number; h: number },
  taken: readonly Rect[],
  { within, gap = LAYOUT_GAP, rings = 8 }: FreeSpotOptions = {},
): Point | null {
  const stepX = size.w + gap
  const stepY = size.h + gap
  const reachX = rings * stepX + size.w
  const reachY = rings * stepY + size.h
  const reach = { x: at.x - reachX, y: at.y - reachY, w: 2 * reachX, h: 2 * reachY }
  // A board may hold 20,000 items: only those near enough to matter are tested per cell.
  const near = taken.filter((rect) => rectsIntersect(rect, reach))
  const cells: Array<{ dx: number; dy: number }> = []
  for (let i = -rings; i <= rings; i++)
    for (let j = -rings; j <= rings; j++) cells.push({ dx: i * stepX, dy: j * stepY })
  // Nearest first; at equal distance, clockwise from the right, so the next note of a run goes
  // beside the last one, then below it, as people read.
  const turn = ({ dx, dy }: { dx: number; dy: number }) => (Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI)
  cells.sort((a, b) => a.dx * a.dx + a.dy * a.dy - (b.dx * b.dx + b.dy * b.dy) || turn(a) - turn(b))
  for (const { dx, dy } of cells) {
    const centre = { x: at.x + dx, y: at.y + dy }
    const box = { x: centre.x - size.w / 2, y: centre.y - size.h / 2, w: size.w, h: size.h }
    if (within && (dx !== 0 || dy !== 0) && !rectContainsRect(within, box)) continue
    const clearance = expandRect(box, gap / 2)
    if (near.every((rect) => !rectsIntersect(rect, clearance) || rectContainsRect(rect, clearance)))
      return centre
  }
  return null
}
