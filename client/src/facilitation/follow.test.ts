import { type Camera, visibleRect } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { cameraBetween, cameraForRect, readRect, sameCamera, viewOf } from './follow.js'

describe('follow camera', () => {
  const facilitator: Camera = { x: 100, y: 50, zoom: 1 }

  it('shows a follower at least the rect the facilitator sees, centred', () => {
    const rect = viewOf(facilitator, { width: 1280, height: 800 })
    expect(rect).toEqual({ x: 100, y: 50, w: 1280, h: 800 })
    const small = { width: 640, height: 800 }
    const camera = cameraForRect(rect, small)
    expect(camera.zoom).toBeCloseTo(0.5)
    const seen = visibleRect(camera, small)
    expect(seen.x).toBeLessThanOrEqual(rect.x)
    expect(seen.y).toBeLessThanOrEqual(rect.y)
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(rect.x + rect.w - 0.01)
    expect(seen.y + seen.h).toBeGreaterThanOrEqual(rect.y + rect.h - 0.01)
  })

  it('flies from one camera to the other and lands exactly', () => {
    const to: Camera = { x: 900, y: -200, zoom: 2 }
    expect(sameCamera(cameraBetween(facilitator, to, 0), facilitator)).toBe(true)
    const middle = cameraBetween(facilitator, to, 0.5)
    expect(middle.x).toBeGreaterThan(100)
    expect(middle.x).toBeLessThan(900)
    expect(cameraBetween(facilitator, to, 1)).toEqual(to)
  })

  it('rejects malformed remote rects', () => {
    expect(readRect({ x: 0, y: 0, w: 10, h: 10 })).toEqual({ x: 0, y: 0, w: 10, h: 10 })
    expect(readRect({ x: 0, y: 0, w: 0, h: 10 })).toBeNull()
    expect(readRect({ x: '0', y: 0, w: 10, h: 10 })).toBeNull()
    expect(readRect(null)).toBeNull()
  })
})
