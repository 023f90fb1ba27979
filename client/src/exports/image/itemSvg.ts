import { type ItemSnapshot, type ItemType, NOTE_TEXT_COLOR } from '@atelier/shared'
import { noteFontSize } from '../../canvas/noteText.js'
import {
  CONNECTOR_COLOR,
  FRAME_FILL,
  FRAME_STROKE,
  FRAME_TITLE_COLOR,
  HIGHLIGHTER_MIN_WIDTH,
  INK,
  NOTE_FONT_FAMILY,
  NOTE_LINE_HEIGHT,
  NOTE_PADDING,
  NOTE_RADIUS,
} from '../../canvas/theme.js'
import { connectorSegment } from '../../store/connectors.js'
import { FRAME_TITLE_BAND, FRAME_TITLE_SIZE } from './region.js'

/** A text box as the canvas lays it out (the same props it gives Konva.Text). */
export interface TextBox {
  text: string
  width: number
  height: number
  padding: number
  fontSize: number
  lineHeight: number
  fontStyle?: 'normal' | '600'
  wrap: 'word' | 'none'
}

/** One laid-out line: its text and its width in board units. */
export interface TextLine {
  text: string
  width: number
}

/** What drawing an item needs besides the item itself. */
export interface SvgContext {
  /** Breaks text into lines exactly as the canvas does (Konva's own wrapping in the browser). */
  layoutText(box: TextBox): readonly TextLine[]
  /** Another item of the region (a connector's ends). */
  lookup(id: string): ItemSnapshot | undefined
  /** The image to draw for an image item's `src` (a data: URL, so the file stands alone); none: a placeholder. */
  imageHref(src: string): string | undefined
}

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
}

/** Board units to SVG numbers: two decimals are far below a pixel, and keep files small. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100)
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}="${typeof value === 'number' ? num(value) : escapeXml(value as string)}"`)
    .join(' ')
}

/** Rotation around the item's centre, as the canvas turns it. */
function rotated(item: ItemSnapshot, body: string): string {
  const turn = item.rotation ?? 0
  if (turn === 0) return `<g transform="translate(${num(item.x)} ${num(item.y)})">${body}</g>`
  const cx = item.w / 2
  const cy = item.h / 2
  return `<g transform="translate(${num(item.x)} ${num(item.y)}) rotate(${num(turn)} ${num(cx)} ${num(cy)})">${body}</g>`
}

/**
 * Lines placed as Konva places them: padding, then vertical alignment, each line centred in its
 * line height; the baseline sits 0.35 em below that centre (half of ascent minus descent of
 * common sans-serif fonts), where Konva puts it from the font's own metrics.
 */
function textSvg(
  ctx: SvgContext,
  box: TextBox,
  options: { align: 'left' | 'center'; verticalAlign: 'top' | 'middle'; color: string },
): string {
  const lines = ctx.layoutText(box)
  if (lines.length === 0) return ''
  const lineHeight = box.fontSize * box.lineHeight
  const top =
    box.padding +
    (options.verticalAlign === 'middle' ? (box.height - lines.length * lineHeight - box.padding * 2) / 2 : 0)
  const spans = lines.map((line, n) => {
    const dx = options.align === 'center' ? (box.width - line.width - box.padding * 2) / 2 : 0
    const baseline = top + n * lineHeight + lineHeight / 2 + 0.35 * box.fontSize
    return `<tspan ${attrs({ x: box.padding + dx, y: baseline })}>${escapeXml(line.text)}</tspan>`
  })
  return `<text ${attrs({
    'font-family': NOTE_FONT_FAMILY,
    'font-size': box.fontSize,
    // "bold" rather than 600: PDF converters only know the regular and bold faces of a family.
    'font-weight': box.fontStyle === '600' ? 'bold' : undefined,
    fill: options.color,
    'xml:space': 'preserve',
  })}>${spans.join('')}</text>`
}

/** Labels at the foot of a note, as the canvas draws them (same chip sizes, same cut-off). */
function tagRow(ctx: SvgContext, tags: readonly string[], y: number, width: number): string {
  let x = NOTE_PADDING
  let out = ''
  for (const tag of tags) {
    const label = tag.length > 14 ? `${tag.slice(0, 13)}…` : tag
    const w = label.length * 6.6 + 14
    if (x + w > width - NOTE_PADDING) break
    const lines = ctx.layoutText({
      text: label,
      width: w,
      height: 18,
      padding: 0,
      fontSize: 11,
      lineHeight: 1,
      wrap: 'none',
    })
    out += `<rect ${attrs({ x, y, width: w, height: 18, rx: 9, fill: 'rgba(31,41,51,0.12)' })}/>`
    out += `<text ${attrs({ x: x + 7, y: y + 3.5 + 11 * 0.85, 'font-family': NOTE_FONT_FAMILY, 'font-size': 11, fill: NOTE_TEXT_COLOR })}>${escapeXml(lines[0]?.text ?? label)}</text>`
    x += w + 6
  }
  return out
}

function shapeOutline(item: ItemSnapshot): string {
  const common = { fill: item.color ?? '#ffffff', stroke: INK, 'stroke-width': 2 }
  if (item.shape === 'ellipse') {
    return `<ellipse ${attrs({ cx: item.w / 2, cy: item.h / 2, rx: item.w / 2, ry: item.h / 2, ...common })}/>`
  }
  if (item.shape === 'diamond') {
    const points = [item.w / 2, 0, item.w, item.h / 2, item.w / 2, item.h, 0, item.h / 2].map(num).join(' ')
    return `<polygon ${attrs({ points, 'stroke-linejoin': 'round', ...common })}/>`
  }
  return `<rect ${attrs({ width: item.w, height: item.h, rx: 8, ...common })}/>`
}

