import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rectsOverlap } from '../geometry/rect.js'
import type { ItemSnapshot } from '../schema/types.js'
import { planSettle } from './settle.js'

const frame: ItemSnapshot = { id: 'scale', type: 'frame', x: 0, y: 0, w: 2400, h: 340, text: 'Stratégique' }
const below: ItemSnapshot = { id: 'next', type: 'frame', x: 0, y: 380, w: 2400, h: 340, text: 'Décisionnel' }
const bar: ItemSnapshot = { id: 'bar', type: 'shape', x: 560, y: 162, w: 1280, h: 16, locked: true }
const token = (id: string, x: number, y = 110): ItemSnapshot => ({ id, type: 'note', x, y, w: 120, h: 120 })

function settled(items: ItemSnapshot[], arriving: string[]): ItemSnapshot[] {
  const plan = planSettle(items, 'scale', arriving)
  if (!plan) throw new Error('no plan')
  return items.map((item) => {
    const at = plan.moves.get(item.id)
    const size = plan.resize?.id === item.id ? { w: plan.resize.w, h: plan.resize.h } : {}
    return { ...item, ...(at ?? {}), ...size }
  })
}

describe('planSettle', () => {
  it('leaves notes that cover nothing where they are, on the scale drawn under them', () => {
    const items = [frame, bar, token('a', 300), token('b', 1900)]
    expect(planSettle(items, 'scale', ['a', 'b'])).toEqual({ moves: new Map(), resize: null })
  })

  it('stacks notes put on one spot straight down, keeping their column, and grows the frame', () => {
    const items = [frame, below, bar, token('a', 1000), token('b', 1000), token('c', 1040)]
    const after = settled(items, ['a', 'b', 'c'])
    const [a, b, c] = ['a', 'b', 'c'].map((id) => after.find((item) => item.id === id) as ItemSnapshot)
    expect([a?.x, b?.x, c?.x]).toEqual([1000, 1000, 1040])
    expect([a?.y, b?.y, c?.y]).toEqual([110, 110 + 120 + 24, 110 + 2 * (120 + 24)])
    const grown = after.find((item) => item.id === 'scale')
    const next = after.find((item) => item.id === 'next')
    expect(grown?.h).toBe(110 + 3 * 120 + 3 * 24)
    // What stood below the frame moved down as much as it grew.
    expect(next?.y).toBe(380 + ((grown?.h ?? 0) - 340))
  })

  it('keeps clear of the notes already in the frame, which stay put', () => {
    const items = [frame, token('old', 1000), token('new', 1000)]
    const plan = planSettle(items, 'scale', ['new'])
    expect(plan?.moves.has('old')).toBe(false)
    expect(plan?.moves.get('new')).toEqual({ x: 1000, y: 254 })
  })

  it('never leaves two arriving notes overlapping, and never moves one sideways or up', () => {
    const spot = fc.record({ x: fc.integer({ min: 0, max: 2200 }), y: fc.integer({ min: 0, max: 200 }) })
    fc.assert(
      fc.property(fc.array(spot, { minLength: 1, maxLength: 25 }), (spots) => {
        const tokens = spots.map((at, i) => token(`t${i}`, at.x, at.y))
        const after = settled(
          [frame, ...tokens],
          tokens.map((t) => t.id),
        )
        const moved = after.filter((item) => item.type === 'note')
        for (const [i, note] of moved.entries()) {
          const before = tokens[i] as ItemSnapshot
          expect(note.x).toBe(before.x)
          expect(note.y).toBeGreaterThanOrEqual(before.y)
          for (const other of moved.slice(i + 1)) expect(rectsOverlap(note, other)).toBe(false)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('answers null for an id that is no frame', () => {
    expect(planSettle([frame, token('a', 0)], 'a', ['a'])).toBeNull()
  })
})
