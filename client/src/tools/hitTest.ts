import type { Point } from '@atelier/shared'
import { itemUtil } from '../items/registry.js'
import type { BoardStore } from '../store/BoardStore.js'

/**
 * Topmost item under a board point (last in paint order wins), or null for empty board. Each
 * type decides what "on it" means (a frame's inside belongs to what it holds, an arrow is hit
 * near its line); `zoom` turns screen tolerances into board units.
 */
export function hitTest(store: BoardStore, point: Point, zoom = 1): string | null {
  const ids = store.getItemIds()
  const ctx = { zoom, tolerance: 6 / zoom, lookup: (id: string) => store.getItem(id) }
  for (let i = ids.length - 1; i >= 0; i--) {
    const item = store.getItem(ids[i] as string)
    if (item && itemUtil(item.type).hitTest(item, point, ctx)) return item.id
  }
  return null
}
