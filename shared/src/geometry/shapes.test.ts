import { describe, expect, it } from 'vitest'
import { distanceToSegment, pointInItem, rectFromCorners, rectSelects, rotatedBounds } from './shapes.js'

describe('pointInItem', () => {
  const box = { x: 0, y: 0, w: 100, h: 100 }
  it('tests rectangles, ellipses and diamonds by their outline', () => {
    expect(pointInItem(box, { x: 5, y: 5 })).toBe(true)
    expect(pointInItem({ ...box, shape: 'ellipse' }, { x: 5, y: 5 })).toBe(false)
    expect(pointInItem({ ...box, shape: 'ellipse' }, { x: 50, y: 2 })).toBe(true)
    expect(pointInItem({ ...box, shape: 'diamond' }, { x: 20, y: 20 })).toBe(false)
    expect(pointInItem({ ...box, shape: 'diamond' }, { x: 30, y: 30 })).toBe(true)
  })
  it('honours the rotation of the item', () => {
    const bar = { x: 0, y: 40, w: 100, h: 20 }
    expect(pointInItem(bar, { x: 50, y: 5 })).toBe(false)
    expect(pointInItem({ ...bar, rotation: 90 }, { x: 50, y: 5 })).toBe(true)
  })
  it('tests strokes by distance to their line, widened by the tolerance', () => {
    const stroke = { x: 10, y: 10, w: 100, h: 1, points: [0, 0, 100, 0], strokeWidth: 4 }
    expect(pointInItem(stroke, { x: 60, y: 11 })).toBe(true)
    expect(pointInItem(stroke, { x: 60, y: 20 })).toBe(false)
    expect(pointInItem(stroke, { x: 60, y: 20 }, 10)).toBe(true)
  })
  it('widens the outline by the tolerance', () => {
    expect(pointInItem(box, { x: 104, y: 50 })).toBe(false)
    expect(pointInItem(box, { x: 104, y: 50 }, 5)).toBe(true)
  })
})

describe('marquee and bounds', () => {
  it('selects contained or touching items', () => {
    const marquee = { x: 0, y: 0, w: 100, h: 100 }
    const inside = { x: 10, y: 10, w: 20, h: 20 }
    const across = { x: 90, y: 90, w: 20, h: 20 }
    expect(rectSelects(marquee, inside, 'contain')).toBe(true)
    expect(rectSelects(marquee, across, 'contain')).toBe(false)
    expect(rectSelects(marquee, across, 'intersect')).toBe(true)
  })
  it('bounds rotated rects and normalises drag corners', () => {
    const b = rotatedBounds({ x: 0, y: 0, w: 100, h: 20 }, 90)
    expect(b.w).toBeCloseTo(20)
    expect(b.h).toBeCloseTo(100)
    expect(rectFromCorners({ x: 10, y: 50 }, { x: 0, y: 0 })).toEqual({ x: 0, y: 0, w: 10, h: 50 })
    expect(distanceToSegment({ x: 5, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5)
  })
})
