import type { ItemSnapshot } from '@atelier/shared'
import { renderItemsSvg, svgDataUrl } from '../templates/thumbnail.js'

/** Frames under everything, then the board's own paint order (z key, then id). */
function paintOrder(a: ItemSnapshot, b: ItemSnapshot): number {
  const frame = Number(b.type === 'frame') - Number(a.type === 'frame')
  if (frame !== 0) return frame
  const za = a.z ?? ''
  const zb = b.z ?? ''
  if (za !== zb) return za < zb ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * A version drawn as an image with the templates' renderer: what the board will hold once the
 * version is restored. Null for an empty board.
 */
export function versionPreviewUrl(items: readonly ItemSnapshot[]): string | null {
  if (items.length === 0) return null
  return svgDataUrl(renderItemsSvg([...items].sort(paintOrder), { detail: 'preview' }))
}
