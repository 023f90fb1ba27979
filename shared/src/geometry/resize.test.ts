import { describe, expect, it } from 'vitest'
import { angleAround, handlePoint, mapRect, resizeBounds } from './resize.js'

describe('resize', () => {
  const bounds = { x: 0, y: 0, w: 100, h: 50 }
  it('moves the dragged side and keeps the opposite one', () => {
    expect(resizeBounds(bounds, 'se', { x: 150, y: 80 })).toEqual({ x: 0, y: 0, w: 150, h: 80 })
    expect(resizeBounds(bounds, 'w', { x: -20, y: 999 })).toEqual({ x: -20, y: 0, w: 120, h: 50 })
    expect(resizeBounds(bounds, 'nw', { x: 95, y: 45 }, 20)).toEqual({ x: 80, y: 30, w: 20, h: 20 })
  })
  it('keeps the aspect ratio on corners when asked', () => {
    expect(resizeBounds(bounds, 'se', { x: 200, y: 60 }, 20, true)).toEqual({ x: 0, y: 0, w: 200, h: 100 })
  })
  it('maps items of a multi-selection into the new bounds', () => {
    expect(mapRect({ x: 50, y: 0, w: 50, h: 50 }, bounds, { x: 0, y: 0, w: 200, h: 100 })).toEqual({
      x: 100,
      y: 0,
      w: 100,
      h: 100,
    })
    expect(handlePoint(bounds, 'e')).toEqual({ x: 100, y: 25 })
  })
  it('measures rotation from straight up, snapping to 15°', () => {
    const c = { x: 0, y: 0 }
    expect(angleAround(c, { x: 0, y: -10 }, false)).toBe(0)
    expect(angleAround(c, { x: 10, y: 0 }, false)).toBe(90)
    expect(angleAround(c, { x: 10, y: -9 }, true)).toBe(45)
  })
})
