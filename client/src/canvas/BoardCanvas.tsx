import { boundsOf, type Point, screenToBoard, visibleRect } from '@atelier/shared'
import type Konva from 'konva'
import {
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import { useTranslation } from 'react-i18next'
import { Layer, Shape, Stage } from 'react-konva'
import { useCanvasKeyboard } from '../a11y/useCanvasKeyboard.js'
import type { BoardSessionModel } from '../board/BoardSession.js'
import { useSession } from '../board/context.js'
import { itemUtil } from '../items/registry.js'
import { useItemIds, useView } from '../store/hooks.js'
import { type PaintLayer, shallowEqualArrays } from '../store/order.js'
import { canModify } from '../store/selection.js'
import { hitTest } from '../tools/hitTest.js'
import type { PointerInput } from '../tools/PointerController.js'
import { wheelCamera } from '../tools/wheel.js'
import { renderBoardPicture } from './boardPicture.js'
import { type CullWindow, cullWindow, idsInWindow, windowCovers } from './culling.js'
import { drawFarScene, FarCache } from './farScene.js'
import { drawGrid } from './grid.js'
import { ItemView } from './ItemView.js'
import { Overlay } from './Overlay.js'
import { hideBoardPreview } from './previewOverlay.js'

/** How long the camera must be still before the item layer re-culls and the far bitmap is rebuilt. */
const SETTLE_MS = 120

/** Ids the item layer mounts for a cull window; the same array while nothing in it changed. */
function useWindowIds(session: BoardSessionModel, window: CullWindow): readonly string[] {
  const { board } = session
  const cache = useRef<{ version: number; window: CullWindow; ids: readonly string[] } | null>(null)
  const getSnapshot = () => {
    const version = board.getVersion()
    const last = cache.current
    if (last && last.version === version && last.window === window) return last.ids
    const next = window.far ? [] : idsInWindow(board, window.rect)
    const ids = last && shallowEqualArrays(last.ids, next) ? last.ids : next
    cache.current = { version, window, ids }
    return ids
  }
  return useSyncExternalStore(board.subscribe, getSnapshot)
}

/**
 * The Konva stage. The camera is applied imperatively (stage position and scale): a pan or zoom
 * frame re-renders no React component. Item views are mounted for the cull window, re-culled
 * once the camera settles; everything else is drawn by the base pass (blocks, or below the far
 * zoom a bitmap cached per zoom, so panning is a single blit). See docs/canvas.md.
 */
export function BoardCanvas() {
  const session = useSession()
  const { t } = useTranslation()
  const { board, view, pointer, cursor, registry, ctx } = session
  const container = useRef<HTMLDivElement>(null)
  const stage = useRef<Konva.Stage>(null)
  const viewport = useView(view, (s) => s.viewport)
  const tool = useView(view, (s) => s.tool)
  const [window_, setWindow] = useState(() => cullWindow(view.getState().camera, view.getState().viewport))
  const ids = useWindowIds(session, window_)
  const isEmpty = useItemIds(board).length === 0
  const farCache = useRef(new FarCache())
  const camera = useRef(view.getState().camera)
  const mounted = new Set(ids)
  const inLayer = (layer: PaintLayer) => (id: string) => {
    const item = board.getItem(id)
    return item !== undefined && itemUtil(item.type).layer === layer
  }
  const background = ids.filter(inLayer('background'))
  const content = ids.filter(inLayer('content'))
  /** Set by the background pass when the far bitmap covered everything in this draw. */
  const cacheHit = useRef(false)
  const keyboard = useCanvasKeyboard(container)

  /** Base pass: everything not mounted as an item view, as plain blocks (or the far bitmap). */
  const drawBase = (native: CanvasRenderingContext2D, layer: PaintLayer) => {
    const { camera: current, viewport: size } = view.getState()
    if (layer === 'background') {
      cacheHit.current = window_.far && farCache.current.draw(native, current.zoom, board.getVersion())
      if (cacheHit.current) return
    } else if (cacheHit.current) return
    drawFarScene(native, board, visibleRect(current, size), current.zoom, { layer, skip: mounted })
  }

  // The preview picture the entry (main.tsx) drew from the local copy (previewOverlay.ts) goes once
  // the copy is in the document and this canvas has drawn it: the frame after next. The copy
  // keeps a new picture, drawn as this canvas would at the opening camera, after each compaction.
  useEffect(() => {
    session.connection.keepPictureOf(() =>
      renderBoardPicture(board, view.getState().viewport, window.devicePixelRatio || 1, {
        panel: session.access.role === 'facilitator',
      }),
    )
    let frame = 0
    let live = true
    void session.connection.localLoaded.then(() => {
      if (!live) return
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(hideBoardPreview)
      })
    })
    return () => {
      live = false
      cancelAnimationFrame(frame)
    }
  }, [session, board, view])

  useEffect(() => {
    const onResize = () => view.set({ viewport: { width: window.innerWidth, height: window.innerHeight } })
    window.addEventListener('resize', onResize)
    onResize()
    return () => window.removeEventListener('resize', onResize)
  }, [view])

  // Camera → stage transform and cull window, outside React's render cycle.
  useEffect(() => {
    let current = window_
    let settle: ReturnType<typeof setTimeout> | undefined
    const buildFarCache = () => {
      const { zoom } = view.getState().camera
      if (!current.far || farCache.current.fresh(zoom, board.getVersion())) return
      farCache.current.build(
        board,
        boundsOf(board.getItems().values()),
        view.getState().camera,
        window.devicePixelRatio || 1,
        board.getVersion(),
      )
      stage.current?.batchDraw()
    }
    // Once the camera has been still for a moment: re-cull if needed, cache the far view.
    const onSettled = () => {
      settle = undefined
      const { camera, viewport: size } = view.getState()
      if (!windowCovers(current, camera, size)) {
        current = cullWindow(camera, size)
        setWindow(current)
      }
      buildFarCache()
    }
    let lastZoom = view.getState().camera.zoom
    const apply = () => {
      const { camera } = view.getState()
      // A pan keeps the zoom: the far bitmap for it can be made now, and every next frame is a blit.
      if (camera.zoom === lastZoom) buildFarCache()
      lastZoom = camera.zoom
      // A jump (the camera was still, as when the board is first framed) re-culls at once: the
      // item views of the camera it left are never mounted, and the far view mounts none at all.
      const { viewport: size } = view.getState()
      if (settle === undefined && !windowCovers(current, camera, size)) {
        current = cullWindow(camera, size)
        setWindow(current)
      }
      place()
      // While the camera moves, nothing mounts or unmounts: what leaves the cull window is
      // drawn by the base pass as blocks, and the window catches up when the motion stops.
      clearTimeout(settle)
      settle = setTimeout(onSettled, SETTLE_MS)
    }
    const place = () => {
      const { camera } = view.getState()
      const node = stage.current
      if (node) {
        node.position({ x: -camera.x * camera.zoom, y: -camera.y * camera.zoom })
        node.scale({ x: camera.zoom, y: camera.zoom })
        node.batchDraw()
      }
    }
    // Mounting (or re-culling) is no camera motion: the board's first framing, which often comes
    // right after, is then a jump and mounts none of the item views of the camera it leaves.
    buildFarCache()
    place()
    const unsubscribeView = view.subscribe(() => {
      if (view.getState().camera !== camera.current) {
        camera.current = view.getState().camera
        apply()
      }
    })
    // Items not mounted (outside the window, or the far view) are drawn by the base pass.
    const unsubscribeBoard = board.subscribe(() => {
      stage.current?.batchDraw()
      if (current.far) {
        clearTimeout(settle)
        settle = setTimeout(onSettled, SETTLE_MS)
      }
    })
    return () => {
      clearTimeout(settle)
      unsubscribeView()
      unsubscribeBoard()
    }
  }, [view, board, window_])

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
      shiftKey: event.shiftKey || event.metaKey || event.ctrlKey,
      pointerType: event.pointerType === 'touch' ? 'touch' : event.pointerType === 'pen' ? 'pen' : 'mouse',
    }
  }

  const boardPoint = (screen: Point) => screenToBoard(view.getState().camera, screen)

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button === 2) return
    // No native focus change or text selection: the canvas handles the gesture itself, and an
    // editor that a press just opened must keep the focus.
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    view.set({ hoveredId: null })
    pointer.down(toInput(event))
  }

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const input = toInput(event)
    const at = boardPoint(input.screen)
    cursor.update(at)
    if (pointer.state === 'idle' && input.pointerType === 'mouse') {
      view.set({ hoveredId: hitTest(board, at, view.getState().camera.zoom) })
    }
    pointer.move(input)
  }

  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => pointer.up(toInput(event))

  const onDoubleClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const at = boardPoint({ x: event.clientX - rect.left, y: event.clientY - rect.top })
    if (ctx.readOnly) return
    const hit = hitTest(board, at, view.getState().camera.zoom)
    // A locked item this person may not change (a template's scale or label) is background here:
    // a double-click on it adds a note, as it does on the board around it.
    const item = hit ? board.getItem(hit) : undefined
    const background = item?.locked === true && !canModify(ctx, item)
    if (hit && !background) {
      view.set({ selection: [hit] })
      registry.run('editText', ctx)
    } else registry.run('createNote', ctx, { at })
  }

  const onContextMenu = (event: React.MouseEvent<HTMLDivElement>) => {
    event.preventDefault()
    const rect = event.currentTarget.getBoundingClientRect()
    const screen = { x: event.clientX - rect.left, y: event.clientY - rect.top }
    const hit = hitTest(board, boardPoint(screen), view.getState().camera.zoom)
    const { selection } = view.getState()
    if (hit && !selection.includes(hit)) view.select([hit])
    if (!hit) view.select([])
    view.set({ menu: { x: event.clientX, y: event.clientY }, editingId: null })
  }

  const onDrop = (event: React.DragEvent<HTMLDivElement>) => {
    const files = Array.from(event.dataTransfer.files).filter((file) => file.type.startsWith('image/'))
    if (files.length === 0 || ctx.readOnly) return
    event.preventDefault()
    const rect = event.currentTarget.getBoundingClientRect()
    const at = boardPoint({ x: event.clientX - rect.left, y: event.clientY - rect.top })
    registry.run('paste', ctx, { at, clipboard: { files, getData: () => '', setData: () => undefined } })
  }

  return (
    <div
      ref={container}
      className={`board-canvas tool-${tool}`}
      role="application"
      aria-label={t('board.canvasLabel')}
      aria-describedby="board-canvas-help"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: one tab stop for the whole board; the arrow keys walk its items (useCanvasKeyboard).
      tabIndex={0}
      data-testid="board-canvas"
      onKeyDown={keyboard.onKeyDown}
      onFocus={keyboard.onFocus}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => pointer.cancel()}
      onPointerLeave={() => {
        cursor.update(null)
        view.set({ hoveredId: null })
      }}
      onDoubleClick={onDoubleClick}
      onContextMenu={onContextMenu}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
    >
      <Stage ref={stage} width={viewport.width} height={viewport.height} listening={false}>
        {/* One layer (one canvas for the browser to composite): grid, items, then the overlay. */}
        <Layer listening={false}>
          <Shape
            listening={false}
            perfectDrawEnabled={false}
            sceneFunc={(context) => {
              const { camera: current, viewport: size } = view.getState()
              drawGrid(context._context, current, size, context.getCanvas().getPixelRatio())
            }}
          />
          <Shape
            listening={false}
            perfectDrawEnabled={false}
            sceneFunc={(context) => drawBase(context._context, 'background')}
          />
          {background.map((id) => (
            <ItemView key={id} id={id} board={board} view={view} imageUrl={ctx.imageUrl} />
          ))}
          <Shape
            listening={false}
            perfectDrawEnabled={false}
            sceneFunc={(context) => drawBase(context._context, 'content')}
          />
          {content.map((id) => (
            <ItemView key={id} id={id} board={board} view={view} imageUrl={ctx.imageUrl} />
          ))}
          <Overlay board={board} view={view} perms={ctx} />
        </Layer>
      </Stage>
      <p id="board-canvas-help" className="visually-hidden">
        {ctx.readOnly ? t('a11y.canvasHelpReadOnly') : t('a11y.canvasHelp')}
      </p>
      {isEmpty && (
        <p className="empty-hint" aria-hidden="true">
          {ctx.readOnly ? t('board.emptyHintReadOnly') : t('board.emptyHint')}
        </p>
      )}
    </div>
  )
}
