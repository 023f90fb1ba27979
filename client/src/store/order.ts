import type { ItemSnapshot } from '@atelier/shared'

/**
 * Paint order: frames first (they are the background of what they hold), then explicit z, then
 * creation time, then id, so every replica agrees.
 */
export function compareItems(a: ItemSnapshot, b: ItemSnapshot): number {
  const fa = a.type === 'frame' ? 0 : 1
  const fb = b.type === 'frame' ? 0 : 1
  if (fa !== fb) return fa - fb
  const za = a.z ?? ''
  const zb = b.z ?? ''
  if (za !== zb) return za < zb ? -1 : 1
  const ca = a.createdAt ?? 0
  const cb = b.createdAt ?? 0
  if (ca !== cb) return ca - cb
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return shallowEqualArrays(a, b)
  return false
}

/** Value equality of two snapshots, so a no-op remote write re-renders nothing. */
export function sameSnapshot(a: ItemSnapshot | undefined, b: ItemSnapshot | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  const keysA = Object.keys(a) as (keyof ItemSnapshot)[]
  if (keysA.length !== Object.keys(b).length) return false
  return keysA.every((key) => sameValue(a[key], b[key]))
}

export function shallowEqualArrays<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
