import {
  boundsOf,
  type ExpandedItem,
  expandTemplate,
  type Lang,
  NOTE_TEXT_COLOR,
  type Rect,
  type Template,
} from '@atelier/shared'

/**
 * A template drawn as SVG, straight from its expansion: the gallery's thumbnails and previews
 * show exactly what a board created from it will hold, with no canvas and no server round trip.
 * The same drawing serves any list of board items (the history's previews). Pure: same input,
 * same string.
 */

/** What the drawing needs of an item: a template's expanded item and a board item both fit. */
export type DrawnItem = Pick<
  ExpandedItem,
  'id' | 'type' | 'x' | 'y' | 'w' | 'h' | 'text' | 'color' | 'shape' | 'from' | 'to'
> & { points?: readonly number[] }

export type Detail = 'thumbnail' | 'preview'

const FRAME_FILL = '#f8f9fa'
const FRAME_STROKE = '#c9d1d9'
const INK = NOTE_TEXT_COLOR
const MUTED_INK = '#52606d'
const BAR = '#aab4bf'
/** Average glyph width of the sans-serif font, in ems, to wrap lines without measuring. */
const GLYPH = 0.55

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

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

const r = (n: number) => Math.round(n * 10) / 10

function textBlock(
  text: string,
  box: Rect,
  { size, color, weight = 400, pad }: { size: number; color: string; weight?: number; pad: number },
): string {
  const maxChars = Math.max(4, Math.floor((box.w - 2 * pad) / (size * GLYPH)))
  const maxLines = Math.max(1, Math.floor((box.h - 2 * pad) / (size * 1.25)))
  const lines = wrapText(text, maxChars, maxLines)
  const tspans = lines
    .map(
      (line, i) =>
        `<tspan x="${r(box.x + pad)}" dy="${i === 0 ? 0 : r(size * 1.25)}">${escapeXml(line)}</tspan>`,
    )
    .join('')
  return `<text x="${r(box.x + pad)}" y="${r(box.y + pad + size)}" font-size="${r(size)}" font-weight="${weight}" fill="${color}">${tspans}</text>`
}

/** Grey bars standing for a text too small to read at thumbnail size. */
function bars(text: string, box: Rect, pad: number, { color = BAR, opacity = 1 } = {}): string {
  const lineH = Math.max(8, Math.min(36, box.h / 4))
  const lines = Math.max(1, Math.min(Math.floor((box.h - pad) / (lineH * 1.6)), Math.ceil(text.length / 40)))
  const out: string[] = []
  for (let i = 0; i < lines; i++) {
    const w = (box.w - 2 * pad) * (i === lines - 1 && lines > 1 ? 0.6 : 1)
    out.push(
      `<rect x="${r(box.x + pad)}" y="${r(box.y + pad + i * lineH * 1.6)}" width="${r(Math.max(4, w))}" height="${r(lineH)}" rx="${r(lineH / 2)}" fill="${color}" fill-opacity="${opacity}"/>`,
    )
  }
  return out.join('')
}

/** Where the segment from a box's centre towards `toward` leaves the box. */
function exitPoint(box: Rect, toward: { x: number; y: number }): { x: number; y: number } {
  const cx = box.x + box.w / 2
  const cy = box.y + box.h / 2
  const dx = toward.x - cx
  const dy = toward.y - cy
  if (dx === 0 && dy === 0) return { x: cx, y: cy }
  const scale = Math.min(
    dx === 0 ? Infinity : box.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.h / 2 / Math.abs(dy),
  )
  return { x: cx + dx * scale, y: cy + dy * scale }
}

function connector(item: DrawnItem, byId: Map<string, DrawnItem>, stroke: number): string {
  const from = item.from ? byId.get(item.from) : undefined
  const to = item.to ? byId.get(item.to) : undefined
  let a = { x: item.x, y: item.y }
  let b = { x: item.x + item.w, y: item.y + item.h }
  if (from && to) {
    const center = (box: Rect) => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 })
    a = exitPoint(from, center(to))
    b = exitPoint(to, center(from))
  }
  return `<line x1="${r(a.x)}" y1="${r(a.y)}" x2="${r(b.x)}" y2="${r(b.y)}" stroke="${MUTED_INK}" stroke-width="${r(stroke)}" marker-end="url(#arrow)"/>`
}

function shape(item: DrawnItem, stroke: number): string {
  const common = `fill="${item.color ?? 'none'}" fill-opacity="0.35" stroke="${MUTED_INK}" stroke-width="${r(stroke)}"`
  if (item.shape === 'ellipse') {
    return `<ellipse cx="${r(item.x + item.w / 2)}" cy="${r(item.y + item.h / 2)}" rx="${r(item.w / 2)}" ry="${r(item.h / 2)}" ${common}/>`
  }
  if (item.shape === 'diamond') {
    const cx = item.x + item.w / 2
    const cy = item.y + item.h / 2
    return `<polygon points="${r(cx)},${r(item.y)} ${r(item.x + item.w)},${r(cy)} ${r(cx)},${r(item.y + item.h)} ${r(item.x)},${r(cy)}" ${common}/>`
  }
  return `<rect x="${r(item.x)}" y="${r(item.y)}" width="${r(item.w)}" height="${r(item.h)}" rx="${r(stroke * 2)}" ${common}/>`
}

