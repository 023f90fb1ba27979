import type { Point, Rect } from './rect.js'

export type Handle = 'nw' | 'ne' | 'sw' | 'se' | 'n' | 's' | 'e' | 'w'

export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w']

/** Board point of a resize handle on `bounds`. */
export function handlePoint(bounds: Rect, handle: Handle): Point {
  const x = handle.includes('w')
    ? bounds.x
    : handle.includes('e')
      ? bounds.x + bounds.w
      : bounds.x + bounds.w / 2
  const y = handle.includes('n')
    ? bounds.y
    : handle.includes('s')
      ? bounds.y + bounds.h
      : bounds.y + bounds.h / 2
  return { x, y }
}

/**
 * The bounds after dragging `handle` to `pointer`: the opposite side stays put, the size never
 * drops below `min`, and `keepRatio` (Shift, or images) keeps the aspect ratio.
 */
export function resizeBounds(
  bounds: Rect,
  handle: Handle,
  pointer: Point,
  min = 20,
  keepRatio = false,
): Rect {
  let left = bounds.x
  let right = bounds.x + bounds.w
  let top = bounds.y
  let bottom = bounds.y + bounds.h
  if (handle.includes('w')) left = Math.min(pointer.x, right - min)
  if (handle.includes('e')) right = Math.max(pointer.x, left + min)
  if (handle.includes('n')) top = Math.min(pointer.y, bottom - min)
  if (handle.includes('s')) bottom = Math.max(pointer.y, top + min)
  let w = right - left
  let h = bottom - top
  if (keepRatio && bounds.w > 0 && bounds.h > 0 && handle.length === 2) {
    const scale = Math.max(w / bounds.w, h / bounds.h)
    w = bounds.w * scale
    h = bounds.h * scale
    if (handle.includes('w')) left = right - w
    if (handle.includes('n')) top = bottom - h
  }
  return { x: left, y: top, w, h }
}

/** Maps `rect` from `from` bounds into `to` bounds (multi-selection resize scales every item). */
export function mapRect(rect: Rect, from: Rect, to: Rect): Rect {
  const sx = from.w === 0 ? 1 : to.w / from.w
  const sy = from.h === 0 ? 1 : to.h / from.h
  return {
    x: to.x + (rect.x - from.x) * sx,
    y: to.y + (rect.y - from.y) * sy,
    w: rect.w * sx,
    h: rect.h * sy,
  }
}

/** Rotation in degrees (clockwise, 0 = handle straight above) of `pointer` around `center`, snapped to 15° with `snap`. */
export function angleAround(center: Point, pointer: Point, snap: boolean): number {
  let degrees = (Math.atan2(pointer.y - center.y, pointer.x - center.x) * 180) / Math.PI + 90
  if (snap) degrees = Math.round(degrees / 15) * 15
  degrees = ((degrees % 360) + 360) % 360
  return Math.round(degrees * 10) / 10
}
