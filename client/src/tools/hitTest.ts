import { distanceToSegment, type Point, pointInItem, rectContainsPoint } from '@atelier/shared'
import type { BoardStore } from '../store/BoardStore.js'
import { connectorSegment } from '../store/connectors.js'

/** Height of a frame's title tab above its top edge, in screen pixels. */
export const FRAME_TITLE_PX = 26

/**
 * Topmost item under a board point (last in paint order wins), or null for empty board.
 * A frame is grabbed by its title or its border only: its inside belongs to what it holds and to
 * the marquee, as in FigJam and tldraw. `zoom` turns screen tolerances into board units.
 */
export function hitTest(store: BoardStore, point: Point, zoom = 1): string | null {
  const ids = store.getItemIds()
  const tolerance = 6 / zoom
  const lookup = (id: string) => store.getItem(id)
  for (let i = ids.length - 1; i >= 0; i--) {
    const item = store.getItem(ids[i] as string)
    if (!item) continue
    if (item.type === 'connector') {
      const segment = connectorSegment(item, lookup)
      if (segment && distanceToSegment(point, segment.start, segment.end) <= tolerance) return item.id
      continue
    }
    if (item.type === 'frame') {
      const title = { x: item.x, y: item.y - FRAME_TITLE_PX / zoom, w: item.w, h: FRAME_TITLE_PX / zoom }
      const onBorder =
        pointInItem(item, point, tolerance) &&
        !pointInItem(
          {
            x: item.x + tolerance,
            y: item.y + tolerance,
            w: item.w - 2 * tolerance,
            h: item.h - 2 * tolerance,
          },
          point,
        )
      if (rectContainsPoint(title, point) || onBorder) return item.id
      continue
    }
    if (pointInItem(item, point, item.type === 'stroke' ? tolerance : 0)) return item.id
  }
  return null
}
