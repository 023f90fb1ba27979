import type { ItemSnapshot } from '@atelier/shared'
import type { SvgContext, TextBox, TextStyle } from './ItemUtil.js'
import { itemUtil } from './registry.js'

/** Pieces every item type's SVG is written with. */

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/** Text made safe inside an XML attribute or element (characters XML forbids are dropped). */
export function escapeXml(value: string): string {
  return value
    .replace(CONTROL_CHARACTERS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Board units to SVG numbers: two decimals are far below a pixel, and keep files small. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** Attributes, escaped; undefined values are left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}="${typeof value === 'number' ? num(value) : escapeXml(value as string)}"`)
    .join(' ')
}

/** `body`, drawn in the item's own coordinates, placed and turned around its centre as the canvas does. */
export function placed(item: ItemSnapshot, body: string): string {
  const turn = item.rotation ?? 0
  if (turn === 0) return `<g transform="translate(${num(item.x)} ${num(item.y)})">${body}</g>`
  return `<g transform="translate(${num(item.x)} ${num(item.y)}) rotate(${num(turn)} ${num(item.w / 2)} ${num(item.h / 2)})">${body}</g>`
}

/** One laid-out line: its text and its width in board units. */
export interface TextLine {
  text: string
  width: number
}

/**
 * Lines placed as Konva places them: padding, then vertical alignment, each line centred in its
 * line height; the baseline sits 0.35 em below that centre (half of ascent minus descent of
 * common sans-serif fonts), where Konva puts it from the font's own metrics.
 */
export function linesSvg(
  lines: readonly TextLine[],
  box: TextBox,
  style: TextStyle,
  fontFamily: string,
): string {
  if (lines.length === 0) return ''
  const lineHeight = box.fontSize * box.lineHeight
  const top =
    box.padding +
    (style.verticalAlign === 'middle' ? (box.height - lines.length * lineHeight - box.padding * 2) / 2 : 0)
  const spans = lines.map((line, n) => {
    const dx = style.align === 'center' ? (box.width - line.width - box.padding * 2) / 2 : 0
    const baseline = top + n * lineHeight + lineHeight / 2 + 0.35 * box.fontSize
    return `<tspan ${attrs({ x: box.padding + dx, y: baseline })}>${escapeXml(line.text)}</tspan>`
  })
  return `<text ${attrs({
    'font-family': fontFamily,
    'font-size': box.fontSize,
    // "bold" rather than 600: PDF converters only know the regular and bold faces of a family.
    'font-weight': box.fontStyle === '600' ? 'bold' : undefined,
    fill: style.color,
    'xml:space': 'preserve',
  })}>${spans.join('')}</text>`
}

/** Grey bars standing for a text too small to read (thumbnails): one per line, the last one shorter. */
export function barsSvg(lines: readonly TextLine[], box: TextBox, style: TextStyle): string {
  if (lines.length === 0) return ''
  const lineHeight = box.fontSize * box.lineHeight
  const bar = box.fontSize * 0.8
  const top =
    box.padding +
    (style.verticalAlign === 'middle' ? (box.height - lines.length * lineHeight - box.padding * 2) / 2 : 0)
  return lines
    .map((line, n) => {
      const dx = style.align === 'center' ? (box.width - line.width - box.padding * 2) / 2 : 0
      return `<rect ${attrs({
        x: box.padding + dx,
        y: top + n * lineHeight + (lineHeight - bar) / 2,
        width: Math.max(bar, line.width),
        height: bar,
        rx: bar / 2,
        fill: style.color,
        'fill-opacity': 0.3,
      })}/>`
    })
    .join('')
}

/** Items as SVG elements, each drawn by its type's util, in the order given (paint order). */
export function itemsSvg(items: readonly ItemSnapshot[], ctx: SvgContext): string {
  return items.map((item) => itemUtil(item.type).toSvg(item, ctx)).join('\n')
}
