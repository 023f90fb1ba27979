import type { ItemSnapshot } from '@atelier/shared'
import { comparePaintOrder } from '../items/registry.js'
import { renderItemsSvg, svgDataUrl } from '../templates/thumbnail.js'

/**
 * A version drawn as an image with the templates' renderer: what the board will hold once the
 * version is restored. Null for an empty board.
 */
export function versionPreviewUrl(items: readonly ItemSnapshot[]): string | null {
  if (items.length === 0) return null
  return svgDataUrl(renderItemsSvg([...items].sort(comparePaintOrder), { detail: 'preview' }))
}
