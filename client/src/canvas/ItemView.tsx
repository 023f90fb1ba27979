import { type ItemSnapshot, NOTE_TEXT_COLOR } from '@atelier/shared'
import { memo, useEffect, useState } from 'react'
import { Arrow, Ellipse, Group, Image as KonvaImage, Line, Rect, Text } from 'react-konva'
import type { BoardStore } from '../store/BoardStore.js'
import { connectorSegment, livePosition } from '../store/connectors.js'
import { useItem, useView } from '../store/hooks.js'
import type { ViewStore } from '../store/ViewStore.js'
import { loadImage } from './images.js'
import { LockBadge } from './LockBadge.js'
import { noteFontSize } from './noteText.js'
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
} from './theme.js'

interface Props {
  id: string
  board: BoardStore
  view: ViewStore
  imageUrl?: ((src: string) => string) | undefined
}

/**
 * One board item. Subscribes to its own item and to its own slice of the drag/resize preview
 * only, so other items changing never re-render it.
 */
export const ItemView = memo(function ItemView({ id, board, view, imageUrl }: Props) {
  const stored = useItem(board, id)
  const drag = useView(view, (s) => (s.drag?.ids.has(id) ? s.drag : null))
  const patch = useView(view, (s) => s.preview?.get(id))
  const editing = useView(view, (s) => s.editingId === id)
  if (!stored) return null
  const item = livePosition(stored, drag, patch ? new Map([[id, patch]]) : null)
  switch (item.type) {
    case 'connector':
      return <ConnectorView item={item} board={board} view={view} />
    case 'stroke':
      return <StrokeView item={item} />
    case 'image':
      return <ImageView item={item} imageUrl={imageUrl} />
    case 'frame':
      return <FrameView item={item} view={view} editing={editing} />
    default:
      return <BoxView item={item} lifted={drag !== null} editing={editing} />
  }
})

/** Rotation happens around the item's centre: the group is placed there and offset back. */
function Rotated({ item, children }: { item: ItemSnapshot; children: React.ReactNode }) {
  return (
    <Group
      x={item.x + item.w / 2}
      y={item.y + item.h / 2}
      offsetX={item.w / 2}
      offsetY={item.h / 2}
      rotation={item.rotation ?? 0}
      listening={false}
    >
      {children}
    </Group>
  )
}

