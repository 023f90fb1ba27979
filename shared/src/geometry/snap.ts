import type { Rect } from './rect.js'

/** An alignment guide to draw: a line at `at` on `axis`, from `from` to `to` on the other axis. */
export interface Guide {
  axis: 'x' | 'y'
  at: number
  from: number
  to: number
}

export interface SnapResult {
  dx: number
  dy: number
  guides: Guide[]
}

const xs = (r: Rect) => [r.x, r.x + r.w / 2, r.x + r.w]
const ys = (r: Rect) => [r.y, r.y + r.h / 2, r.y + r.h]

/**
 * Snaps a moving rect's edges and centre to those of `targets` when they come within
 * `threshold` board units, one axis at a time (as FigJam and tldraw do), and returns the
 * correction plus the guides that explain it.
 */
export function snapRect(moving: Rect, targets: readonly Rect[], threshold: number): SnapResult {
  let bestX: { delta: number; at: number } | null = null
  let bestY: { delta: number; at: number } | null = null
  for (const target of targets) {
    for (const tx of xs(target)) {
      for (const mx of xs(moving)) {
        const delta = tx - mx
        if (Math.abs(delta) <= threshold && (!bestX || Math.abs(delta) < Math.abs(bestX.delta))) {
          bestX = { delta, at: tx }
        }
      }
    }
    for (const ty of ys(target)) {
      for (const my of ys(moving)) {
        const delta = ty - my
        if (Math.abs(delta) <= threshold && (!bestY || Math.abs(delta) < Math.abs(bestY.delta))) {
          bestY = { delta, at: ty }
        }
      }
    }
  }
  const dx = bestX?.delta ?? 0
  const dy = bestY?.delta ?? 0
  const snapped = { x: moving.x + dx, y: moving.y + dy, w: moving.w, h: moving.h }
  const guides: Guide[] = []
  // A guide spans every rect that lines up on it, the moving one included.
  if (bestX) guides.push(guideFor('x', bestX.at, snapped, targets))
  if (bestY) guides.push(guideFor('y', bestY.at, snapped, targets))
  return { dx, dy, guides }
}

function guideFor(axis: 'x' | 'y', at: number, moving: Rect, targets: readonly Rect[]): Guide {
  const aligned = [moving, ...targets].filter((r) =>
    (axis === 'x' ? xs(r) : ys(r)).some((v) => Math.abs(v - at) < 0.5),
  )
  const from = Math.min(...aligned.map((r) => (axis === 'x' ? r.y : r.x)))
  const to = Math.max(...aligned.map((r) => (axis === 'x' ? r.y + r.h : r.x + r.w)))
  return { axis, at, from, to }
}
