import type { Rect } from '@atelier/shared'

/** A page and its margins, in millimetres. */
export interface PageFormat {
  width: number
  height: number
  margin: number
  /** Height of the header band (board title, date, page name) under the top margin. */
  header: number
  /** Height of the footer band (page number) above the bottom margin. */
  footer: number
}

export const A4_LANDSCAPE: PageFormat = { width: 297, height: 210, margin: 12, header: 16, footer: 6 }

/** Where a region's picture goes on a page: a box in millimetres and the scale from board units. */
export interface Placement {
  x: number
  y: number
  width: number
  height: number
  /** Millimetres per board unit. */
  scale: number
}

/** The page's content box: inside the margins, below the header, above the footer. */
export function contentBox(page: PageFormat): Rect {
  return {
    x: page.margin,
    y: page.margin + page.header,
    w: page.width - 2 * page.margin,
    h: page.height - 2 * page.margin - page.header - page.footer,
  }
}

/**
 * Fits a region into the content box, whole and undistorted: as large as the box allows, centred
 * across and set at the top (where the eye starts reading a printed page).
 */
export function placeOnPage(region: { w: number; h: number }, page: PageFormat = A4_LANDSCAPE): Placement {
  const box = contentBox(page)
  if (region.w <= 0 || region.h <= 0)
    throw new Error(`cannot place an empty region (${region.w}×${region.h})`)
  const scale = Math.min(box.w / region.w, box.h / region.h)
  const width = region.w * scale
  const height = region.h * scale
  return { x: box.x + (box.w - width) / 2, y: box.y, width, height, scale }
}
