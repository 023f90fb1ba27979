import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Rect, rectContainsRect, rectsIntersect, rectsOverlap } from '../geometry/rect.js'
import type { ItemSnapshot } from '../schema/types.js'
import { planFrameLayout } from './arrange.js'
import { gridLayout, type LayoutBox, readingOrder } from './grid.js'

const frame: Rect = { x: 100, y: 50, w: 700, h: 500 }

function placed(boxes: readonly LayoutBox[], positions: Map<string, { x: number; y: number }>): LayoutBox[] {
  return boxes.map((box) => ({ ...box, ...positions.get(box.id) }))
}

const boxArbitrary = fc.record({
  x: fc.integer({ min: -500, max: 1500 }),
  y: fc.integer({ min: -500, max: 1500 }),
  w: fc.integer({ min: 40, max: 900 }),
  h: fc.integer({ min: 40, max: 400 }),
  author: fc.constantFrom('ana', 'bruno', 'chloé', undefined),
})

describe('gridLayout', () => {
  it('keeps every box inside the frame, with no two boxes overlapping, whatever the boxes', () => {
    fc.assert(
      fc.property(fc.array(boxArbitrary, { maxLength: 60 }), fc.boolean(), (raw, groupByAuthor) => {
        const boxes = raw.map((box, i) => ({ ...box, id: `n${i}` }))
        const fixed = [{ x: 120, y: 60, w: 300, h: 40 }]
        const { positions, frame: grown } = gridLayout(frame, boxes, { groupByAuthor, fixed })
        const result = placed(boxes, positions)
        expect(positions.size).toBe(boxes.length)
        for (const [i, a] of result.entries()) {
          expect(rectContainsRect(grown, a)).toBe(true)
          expect(rectsIntersect(a, fixed[0] as Rect)).toBe(false)
          for (const b of result.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false)
        }
        expect(grown.x).toBe(frame.x)
        expect(grown.y).toBe(frame.y)
        expect(grown.w).toBeGreaterThanOrEqual(frame.w)
        expect(grown.h).toBeGreaterThanOrEqual(frame.h)
      }),
    )
  })

  it('is stable: laying out an arranged grid again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(boxArbitrary, { maxLength: 40 }), fc.boolean(), (raw, groupByAuthor) => {
        const boxes = raw.map((box, i) => ({ ...box, w: 200, h: 200, id: `n${i}` }))
        const first = gridLayout(frame, boxes, { groupByAuthor })
        const second = gridLayout(first.frame, placed(boxes, first.positions), { groupByAuthor })
        expect(second.positions).toEqual(first.positions)
        expect(second.frame).toEqual(first.frame)
      }),
    )
  })

  it('lays notes in reading order, each author together, a group starting a new row when it does not fit', () => {
    const notes: LayoutBox[] = [
      { id: 'b1', author: 'bruno', x: 900, y: 900, w: 200, h: 200 },
      { id: 'a1', author: 'ana', x: 0, y: 0, w: 200, h: 200 },
      { id: 'a2', author: 'ana', x: 300, y: 10, w: 200, h: 200 },
      { id: 'b2', author: 'bruno', x: 0, y: 400, w: 200, h: 200 },
      { id: 'a3', author: 'ana', x: 0, y: 800, w: 200, h: 200 },
    ]
    const { positions } = gridLayout(frame, notes, { gap: 20 })
    // Row 1: ana's three notes (a1, a2 read before a3); bruno's two do not fit after them.
    expect(positions.get('a1')).toEqual({ x: 120, y: 70 })
    expect(positions.get('a2')).toEqual({ x: 340, y: 70 })
    expect(positions.get('a3')).toEqual({ x: 560, y: 70 })
    expect(positions.get('b2')).toEqual({ x: 120, y: 290 })
    expect(positions.get('b1')).toEqual({ x: 340, y: 290 })
  })

  it('mixes authors in reading order when anonymous', () => {
    const notes: LayoutBox[] = [
      { id: 'b1', author: 'bruno', x: 0, y: 0, w: 200, h: 200 },
      { id: 'a1', author: 'ana', x: 250, y: 0, w: 200, h: 200 },
      { id: 'b2', author: 'bruno', x: 500, y: 0, w: 200, h: 200 },
    ]
    const { positions } = gridLayout(frame, notes, { gap: 20, groupByAuthor: false })
    expect([...positions.keys()]).toEqual(['b1', 'a1', 'b2'])
    expect(positions.get('a1')).toEqual({ x: 340, y: 70 })
  })

  it('grows the frame downwards when the notes need more rows, and keeps it when they fit', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, x: i, y: 0, w: 200, h: 200 }))
    const { frame: grown } = gridLayout(frame, many, { gap: 20 })
    // Three notes a row → ten rows of 220 below a 20 margin.
    expect(grown).toEqual({ x: 100, y: 50, w: 700, h: 20 + 10 * 220 })
    expect(gridLayout(frame, many.slice(0, 3), { gap: 20 }).frame).toEqual(frame)
  })
})

