import { type Camera, fitCamera, type Rect, type Size } from '@atelier/shared'
import { chromeInsets, PHONE_MAX_WIDTH } from '../store/chrome.js'

/** Below this zoom a phone would draw notes as blocks with no text. */
export const PHONE_READABLE_ZOOM = 0.6

/**
 * Where a board opens: framed on its content, clear of the bars around the board (and of the
 * facilitator's panel, `panel`); on a phone, when that would shrink the text past reading, at a
 * readable zoom on the content's top-left corner instead (clear of the top bar).
 */
export function firstView(bounds: Rect, viewport: Size, { panel = false } = {}): Camera {
  const fit = fitCamera(bounds, viewport, chromeInsets(viewport, { panel, instruction: false }))
  return readableOnPhone(fit, bounds, viewport, 72)
}

/**
 * `fit`, unless it would shrink a phone's text past reading: then a readable zoom on the rect's
 * top-left corner, `top` screen pixels down (clear of what floats at the top of the board).
 */
export function readableOnPhone(fit: Camera, rect: Rect, viewport: Size, top: number): Camera {
  if (viewport.width > PHONE_MAX_WIDTH || fit.zoom >= PHONE_READABLE_ZOOM) return fit
  const zoom = PHONE_READABLE_ZOOM
  return { x: rect.x - 16 / zoom, y: rect.y - top / zoom, zoom }
}
