/**
 * Seeded randomness: every replica that knows the seed draws the same card or the same teams,
 * so a draw can be replayed and tested. Not for secrets.
 */

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
function hashString(value: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** mulberry32: a tiny generator of floats in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: string): () => number {
  let state = hashString(seed)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A copy of `values` in a seeded random order (Fisher–Yates). */
export function seededShuffle<T>(values: readonly T[], seed: string): T[] {
  const random = seededRandom(seed)
  const out = [...values]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = out[i] as T
    out[i] = out[j] as T
    out[j] = swap
  }
  return out
}
