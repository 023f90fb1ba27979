import { type Camera, clampZoom, type Point, panBy, screenToBoard, zoomAt } from '@atelier/shared'
import type { CommandRegistry } from '../commands/registry.js'
import type { CommandContext } from '../commands/types.js'
import { hitTest } from './hitTest.js'

export interface PointerInput {
  pointerId: number
  /** Position relative to the canvas element, in screen pixels. */
  screen: Point
  button: number
  shiftKey: boolean
}

export type PointerState = 'idle' | 'pointing' | 'dragging' | 'panning' | 'pinching'

/** Screen pixels a press may wander before it counts as a drag rather than a click. */
export const DRAG_THRESHOLD = 4

interface Gesture {
  startScreen: Point
  startCamera: Camera
  ids: ReadonlySet<string>
  pressedId: string | null
  shiftKey: boolean
}

/**
 * Pointer handling as a small state machine (tldraw's tools, reduced): it only reads the stores
 * and calls commands / store methods, so tests drive it with plain objects and no DOM.
 *
 *   idle ─down on note─▶ pointing ─move > threshold─▶ dragging ─up─▶ idle (one move transaction)
 *   idle ─down on empty / middle button / space─▶ panning ─up─▶ idle
 *   any  ─second touch─▶ pinching ─up─▶ idle
 */
export class PointerController {
  private current: PointerState = 'idle'
  private gesture: Gesture | null = null
  private pointers = new Map<number, Point>()
  private pinchStart: { distance: number; mid: Point; camera: Camera } | null = null
  spaceHeld = false

  constructor(
    private readonly ctx: CommandContext,
    private readonly registry: CommandRegistry,
  ) {}

  get state(): PointerState {
    return this.current
  }

  down(input: PointerInput): void {
    const { view, board } = this.ctx
    this.pointers.set(input.pointerId, input.screen)
    if (this.pointers.size === 2) {
      this.startPinch()
      return
    }
    if (this.pointers.size > 2) return
    const state = view.getState()
    const boardPoint = screenToBoard(state.camera, input.screen)
    const base = { startScreen: input.screen, startCamera: state.camera, shiftKey: input.shiftKey }

    if (input.button === 1 || this.spaceHeld) {
      this.gesture = { ...base, ids: new Set(), pressedId: null }
      this.current = 'panning'
      return
    }
    if (input.button !== 0) return

    if (state.tool === 'note') {
      this.registry.run('createNote', this.ctx, { at: boardPoint })
      return
    }

    const hit = hitTest(board, boardPoint)
    if (state.editingId && state.editingId !== hit) view.set({ editingId: null })
    if (!hit) {
      if (!input.shiftKey) view.select([])
      this.gesture = { ...base, ids: new Set(), pressedId: null }
      this.current = 'panning'
      return
    }
    let selection = view.getState().selection
    if (input.shiftKey) {
      selection = selection.includes(hit) ? selection.filter((id) => id !== hit) : [...selection, hit]
    } else if (!selection.includes(hit)) {
      selection = [hit]
    }
    view.select(selection)
    if (this.ctx.readOnly) return
    this.gesture = { ...base, ids: new Set(selection.includes(hit) ? selection : []), pressedId: hit }
    this.current = 'pointing'
  }

  move(input: PointerInput): void {
    if (!this.pointers.has(input.pointerId)) return
    this.pointers.set(input.pointerId, input.screen)
    if (this.current === 'pinching') {
      this.updatePinch()
      return
    }
    const gesture = this.gesture
    if (!gesture || this.current === 'idle') return
    const dx = input.screen.x - gesture.startScreen.x
    const dy = input.screen.y - gesture.startScreen.y
    if (this.current === 'panning') {
      this.ctx.view.setCamera(panBy(gesture.startCamera, dx, dy))
      return
    }
    if (this.current === 'pointing' && Math.hypot(dx, dy) < DRAG_THRESHOLD) return
    if (this.current === 'pointing' && gesture.ids.size === 0) return
    this.current = 'dragging'
    const zoom = gesture.startCamera.zoom
    this.ctx.view.set({ drag: { ids: gesture.ids, dx: dx / zoom, dy: dy / zoom }, editingId: null })
  }

  up(input: PointerInput): void {
    this.pointers.delete(input.pointerId)
    if (this.current === 'pinching') {
      // Lifting one finger of a pinch ends the gesture; the other finger does nothing until lifted.
      if (this.pointers.size === 0) this.reset()
      return
    }
    const gesture = this.gesture
    if (this.current === 'dragging') {
      const drag = this.ctx.view.getState().drag
      this.ctx.view.set({ drag: null })
      if (drag) this.ctx.board.moveItems(drag.ids, drag.dx, drag.dy)
    } else if (this.current === 'pointing' && gesture?.pressedId && !gesture.shiftKey) {
      // A plain click on one note of a multi-selection narrows the selection to that note.
      this.ctx.view.select([gesture.pressedId])
    }
    this.reset()
  }

  /** Pointer lost (window blur, pointercancel): drop any preview without writing anything. */
  cancel(): void {
    this.pointers.clear()
    this.ctx.view.set({ drag: null })
    this.reset()
  }

  private reset(): void {
    this.current = 'idle'
    this.gesture = null
    this.pinchStart = null
  }

  private startPinch(): void {
    const [a, b] = [...this.pointers.values()]
    if (!a || !b) return
    this.ctx.view.set({ drag: null })
    this.gesture = null
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
