import type { SvgContext, TextBox } from '../../items/ItemUtil.js'
import { escapeXml, itemsSvg, linesSvg, num, type TextLine } from '../../items/svg.js'
import { NOTE_FONT_FAMILY } from '../../items/theme.js'
import type { ExportRegion } from './region.js'

/** The board's background colour behind items (the page's `--bg`). */
export const BOARD_BACKGROUND = '#f5f6f8'

export interface SvgOptions {
  /** Paint the board's background; without it the picture is transparent around the items. */
  background: boolean
  /** Breaks text into lines exactly as the canvas does (Konva's own wrapping in the browser). */
  layoutText(box: TextBox): readonly TextLine[]
  imageHref: SvgContext['imageHref']
  /** Pixels per board unit of the picture's declared size (the viewBox stays in board units). */
  scale?: number
  /** `@font-face` rules embedding the board's font (see `boardFont.ts`); none: the font is named only. */
  fontFaces?: string
}

/**
 * One standalone SVG document of a region, in board units (1 unit = 1 CSS pixel at 100 % zoom).
 * Text uses the board's font, as on screen, embedded when `fontFaces` is given, with every line
 * break already placed: another renderer draws the same glyphs at the same places.
 */
export function regionToSvg(region: ExportRegion, options: SvgOptions): string {
  const { x, y, w, h } = region.bounds
  const byId = new Map(region.items.map((item) => [item.id, item]))
  const ctx: SvgContext = {
    lookup: (id) => byId.get(id),
    imageHref: options.imageHref,
    text: (box, style) => linesSvg(options.layoutText(box), box, style, NOTE_FONT_FAMILY),
    unit: 0,
  }
  const background = options.background
    ? `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${BOARD_BACKGROUND}"/>\n`
    : ''
  const scale = options.scale ?? 1
  const title = region.title ? `<title>${escapeXml(region.title)}</title>\n` : ''
  // CSS in CDATA: the rules hold quotes and data: URLs, and never the sequence "]]>".
  const fonts = options.fontFaces ? `<defs><style><![CDATA[\n${options.fontFaces}\n]]></style></defs>\n` : ''
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(w * scale)}" height="${num(h * scale)}" ` +
    `viewBox="${num(x)} ${num(y)} ${num(w)} ${num(h)}" font-family="${escapeXml(NOTE_FONT_FAMILY)}">\n` +
    `${title}${fonts}${background}${itemsSvg(region.items, ctx)}\n</svg>\n`
  )
}
