import { type Rect, rectContainsPoint } from './rect.js'

export function centerOf(rect: Rect): { x: number; y: number } {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }
}

/**
 * The frame an item belongs to: the smallest frame holding the item's centre, so a note in a
 * nested frame belongs to the inner one. Null when no frame holds it.
 */
export function containingFrame<F extends Rect & { id: string }>(
  item: Rect & { id: string },
  frames: readonly F[],
): F | null {
  const center = centerOf(item)
  let best: F | null = null
  for (const frame of frames) {
    if (frame.id === item.id || !rectContainsPoint(frame, center)) continue
    if (!best || frame.w * frame.h < best.w * best.h) best = frame
  }
  return best
}
