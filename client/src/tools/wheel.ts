import { type Camera, type Point, panBy, zoomAt } from '@atelier/shared'

export interface WheelLike {
  deltaX: number
  deltaY: number
  /** 0 pixels, 1 lines, 2 pages (WheelEvent.DOM_DELTA_*). */
  deltaMode: number
  ctrlKey: boolean
  metaKey: boolean
}

const LINE_HEIGHT_PX = 16

/**
 * Trackpad two-finger scroll pans; Ctrl+wheel (which is also what browsers send for a trackpad
 * pinch) zooms around the pointer so the point under the fingers stays put.
 */
export function wheelCamera(camera: Camera, event: WheelLike, anchor: Point, pageHeight: number): Camera {
  const unit = event.deltaMode === 1 ? LINE_HEIGHT_PX : event.deltaMode === 2 ? pageHeight : 1
  const dx = event.deltaX * unit
  const dy = event.deltaY * unit
  if (event.ctrlKey || event.metaKey) {
    // Clamp one notch so a mouse wheel (±100) and a pinch (±2) both feel continuous.
    const step = Math.max(-50, Math.min(50, dy))
    return zoomAt(camera, anchor, camera.zoom * Math.exp(-step * 0.01))
  }
  return panBy(camera, -dx, -dy)
}