/** Notes, free text and shapes: a box with its text fitted inside at the canvas's font size. */
function boxToSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const text = item.text ?? ''
  const tags = item.type === 'note' ? (item.tags ?? []) : []
  const tagBand = tags.length > 0 ? 26 : 0
  let body = ''
  if (item.type === 'note') {
    body += `<rect ${attrs({ y: 3, width: item.w, height: item.h, rx: NOTE_RADIUS + 2, fill: 'rgba(31,41,51,0.07)' })}/>`
    body += `<rect ${attrs({ y: 1, width: item.w, height: item.h, rx: NOTE_RADIUS, fill: 'rgba(31,41,51,0.10)' })}/>`
    body += `<rect ${attrs({ width: item.w, height: item.h, rx: NOTE_RADIUS, fill: item.color ?? '#fff3a3' })}/>`
  }
  if (item.type === 'shape') body += shapeOutline(item)
  if (text !== '') {
    const isShape = item.type === 'shape'
    body += textSvg(
      ctx,
      {
        text,
        width: item.w,
        height: item.h - tagBand,
        padding: NOTE_PADDING,
        fontSize: noteFontSize(text, item.type, item.w, item.h - tagBand),
        lineHeight: NOTE_LINE_HEIGHT,
        wrap: 'word',
      },
      {
        align: isShape ? 'center' : 'left',
        verticalAlign: isShape ? 'middle' : 'top',
        color: NOTE_TEXT_COLOR,
      },
    )
  }
  if (tagBand > 0) body += tagRow(ctx, tags, item.h - tagBand, item.w)
  return rotated(item, body)
}

function frameToSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const outline = `<rect ${attrs({
    x: item.x,
    y: item.y,
    width: item.w,
    height: item.h,
    rx: 4,
    fill: item.color ?? FRAME_FILL,
    stroke: FRAME_STROKE,
    'stroke-width': 1.5,
  })}/>`
  if (!item.text) return outline
  const title = textSvg(
    ctx,
    {
      text: item.text,
      width: item.w,
      height: FRAME_TITLE_BAND,
      padding: 0,
      fontSize: FRAME_TITLE_SIZE,
      lineHeight: 1,
      fontStyle: '600',
      wrap: 'none',
    },
    { align: 'left', verticalAlign: 'top', color: FRAME_TITLE_COLOR },
  )
  return `${outline}<g transform="translate(${num(item.x)} ${num(item.y - FRAME_TITLE_BAND)})">${title}</g>`
}

function strokeToSvg(item: ItemSnapshot): string {
  const points = item.points ?? []
  if (points.length < 2) return ''
  let d = `M${num(points[0] ?? 0)} ${num(points[1] ?? 0)}`
  for (let i = 2; i + 1 < points.length; i += 2) d += `L${num(points[i] ?? 0)} ${num(points[i + 1] ?? 0)}`
  // A single point is drawn as a dot, as Konva's round cap does.
  if (points.length === 2) d += 'l0 0'
  const width = item.strokeWidth ?? 3
  const highlighter = width >= HIGHLIGHTER_MIN_WIDTH
  return `<path ${attrs({
    transform: `translate(${num(item.x)} ${num(item.y)})`,
    d,
    fill: 'none',
    stroke: item.color ?? INK,
    'stroke-width': width,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    opacity: highlighter ? 0.45 : undefined,
    style: highlighter ? 'mix-blend-mode:multiply' : undefined,
  })}/>`
}

function imageToSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const href = item.src ? ctx.imageHref(item.src) : undefined
  const body = href
    ? `<image ${attrs({ width: item.w, height: item.h, href, preserveAspectRatio: 'none' })}/>`
    : `<rect ${attrs({ width: item.w, height: item.h, rx: 4, fill: '#e9ecef' })}/>`
  return rotated(item, body)
}

/** Konva's arrow: a line to the tip, and a triangle 12 long and 11 wide whose point is the end. */
const POINTER_LENGTH = 12
const POINTER_WIDTH = 11

function connectorToSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const segment = connectorSegment(item, ctx.lookup)
  if (!segment) return ''
  const { start, end } = segment
  const length = Math.hypot(end.x - start.x, end.y - start.y)
  if (length === 0) return ''
  const ux = (end.x - start.x) / length
  const uy = (end.y - start.y) / length
  const baseX = end.x - ux * POINTER_LENGTH
  const baseY = end.y - uy * POINTER_LENGTH
  const half = POINTER_WIDTH / 2
  const color = item.color ?? CONNECTOR_COLOR
  const line = `<line ${attrs({ x1: start.x, y1: start.y, x2: baseX, y2: baseY, stroke: color, 'stroke-width': 2.5, 'stroke-linecap': 'round' })}/>`
  const head = [end.x, end.y, baseX - uy * half, baseY + ux * half, baseX + uy * half, baseY - ux * half]
    .map(num)
    .join(' ')
  return `${line}<polygon ${attrs({ points: head, fill: color, stroke: color, 'stroke-width': 2.5, 'stroke-linejoin': 'round' })}/>`
}

/**
 * SVG of each item type, drawn as the canvas's item views draw it (minus the lock badges and
 * selection chrome, which are part of the editor and not of the board). One entry per type, so
 * each type's drawing moves with the type's own module.
 */
export const itemToSvg: Record<ItemType, (item: ItemSnapshot, ctx: SvgContext) => string> = {
  note: boxToSvg,
  text: boxToSvg,
  shape: boxToSvg,
  frame: frameToSvg,
  stroke: strokeToSvg,
  image: imageToSvg,
  connector: connectorToSvg,
}
