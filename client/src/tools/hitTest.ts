import { type Point, rectContainsPoint } from '@atelier/shared'
import type { BoardStore } from '../store/BoardStore.js'

/** Topmost item under a board point (last in paint order wins), or null for empty board. */
export function hitTest(store: BoardStore, point: Point): string | null {
  const ids = store.getItemIds()
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i]
    if (id === undefined) continue
    const item = store.getItem(id)
    if (item && rectContainsPoint(item, point)) return id
  }
  return null
}
