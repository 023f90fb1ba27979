import { type ItemInit, type Point, rectFromCorners, type ShapeKind } from '@atelier/shared'
import { itemUtil } from '../items/registry.js'
import { hitTest } from './hitTest.js'
import { DRAG_THRESHOLD, type Tool, type ToolEnv, type ToolPointer } from './types.js'

const author = (env: ToolEnv) => (env.ctx.author ? { author: env.ctx.author } : {})

/** Note and text: one click places the item and opens its editor. */
export class PlaceTool implements Tool {
  state = 'idle'
  constructor(
    private readonly env: ToolEnv,
    private readonly kind: 'note' | 'text',
  ) {}

  down(p: ToolPointer): undefined {
    const { ctx, registry } = this.env
    if (this.kind === 'note') {
      registry.run('createNote', ctx, { at: p.board })
      return undefined
    }
    const [id] = ctx.board.create([
      {
        type: 'text',
        x: Math.round(p.board.x),
        y: Math.round(p.board.y - 24),
        w: 280,
        h: 48,
        text: '',
        ...author(this.env),
      },
    ])
    ctx.view.set({ selection: [id as string], editingId: id as string, tool: 'select' })
    return undefined
  }
  move(): void {}
  up(): void {}
  cancel(): void {}
}

/** Default size of a shape or frame placed with a click instead of a drag. */
const CLICK_SIZE: Record<'shape' | 'frame', { w: number; h: number }> = {
  shape: { w: 200, h: 140 },
  frame: { w: 960, h: 640 },
}

/**
 * Shapes and frames: drag out a box (click for a default size). The new item is selected and,
 * for a shape, opened for typing; the tool then hands back to select, as in tldraw.
 *   idle ─down─▶ drawing ─up─▶ idle
 */
export class BoxTool implements Tool {
  state: 'idle' | 'drawing' = 'idle'
  private start: ToolPointer | null = null

  constructor(
    private readonly env: ToolEnv,
    private readonly kind: 'shape' | 'frame',
    private readonly shape?: ShapeKind,
  ) {}

  down(p: ToolPointer): undefined {
    this.start = p
    this.state = 'drawing'
    return undefined
  }

  move(p: ToolPointer): void {
    if (!this.start) return
    this.env.ctx.view.set({ draft: this.init(this.start, p) })
  }

  up(p: ToolPointer): void {
    const { view, board } = this.env.ctx
    if (!this.start) return
    const init = this.init(this.start, p)
    view.set({ draft: null })
    const [id] = board.create([init])
    view.set({
      selection: [id as string],
      tool: 'select',
      editingId: this.kind === 'frame' ? null : (id as string),
    })
    this.cancel()
  }

  cancel(): void {
    this.start = null
    this.state = 'idle'
    this.env.ctx.view.set({ draft: null })
  }

  private init(start: ToolPointer, p: ToolPointer): ItemInit {
    const dragged = Math.hypot(p.screen.x - start.screen.x, p.screen.y - start.screen.y) >= DRAG_THRESHOLD
    const size = CLICK_SIZE[this.kind]
    let rect = dragged
      ? rectFromCorners(start.board, p.board)
      : { x: start.board.x - size.w / 2, y: start.board.y - size.h / 2, ...size }
    if (p.shiftKey && dragged) {
      const side = Math.max(rect.w, rect.h)
      rect = { ...rect, w: side, h: side }
    }
    const round = {
      x: Math.round(rect.x),
      y: Math.round(rect.y),
      w: Math.max(20, Math.round(rect.w)),
      h: Math.max(20, Math.round(rect.h)),
    }
    if (this.kind === 'frame') {
      const count = [...this.env.ctx.board.getItems().values()].filter((item) => item.type === 'frame').length
      return {
        type: 'frame',
        ...round,
        text: this.env.frameTitle?.(count + 1) ?? `Section ${count + 1}`,
        ...author(this.env),
      }
    }
    return {
      type: 'shape',
      shape: this.shape ?? 'rectangle',
      color: '#ffffff',
      ...round,
      text: '',
      ...author(this.env),
    }
  }
}

/**
 * Connector: press on an item, release on another; the arrow is bound to both and follows them.
 *   idle ─down on item─▶ connecting ─up on another item─▶ idle (connector created)
 */
export class ConnectorTool implements Tool {
  state: 'idle' | 'connecting' = 'idle'
  private from: string | null = null

