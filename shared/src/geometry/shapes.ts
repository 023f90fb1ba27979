import { type Point, type Rect, rectsIntersect } from './rect.js'

/**
 * Hit-testing of one item's outline. Pure: the canvas, the tools and the tests all agree on what
 * "under the pointer" means. Coordinates are board units.
 */
export interface HitGeometry extends Rect {
  shape?: 'rectangle' | 'ellipse' | 'diamond'
  /** Degrees, clockwise, around the centre. */
  rotation?: number
  /** Polyline relative to (x, y), for strokes. */
  points?: readonly number[]
  strokeWidth?: number
}

/** `point` rotated by `degrees` around `center`. */
export function rotatePoint(point: Point, center: Point, degrees: number): Point {
  if (!degrees) return point
  const rad = (degrees * Math.PI) / 180
  const cos = Math.cos(rad)
  const sin = Math.sin(rad)
  const dx = point.x - center.x
  const dy = point.y - center.y
  return { x: center.x + dx * cos - dy * sin, y: center.y + dx * sin + dy * cos }
}

/** Axis-aligned bounds of a rect rotated around its centre. */
export function rotatedBounds(rect: Rect, degrees = 0): Rect {
  if (!degrees) return rect
  const center = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }
  const corners = [
    { x: rect.x, y: rect.y },
    { x: rect.x + rect.w, y: rect.y },
    { x: rect.x, y: rect.y + rect.h },
    { x: rect.x + rect.w, y: rect.y + rect.h },
  ].map((p) => rotatePoint(p, center, degrees))
  const xs = corners.map((p) => p.x)
  const ys = corners.map((p) => p.y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const vx = b.x - a.x
  const vy = b.y - a.y
  const length2 = vx * vx + vy * vy
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * vx + (p.y - a.y) * vy) / length2))
  return Math.hypot(p.x - (a.x + t * vx), p.y - (a.y + t * vy))
}

/** Distance from `p` to a flat polyline [x0, y0, x1, y1…] offset by `origin`. */
export function distanceToPolyline(
  p: Point,
  points: readonly number[],
  origin: Point = { x: 0, y: 0 },
): number {
  if (points.length < 2) return Number.POSITIVE_INFINITY
  let best = Math.hypot(p.x - origin.x - (points[0] as number), p.y - origin.y - (points[1] as number))
  for (let i = 2; i + 1 < points.length; i += 2) {
    const a = { x: origin.x + (points[i - 2] as number), y: origin.y + (points[i - 1] as number) }
    const b = { x: origin.x + (points[i] as number), y: origin.y + (points[i + 1] as number) }
    best = Math.min(best, distanceToSegment(p, a, b))
  }
  return best
}

/**
 * Whether `point` is on the item: inside its outline (rect, ellipse, diamond, in the item's own
 * rotated frame), or within `tolerance` of a stroke's line.
 */
export function pointInItem(item: HitGeometry, point: Point, tolerance = 0): boolean {
  if (item.points) {
    const reach = tolerance + (item.strokeWidth ?? 2) / 2
    return distanceToPolyline(point, item.points, item) <= reach
  }
  const center = { x: item.x + item.w / 2, y: item.y + item.h / 2 }
  // Undo the item's rotation so the test below is axis-aligned.
  const p = rotatePoint(point, center, -(item.rotation ?? 0))
  const nx = (p.x - center.x) / (item.w / 2 + tolerance)
  const ny = (p.y - center.y) / (item.h / 2 + tolerance)
  if (item.shape === 'ellipse') return nx * nx + ny * ny <= 1
  if (item.shape === 'diamond') return Math.abs(nx) + Math.abs(ny) <= 1
  return Math.abs(nx) <= 1 && Math.abs(ny) <= 1
}

/** Marquee selection: `contain` keeps items wholly inside, `intersect` any that touch. */
export function rectSelects(
  marquee: Rect,
  item: Rect & { rotation?: number },
  mode: 'contain' | 'intersect',
): boolean {
  const bounds = rotatedBounds(item, item.rotation)
  if (mode === 'intersect') return rectsIntersect(marquee, bounds)
  return (
    bounds.x >= marquee.x &&
    bounds.y >= marquee.y &&
    bounds.x + bounds.w <= marquee.x + marquee.w &&
    bounds.y + bounds.h <= marquee.y + marquee.h
  )
}

/** Normalised rect between two corners, whatever direction the drag went. */
export function rectFromCorners(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) }
}
