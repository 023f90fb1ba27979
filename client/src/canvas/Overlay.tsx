import { boundsOf, HANDLES, handlePoint, type ItemInit, type ItemSnapshot } from '@atelier/shared'
import { useSyncExternalStore } from 'react'
import { Circle, Group, Line, Rect } from 'react-konva'
import { itemUtil } from '../items/registry.js'
import { SELECTION_COLOR } from '../items/theme.js'
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
        const { Indicator } = itemUtil(item.type)
        return (
          <Indicator key={item.id} item={item} lookup={lookup} px={px} width={boxes.length > 1 ? 1 : 2} />
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

/** The item a creation tool is drawing, before it exists: as its type draws drafts, or as its indicator. */
function Draft({ draft, px }: { draft: ItemInit; px: number }) {
  const item: ItemSnapshot = { ...draft, id: draft.id ?? 'draft', w: draft.w ?? 0, h: draft.h ?? 0 }
  const util = itemUtil(item.type)
  if (util.Draft) return <util.Draft draft={item} px={px} />
  return <util.Indicator item={item} lookup={() => undefined} px={px} width={1.5} filled />
}
