import { connectorEnds, distanceToSegment, type ItemSnapshot, type Point } from '@atelier/shared'
import { Arrow, Line } from 'react-konva'
import { useItem, useView } from '../../store/hooks.js'
import { livePosition } from '../../store/livePosition.js'
import type { DraftProps, IndicatorProps, ItemUtil, ItemViewProps, SvgContext } from '../ItemUtil.js'
import { itemUtil } from '../registry.js'
import { attrs, num } from '../svg.js'
import { CONNECTOR_COLOR, SELECTION_COLOR } from '../theme.js'

/**
 * An arrow bound to two items, not to points: each end sits on its item's own outline (rectangle,
 * ellipse or diamond) facing the other end, so it follows both items as they move. Its stored box
 * is not where it is drawn, so it takes no room, has no handles, and goes where its ends go.
 */

/**
 * Where a connector is drawn, between the outlines of its ends as `lookup` gives them (live ones
 * during a drag). A connector whose end is gone (deleted by someone else) is not drawn.
 */
export function connectorSegment(
  item: ItemSnapshot,
  lookup: (id: string) => ItemSnapshot | undefined,
): { start: Point; end: Point } | null {
  const from = item.from ? lookup(item.from) : undefined
  const to = item.to ? lookup(item.to) : undefined
  const fromOutline = from && itemUtil(from.type).outline(from)
  const toOutline = to && itemUtil(to.type).outline(to)
  if (!fromOutline || !toOutline) return null
  return connectorEnds(fromOutline, toOutline)
}

/** Redrawn whenever either end moves (or is being dragged or resized). */
function ConnectorView({ item, board, view }: ItemViewProps) {
  const from = useItem(board, item.from ?? '')
  const to = useItem(board, item.to ?? '')
  const drag = useView(view, (s) =>
    s.drag && ((item.from && s.drag.ids.has(item.from)) || (item.to && s.drag.ids.has(item.to)))
      ? s.drag
      : null,
  )
  const preview = useView(view, (s) => s.preview)
  const live = (end: ItemSnapshot | undefined) => (end ? livePosition(end, drag, preview) : undefined)
  const segment = connectorSegment(item, (endId) =>
    live(endId === item.from ? from : endId === item.to ? to : undefined),
  )
  if (!segment) return null
  return (
    <Arrow
      points={[segment.start.x, segment.start.y, segment.end.x, segment.end.y]}
      stroke={item.color ?? CONNECTOR_COLOR}
      fill={item.color ?? CONNECTOR_COLOR}
      strokeWidth={2.5}
      pointerLength={POINTER_LENGTH}
      pointerWidth={POINTER_WIDTH}
      lineCap="round"
      lineJoin="round"
      listening={false}
      perfectDrawEnabled={false}
    />
  )
}

/** A wide translucent band along the arrow. */
function ConnectorIndicator({ item, lookup, px }: IndicatorProps) {
  const segment = connectorSegment(item, lookup)
  if (!segment) return null
  return (
    <Line
      points={[segment.start.x, segment.start.y, segment.end.x, segment.end.y]}
      stroke={SELECTION_COLOR}
      strokeWidth={6 * px}
      opacity={0.35}
      lineCap="round"
    />
  )
}

/** While the connector tool drags: a dashed arrow from the source's centre to the pointer (`points`). */
function ConnectorDraft({ draft, px }: DraftProps) {
  return (
    <Arrow
      x={draft.x}
      y={draft.y}
      points={draft.points ?? [0, 0, 0, 0]}
      stroke={CONNECTOR_COLOR}
      fill={CONNECTOR_COLOR}
      strokeWidth={2.5}
      pointerLength={POINTER_LENGTH}
      pointerWidth={POINTER_WIDTH}
      dash={[8 * px, 6 * px]}
    />
  )
}

/** Konva's arrow: a line to the tip, and a triangle 12 long and 11 wide whose point is the end. */
const POINTER_LENGTH = 12
const POINTER_WIDTH = 11

function connectorSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const segment = connectorSegment(item, ctx.lookup)
  if (!segment) return ''
  const { start, end } = segment
  const length = Math.hypot(end.x - start.x, end.y - start.y)
  if (length === 0) return ''
  // A picture scaled far down thickens the arrow, head included, so it stays visible.
  const width = Math.max(2.5, ctx.unit * 0.8)
  const scale = width / 2.5
  const ux = (end.x - start.x) / length
  const uy = (end.y - start.y) / length
  const baseX = end.x - ux * POINTER_LENGTH * scale
  const baseY = end.y - uy * POINTER_LENGTH * scale
  const half = (POINTER_WIDTH * scale) / 2
  const color = item.color ?? CONNECTOR_COLOR
  const line = `<line ${attrs({ x1: start.x, y1: start.y, x2: baseX, y2: baseY, stroke: color, 'stroke-width': width, 'stroke-linecap': 'round' })}/>`
  const head = [end.x, end.y, baseX - uy * half, baseY + ux * half, baseX + uy * half, baseY - ux * half]
    .map(num)
    .join(' ')
  return `${line}<polygon ${attrs({ points: head, fill: color, stroke: color, 'stroke-width': width, 'stroke-linejoin': 'round' })}/>`
}

export const connectorUtil: ItemUtil = {
  type: 'connector',
  layer: 'content',
  outline: () => null,
  ends: (item) => [item.from, item.to].filter((id): id is string => id !== undefined),
  paintedBounds: () => null,
  hitTest(item, point, { tolerance, lookup }) {
    const segment = connectorSegment(item, lookup)
    return segment !== null && distanceToSegment(point, segment.start, segment.end) <= tolerance
  },
  resize: null,
  marquee: null,
  snapTarget: false,
  View: ConnectorView,
  colorable: false,
  Indicator: ConnectorIndicator,
  Draft: ConnectorDraft,
  far: {
    over({ ctx, zoom, lookup }, item) {
      const segment = connectorSegment(item, lookup)
      if (!segment) return
      ctx.strokeStyle = CONNECTOR_COLOR
      ctx.lineWidth = Math.max(2.5, 1 / zoom)
      ctx.beginPath()
      ctx.moveTo(segment.start.x, segment.start.y)
      ctx.lineTo(segment.end.x, segment.end.y)
      ctx.stroke()
    },
  },
  toSvg: connectorSvg,
}
