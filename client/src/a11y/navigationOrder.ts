import { containingFrame, type ItemSnapshot, type Rect, readingOrder } from '@atelier/shared'

/**
 * The order a keyboard or screen-reader user walks the board in: frames and free items in reading
 * order (the reveal layout's, so a tidied frame reads back in the order it was laid out),
 * each frame followed by what it holds (its own items the same way, nested frames too).
 * Connectors are left out: they are read as links between items, not as places to stop.
 */
export function navigationOrder(items: Iterable<ItemSnapshot>): ItemSnapshot[] {
  const all = [...items].filter((item) => item.type !== 'connector')
  const frames = all.filter((item) => item.type === 'frame')
  const children = new Map<string | null, ItemSnapshot[]>()
  const area = (box: Rect) => box.w * box.h
  for (const item of all) {
    // A frame sits only in a larger frame, so two frames never hold each other.
    const candidates = item.type === 'frame' ? frames.filter((f) => area(f) > area(item)) : frames
    const parent = containingFrame(item, candidates)?.id ?? null
    const list = children.get(parent) ?? []
    list.push(item)
    children.set(parent, list)
  }
  const order: ItemSnapshot[] = []
  const walk = (parent: string | null) => {
    for (const item of readingOrder(children.get(parent) ?? [])) {
      order.push(item)
      if (item.type === 'frame') walk(item.id)
    }
  }
  walk(null)
  return order
}

export type NavigationKey = 'next' | 'previous' | 'first' | 'last'

/** The item a navigation key leads to from `currentId` (none yet: the first or last item). */
export function navigate(
  order: readonly ItemSnapshot[],
  currentId: string | null,
  key: NavigationKey,
): string | null {
  if (order.length === 0) return null
  const index = currentId === null ? -1 : order.findIndex((item) => item.id === currentId)
  const last = order.length - 1
  const target =
    key === 'first'
      ? 0
      : key === 'last'
        ? last
        : index === -1
          ? key === 'next'
            ? 0
            : last
          : key === 'next'
            ? Math.min(last, index + 1)
            : Math.max(0, index - 1)
  return order[target]?.id ?? null
}
