import {
  boundsOf,
  CHAR_WIDTH,
  expandTemplate,
  type ItemSnapshot,
  type Lang,
  type Rect,
  type Template,
} from '@atelier/shared'
import type { SvgContext, TextBox } from '../items/ItemUtil.js'
import { barsSvg, escapeXml, itemsSvg, linesSvg, num, type TextLine } from '../items/svg.js'
import { NOTE_FONT_FAMILY } from '../items/theme.js'

/**
 * A template drawn as SVG, straight from its expansion: the gallery's thumbnails and previews
 * show what a board created from it will hold, drawn by the same item utils as the board's
 * exports, with no canvas and no server round trip. The same drawing serves any list of board
 * items (the history's previews). Pure: same input, same string.
 */

/** Thumbnails stand for texts with grey bars; previews write them out. */
export type Detail = 'thumbnail' | 'preview'

/** Greedy word wrap to `maxChars` per line, at most `maxLines` (the last one ellipsed). */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const fitted = word.length > maxChars ? `${word.slice(0, Math.max(1, maxChars - 1))}…` : word
    if (!line) line = fitted
    else if (line.length + 1 + fitted.length <= maxChars) line += ` ${fitted}`
    else {
      lines.push(line)
      line = fitted
    }
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${(kept[maxLines - 1] as string).replace(/[\s,;:.…]*$/, '')}…`
  return kept
}

/** Lines of a text box from average glyph widths: no canvas to measure with, and no need at this size. */
function estimatedLines(box: TextBox): TextLine[] {
  const glyph = box.fontSize * CHAR_WIDTH
  const maxChars = Math.max(1, Math.floor((box.width - 2 * box.padding) / glyph))
  const maxLines =
    box.wrap === 'none'
      ? 1
      : Math.max(1, Math.floor((box.height - 2 * box.padding) / (box.fontSize * box.lineHeight)))
  return wrapText(box.text, maxChars, maxLines).map((text) => ({ text, width: text.length * glyph }))
}

export interface RenderOptions {
  lang: Lang
  detail: Detail
}

/** The SVG document of a template, scaled to fit any box (viewBox in board units). */
export function renderTemplateSvg(template: Template, { lang, detail }: RenderOptions): string {
  let n = 0
  const expansion = expandTemplate(template, { origin: { x: 0, y: 0 }, lang, newId: () => `i${n++}` })
  return renderItemsSvg(expansion.items, { detail, bounds: expansion.bounds })
}

/**
 * Board items as an SVG document scaled to fit any box (viewBox in board units), drawn in the
 * order given (frames first, as on the board). `bounds` defaults to the items' own.
 */
export function renderItemsSvg(
  items: readonly ItemSnapshot[],
  { detail, bounds }: { detail: Detail; bounds?: Rect },
): string {
  const b = bounds ?? boundsOf(items) ?? { x: 0, y: 0, w: 1, h: 1 }
  const margin = Math.max(b.w, b.h) * 0.03
  const view = { x: b.x - margin, y: b.y - margin, w: b.w + 2 * margin, h: b.h + 2 * margin }
  const byId = new Map(items.map((item) => [item.id, item]))
  const ctx: SvgContext = {
    lookup: (id) => byId.get(id),
    imageHref: () => undefined,
    text: (box, style) =>
      detail === 'preview'
        ? linesSvg(estimatedLines(box), box, style, NOTE_FONT_FAMILY)
        : barsSvg(estimatedLines(box), box, style),
    // The picture is a few hundred pixels wide: lines and titles are sized to stay visible in it.
    unit: Math.max(view.w, view.h) / 300,
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(view.x)} ${num(view.y)} ${num(view.w)} ${num(view.h)}" ` +
    `font-family="${escapeXml(NOTE_FONT_FAMILY)}">` +
    `<rect x="${num(view.x)}" y="${num(view.y)}" width="${num(view.w)}" height="${num(view.h)}" fill="#ffffff"/>` +
    `${itemsSvg(items, ctx)}</svg>`
  )
}

/** The SVG as a data URL for an <img>, which never runs anything the file might contain. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
