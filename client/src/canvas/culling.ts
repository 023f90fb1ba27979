import { type Camera, expandRect, type Rect, rectsIntersect, type Size, visibleRect } from '@atelier/shared'
import { itemUtil } from '../items/registry.js'
import type { BoardStore } from '../store/BoardStore.js'
import { FAR_ZOOM } from './theme.js'

/** What the React item layer mounts: the items inside `rect`, or nothing in the far view. */
export interface CullWindow {
  rect: Rect
  zoom: number
  far: boolean
}

/**
 * The window is larger than the screen (a quarter screen on each side), so a small pan does
 * not re-cull at all; and the canvas re-culls only once the camera stops (see BoardCanvas).
 */
export function cullWindow(camera: Camera, viewport: Size): CullWindow {
  const visible = visibleRect(camera, viewport)
  return {
    rect: expandRect(visible, Math.max(visible.w, visible.h) / 4),
    zoom: camera.zoom,
    far: camera.zoom < FAR_ZOOM,
  }
}

/** Whether the window still covers the screen at this camera (same level of detail, similar zoom). */
export function windowCovers(window: CullWindow, camera: Camera, viewport: Size): boolean {
  if (camera.zoom < FAR_ZOOM !== window.far) return false
  const ratio = camera.zoom / window.zoom
  if (ratio < 0.8 || ratio > 1.25) return false
  const v = visibleRect(camera, viewport)
  const r = window.rect
  return v.x >= r.x && v.y >= r.y && v.x + v.w <= r.x + r.w && v.y + v.h <= r.y + r.h
}

/** Ids, in paint order, of the items in `rect`; arrows when either end is in it. */
export function idsInWindow(board: BoardStore, rect: Rect): string[] {
  const ids: string[] = []
  for (const id of board.getItemIds()) {
    const item = board.getItem(id)
    if (!item) continue
    const ends = itemUtil(item.type).ends(item)
    const inside =
      ends.length > 0
        ? ends.some((end) => {
            const other = board.getItem(end)
            return other !== undefined && rectsIntersect(other, rect)
          })
        : rectsIntersect(item, rect)
    if (inside) ids.push(id)
  }
  return ids
}