  constructor(private readonly env: ToolEnv) {}

  down(p: ToolPointer): undefined {
    const { board, view } = this.env.ctx
    const hit = hitTest(board, p.board, view.getState().camera.zoom)
    const item = hit ? board.getItem(hit) : undefined
    if (!item || !itemUtil(item.type).outline(item)) return undefined
    this.from = item.id
    this.state = 'connecting'
    view.set({ draft: this.draft(p.board) })
    return undefined
  }

  move(p: ToolPointer): void {
    if (this.from) this.env.ctx.view.set({ draft: this.draft(p.board) })
  }

  up(p: ToolPointer): void {
    const { board, view } = this.env.ctx
    const from = this.from
    const target = hitTest(board, p.board, view.getState().camera.zoom)
    this.cancel()
    const to = target ? board.getItem(target) : undefined
    if (!from || !to || to.id === from || !itemUtil(to.type).outline(to)) return
    const source = board.getItem(from)
    if (!source) return
    const [id] = board.create([
      { type: 'connector', x: source.x, y: source.y, w: 1, h: 1, from, to: to.id, ...author(this.env) },
    ])
    view.set({ selection: [id as string], tool: 'select' })
  }

  cancel(): void {
    this.from = null
    this.state = 'idle'
    this.env.ctx.view.set({ draft: null })
  }

  /** The arrow being drawn: from the source's centre to the pointer (points relative to x, y). */
  private draft(to: Point): ItemInit | null {
    const source = this.from ? this.env.ctx.board.getItem(this.from) : undefined
    if (!source) return null
    const start = { x: source.x + source.w / 2, y: source.y + source.h / 2 }
    return {
      type: 'connector',
      x: start.x,
      y: start.y,
      w: 1,
      h: 1,
      points: [0, 0, to.x - start.x, to.y - start.y],
    }
  }
}

export const PEN = { color: '#1f2933', strokeWidth: 3 } as const
export const HIGHLIGHTER = { color: '#ffd43b', strokeWidth: 18 } as const

/**
 * Freehand pen and highlighter: points are collected while the pointer is down and written as
 * one stroke item on release (one update on the wire, one undo step).
 */
export class DrawTool implements Tool {
  state: 'idle' | 'drawing' = 'idle'
  private points: number[] = []

  constructor(
    private readonly env: ToolEnv,
    private readonly style: { color: string; strokeWidth: number },
  ) {}

  down(p: ToolPointer): undefined {
    this.points = [p.board.x, p.board.y]
    this.state = 'drawing'
    this.show()
    return undefined
  }

  move(p: ToolPointer): void {
    if (this.state !== 'drawing') return
    const n = this.points.length
    const zoom = this.env.ctx.view.getState().camera.zoom
    // Skip points closer than a screen pixel: they add weight, not shape.
    if (
      Math.hypot(p.board.x - (this.points[n - 2] as number), p.board.y - (this.points[n - 1] as number)) *
        zoom <
      1.5
    )
      return
    this.points.push(p.board.x, p.board.y)
    this.show()
  }

  up(): void {
    if (this.state !== 'drawing') return
    const init = this.stroke()
    this.cancel()
    if (init) this.env.ctx.board.create([init])
  }

  cancel(): void {
    this.points = []
    this.state = 'idle'
    this.env.ctx.view.set({ draft: null })
  }

  private show(): void {
    this.env.ctx.view.set({ draft: this.stroke() })
  }

  private stroke(): ItemInit | null {
    if (this.points.length < 2) return null
    const xs = this.points.filter((_, i) => i % 2 === 0)
    const ys = this.points.filter((_, i) => i % 2 === 1)
    const x = Math.floor(Math.min(...xs))
    const y = Math.floor(Math.min(...ys))
    const rel = this.points.map((v, i) => Math.round((v - (i % 2 === 0 ? x : y)) * 10) / 10)
    // A click without movement still leaves a dot.
    if (rel.length === 2) rel.push((rel[0] as number) + 0.1, rel[1] as number)
    return {
      type: 'stroke',
      x,
      y,
      w: Math.max(1, Math.ceil(Math.max(...xs) - x)),
      h: Math.max(1, Math.ceil(Math.max(...ys) - y)),
      points: rel,
      ...this.style,
      ...author(this.env),
    }
  }
}
