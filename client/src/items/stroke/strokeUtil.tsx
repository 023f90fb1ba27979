import { expandRect, type ItemSnapshot, pointInItem, rectsIntersect } from '@atelier/shared'
import { Line } from 'react-konva'
import { BoxIndicator } from '../box.js'
import type { ItemUtil, ItemViewProps, SvgContext } from '../ItemUtil.js'
import { attrs, num } from '../svg.js'
import { HIGHLIGHTER_MIN_WIDTH, INK } from '../theme.js'

/**
 * A freehand line, its points relative to (x, y); from `HIGHLIGHTER_MIN_WIDTH` up it is a
 * highlighter, translucent and blended under the ink. Hit along the line, a few pixels wide.
 */

const DEFAULT_WIDTH = 3
const widthOf = (item: ItemSnapshot) => item.strokeWidth ?? DEFAULT_WIDTH
const isHighlighter = (item: ItemSnapshot) => widthOf(item) >= HIGHLIGHTER_MIN_WIDTH

function StrokeLine({ item }: { item: ItemSnapshot }) {
  const highlighter = isHighlighter(item)
  return (
    <Line
      x={item.x}
      y={item.y}
      points={item.points ?? []}
      stroke={item.color ?? INK}
      strokeWidth={widthOf(item)}
      lineCap="round"
      lineJoin="round"
      opacity={highlighter ? 0.45 : 1}
      globalCompositeOperation={highlighter ? 'multiply' : 'source-over'}
      listening={false}
      perfectDrawEnabled={false}
    />
  )
}

function strokeSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const points = item.points ?? []
  if (points.length < 2) return ''
  let d = `M${num(points[0] ?? 0)} ${num(points[1] ?? 0)}`
  for (let i = 2; i + 1 < points.length; i += 2) d += `L${num(points[i] ?? 0)} ${num(points[i + 1] ?? 0)}`
  // A single point is drawn as a dot, as Konva's round cap does.
  if (points.length === 2) d += 'l0 0'
  const highlighter = isHighlighter(item)
  return `<path ${attrs({
    transform: `translate(${num(item.x)} ${num(item.y)})`,
    d,
    fill: 'none',
    stroke: item.color ?? INK,
    'stroke-width': Math.max(widthOf(item), ctx.unit * 0.8),
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    opacity: highlighter ? 0.45 : undefined,
    style: highlighter ? 'mix-blend-mode:multiply' : undefined,
  })}/>`
}

export const strokeUtil: ItemUtil = {
  type: 'stroke',
  layer: 'content',
  outline: (item) => ({ x: item.x, y: item.y, w: item.w, h: item.h }),
  ends: () => [],
  paintedBounds: (item) => expandRect(item, widthOf(item) / 2),
  hitTest: (item, point, { tolerance }) =>
    pointInItem(
      { x: item.x, y: item.y, w: item.w, h: item.h, points: item.points ?? [], strokeWidth: widthOf(item) },
      point,
      tolerance,
    ),
  resize: {
    keepRatio: false,
    // The points scale with the box.
    scale(item, from, to) {
      const sx = from.w === 0 ? 1 : to.w / from.w
      const sy = from.h === 0 ? 1 : to.h / from.h
      return {
        points: (item.points ?? []).map((v, i) => Math.round((i % 2 === 0 ? v * sx : v * sy) * 10) / 10),
      }
    },
  },
  marquee: 'intersect',
  // Snapping to a scribble's box would pull notes towards nothing visible.
  snapTarget: false,
  View: ({ item }: ItemViewProps) => <StrokeLine item={item} />,
  colorable: false,
  Indicator: BoxIndicator,
  // The pen line itself, as it will be.
  Draft: ({ draft }) => <StrokeLine item={draft} />,
  far: {
    over({ ctx, view }, item) {
      const points = item.points ?? []
      if (points.length < 4 || !rectsIntersect(item, view)) return
      ctx.globalAlpha = isHighlighter(item) ? 0.45 : 1
      ctx.strokeStyle = item.color ?? INK
      ctx.lineWidth = widthOf(item)
      ctx.beginPath()
      ctx.moveTo(item.x + (points[0] as number), item.y + (points[1] as number))
      for (let i = 2; i + 1 < points.length; i += 2)
        ctx.lineTo(item.x + (points[i] as number), item.y + (points[i + 1] as number))
      ctx.stroke()
      ctx.globalAlpha = 1
    },
  },
  toSvg: strokeSvg,
}
