import { boundsOf, type Size, visibleRect } from '@atelier/shared'
import { firstView } from '../board/openingView.js'
import type { PreviewPicture } from '../sync/localDatabase.js'
import { drawFarScene, type ItemSource } from './farScene.js'
import { drawGrid } from './grid.js'
import { FAR_ZOOM } from './theme.js'

/**
 * The board as it opens in a window of `viewport` (beside the facilitator's `panel` or not) —
 * framed on its content, drawn as the far view (blocks and section names, as this canvas draws
 * it) over the grid — for the local copy's preview picture. Null when the board opens at a zoom
 * that shows text: such a board is small enough to decode fast, and a picture without its text
 * would be wrong.
 */
export async function renderBoardPicture(
  board: ItemSource,
  viewport: Size,
  pixelRatio: number,
  opening: { panel: boolean },
): Promise<PreviewPicture | null> {
  const bounds = boundsOf(board.getItemIds().flatMap((id) => board.getItem(id) ?? []))
  if (!bounds || viewport.width === 0 || viewport.height === 0) return null
  const camera = firstView(bounds, viewport, opening)
  if (camera.zoom >= FAR_ZOOM) return null
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(viewport.width * pixelRatio)
  canvas.height = Math.round(viewport.height * pixelRatio)
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  drawGrid(ctx, camera, viewport, pixelRatio)
  const scale = camera.zoom * pixelRatio
  ctx.setTransform(scale, 0, 0, scale, -camera.x * scale, -camera.y * scale)
  drawFarScene(ctx, board, visibleRect(camera, viewport), camera.zoom)
  const image = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!image) throw new Error('the board preview could not be encoded as PNG')
  return { width: viewport.width, height: viewport.height, pixelRatio, image }
}
