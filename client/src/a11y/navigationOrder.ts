import { containingFrame, type ItemSnapshot, type Rect } from '@atelier/shared'

type Box = Rect & { id: string }

/**
 * Top to bottom by rows, left to right within a row: two boxes whose vertical centres are within
 * half the smaller height share a row.
 */
export function rowsOrder<T extends Box>(boxes: readonly T[]): T[] {
  const middle = (box: Box) => box.y + box.h / 2
  const byMiddle = [...boxes].sort((a, b) => middle(a) - middle(b) || a.x - b.x || compare(a.id, b.id))
  const rows: T[][] = []
  for (const box of byMiddle) {
    const row = rows.at(-1)
    const anchor = row?.[0]
    if (row && anchor && Math.abs(middle(box) - middle(anchor)) <= Math.min(box.h, anchor.h) / 2)
      row.push(box)
    else rows.push([box])
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || compare(a.id, b.id)))
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The order a keyboard or screen-reader user walks the board in: frames and free items in rows,
 * each frame followed by what it holds (its own items in rows, nested frames the same way).
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
    for (const item of rowsOrder(children.get(parent) ?? [])) {
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