describe('readingOrder', () => {
  it('reads rows top to bottom and each row left to right, tolerating small misalignments', () => {
    const boxes = [
      { id: 'c', x: 0, y: 300, w: 100, h: 100 },
      { id: 'b', x: 200, y: 20, w: 100, h: 100 },
      { id: 'a', x: 0, y: 0, w: 100, h: 100 },
    ]
    expect(readingOrder(boxes).map((box) => box.id)).toEqual(['a', 'b', 'c'])
  })
})

describe('planFrameLayout', () => {
  it('moves what stands below a frame that grows, so the grown frame covers nothing', () => {
    const items: ItemSnapshot[] = [
      { id: 'top', type: 'frame', x: 0, y: 0, w: 500, h: 300 },
      { id: 'below', type: 'frame', x: 0, y: 320, w: 500, h: 300 },
      { id: 'inBelow', type: 'note', x: 20, y: 400, w: 200, h: 200 },
      { id: 'aside', type: 'frame', x: 600, y: 320, w: 300, h: 300 },
      ...[0, 1, 2, 3, 4].map(
        (i): ItemSnapshot => ({ id: `n${i}`, type: 'note', x: 50, y: 50 + i, w: 200, h: 200 }),
      ),
    ]
    const plan = planFrameLayout(items, 'top', { groupByAuthor: false })
    if (!plan?.resize) throw new Error('the frame should grow')
    const grownBy = plan.resize.h - 300
    expect(plan.moves.get('below')).toEqual({ x: 0, y: 320 + grownBy })
    expect(plan.moves.get('inBelow')).toEqual({ x: 20, y: 400 + grownBy })
    expect(plan.moves.has('aside')).toBe(false)
  })

  it("leaves a template's example where the template put it, and lays the ideas out clear of it", () => {
    const items: ItemSnapshot[] = [
      { id: 'map', type: 'frame', x: 0, y: 0, w: 1800, h: 1800 },
      { id: 'project', type: 'note', x: 760, y: 860, w: 280, h: 160, example: true },
      ...[0, 1, 2].map(
        (i): ItemSnapshot => ({ id: `n${i}`, type: 'note', x: 800, y: 880 + i, w: 200, h: 200 }),
      ),
    ]
    const plan = planFrameLayout(items, 'map', { groupByAuthor: false })
    if (!plan) throw new Error('no plan')
    expect(plan.moves.has('project')).toBe(false)
    const project = items[1] as ItemSnapshot
    for (const id of ['n0', 'n1', 'n2']) {
      const at = plan.moves.get(id)
      if (!at) throw new Error(`${id} did not move`)
      expect(rectsIntersect({ ...at, w: 200, h: 200 }, project), id).toBe(false)
    }
  })
})
