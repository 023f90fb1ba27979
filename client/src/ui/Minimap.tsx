import { boundsOf, centerOn, expandRect, type Rect, visibleRect } from '@atelier/shared'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { drawFarScene } from '../canvas/farScene.js'
import { useView } from '../store/hooks.js'

const WIDTH = 200
const HEIGHT = 140

/**
 * The whole board in a corner, with the visible area outlined; click or drag in it to go
 * there. Redrawn at most once per frame, from the same far-view painter as the canvas.
 */
export function Minimap() {
  const session = useSession()
  const { t } = useTranslation()
  const { board, view } = session
  const shown = useView(view, (s) => s.minimap)
  const ref = useRef<HTMLCanvasElement>(null)
  const frame = useRef<{ world: Rect; scale: number } | null>(null)

  useEffect(() => {
    if (!shown) return
    let scheduled = 0
    // The board's drawing is cached per board version: a pan frame only blits it and outlines the view.
    const content = document.createElement('canvas')
    let contentVersion = -1
    let world: Rect = { x: 0, y: 0, w: 1, h: 1 }
    let scale = 1
    const ratio = window.devicePixelRatio || 1
    const paintContent = () => {
      const visible = visibleRect(view.getState().camera, view.getState().viewport)
      const bounds = boundsOf(board.getItems().values())
      // Content with a screen's worth of margin: the view outline stays on the map around it.
      world = bounds ? expandRect(bounds, Math.max(visible.w, visible.h) / 2) : expandRect(visible, 200)
      scale = Math.min(WIDTH / world.w, HEIGHT / world.h)
      // Centre the board in the minimap.
      world = {
        x: world.x - (WIDTH / scale - world.w) / 2,
        y: world.y - (HEIGHT / scale - world.h) / 2,
        w: WIDTH / scale,
        h: HEIGHT / scale,
      }
      content.width = WIDTH * ratio
      content.height = HEIGHT * ratio
      const ctx = content.getContext('2d')
      if (!ctx) return
      ctx.setTransform(ratio * scale, 0, 0, ratio * scale, -world.x * scale * ratio, -world.y * scale * ratio)
      drawFarScene(ctx, board, world, scale, { titles: false })
      contentVersion = board.getVersion()
      frame.current = { world, scale }
    }
    const draw = () => {
      scheduled = 0
      const canvas = ref.current
      const ctx = canvas?.getContext('2d')
      if (!canvas || !ctx) return
      if (contentVersion !== board.getVersion()) paintContent()
      if (canvas.width !== WIDTH * ratio) {
        canvas.width = WIDTH * ratio
        canvas.height = HEIGHT * ratio
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.clearRect(0, 0, canvas.width, canvas.height)
      ctx.drawImage(content, 0, 0)
      const { camera, viewport } = view.getState()
      const visible = visibleRect(camera, viewport)
      ctx.setTransform(ratio * scale, 0, 0, ratio * scale, -world.x * scale * ratio, -world.y * scale * ratio)
      ctx.strokeStyle = '#3b5bdb'
      ctx.lineWidth = 2 / scale
      ctx.fillStyle = 'rgba(59,91,219,0.08)'
      ctx.fillRect(visible.x, visible.y, visible.w, visible.h)
      ctx.strokeRect(visible.x, visible.y, visible.w, visible.h)
    }
    const schedule = () => {
      if (!scheduled) scheduled = requestAnimationFrame(draw)
    }
    draw()
    const off = [view.subscribe(schedule), board.subscribe(schedule)]
    return () => {
      cancelAnimationFrame(scheduled)
      for (const unsubscribe of off) unsubscribe()
    }
  }, [board, view, shown])

  if (!shown) return null
  const goTo = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const mapped = frame.current
    if (!mapped) return
    const rect = event.currentTarget.getBoundingClientRect()
    const x = mapped.world.x + (event.clientX - rect.left) / mapped.scale
    const y = mapped.world.y + (event.clientY - rect.top) / mapped.scale
    const { camera, viewport } = view.getState()
    view.setCamera(centerOn({ x, y }, viewport, camera.zoom))
  }
  return (
    <canvas
      ref={ref}
      className="minimap"
      data-testid="minimap"
      role="img"
      aria-label={t('canvas.minimap')}
      style={{ width: WIDTH, height: HEIGHT }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId)
        goTo(event)
      }}
      onPointerMove={(event) => {
        if (event.buttons === 1) goTo(event)
      }}
    />
  )
}