/** Notes, free text and shapes: a box with text fitted inside. */
function BoxView({ item, lifted, editing }: { item: ItemSnapshot; lifted: boolean; editing: boolean }) {
  const text = item.text ?? ''
  const isNote = item.type === 'note'
  const isShape = item.type === 'shape'
  const tags = item.tags ?? []
  const tagRow = tags.length > 0 && isNote ? 26 : 0
  const fontSize = noteFontSize(text, item.type, item.w, item.h - tagRow)

  return (
    <Rotated item={item}>
      {isNote && (
        <>
          {/* Two flat offset rects instead of a blurred shadow: same look, a fraction of the cost. */}
          <Rect
            y={lifted ? 8 : 3}
            width={item.w}
            height={item.h}
            fill="rgba(31,41,51,0.07)"
            cornerRadius={NOTE_RADIUS + 2}
            perfectDrawEnabled={false}
          />
          <Rect
            y={1}
            width={item.w}
            height={item.h}
            fill="rgba(31,41,51,0.10)"
            cornerRadius={NOTE_RADIUS}
            perfectDrawEnabled={false}
          />
          <Rect
            width={item.w}
            height={item.h}
            fill={item.color ?? '#fff3a3'}
            cornerRadius={NOTE_RADIUS}
            perfectDrawEnabled={false}
          />
        </>
      )}
      {isShape && <ShapeOutline item={item} />}
      {!editing && text !== '' && (
        <Text
          text={text}
          width={item.w}
          height={item.h - tagRow}
          padding={NOTE_PADDING}
          fontSize={fontSize}
          lineHeight={NOTE_LINE_HEIGHT}
          fontFamily={NOTE_FONT_FAMILY}
          fill={NOTE_TEXT_COLOR}
          align={isShape ? 'center' : 'left'}
          verticalAlign={isShape ? 'middle' : 'top'}
          wrap="word"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
      {tagRow > 0 && <TagRow tags={tags} y={item.h - tagRow} width={item.w} />}
      {item.locked && <LockBadge x={item.w - 22} y={6} />}
    </Rotated>
  )
}

function ShapeOutline({ item }: { item: ItemSnapshot }) {
  const common = { fill: item.color ?? '#ffffff', stroke: INK, strokeWidth: 2, perfectDrawEnabled: false }
  if (item.shape === 'ellipse') {
    return <Ellipse x={item.w / 2} y={item.h / 2} radiusX={item.w / 2} radiusY={item.h / 2} {...common} />
  }
  if (item.shape === 'diamond') {
    return (
      <Line
        points={[item.w / 2, 0, item.w, item.h / 2, item.w / 2, item.h, 0, item.h / 2]}
        closed
        lineJoin="round"
        {...common}
      />
    )
  }
  return <Rect width={item.w} height={item.h} cornerRadius={8} {...common} />
}

/** Labels at the foot of a note, as small chips. */
function TagRow({ tags, y, width }: { tags: readonly string[]; y: number; width: number }) {
  let x = NOTE_PADDING
  const chips: React.ReactNode[] = []
  for (const tag of tags) {
    const label = tag.length > 14 ? `${tag.slice(0, 13)}…` : tag
    const w = label.length * 6.6 + 14
    if (x + w > width - NOTE_PADDING) break
    chips.push(
      <Group key={tag} x={x} y={y}>
        <Rect width={w} height={18} cornerRadius={9} fill="rgba(31,41,51,0.12)" perfectDrawEnabled={false} />
        <Text
          text={label}
          x={7}
          y={3.5}
          fontSize={11}
          fontFamily={NOTE_FONT_FAMILY}
          fill={NOTE_TEXT_COLOR}
          perfectDrawEnabled={false}
        />
      </Group>,
    )
    x += w + 6
  }
  return <>{chips}</>
}

/** A frame: a white section with its name above the top-left corner, at a constant screen size. */
function FrameView({ item, view, editing }: { item: ItemSnapshot; view: ViewStore; editing: boolean }) {
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

function StrokeView({ item }: { item: ItemSnapshot }) {
  const width = item.strokeWidth ?? 3
  const highlighter = width >= HIGHLIGHTER_MIN_WIDTH
  return (
    <Line
      x={item.x}
      y={item.y}
      points={item.points ?? []}
      stroke={item.color ?? INK}
      strokeWidth={width}
      lineCap="round"
      lineJoin="round"
      opacity={highlighter ? 0.45 : 1}
      globalCompositeOperation={highlighter ? 'multiply' : 'source-over'}
      listening={false}
      perfectDrawEnabled={false}
    />
  )
}

function ImageView({
  item,
  imageUrl,
}: {
  item: ItemSnapshot
  imageUrl?: ((src: string) => string) | undefined
}) {
  const [image, setImage] = useState<HTMLImageElement | null>(null)
  const url = item.src ? (imageUrl ? imageUrl(item.src) : item.src) : null
  useEffect(() => (url ? loadImage(url, setImage) : undefined), [url])
  return (
    <Rotated item={item}>
      {image ? (
        <KonvaImage
          image={image}
          width={item.w}
          height={item.h}
          cornerRadius={4}
          perfectDrawEnabled={false}
        />
      ) : (
        <Rect width={item.w} height={item.h} fill="#e9ecef" cornerRadius={4} perfectDrawEnabled={false} />
      )}
      {item.locked && <LockBadge x={item.w - 22} y={6} />}
    </Rotated>
  )
}

/** An arrow between two items, redrawn whenever either end moves (or is being dragged). */
function ConnectorView({ item, board, view }: { item: ItemSnapshot; board: BoardStore; view: ViewStore }) {
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
      pointerLength={12}
      pointerWidth={11}
      lineCap="round"
      lineJoin="round"
      listening={false}
      perfectDrawEnabled={false}
    />
  )
}
