import { connectorEnds, type ItemPatch, type ItemSnapshot, type Point } from '@atelier/shared'

/** An item as drawn right now: its snapshot with any drag or resize preview applied. */
export function livePosition(
  item: ItemSnapshot,
  drag: { ids: ReadonlySet<string>; dx: number; dy: number } | null,
  preview: ReadonlyMap<string, ItemPatch> | null,
): ItemSnapshot {
  const patch = preview?.get(item.id)
  const moved = drag?.ids.has(item.id) ? { x: item.x + drag.dx, y: item.y + drag.dy } : null
  if (!patch && !moved) return item
  return { ...item, ...patch, ...moved }
}

/**
 * Where a connector is drawn: between the live outlines of its two ends, so it follows them
 * through drags. A connector whose end is gone (deleted by someone else) is not drawn.
 */
export function connectorSegment(
  item: ItemSnapshot,
  lookup: (id: string) => ItemSnapshot | undefined,
): { start: Point; end: Point } | null {
  const from = item.from ? lookup(item.from) : undefined
  const to = item.to ? lookup(item.to) : undefined
  if (!from || !to) return null
  return connectorEnds(shapeOf(from), shapeOf(to))
}

function shapeOf(item: ItemSnapshot) {
  return item.type === 'shape' && item.shape
    ? { ...item, shape: item.shape }
    : { x: item.x, y: item.y, w: item.w, h: item.h }
}
