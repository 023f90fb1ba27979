import { describe, expect, it } from 'vitest'
import { anchorToward, connectorEnds } from './connectors.js'

describe('connectors', () => {
  const a = { x: 0, y: 0, w: 100, h: 100 }
  const b = { x: 300, y: 0, w: 100, h: 100 }
  it('anchors each end on the facing side of its item', () => {
    const { start, end } = connectorEnds(a, b, 0)
    expect(start).toEqual({ x: 100, y: 50 })
    expect(end).toEqual({ x: 300, y: 50 })
  })
  it('follows an item when it moves', () => {
    const below = { ...b, x: 0, y: 300 }
    const { start, end } = connectorEnds(a, below, 0)
    expect(start).toEqual({ x: 50, y: 100 })
    expect(end).toEqual({ x: 50, y: 300 })
  })
  it('uses the outline of ellipses and diamonds, with a gap', () => {
    const p = anchorToward({ ...a, shape: 'ellipse' }, { x: 200, y: 200 })
    expect(Math.hypot(p.x - 50, p.y - 50)).toBeCloseTo(50)
    const d = anchorToward({ ...a, shape: 'diamond' }, { x: 200, y: 200 })
    expect(d.x).toBeCloseTo(75)
    expect(anchorToward(a, { x: 500, y: 50 }, 6).x).toBe(106)
  })
  it('accepts a free point for an end (the arrow being drawn)', () => {
    const { start, end } = connectorEnds(a, { x: 500, y: 50 }, 0)
    expect(end).toEqual({ x: 500, y: 50 })
    expect(start.x).toBe(100)
  })
})
