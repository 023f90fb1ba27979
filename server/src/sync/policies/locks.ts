import { centerOf, type ItemMap, type ItemSnapshot, rectContainsPoint } from '@atelier/shared'
import type * as Y from 'yjs'

/** What the lock rule needs of an item. */
export type LockView = Pick<ItemSnapshot, 'id' | 'type' | 'x' | 'y' | 'w' | 'h' | 'locked'>

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/**
 * Geometry and lock flag of every item, read straight from the maps: this runs before every
 * participant update, so it skips what `readItems` also does (texts, tags, points…). Geometry
 * is only read when a frame is locked, since only then does containment matter.
 */
export function lockViews(items: Y.Map<ItemMap>, withGeometry: boolean): LockView[] {
  const views: LockView[] = []
  for (const [id, item] of items) {
    const type = item.get('type') as LockView['type']
    const locked = item.get('locked') === true
    if (!withGeometry) {
      if (locked) views.push({ id, type, x: 0, y: 0, w: 0, h: 0, locked })
      continue
    }
    views.push({
      id,
      type,
      x: num(item.get('x')),
      y: num(item.get('y')),
      w: num(item.get('w')),
      h: num(item.get('h')),
      locked,
    })
  }
  return views
}

/**
 * Ids of the items a participant may not change: those with `locked: true`, the frames listed in
 * the session's `lockedFrameIds`, and every item whose centre lies inside one of those frames.
 */
export function protectedItemIds(items: readonly LockView[], lockedFrameIds: readonly string[]): Set<string> {
  const lockedFrames = new Set(lockedFrameIds)
  const frames = items.filter((item) => item.type === 'frame' && lockedFrames.has(item.id))
  const ids = new Set<string>()
  for (const item of items) {
    if (item.locked || lockedFrames.has(item.id)) ids.add(item.id)
    else if (frames.some((frame) => rectContainsPoint(frame, centerOf(item)))) ids.add(item.id)
  }
  return ids
}
