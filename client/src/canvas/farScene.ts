import { type Camera, type ItemSnapshot, type Rect, rectsIntersect } from '@atelier/shared'
import type { FarContext } from '../items/ItemUtil.js'
import { itemUtil } from '../items/registry.js'
import type { BoardStore } from '../store/BoardStore.js'
import type { PaintLayer } from '../store/order.js'

/**
 * The board seen from far away, drawn straight onto a 2D context in one pass, each type as its
 * util's `far` drawing says: notes as plain coloured blocks batched by colour (one fill per
 * colour, not one per note), frames as outlines, strokes and arrows as lines. Text is skipped:
 * below the far zoom it is unreadable anyway (section names excepted).
 * Pure of React and Konva, so the far view costs the same for 1,000 or 20,000 items' worth of
 * React work: none.
 */
export interface FarSceneOptions {
  /** Draw section names (not in the minimap, where they would be unreadable). */
  titles?: boolean
  /** Draw only the items of one paint layer (the canvas draws mounted background items in between). */
  layer?: PaintLayer
  /** Items already drawn in full by the item layer. */
  skip?: ReadonlySet<string>
}

/** What the far scene reads: the board store, or a board's preview before its document has loaded. */
export type ItemSource = Pick<BoardStore, 'getItemIds' | 'getItem'>

export function drawFarScene(
  ctx: CanvasRenderingContext2D,
  board: ItemSource,
  view: Rect,
  zoom: number,
  { titles = true, layer, skip }: FarSceneOptions = {},
): void {
  const far: FarContext = { ctx, zoom, view, lookup: (id) => board.getItem(id) }
  const byColor = new Map<string, ItemSnapshot[]>()
  const over: ItemSnapshot[] = []
  const labelled: ItemSnapshot[] = []
  for (const id of board.getItemIds()) {
    const item = board.getItem(id)
    if (!item || skip?.has(id)) continue
    const util = itemUtil(item.type)
    if (layer !== undefined && util.layer !== layer) continue
    const drawing = util.far
    drawing.under?.(far, item)
    if (drawing.over) over.push(item)
    if (drawing.label) labelled.push(item)
    if (!drawing.block || !rectsIntersect(item, view)) continue
    const color = drawing.block(item)
    let bucket = byColor.get(color)
    if (!bucket) {
      bucket = []
      byColor.set(color, bucket)
    }
    bucket.push(item)
  }
  for (const [color, items] of byColor) {
    ctx.fillStyle = color
    ctx.beginPath()
    for (const item of items) ctx.rect(item.x, item.y, item.w, item.h)
    ctx.fill()
  }
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  for (const item of over) itemUtil(item.type).far.over?.(far, item)
  if (!titles) return
  for (const item of labelled) itemUtil(item.type).far.label?.(far, item)
}

/** Largest bitmap (device pixels per side) the far view caches; beyond it, it draws live. */
export const MAX_CACHE_SIDE = 4096

/**
 * A bitmap of the far scene at one zoom, so that panning at that zoom is one drawImage per
 * frame instead of a redraw of every item. Rebuilt when the zoom or the board changes.
 */
export class FarCache {
  private canvas: HTMLCanvasElement | null = null
  private zoom = 0
  private version = -1
  private area: Rect | null = null

  /** Whether the bitmap is exact for this zoom and board version. */
  fresh(zoom: number, version: number): boolean {
    return this.area !== null && this.zoom === zoom && this.version === version
  }

  /**
   * Draws the bitmap; false when there is none for this board version. While zooming, a bitmap
   * made at a nearby zoom is stretched (slightly soft for a moment) rather than redrawing
   * every item on every frame; the exact one is rebuilt when the zoom settles.
   */
  draw(ctx: CanvasRenderingContext2D, zoom: number, version: number): boolean {
    if (!this.canvas || !this.area || this.version !== version) return false
    const ratio = zoom / this.zoom
    if (ratio > 2 || ratio < 0.5) return false
    ctx.drawImage(this.canvas, this.area.x, this.area.y, this.area.w, this.area.h)
    return true
  }

  /** Renders the whole board's far scene at `zoom`, unless it would be too large a bitmap. */
  build(board: BoardStore, bounds: Rect | null, camera: Camera, pixelRatio: number, version: number): void {
    this.area = null
    if (!bounds) return
    const scale = camera.zoom * pixelRatio
    const width = Math.ceil(bounds.w * scale) + 4
    const height = Math.ceil(bounds.h * scale) + 4
    if (width > MAX_CACHE_SIDE || height > MAX_CACHE_SIDE) return
    const canvas = this.canvas ?? document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    ctx.setTransform(scale, 0, 0, scale, (-bounds.x + 2 / scale) * scale, (-bounds.y + 2 / scale) * scale)
    ctx.clearRect(bounds.x - 2 / scale, bounds.y - 2 / scale, width / scale, height / scale)
    drawFarScene(ctx, board, bounds, camera.zoom)
    this.canvas = canvas
    this.area = { x: bounds.x - 2 / scale, y: bounds.y - 2 / scale, w: width / scale, h: height / scale }
    this.zoom = camera.zoom
    this.version = version
  }
}
