import type { Point } from '../geometry/rect.js'
import { randomId } from './ids.js'
import type { ItemSnapshot } from './types.js'

/** The parts of an item that name other items: what a copy must remap together. */
interface CloneableItem {
  id: string
  x: number
  y: number
  /** Items sharing a group id are selected and moved together. */
  groupId?: string
  /** Connector ends. */
  from?: string
  to?: string
  /** The frame a template item belongs to. */
  frameId?: string
}

/**
 * What becomes of a reference to an item that is not copied along: `keep` it (a duplicated arrow
 * still points at the original it was attached to), `drop` the connector (pasted elsewhere, its
 * end may not exist), or `throw` (a template must be whole).
 */
type OutsideReference = 'keep' | 'drop' | 'throw'

interface CloneOptions {
  /** Added to every copy's position. */
  offset?: Point
  /** Id generator; defaults to `randomId`. Pass a seeded one for deterministic output. */
  newId?: () => string
  outside: OutsideReference
}

export interface ClonedItems<T> {
  items: T[]
  /** Old id → new id, for every item copied (callers remap their own references with it). */
  ids: Map<string, string>
}

/**
 * Copies items with fresh ids, every reference between them remapped together: ids, group ids
 * (a copied group is a new group, distinct from the original), connector ends and frame
 * children. Ids are allocated in the order of `items`. Pure: no document is touched.
 */
export function cloneItems<T extends CloneableItem>(
  items: readonly T[],
  options: CloneOptions,
): ClonedItems<T> {
  const newId = options.newId ?? (() => randomId())
  const { x: dx, y: dy } = options.offset ?? { x: 0, y: 0 }
  const ids = new Map<string, string>()
  for (const item of items) ids.set(item.id, newId())
  const groups = new Map<string, string>()
  const groupOf = (groupId: string): string => {
    let fresh = groups.get(groupId)
    if (fresh === undefined) {
      fresh = newId()
      groups.set(groupId, fresh)
    }
    return fresh
  }
  const copies: T[] = []
  for (const item of items) {
    const refs: Partial<Pick<CloneableItem, 'from' | 'to' | 'frameId'>> = {}
    let dropped = false
    for (const key of ['from', 'to', 'frameId'] as const) {
      const target = item[key]
      if (target === undefined) continue
      const mapped = ids.get(target)
      if (mapped !== undefined) refs[key] = mapped
      else if (options.outside === 'keep') refs[key] = target
      else if (options.outside === 'drop') dropped = true
      else throw new Error(`item "${item.id}": ${key} names "${target}", which is not among the items copied`)
    }
    if (dropped) continue
    copies.push({
      ...item,
      id: ids.get(item.id) as string,
      x: item.x + dx,
      y: item.y + dy,
      ...refs,
      ...(item.groupId !== undefined ? { groupId: groupOf(item.groupId) } : {}),
    })
  }
  return { items: copies, ids }
}

/**
 * An item as its copy starts: what made the original someone's (author, time, lock, place in the
 * z-order) stays behind, and a copy of a template's example is an idea of its own.
 */
export function copyable(
  item: ItemSnapshot,
): Omit<ItemSnapshot, 'z' | 'createdAt' | 'author' | 'locked' | 'example'> {
  const { z: _z, createdAt: _createdAt, author: _author, locked: _locked, example: _example, ...rest } = item
  return rest
}
