import { describe, expect, it } from 'vitest'
import {
  boundsOf,
  expandRect,
  rectContainsPoint,
  rectContainsRect,
  rectsIntersect,
  rectsOverlap,
} from './rect.js'

describe('rect', () => {
  const rect = { x: 0, y: 0, w: 100, h: 50 }

  it('contains points on and inside its edges only', () => {
    expect(rectContainsPoint(rect, { x: 100, y: 50 })).toBe(true)
    expect(rectContainsPoint(rect, { x: 50, y: 25 })).toBe(true)
    expect(rectContainsPoint(rect, { x: 101, y: 25 })).toBe(false)
  })

  it('tells overlapping from disjoint rects', () => {
    expect(rectsIntersect(rect, { x: 90, y: 40, w: 20, h: 20 })).toBe(true)
    expect(rectsIntersect(rect, { x: 101, y: 0, w: 20, h: 20 })).toBe(false)
    expect(rectsIntersect(rect, { x: -10, y: -10, w: 200, h: 200 })).toBe(true)
  })

  it('counts rects that only touch as intersecting, not as overlapping', () => {
    const beside = { x: 100, y: 0, w: 20, h: 20 }
    expect(rectsIntersect(rect, beside)).toBe(true)
    expect(rectsOverlap(rect, beside)).toBe(false)
    expect(rectsOverlap(rect, { x: 99, y: 0, w: 20, h: 20 })).toBe(true)
  })

  it('contains a rect wholly inside it, edges included, and nothing that crosses an edge', () => {
    expect(rectContainsRect(rect, { x: 0, y: 0, w: 100, h: 50 })).toBe(true)
    expect(rectContainsRect(rect, { x: 10, y: 10, w: 20, h: 20 })).toBe(true)
    expect(rectContainsRect(rect, { x: 90, y: 10, w: 20, h: 20 })).toBe(false)
    expect(rectContainsRect({ x: 10, y: 10, w: 20, h: 20 }, rect)).toBe(false)
  })

  it('bounds a set of rects, and nothing for an empty set', () => {
    expect(boundsOf([rect, { x: -20, y: 10, w: 10, h: 100 }])).toEqual({ x: -20, y: 0, w: 120, h: 110 })
    expect(boundsOf([])).toBeNull()
  })

  it('expands on every side', () => {
    expect(expandRect(rect, 5)).toEqual({ x: -5, y: -5, w: 110, h: 60 })
  })
})
