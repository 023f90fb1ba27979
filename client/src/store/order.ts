import type { ItemSnapshot, ItemType } from '@atelier/shared'

/** Where a type's items paint: every `background` item (a section) beneath every `content` item. */
export type PaintLayer = 'background' | 'content'

/** The paint layer of each item type, as its module in `items/` declares it. */
export type PaintLayerOf = (type: ItemType) => PaintLayer

const LAYER_RANK: Record<PaintLayer, number> = { background: 0, content: 1 }

/**
 * Paint order: by layer (a section is the background of what it holds), then explicit z, then
 * creation time, then id, so every replica agrees.
 */
export function paintOrder(layerOf: PaintLayerOf): (a: ItemSnapshot, b: ItemSnapshot) => number {
  return (a, b) => {
    const layers = LAYER_RANK[layerOf(a.type)] - LAYER_RANK[layerOf(b.type)]
    return layers !== 0 ? layers : sameLayerOrder(a, b)
  }
}

function sameLayerOrder(a: ItemSnapshot, b: ItemSnapshot): number {
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
