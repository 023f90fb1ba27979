import { describe, expect, it } from 'vitest'
import {
  boardToScreen,
  type Camera,
  centerOn,
  clampZoom,
  fitCamera,
  MAX_ZOOM,
  MIN_ZOOM,
  panBy,
  screenToBoard,
  stepZoom,
  visibleRect,
  zoomAt,
} from './camera.js'

const camera: Camera = { x: 100, y: -50, zoom: 2 }

describe('camera', () => {
  it('converts between screen and board coordinates both ways', () => {
    const board = screenToBoard(camera, { x: 40, y: 60 })
    expect(board).toEqual({ x: 120, y: -20 })
    expect(boardToScreen(camera, board)).toEqual({ x: 40, y: 60 })
  })

  it('zooms around the pointer, keeping the board point under it fixed', () => {
    const anchor = { x: 300, y: 200 }
    const before = screenToBoard(camera, anchor)
    const zoomed = zoomAt(camera, anchor, 3)
    expect(zoomed.zoom).toBe(3)
    const after = screenToBoard(zoomed, anchor)
    expect(after.x).toBeCloseTo(before.x)
    expect(after.y).toBeCloseTo(before.y)
  })

  it('clamps zoom to its range', () => {
    expect(clampZoom(100)).toBe(MAX_ZOOM)
    expect(clampZoom(0)).toBe(MIN_ZOOM)
    expect(zoomAt(camera, { x: 0, y: 0 }, 1000).zoom).toBe(MAX_ZOOM)
  })

  it('pans by a screen delta scaled by zoom', () => {
    expect(panBy(camera, 20, -10)).toEqual({ x: 90, y: -45, zoom: 2 })
  })

  it('steps through zoom levels in both directions', () => {
    expect(stepZoom(1, 1)).toBe(1.5)
    expect(stepZoom(1, -1)).toBe(0.75)
    expect(stepZoom(0.8, 1)).toBe(1)
    expect(stepZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM)
    expect(stepZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM)
  })

  it('reports the visible board area', () => {
    expect(visibleRect(camera, { width: 800, height: 600 })).toEqual({ x: 100, y: -50, w: 400, h: 300 })
    // Clear of bars: screen pixels divided by the zoom (2 here).
    const insets = { top: 120, right: 40, bottom: 80, left: 60 }
    expect(visibleRect(camera, { width: 800, height: 600 }, insets)).toEqual({
      x: 130,
      y: 10,
      w: 350,
      h: 200,
    })
  })

  it('fits bounds in the viewport, centred, never above the max zoom', () => {
    const viewport = { width: 1000, height: 600 }
    const fitted = fitCamera({ x: 0, y: 0, w: 2000, h: 1000 }, viewport, 50)
    expect(fitted.zoom).toBeCloseTo(0.45)
    const shown = visibleRect(fitted, viewport)
    expect(shown.x + shown.w / 2).toBeCloseTo(1000)
    expect(shown.y + shown.h / 2).toBeCloseTo(500)
    expect(fitCamera({ x: 0, y: 0, w: 10, h: 10 }, viewport).zoom).toBe(1)
  })

  it('fits bounds into the part of the screen that bars leave clear', () => {
    const viewport = { width: 1000, height: 800 }
    const insets = { top: 200, right: 100, bottom: 100, left: 100 }
    const bounds = { x: 1000, y: 2000, w: 400, h: 250 }
    const fitted = fitCamera(bounds, viewport, insets, 4)
    // 800 × 500 clear pixels: the height limits the zoom.
    expect(fitted.zoom).toBeCloseTo(2)
    expect(boardToScreen(fitted, { x: 1000, y: 2000 })).toEqual({ x: 100, y: 200 })
    expect(boardToScreen(fitted, { x: 1400, y: 2250 })).toEqual({ x: 900, y: 700 })
  })

  it('centres a point at a zoom', () => {
    const centred = centerOn({ x: 500, y: 500 }, { width: 200, height: 100 }, 2)
    expect(boardToScreen(centred, { x: 500, y: 500 })).toEqual({ x: 100, y: 50 })
  })
})
