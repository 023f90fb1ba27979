import type { Rect } from './rect.js'

export type Alignment = 'left' | 'centerX' | 'right' | 'top' | 'centerY' | 'bottom'

export interface Placed extends Rect {
  id: string
}

/** New positions that line the rects up on the selection's edge or centre. */
export function alignRects(rects: readonly Placed[], how: Alignment): Map<string, { x: number; y: number }> {
  const result = new Map<string, { x: number; y: number }>()
  if (rects.length < 2) return result
  const left = Math.min(...rects.map((r) => r.x))
  const right = Math.max(...rects.map((r) => r.x + r.w))
  const top = Math.min(...rects.map((r) => r.y))
  const bottom = Math.max(...rects.map((r) => r.y + r.h))
  for (const r of rects) {
    let { x, y } = r
    if (how === 'left') x = left
    else if (how === 'right') x = right - r.w
    else if (how === 'centerX') x = (left + right) / 2 - r.w / 2
    else if (how === 'top') y = top
    else if (how === 'bottom') y = bottom - r.h
    else y = (top + bottom) / 2 - r.h / 2
    if (x !== r.x || y !== r.y) result.set(r.id, { x: Math.round(x), y: Math.round(y) })
  }
  return result
}

/** Equal gaps between consecutive rects along `axis`; the two outermost stay where they are. */
export function distributeRects(
  rects: readonly Placed[],
  axis: 'x' | 'y',
): Map<string, { x: number; y: number }> {
  const result = new Map<string, { x: number; y: number }>()
  if (rects.length < 3) return result
  const pos = (r: Rect) => (axis === 'x' ? r.x : r.y)
  const size = (r: Rect) => (axis === 'x' ? r.w : r.h)
  const sorted = [...rects].sort((a, b) => pos(a) - pos(b))
  const first = sorted[0] as Placed
  const last = sorted[sorted.length - 1] as Placed
  const total = pos(last) + size(last) - pos(first)
  const gap = (total - sorted.reduce((sum, r) => sum + size(r), 0)) / (sorted.length - 1)
  let cursor = pos(first)
  for (const r of sorted) {
    const next = Math.round(cursor)
    if (next !== pos(r)) result.set(r.id, axis === 'x' ? { x: next, y: r.y } : { x: r.x, y: next })
    cursor += size(r) + gap
  }
  return result
}
