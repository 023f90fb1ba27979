import { type ItemSnapshot, pointInItem, rectContainsPoint, rectsIntersect } from '@atelier/shared'
import { Group, Rect, Text } from 'react-konva'
import { useView } from '../../store/hooks.js'
import { BoxIndicator } from '../box.js'
import type { ItemUtil, ItemViewProps, SvgContext } from '../ItemUtil.js'
import { LockBadge } from '../LockBadge.js'
import { attrs, num } from '../svg.js'
import { FRAME_FILL, FRAME_STROKE, FRAME_TITLE_COLOR, NOTE_FONT_FAMILY } from '../theme.js'

/**
 * A section: a white area with its name above the top-left corner. It is painted beneath the
 * other items, carries what it holds, and is grabbed by its title or border only: its inside
 * belongs to what it holds and to the marquee, as in FigJam and tldraw.
 */

/** Height of a frame's title tab above its top edge, in screen pixels. */
const FRAME_TITLE_PX = 26
/** Size of a frame's title in a picture (on screen it keeps a constant size whatever the zoom). */
const FRAME_TITLE_SIZE = 18
/** Height above a frame that its title takes in a picture. */
export const FRAME_TITLE_BAND = FRAME_TITLE_SIZE * 1.6

function FrameView({ item, view, editing }: ItemViewProps) {
  const zoom = useView(view, (s) => s.camera.zoom)
  const titleSize = 14 / zoom
  return (
    <Group listening={false}>
      <Rect
        x={item.x}
        y={item.y}
        width={item.w}
        height={item.h}
        fill={item.color ?? FRAME_FILL}
        stroke={FRAME_STROKE}
        strokeWidth={1.5 / zoom}
        cornerRadius={4 / zoom}
        perfectDrawEnabled={false}
      />
      {!editing && (
        <Text
          x={item.x}
          y={item.y - titleSize * 1.6}
          width={item.w}
          text={item.text || ' '}
          fontSize={titleSize}
          fontStyle="600"
          fontFamily={NOTE_FONT_FAMILY}
          fill={FRAME_TITLE_COLOR}
          wrap="none"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
      {item.locked && <LockBadge x={item.x + item.w - 22 / zoom} y={item.y + 6 / zoom} scale={1 / zoom} />}
    </Group>
  )
}

function frameSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const outline = `<rect ${attrs({
    x: item.x,
    y: item.y,
    width: item.w,
    height: item.h,
    rx: Math.max(4, ctx.unit * 2),
    fill: item.color ?? FRAME_FILL,
    stroke: FRAME_STROKE,
    'stroke-width': Math.max(1.5, ctx.unit * 0.6),
  })}/>`
  if (!item.text) return outline
  // A picture scaled far down keeps the names readable: they are how people find their way.
  const size = Math.max(FRAME_TITLE_SIZE, ctx.unit * 3)
  const band = size * 1.6
  const title = ctx.text(
    {
      text: item.text,
      width: item.w,
      height: band,
      padding: 0,
      fontSize: size,
      lineHeight: 1,
      fontStyle: '600',
      wrap: 'none',
    },
    { align: 'left', verticalAlign: 'top', color: FRAME_TITLE_COLOR },
  )
  return `${outline}<g transform="translate(${num(item.x)} ${num(item.y - band)})">${title}</g>`
}

export const frameUtil: ItemUtil = {
  type: 'frame',
  layer: 'background',
  outline: (item) => ({ x: item.x, y: item.y, w: item.w, h: item.h }),
  ends: () => [],
  paintedBounds: (item) => ({
    x: item.x,
    y: item.y - FRAME_TITLE_BAND,
    w: item.w,
    h: item.h + FRAME_TITLE_BAND,
  }),
  hitTest(item, point, { zoom, tolerance }) {
    const title = { x: item.x, y: item.y - FRAME_TITLE_PX / zoom, w: item.w, h: FRAME_TITLE_PX / zoom }
    const inner = {
      x: item.x + tolerance,
      y: item.y + tolerance,
      w: item.w - 2 * tolerance,
      h: item.h - 2 * tolerance,
    }
    const onBorder = pointInItem(item, point, tolerance) && !pointInItem(inner, point)
    return rectContainsPoint(title, point) || onBorder
  },
  resize: { keepRatio: false },
  // A marquee drawn inside a frame picks its notes, not the frame.
  marquee: 'contain',
  snapTarget: true,
  View: FrameView,
  colorable: false,
  textEditing: { kind: 'title', labelKey: 'canvas.frameTitleLabel' },
  Indicator: BoxIndicator,
  far: {
    under({ ctx, zoom, view }, item) {
      if (!rectsIntersect(item, view)) return
      ctx.fillStyle = item.color ?? FRAME_FILL
      ctx.fillRect(item.x, item.y, item.w, item.h)
      ctx.strokeStyle = FRAME_STROKE
      ctx.lineWidth = 1.5 / zoom
      ctx.strokeRect(item.x, item.y, item.w, item.h)
    },
    // Section names stay readable from far away: they are how people find their way on a big board.
    label({ ctx, zoom, view }, item) {
      if (!item.text || !rectsIntersect(item, view)) return
      const size = 14 / zoom
      ctx.font = `600 ${size}px system-ui, sans-serif`
      ctx.fillStyle = FRAME_TITLE_COLOR
      ctx.fillText(item.text, item.x, item.y - size * 0.6, item.w)
    },
  },
  toSvg: frameSvg,
}
