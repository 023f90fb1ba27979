import { boundsOf, HANDLES, handlePoint, type ItemInit, type ItemSnapshot } from '@atelier/shared'
import { useSyncExternalStore } from 'react'
import { Arrow, Circle, Ellipse, Group, Line, Rect } from 'react-konva'
import { connectorSegment } from '../items/connector/connectorUtil.js'
import { itemUtil } from '../items/registry.js'
import { CONNECTOR_COLOR, HIGHLIGHTER_MIN_WIDTH, INK, SELECTION_COLOR } from '../items/theme.js'
import type { BoardStore } from '../store/BoardStore.js'
import { useView } from '../store/hooks.js'
import { livePosition } from '../store/livePosition.js'
import { canModify, itemBounds, type Permissions } from '../store/selection.js'
import type { ViewStore } from '../store/ViewStore.js'
import { rotateHandlePoint } from '../tools/handles.js'
import { GUIDE_COLOR } from './theme.js'

/** Re-renders when any selected item changes (selections are small; the board may be huge). */
function useSelectedItems(board: BoardStore, selection: readonly string[]): ItemSnapshot[] {
  const version = useSyncExternalStore(board.subscribe, () => board.getVersion())
  void version
  return board.pick(selection)
}

/**
 * Everything drawn over the items: selection outlines and handles, snapping guides, the marquee
 * and the item a creation tool is drawing. Widths are divided by the zoom so they stay crisp
 * and constant on screen.
 */
export function Overlay({ board, view, perms }: { board: BoardStore; view: ViewStore; perms: Permissions }) {
  const selection = useView(view, (s) => s.selection)
  const drag = useView(view, (s) => s.drag)
  const preview = useView(view, (s) => s.preview)
  const zoom = useView(view, (s) => s.camera.zoom)
  const guides = useView(view, (s) => s.guides)
  const marquee = useView(view, (s) => s.marquee)
  const draft = useView(view, (s) => s.draft)
  const editingId = useView(view, (s) => s.editingId)
  const items = useSelectedItems(board, selection).map((item) => livePosition(item, drag, preview))
  const px = 1 / zoom
  const lookup = (id: string) => {
    const item = board.getItem(id)
    return item ? livePosition(item, drag, preview) : undefined
  }
  const boxes = items.filter((item) => itemUtil(item.type).resize !== null)
  const bounds = boundsOf(boxes.map(itemBounds))
  const editable = boxes.length > 0 && boxes.every((item) => canModify(perms, item))
  const showHandles = editable && !drag && !marquee && !editingId && bounds

  return (
    <Group listening={false}>
      {items.map((item) => {
        if (item.type === 'connector') {
          const segment = connectorSegment(item, lookup)
          if (!segment) return null
          return (
            <Line
              key={item.id}
              points={[segment.start.x, segment.start.y, segment.end.x, segment.end.y]}
              stroke={SELECTION_COLOR}
              strokeWidth={6 * px}
              opacity={0.35}
              lineCap="round"
            />
          )
        }
        return (
          <Rect
            key={item.id}
            x={item.x + item.w / 2}
            y={item.y + item.h / 2}
            offsetX={item.w / 2}
            offsetY={item.h / 2}
            width={item.w}
            height={item.h}
            rotation={item.rotation ?? 0}
            stroke={SELECTION_COLOR}
            strokeWidth={(boxes.length > 1 ? 1 : 2) * px}
          />
        )
      })}
      {bounds && boxes.length > 1 && (
        <Rect
          x={bounds.x}
          y={bounds.y}
          width={bounds.w}
          height={bounds.h}
          stroke={SELECTION_COLOR}
          strokeWidth={px}
          dash={[4 * px, 4 * px]}
        />
      )}
      {showHandles && (
        <>
          <Line
            points={[
              bounds.x + bounds.w / 2,
              bounds.y,
              rotateHandlePoint(bounds, zoom).x,
              rotateHandlePoint(bounds, zoom).y,
            ]}
            stroke={SELECTION_COLOR}
            strokeWidth={px}
          />
          <Circle
            {...rotateHandlePoint(bounds, zoom)}
            radius={5 * px}
            fill="#ffffff"
            stroke={SELECTION_COLOR}
            strokeWidth={1.5 * px}
          />
          {HANDLES.map((handle) => {
            const p = handlePoint(bounds, handle)
            const size = (handle.length === 2 ? 9 : 7) * px
            return (
              <Rect
                key={handle}
                x={p.x - size / 2}
                y={p.y - size / 2}
                width={size}
                height={size}
                cornerRadius={2 * px}
                fill="#ffffff"
                stroke={SELECTION_COLOR}
                strokeWidth={1.5 * px}
              />
            )
          })}
        </>
      )}
      {guides.map((guide) =>
        guide.axis === 'x' ? (
          <Line
            key={`x${guide.at}`}
            points={[guide.at, guide.from, guide.at, guide.to]}
            stroke={GUIDE_COLOR}
            strokeWidth={px}
            dash={[3 * px, 3 * px]}
          />
        ) : (
          <Line
            key={`y${guide.at}`}
            points={[guide.from, guide.at, guide.to, guide.at]}
            stroke={GUIDE_COLOR}
            strokeWidth={px}
            dash={[3 * px, 3 * px]}
          />
        ),
      )}
      {marquee && (
        <Rect
          x={marquee.x}
          y={marquee.y}
          width={marquee.w}
          height={marquee.h}
          fill="rgba(59,91,219,0.08)"
          stroke={SELECTION_COLOR}
          strokeWidth={px}
        />
      )}
      {draft && <Draft draft={draft} px={px} />}
    </Group>
  )
}

/** The item a creation tool is drawing, before it exists. */
function Draft({ draft, px }: { draft: ItemInit; px: number }) {
  const w = draft.w ?? 0
  const h = draft.h ?? 0
  if (draft.type === 'stroke') {
    const width = draft.strokeWidth ?? 3
    return (
      <Line
        x={draft.x}
        y={draft.y}
        points={draft.points ?? []}
        stroke={draft.color ?? INK}
        strokeWidth={width}
        opacity={width >= HIGHLIGHTER_MIN_WIDTH ? 0.45 : 1}
        lineCap="round"
        lineJoin="round"
      />
    )
  }
  if (draft.type === 'connector') {
    const p = draft.points ?? [0, 0, 0, 0]
    return (
      <Arrow
        x={draft.x}
        y={draft.y}
        points={p}
        stroke={CONNECTOR_COLOR}
        fill={CONNECTOR_COLOR}
        strokeWidth={2.5}
        pointerLength={12}
        pointerWidth={11}
        dash={[8 * px, 6 * px]}
      />
    )
  }
  const style = { stroke: SELECTION_COLOR, strokeWidth: 1.5 * px, fill: 'rgba(59,91,219,0.06)' }
  if (draft.shape === 'ellipse')
    return <Ellipse x={draft.x + w / 2} y={draft.y + h / 2} radiusX={w / 2} radiusY={h / 2} {...style} />
  if (draft.shape === 'diamond') {
    return (
      <Line x={draft.x} y={draft.y} points={[w / 2, 0, w, h / 2, w / 2, h, 0, h / 2]} closed {...style} />
    )
  }
  return <Rect x={draft.x} y={draft.y} width={w} height={h} {...style} />
}
