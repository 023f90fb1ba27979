import { containingFrame } from './containment.js'
import type { Rect } from './rect.js'

export interface Framed extends Rect {
  id: string
  type: string
}

/**
 * Everything a frame carries when it moves: the items whose containing frame (the smallest
 * frame holding their centre) is this frame, and, through nested frames, their contents too.
 */
export function frameContents(frameIds: Iterable<string>, items: readonly Framed[]): Set<string> {
  const frames = items.filter((item) => item.type === 'frame')
  const parentOf = new Map<string, string>()
  for (const item of items) {
    const parent = containingFrame(item, frames)
    if (parent) parentOf.set(item.id, parent.id)
  }
  const carried = new Set<string>()
  const moving = new Set(frameIds)
  for (const item of items) {
    if (moving.has(item.id)) continue
    // Walk up the frame chain: carried when any ancestor frame is moving.
    let parent = parentOf.get(item.id)
    const seen = new Set<string>()
    while (parent && !seen.has(parent)) {
      if (moving.has(parent)) {
        carried.add(item.id)
        break
      }
      seen.add(parent)
      parent = parentOf.get(parent)
    }
  }
  return carried
}