/** A freehand stroke: its points are relative to the item's corner. */
function stroke(item: DrawnItem, width: number): string {
  const points = item.points ?? []
  const pairs: string[] = []
  for (let i = 0; i + 1 < points.length; i += 2) {
    pairs.push(`${r(item.x + (points[i] as number))},${r(item.y + (points[i + 1] as number))}`)
  }
  if (pairs.length < 2) return ''
  return `<polyline points="${pairs.join(' ')}" fill="none" stroke="${item.color ?? MUTED_INK}" stroke-width="${r(width)}" stroke-linecap="round" stroke-linejoin="round"/>`
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
  items: readonly DrawnItem[],
  { detail, bounds }: { detail: Detail; bounds?: Rect },
): string {
  const b = bounds ?? boundsOf(items) ?? { x: 0, y: 0, w: 1, h: 1 }
  const margin = Math.max(b.w, b.h) * 0.03
  const view = { x: b.x - margin, y: b.y - margin, w: b.w + 2 * margin, h: b.h + 2 * margin }
  // Strokes and titles are sized to the whole template, so they stay visible once scaled down.
  const unit = Math.max(view.w, view.h) / 300
  const byId = new Map(items.map((item) => [item.id, item]))
  const parts: string[] = []

  for (const item of items) {
    const box = { x: item.x, y: item.y, w: item.w, h: item.h }
    const text = item.text ?? ''
    switch (item.type) {
      case 'frame': {
        parts.push(
          `<rect x="${r(item.x)}" y="${r(item.y)}" width="${r(item.w)}" height="${r(item.h)}" rx="${r(unit * 2)}" fill="${item.color ?? FRAME_FILL}" stroke="${FRAME_STROKE}" stroke-width="${r(unit * 0.6)}"/>`,
        )
        // The title sits above the frame, as on the board, clear of the frame's instruction.
        if (detail === 'preview') {
          const size = Math.min(unit * 4, 34)
          const above = { x: item.x, y: item.y - size * 1.45, w: item.w, h: size * 1.45 }
          parts.push(textBlock(text, above, { size, color: INK, weight: 700, pad: 0 }))
        } else {
          const h = unit * 2.4
          const w = Math.min(item.w * 0.7, Math.max(unit * 6, text.length * unit * 1.4))
          parts.push(
            `<rect x="${r(item.x)}" y="${r(item.y - h * 1.6)}" width="${r(w)}" height="${r(h)}" rx="${r(h / 2)}" fill="${INK}" fill-opacity="0.6"/>`,
          )
        }
        break
      }
      case 'note': {
        parts.push(
          `<rect x="${r(item.x + unit * 0.6)}" y="${r(item.y + unit * 0.8)}" width="${r(item.w)}" height="${r(item.h)}" rx="${r(unit)}" fill="#1f2933" fill-opacity="0.12"/>`,
          `<rect x="${r(item.x)}" y="${r(item.y)}" width="${r(item.w)}" height="${r(item.h)}" rx="${r(unit)}" fill="${item.color ?? '#fff3b0'}"/>`,
        )
        if (detail === 'preview') {
          parts.push(
            textBlock(text, box, {
              size: Math.min(item.h / 8, item.w / 10, 22),
              color: INK,
              pad: item.w * 0.08,
            }),
          )
        } else {
          parts.push(bars(text, box, item.w * 0.14, { color: INK, opacity: 0.28 }))
        }
        break
      }
      case 'text':
        parts.push(
          detail === 'preview'
            ? textBlock(text, box, {
                size: Math.min(box.h * 0.6, Math.max(22, unit * 3)),
                color: MUTED_INK,
                pad: 0,
              })
            : bars(text, box, 0),
        )
        break
      case 'shape':
        parts.push(shape(item, unit * 0.6))
        break
      case 'connector':
        parts.push(connector(item, byId, unit * 0.8))
        break
      case 'stroke':
        parts.push(stroke(item, unit * 0.8))
        break
      case 'image':
        parts.push(
          `<rect x="${r(item.x)}" y="${r(item.y)}" width="${r(item.w)}" height="${r(item.h)}" fill="${BAR}" fill-opacity="0.4" stroke="${FRAME_STROKE}" stroke-width="${r(unit * 0.6)}"/>`,
        )
        break
    }
  }

  const defs = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${MUTED_INK}"/></marker></defs>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${r(view.x)} ${r(view.y)} ${r(view.w)} ${r(view.h)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">${defs}<rect x="${r(view.x)}" y="${r(view.y)}" width="${r(view.w)}" height="${r(view.h)}" fill="#ffffff"/>${parts.join('')}</svg>`
}

/** The SVG as a data URL for an <img>, which never runs anything the file might contain. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
