import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Rect, rectContainsRect, rectsOverlap } from '../geometry/rect.js'
import { nearestFreeSpot } from './freeSpace.js'

const note = { w: 200, h: 200 }
const boxAt = (centre: { x: number; y: number }, size = note): Rect => ({
  x: centre.x - size.w / 2,
  y: centre.y - size.h / 2,
  ...size,
})

describe('nearestFreeSpot', () => {
  it('keeps the asked spot when nothing is there', () => {
    expect(nearestFreeSpot({ x: 10, y: 20 }, note, [])).toEqual({ x: 10, y: 20 })
  })

  it('moves a new note off one that only half covers the asked spot', () => {
    const old = boxAt({ x: 90, y: 40 })
    const spot = nearestFreeSpot({ x: 0, y: 0 }, note, [old])
    expect(spot).not.toBeNull()
    expect(rectsOverlap(boxAt(spot ?? { x: 0, y: 0 }), old)).toBe(false)
    // One step away, not the far side of the board: on its left, the first side clear of the old
    // note going clockwise from the right.
    expect(spot).toEqual({ x: -224, y: 0 })
  })

  it('fills the cells around a run of notes one after the other, each clear of the others', () => {
    const taken: Rect[] = []
    for (let i = 0; i < 9; i++) {
      const spot = nearestFreeSpot({ x: 0, y: 0 }, note, taken)
      expect(spot).not.toBeNull()
      taken.push(boxAt(spot ?? { x: 0, y: 0 }))
    }
    for (const [i, a] of taken.entries())
      for (const b of taken.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false)
    // Nine notes make the 3 × 3 block around the asked spot, the second one beside the first.
    expect(new Set(taken.map((box) => box.x))).toEqual(new Set([-324, -100, 124]))
    expect(new Set(taken.map((box) => box.y))).toEqual(new Set([-324, -100, 124]))
    expect(taken[1]).toMatchObject({ x: 124, y: -100 })
  })

  it('may land inside a frame, but never across its edge', () => {
    const frame = { x: -400, y: -300, w: 800, h: 600 }
    expect(nearestFreeSpot({ x: 0, y: 0 }, note, [frame])).toEqual({ x: 0, y: 0 })
    const onEdge = nearestFreeSpot({ x: 400, y: 0 }, note, [frame])
    const box = boxAt(onEdge ?? { x: 400, y: 0 })
    expect(rectContainsRect(frame, box) || !rectsOverlap(box, frame)).toBe(true)
  })

  it('stays in view, or says there is no room there', () => {
    const view = { x: -350, y: -110, w: 700, h: 220 }
    const taken = [boxAt({ x: 0, y: 0 })]
    const spot = nearestFreeSpot({ x: 0, y: 0 }, note, taken, { within: view })
    expect(spot).toEqual({ x: 224, y: 0 })
    taken.push(boxAt({ x: -224, y: 0 }), boxAt({ x: 224, y: 0 }))
    expect(nearestFreeSpot({ x: 0, y: 0 }, note, taken, { within: view })).toBeNull()
    // Zoomed in so far that a note is wider than the view: the asked spot is still fine when free.
    expect(nearestFreeSpot({ x: 0, y: 0 }, note, [], { within: { x: -50, y: -50, w: 100, h: 100 } })).toEqual(
      {
        x: 0,
        y: 0,
      },
    )
  })

  it('never returns a spot across anything on a crowded board', () => {
    const rect = fc.record({
      x: fc.integer({ min: -1500, max: 1500 }),
      y: fc.integer({ min: -1500, max: 1500 }),
      w: fc.integer({ min: 10, max: 900 }),
      h: fc.integer({ min: 10, max: 900 }),
    })
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 60 }), (taken) => {
        const spot = nearestFreeSpot({ x: 0, y: 0 }, note, taken, { gap: 0 })
        if (!spot) return
        const box = boxAt(spot)
        for (const other of taken)
          expect(!rectsOverlap(box, other) || rectContainsRect(other, box)).toBe(true)
      }),
    )
  })
})
