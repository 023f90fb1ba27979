import type { ItemPatch, ItemSnapshot } from '@atelier/shared'

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
