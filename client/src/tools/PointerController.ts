import { type Camera, clampZoom, type Point, panBy, screenToBoard, zoomAt } from '@atelier/shared'
import type { CommandRegistry } from '../commands/registry.js'
import type { CommandContext } from '../commands/types.js'
import { type ToolId, WRITING_TOOL_IDS } from '../store/ViewStore.js'
import { BoxTool, ConnectorTool, DrawTool, HIGHLIGHTER, PEN, PlaceTool } from './CreateTools.js'
import { SelectTool } from './SelectTool.js'
import type { Tool, ToolEnv, ToolPointer } from './types.js'

export interface PointerInput {
  pointerId: number
  /** Position relative to the canvas element, in screen pixels. */
  screen: Point
  button: number
  shiftKey: boolean
  pointerType?: 'mouse' | 'pen' | 'touch'
}

export type PointerState = 'idle' | 'panning' | 'pinching' | string

/** Tools that write: an observer's pointer always selects. */
const WRITING_TOOLS: ReadonlySet<ToolId> = new Set(WRITING_TOOL_IDS)

/**
 * Routes pointer events: panning (middle button, space held, hand tool, touch on empty space)
 * and two-finger pinch are handled here for every tool; everything else goes to the active
 * tool's state machine. No DOM: tests drive it with plain objects.
 */
export class PointerController {
  private current: 'idle' | 'panning' | 'pinching' | 'tool' = 'idle'
  private pointers = new Map<number, Point>()
  private panStart: { screen: Point; camera: Camera } | null = null
  private pinchStart: { distance: number; mid: Point; camera: Camera } | null = null
  private active: Tool | null = null
  readonly tools: Record<ToolId, Tool>
  spaceHeld = false
  /** Last pointer position over the canvas: where a keyboard paste lands. */
  lastScreen: Point | null = null

  constructor(
    private readonly ctx: CommandContext,
    registry: CommandRegistry,
    frameTitle?: (n: number) => string,
  ) {
    const env: ToolEnv = { ctx, registry, ...(frameTitle ? { frameTitle } : {}) }
    const select = new SelectTool(env)
    this.tools = {
      select,
      hand: select,
      note: new PlaceTool(env, 'note'),
      text: new PlaceTool(env, 'text'),
      rectangle: new BoxTool(env, 'shape', 'rectangle'),
      ellipse: new BoxTool(env, 'shape', 'ellipse'),
      diamond: new BoxTool(env, 'shape', 'diamond'),
      frame: new BoxTool(env, 'frame'),
      connector: new ConnectorTool(env),
      pen: new DrawTool(env, PEN),
      highlighter: new DrawTool(env, HIGHLIGHTER),
    }
  }

  /** 'panning', 'pinching', the active tool's state ('pointing', 'dragging', 'brushing'…), or 'idle'. */
  get state(): PointerState {
    if (this.current === 'tool') return this.active?.state ?? 'idle'
    return this.current
  }

  down(input: PointerInput): void {
    this.pointers.set(input.pointerId, input.screen)
    if (this.pointers.size === 2) {
      this.startPinch()
      return
    }
    if (this.pointers.size > 2) return
    const state = this.ctx.view.getState()
    if (state.menu) this.ctx.view.set({ menu: null })
    if (input.button === 1 || this.spaceHeld || state.tool === 'hand') {
      this.startPan(input.screen)
      return
    }
    if (input.button !== 0) return
    const tool =
      this.ctx.readOnly && WRITING_TOOLS.has(state.tool) ? this.tools.select : this.tools[state.tool]
    if (tool.down(this.toolPointer(input)) === 'pan') {
      this.startPan(input.screen)
      return
    }
    this.active = tool
    this.current = 'tool'
  }

  move(input: PointerInput): void {
    this.lastScreen = input.screen
    if (!this.pointers.has(input.pointerId)) return
    this.pointers.set(input.pointerId, input.screen)
    if (this.current === 'pinching') this.updatePinch()
    else if (this.current === 'panning' && this.panStart) {
      const dx = input.screen.x - this.panStart.screen.x
      const dy = input.screen.y - this.panStart.screen.y
      this.ctx.view.setCamera(panBy(this.panStart.camera, dx, dy))
    } else if (this.current === 'tool') this.active?.move(this.toolPointer(input))
  }

  up(input: PointerInput): void {
    this.pointers.delete(input.pointerId)
    if (this.current === 'pinching') {
      // Lifting one finger of a pinch ends the gesture; the other finger does nothing until lifted.
      if (this.pointers.size === 0) this.reset()
      return
    }
    if (this.current === 'tool') this.active?.up(this.toolPointer(input))
    this.reset()
  }

  /** Pointer lost (window blur, pointercancel): drop any preview without writing anything. */
  cancel(): void {
    this.pointers.clear()
    this.active?.cancel()
    this.ctx.view.set({ drag: null, preview: null, marquee: null, guides: [], draft: null })
    this.reset()
  }

  private toolPointer(input: PointerInput): ToolPointer {
    return {
      screen: input.screen,
      board: screenToBoard(this.ctx.view.getState().camera, input.screen),
      shiftKey: input.shiftKey,
      pointerType: input.pointerType ?? 'mouse',
    }
  }

  private startPan(screen: Point): void {
    this.panStart = { screen, camera: this.ctx.view.getState().camera }
    this.current = 'panning'
  }

  private reset(): void {
    this.current = 'idle'
    this.active = null
    this.panStart = null
    this.pinchStart = null
  }

  private startPinch(): void {
    const [a, b] = [...this.pointers.values()]
    if (!a || !b) return
    this.active?.cancel()
    this.active = null
    this.current = 'pinching'
    this.pinchStart = {
      distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      camera: this.ctx.view.getState().camera,
    }
  }

  private updatePinch(): void {
    const start = this.pinchStart
    const [a, b] = [...this.pointers.values()]
    if (!start || !a || !b) return
    const distance = Math.max(1, Math.hypot(a.x - b.x, a.y - b.y))
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
    const zoomed = zoomAt(start.camera, start.mid, clampZoom((start.camera.zoom * distance) / start.distance))
    this.ctx.view.setCamera(panBy(zoomed, mid.x - start.mid.x, mid.y - start.mid.y))
  }
}
