import { type ItemSnapshot, NOTE_TEXT_COLOR, pointInItem, rectsIntersect } from '@atelier/shared'
import { Ellipse, Line, Rect } from 'react-konva'
import { BoxText, boxBehaviour, boxTextSvg, fittedTextBox, indicatorStyle, Rotated } from '../box.js'
import type {
  FarContext,
  IndicatorProps,
  ItemUtil,
  ItemViewProps,
  SvgContext,
  TextStyle,
} from '../ItemUtil.js'
import { LockBadge } from '../LockBadge.js'
import { attrs, num, placed } from '../svg.js'
import { INK } from '../theme.js'

/** A rectangle, ellipse or diamond with its text centred: hit, anchored and drawn on its own outline. */

const FILL = '#ffffff'
const TEXT_STYLE: TextStyle = { align: 'center', verticalAlign: 'middle', color: NOTE_TEXT_COLOR }
const kind = (item: ItemSnapshot) => item.shape ?? 'rectangle'
const textBox = (item: ItemSnapshot) => fittedTextBox(item, item.h)
/** The diamond's corners, in the item's own coordinates. */
const diamond = (item: ItemSnapshot) => [item.w / 2, 0, item.w, item.h / 2, item.w / 2, item.h, 0, item.h / 2]

/** The shape's outline in its own coordinates, painted as `paint` says. */
function Outline({ item, paint }: { item: ItemSnapshot; paint: Record<string, string | number> }) {
  const common = { ...paint, perfectDrawEnabled: false }
  if (kind(item) === 'ellipse') {
    return <Ellipse x={item.w / 2} y={item.h / 2} radiusX={item.w / 2} radiusY={item.h / 2} {...common} />
  }
  if (kind(item) === 'diamond') return <Line points={diamond(item)} closed lineJoin="round" {...common} />
  return <Rect width={item.w} height={item.h} cornerRadius={8} {...common} />
}

function ShapeView({ item, editing }: ItemViewProps) {
  const box = textBox(item)
  return (
    <Rotated item={item}>
      <Outline item={item} paint={{ fill: item.color ?? FILL, stroke: INK, strokeWidth: 2 }} />
      {!editing && box.text !== '' && <BoxText box={box} style={TEXT_STYLE} />}
      {item.locked && <LockBadge x={item.w - 22} y={6} />}
    </Rotated>
  )
}

function outlineSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const common = { fill: item.color ?? FILL, stroke: INK, 'stroke-width': Math.max(2, ctx.unit * 0.6) }
  if (kind(item) === 'ellipse') {
    return `<ellipse ${attrs({ cx: item.w / 2, cy: item.h / 2, rx: item.w / 2, ry: item.h / 2, ...common })}/>`
  }
  if (kind(item) === 'diamond') {
    return `<polygon ${attrs({ points: diamond(item).map(num).join(' '), 'stroke-linejoin': 'round', ...common })}/>`
  }
  return `<rect ${attrs({ width: item.w, height: item.h, rx: 8, ...common })}/>`
}

/**
 * The shape from afar: its own outline, filled and stroked as up close. A block would turn a
 * template's rings (large ellipses, white) into a filled square hiding everything inside it.
 */
function drawFar({ ctx, zoom, view }: FarContext, item: ItemSnapshot): void {
  if (!rectsIntersect(item, view)) return
  ctx.save()
  ctx.translate(item.x + item.w / 2, item.y + item.h / 2)
  if (item.rotation) ctx.rotate((item.rotation * Math.PI) / 180)
  ctx.beginPath()
  if (kind(item) === 'ellipse') ctx.ellipse(0, 0, item.w / 2, item.h / 2, 0, 0, 2 * Math.PI)
  else if (kind(item) === 'diamond') {
    const points = diamond(item)
    for (let i = 0; i < points.length; i += 2) {
      ctx.lineTo((points[i] ?? 0) - item.w / 2, (points[i + 1] ?? 0) - item.h / 2)
    }
    ctx.closePath()
  } else ctx.rect(-item.w / 2, -item.h / 2, item.w, item.h)
  ctx.fillStyle = item.color ?? FILL
  ctx.fill()
  ctx.strokeStyle = INK
  ctx.lineWidth = 1.5 / zoom
  ctx.stroke()
  ctx.restore()
}

/** The selection follows the shape's own outline, as the arrows and the pointer do. */
function ShapeIndicator(props: IndicatorProps) {
  return (
    <Rotated item={props.item}>
      <Outline item={props.item} paint={indicatorStyle(props)} />
    </Rotated>
  )
}

export const shapeUtil: ItemUtil = {
  type: 'shape',
  layer: 'content',
  ...boxBehaviour,
  outline: (item) => ({ x: item.x, y: item.y, w: item.w, h: item.h, shape: kind(item) }),
  hitTest: (item, point) =>
    pointInItem(
      { x: item.x, y: item.y, w: item.w, h: item.h, rotation: item.rotation ?? 0, shape: kind(item) },
      point,
    ),
  View: ShapeView,
  colorable: true,
  textEditing: { kind: 'box', labelKey: 'canvas.textLabel', style: TEXT_STYLE, textBox },
  Indicator: ShapeIndicator,
  far: { under: drawFar },
  toSvg: (item, ctx) => placed(item, outlineSvg(item, ctx) + boxTextSvg(textBox(item), TEXT_STYLE, ctx)),
}
