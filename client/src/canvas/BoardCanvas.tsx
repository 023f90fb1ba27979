import { expandRect, type Point, screenToBoard, visibleRect } from '@atelier/shared'
import type Konva from 'konva'
import { type PointerEvent as ReactPointerEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Layer, Stage } from 'react-konva'
import { useItemIds, useView, useVisibleItemIds } from '../store/hooks.js'
import { hitTest } from '../tools/hitTest.js'
import type { PointerInput } from '../tools/PointerController.js'
import { wheelCamera } from '../tools/wheel.js'
import type { BoardSessionModel } from '../ui/session.js'
import { NoteView } from './NoteView.js'
import { SelectionTransformer } from './SelectionTransformer.js'
import { GRID_SPACING } from './theme.js'

/** Dot grid spacing on screen: doubles when zoomed out so dots never turn into grey mush. */
function gridStep(zoom: number): number {
  let step = GRID_SPACING * zoom
  while (step < 12) step *= 2
  return step
}

export function BoardCanvas({ session }: { session: BoardSessionModel }) {
  const { t } = useTranslation()
  const { board, view, pointer, cursor, registry, ctx } = session
  const container = useRef<HTMLDivElement>(null)
  const stage = useRef<Konva.Stage>(null)
  const layer = useRef<Konva.Layer>(null)
  const camera = useView(view, (s) => s.camera)
  const viewport = useView(view, (s) => s.viewport)
  const tool = useView(view, (s) => s.tool)
  // Draw a margin beyond the screen so shadows and fast pans do not pop in at the edges.
  const visible = useVisibleItemIds(board, expandRect(visibleRect(camera, viewport), 40 / camera.zoom))
  const isEmpty = useItemIds(board).length === 0

  useEffect(() => {
    const onResize = () => view.set({ viewport: { width: window.innerWidth, height: window.innerHeight } })
    window.addEventListener('resize', onResize)
    onResize()
    return () => window.removeEventListener('resize', onResize)
  }, [view])

  useEffect(() => {
    const element = container.current
    if (!element) return
    // Native listener: React's onWheel is passive, and the page must not scroll or zoom itself.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const rect = element.getBoundingClientRect()
      const anchor = { x: event.clientX - rect.left, y: event.clientY - rect.top }
      view.setCamera(wheelCamera(view.getState().camera, event, anchor, rect.height))
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [view])

  const toInput = (event: ReactPointerEvent): PointerInput => {
    const rect = event.currentTarget.getBoundingClientRect()
    return {
      pointerId: event.pointerId,
      screen: { x: event.clientX - rect.left, y: event.clientY - rect.top },
      button: event.button,
      shiftKey: event.shiftKey,
    }
  }

  const boardPoint = (screen: Point) => screenToBoard(view.getState().camera, screen)

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    const input = toInput(event)
    // Resize handles belong to Konva's Transformer: let it have the gesture.
    const target = stage.current?.getIntersection(input.screen)
    if (target?.getParent()?.getClassName() === 'Transformer') return
    // No native focus change or text selection: the canvas handles the gesture itself, and a note
    // editor that a press just opened must keep the focus.
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    pointer.down(input)
  }

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const input = toInput(event)
    cursor.update(boardPoint(input.screen))
    pointer.move(input)
  }

  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => pointer.up(toInput(event))

  const onDoubleClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const at = boardPoint({ x: event.clientX - rect.left, y: event.clientY - rect.top })
    if (ctx.readOnly) return
    const hit = hitTest(board, at)
    if (hit) view.set({ selection: [hit], editingId: hit })
    else registry.run('createNote', ctx, { at })
  }

  const step = gridStep(camera.zoom)
  return (
    <div
      ref={container}
      className={`board-canvas tool-${tool}`}
      role="application"
      aria-label={t('board.canvasLabel')}
      style={{
        backgroundSize: `${step}px ${step}px`,
        backgroundPosition: `${-camera.x * camera.zoom}px ${-camera.y * camera.zoom}px`,
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => pointer.cancel()}
      onPointerLeave={() => cursor.update(null)}
      onDoubleClick={onDoubleClick}
    >
      <Stage
        ref={stage}
        width={viewport.width}
        height={viewport.height}
        scaleX={camera.zoom}
        scaleY={camera.zoom}
        x={-camera.x * camera.zoom}
        y={-camera.y * camera.zoom}
      >
        <Layer ref={layer}>
          {visible.map((id) => (
            <NoteView key={id} id={id} board={board} view={view} />
          ))}
          <SelectionTransformer
            board={board}
            view={view}
            layer={layer}
            visible={visible}
            readOnly={ctx.readOnly}
          />
        </Layer>
      </Stage>
      {isEmpty && (
        <p className="empty-hint" aria-hidden="true">
          {ctx.readOnly ? t('board.emptyHintReadOnly') : t('board.emptyHint')}
        </p>
      )}
    </div>
  )
}
