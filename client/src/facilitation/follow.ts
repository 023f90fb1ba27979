import { type Camera, fitCamera, MAX_ZOOM, type Rect, type Size, visibleRect } from '@atelier/shared'
import { readableOnPhone } from '../board/openingView.js'
import { chromeInsets } from '../store/chrome.js'

/** The board rect a camera shows: what a facilitator publishes as `view` in the awareness. */
export function viewOf(camera: Camera, viewport: Size): Rect {
  const rect = visibleRect(camera, viewport)
  return { x: round(rect.x), y: round(rect.y), w: round(rect.w), h: round(rect.h) }
}

/**
 * Camera that shows all of `rect`, centred: a follower on a smaller screen sees at least what
 * the facilitator sees, so nothing they point at is off-screen.
 */
export function cameraForRect(rect: Rect, viewport: Size): Camera {
  return fitCamera(rect, viewport, 0, MAX_ZOOM)
}

/**
 * Camera for a summon to a frame: clear of the bars around the board (a step's instruction
 * included) and of the right-hand panel, never zoomed in past 150 %; on a phone, where a whole
 * frame would be too small to read, its top-left at a readable zoom.
 */
export function cameraForFrame(rect: Rect, viewport: Size): Camera {
  const insets = chromeInsets(viewport, { panel: true, instruction: true })
  return readableOnPhone(fitCamera(rect, viewport, insets, 1.5), rect, viewport, insets.top)
}

export function sameCamera(a: Camera, b: Camera): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4
}

/** Two rects as `viewOf` publishes them (rounded to a tenth) are the same. */
export function sameRect(a: Rect, b: Rect): boolean {
  return (
    Math.abs(a.x - b.x) < 0.5 &&
    Math.abs(a.y - b.y) < 0.5 &&
    Math.abs(a.w - b.w) < 0.5 &&
    Math.abs(a.h - b.h) < 0.5
  )
}

/** Camera part-way (t in 0…1, eased) from `from` to `to`, for the summon flight. */
export function cameraBetween(from: Camera, to: Camera, t: number): Camera {
  const k = t >= 1 ? 1 : 1 - (1 - t) ** 3
  // Interpolating the zoom geometrically keeps the flight's speed even across zoom levels.
  const zoom = from.zoom * (to.zoom / from.zoom) ** k
  return { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k, zoom }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

/** Reads a `view` rect from a remote awareness state (any client may publish anything). */
export function readRect(value: unknown): Rect | null {
  if (!value || typeof value !== 'object') return null
  const { x, y, w, h } = value as Record<string, unknown>
  const ok = [x, y, w, h].every((n) => typeof n === 'number' && Number.isFinite(n))
  if (!ok || (w as number) <= 0 || (h as number) <= 0) return null
  return { x: x as number, y: y as number, w: w as number, h: h as number }
}
