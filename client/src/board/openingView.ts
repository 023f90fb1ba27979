import { type Camera, fitCamera, type Rect, type Size } from '@atelier/shared'

/** Screens this narrow or narrower are phones held upright (participants get the room first). */
export const PHONE_MAX_WIDTH = 600

/** Below this zoom a phone would draw notes as blocks with no text. */
export const PHONE_READABLE_ZOOM = 0.6

/**
 * Where a board opens: framed on its content; on a phone, when that would shrink the text past
 * reading, at a readable zoom on the content's top-left corner instead (clear of the top bar).
 */
export function firstView(bounds: Rect, viewport: Size): Camera {
  const fit = fitCamera(bounds, viewport)
  if (viewport.width > PHONE_MAX_WIDTH || fit.zoom >= PHONE_READABLE_ZOOM) return fit
  const zoom = PHONE_READABLE_ZOOM
  return { x: bounds.x - 16 / zoom, y: bounds.y - 72 / zoom, zoom }
}
