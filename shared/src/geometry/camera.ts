import type { Point, Rect } from './rect.js'

/**
 * The view onto the infinite board: (x, y) is the board point at the screen's top-left corner
 * and `zoom` the number of screen pixels per board unit.
 */
export interface Camera {
  x: number
  y: number
  zoom: number
}

export interface Size {
  width: number
  height: number
}

export const MIN_ZOOM = 0.05
export const MAX_ZOOM = 4
/** Zoom steps of the zoom buttons and keyboard shortcuts. */
export const ZOOM_STEPS = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4] as const

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom))
}

export function screenToBoard(camera: Camera, point: Point): Point {
  return { x: point.x / camera.zoom + camera.x, y: point.y / camera.zoom + camera.y }
}

export function boardToScreen(camera: Camera, point: Point): Point {
  return { x: (point.x - camera.x) * camera.zoom, y: (point.y - camera.y) * camera.zoom }
}

const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 }

/** The board area the screen shows; with `insets`, the part of it no bar covers. */
export function visibleRect(camera: Camera, viewport: Size, insets: Insets = NO_INSETS): Rect {
  return {
    x: camera.x + insets.left / camera.zoom,
    y: camera.y + insets.top / camera.zoom,
    w: Math.max(0, viewport.width - insets.left - insets.right) / camera.zoom,
    h: Math.max(0, viewport.height - insets.top - insets.bottom) / camera.zoom,
  }
}

/** Zooms keeping the board point under `anchor` (a screen point) fixed, as wheel and pinch expect. */
export function zoomAt(camera: Camera, anchor: Point, zoom: number): Camera {
  const next = clampZoom(zoom)
  const fixed = screenToBoard(camera, anchor)
  return { x: fixed.x - anchor.x / next, y: fixed.y - anchor.y / next, zoom: next }
}

/** Moves the camera by a screen-space delta (drag of empty space, scroll, arrow keys). */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x - dx / camera.zoom, y: camera.y - dy / camera.zoom }
}

/** Next zoom step in `direction` (+1 in, -1 out) from the current zoom. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > zoom + 1e-9) ?? MAX_ZOOM
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom - 1e-9) ?? MIN_ZOOM
}

/** Screen pixels kept clear on each side of the viewport. */
export interface Insets {
  top: number
  right: number
  bottom: number
  left: number
}

/**
 * Camera showing all of `bounds` centred in the viewport with `padding` screen pixels around it:
 * the same on every side, or `Insets` (the part of the screen that bars cover).
 */
export function fitCamera(bounds: Rect, viewport: Size, padding: number | Insets = 64, maxZoom = 1): Camera {
  const inset =
    typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding
  const availableW = Math.max(1, viewport.width - inset.left - inset.right)
  const availableH = Math.max(1, viewport.height - inset.top - inset.bottom)
  const zoom = clampZoom(
    Math.min(availableW / Math.max(bounds.w, 1), availableH / Math.max(bounds.h, 1), maxZoom),
  )
  // The bounds' centre at the centre of the clear part of the screen.
  return {
    x: bounds.x + bounds.w / 2 - (inset.left + availableW / 2) / zoom,
    y: bounds.y + bounds.h / 2 - (inset.top + availableH / 2) / zoom,
    zoom,
  }
}

/** Camera at `zoom` with the board point `center` in the middle of the viewport. */
export function centerOn(center: Point, viewport: Size, zoom: number): Camera {
  return { x: center.x - viewport.width / (2 * zoom), y: center.y - viewport.height / (2 * zoom), zoom }
}
