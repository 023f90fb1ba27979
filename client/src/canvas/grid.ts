import type { Camera, Size } from '@atelier/shared'
import { GRID_SPACING } from './theme.js'

const BACKGROUND = '#f5f6f8'
const DOT = '#bcc4cd'

/** Dot grid spacing on screen: doubles when zoomed out so dots never turn into grey mush. */
export function gridStep(zoom: number): number {
  let step = GRID_SPACING * zoom
  while (step < 12) step *= 2
  return step
}

let tile: { step: number; ratio: number; canvas: HTMLCanvasElement } | null = null

/** One dot per tile, drawn once per step size and repeated as a pattern. */
function tileFor(step: number, ratio: number): HTMLCanvasElement {
  if (tile && tile.step === step && tile.ratio === ratio) return tile.canvas
  const canvas = document.createElement('canvas')
  const side = Math.max(1, Math.round(step * ratio))
  canvas.width = side
  canvas.height = side
  const ctx = canvas.getContext('2d')
  if (ctx) {
    ctx.fillStyle = BACKGROUND
    ctx.fillRect(0, 0, side, side)
    ctx.fillStyle = DOT
    ctx.beginPath()
    ctx.arc(side / 2, side / 2, 1.2 * ratio, 0, Math.PI * 2)
    ctx.fill()
  }
  tile = { step, ratio, canvas }
  return canvas
}

/**
 * The board's background and dot grid, painted as the first thing on the item canvas: one
 * pattern fill per frame, and no extra page layer for the browser to composite (which costs
 * as much as the whole board on a machine without a GPU).
 */
export function drawGrid(ctx: CanvasRenderingContext2D, camera: Camera, viewport: Size, ratio: number): void {
  const step = gridStep(camera.zoom)
  const pattern = ctx.createPattern(tileFor(step, ratio), 'repeat')
  if (!pattern) return
  const side = Math.max(1, Math.round(step * ratio))
  // Tiles are whole device pixels: scale them back to the exact step so dots stay on the board.
  const scale = (step * ratio) / side
  const ox = (-(camera.x * camera.zoom) - step / 2) * ratio
  const oy = (-(camera.y * camera.zoom) - step / 2) * ratio
  pattern.setTransform(new DOMMatrix([scale, 0, 0, scale, ox, oy]))
  ctx.save()
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.fillStyle = pattern
  ctx.fillRect(0, 0, viewport.width * ratio, viewport.height * ratio)
  ctx.restore()
}
