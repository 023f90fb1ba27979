import type { ItemSnapshot } from '@atelier/shared'

/** Paint order: explicit z first, then creation time, then id, so every replica agrees. */
export function compareItems(a: ItemSnapshot, b: ItemSnapshot): number {
  const za = a.z ?? ''
  const zb = b.z ?? ''
  if (za !== zb) return za < zb ? -1 : 1
  const ca = a.createdAt ?? 0
  const cb = b.createdAt ?? 0
  if (ca !== cb) return ca - cb
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function sameSnapshot(a: ItemSnapshot | undefined, b: ItemSnapshot | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return (
    a.type === b.type &&
    a.x === b.x &&
    a.y === b.y &&
    a.w === b.w &&
    a.h === b.h &&
    a.text === b.text &&
    a.color === b.color &&
    a.z === b.z &&
    a.author === b.author &&
    a.createdAt === b.createdAt
  )
}

export function shallowEqualArrays<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
