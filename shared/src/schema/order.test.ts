import { describe, expect, it } from 'vitest'
import { type Ordered, reorder, zAbove, zKeysAbove } from './order.js'

/** Applies z patches and sorts like the client does (z, then id). */
function apply(items: Ordered[], patches: Map<string, string>): string[] {
  return items
    .map((item) => ({ ...item, z: patches.get(item.id) ?? item.z }))
    .sort((a, b) => ((a.z ?? '') < (b.z ?? '') ? -1 : (a.z ?? '') > (b.z ?? '') ? 1 : a.id < b.id ? -1 : 1))
    .map((item) => item.id)
}

const board = (): Ordered[] => [
  { id: 'a', z: 'a0' },
  { id: 'b', z: 'a1' },
  { id: 'c', z: 'a2' },
  { id: 'd', z: 'a3' },
]

describe('fractional z-order', () => {
  it('creates keys above the top and in increasing runs', () => {
    expect(zAbove(null) < zAbove(zAbove(null))).toBe(true)
    const run = zKeysAbove('a3', 3)
    expect(run).toEqual([...run].sort())
    expect((run[0] as string) > 'a3').toBe(true)
    // A key a foreign client wrote that the library rejects still yields a usable key.
    expect(typeof zAbove('not a key!')).toBe('string')
  })

  it('brings to front and sends to back, rewriting only the moved items', () => {
    const front = reorder(board(), new Set(['a', 'c']), 'front')
    expect([...front.keys()].sort()).toEqual(['a', 'c'])
    expect(apply(board(), front)).toEqual(['b', 'd', 'a', 'c'])
    expect(apply(board(), reorder(board(), new Set(['d']), 'back'))).toEqual(['d', 'a', 'b', 'c'])
    expect(reorder(board(), new Set(['d']), 'front').size).toBe(0)
  })

  it('moves one step forward and backward', () => {
    expect(apply(board(), reorder(board(), new Set(['a']), 'forward'))).toEqual(['b', 'a', 'c', 'd'])
    expect(apply(board(), reorder(board(), new Set(['c', 'd']), 'backward'))).toEqual(['a', 'c', 'd', 'b'])
  })

  it('converges when two people reorder different items at the same time', () => {
    const one = reorder(board(), new Set(['a']), 'front')
    const two = reorder(board(), new Set(['b']), 'front')
    const merged = new Map([...one, ...two])
    // Both replicas apply both patches: same keys, same order, whatever the arrival order.
    expect(apply(board(), merged)).toEqual(apply(board(), new Map([...two, ...one])))
    expect(apply(board(), merged).slice(0, 2)).toEqual(['c', 'd'])
  })

  it('handles items without keys (written by outside clients)', () => {
    const items: Ordered[] = [{ id: 'x' }, { id: 'y', z: 'a0' }]
    expect(apply(items, reorder(items, new Set(['x']), 'front'))).toEqual(['y', 'x'])
  })
})
