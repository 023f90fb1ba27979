import {
  angleAround,
  type Handle,
  type ItemPatch,
  mapRect,
  type Point,
  type Rect,
  rectFromCorners,
  rectSelects,
  rectsIntersect,
  resizeBounds,
  snapRect,
  visibleRect,
} from '@atelier/shared'
import { itemUtil } from '../items/registry.js'
import { canModify, itemBounds, movingSet, selectionBounds, withGroups } from '../store/selection.js'
import { hitHandle } from './handles.js'
import { hitTest } from './hitTest.js'
import { DRAG_THRESHOLD, type Tool, type ToolEnv, type ToolPointer } from './types.js'

export type SelectState = 'idle' | 'pointing' | 'dragging' | 'brushing' | 'resizing' | 'rotating'

/** Snap distance in screen pixels: constant on screen whatever the zoom. */
const SNAP_PX = 6
const MIN_SIZE = 20

interface Press {
  start: ToolPointer
  pressedId: string | null
  ids: Set<string>
  /** Selection when a shift-marquee started: the marquee adds to it. */
  baseSelection: readonly string[]
  bounds: Rect | null
  handle: Handle | 'rotate' | null
  targets: Rect[]
}

/**
 *   idle ─down on item─▶ pointing ─move > threshold─▶ dragging ─up─▶ idle (one move transaction)
 *   idle ─down on empty─▶ brushing (marquee) ─up─▶ idle
 *   idle ─down on handle─▶ resizing | rotating ─up─▶ idle (one transaction)
 */
export class SelectTool implements Tool {
  private current: SelectState = 'idle'
  private press: Press | null = null

  constructor(private readonly env: ToolEnv) {}

  get state(): SelectState {
    return this.current
  }

  down(p: ToolPointer): 'pan' | undefined {
    const { ctx } = this.env
    const { view, board } = ctx
    const state = view.getState()
    const handle = this.handleAt(p)
    if (handle) {
      const bounds = selectionBounds(board, state.selection)
      this.press = {
        start: p,
        pressedId: null,
        ids: new Set(state.selection),
        baseSelection: state.selection,
        bounds,
        handle,
        targets: [],
      }
      this.current = handle === 'rotate' ? 'rotating' : 'resizing'
      return undefined
    }
    const hit = hitTest(board, p.board, state.camera.zoom)
    if (state.editingId && state.editingId !== hit) view.set({ editingId: null })
    if (!hit) {
      if (p.pointerType === 'touch') {
        if (!p.shiftKey) view.select([])
        return 'pan'
      }
      const base = p.shiftKey ? state.selection : []
      if (!p.shiftKey) view.select([])
      this.press = {
        start: p,
        pressedId: null,
        ids: new Set(),
        baseSelection: base,
        bounds: null,
        handle: null,
        targets: [],
      }
      this.current = 'brushing'
      return undefined
    }
    // A click on a grouped item takes its whole group.
    const unit = withGroups(board, [hit])
    let selection = state.selection
    if (p.shiftKey) {
      selection = selection.includes(hit)
        ? selection.filter((id) => !unit.includes(id))
        : [...selection, ...unit.filter((id) => !selection.includes(id))]
    } else if (!selection.includes(hit)) {
      selection = unit
    }
    view.select(selection)
    this.press = {
      start: p,
      pressedId: hit,
      ids: selection.includes(hit) ? movingSet(board, ctx, selection) : new Set(),
      baseSelection: selection,
      bounds: null,
      handle: null,
      targets: [],
    }
    this.current = 'pointing'
    return undefined
  }

  move(p: ToolPointer): void {
    const press = this.press
    if (!press) return
    const { view, board } = this.env.ctx
    const zoom = view.getState().camera.zoom
    const dxScreen = p.screen.x - press.start.screen.x
    const dyScreen = p.screen.y - press.start.screen.y
    if (this.current === 'brushing') {
      const marquee = rectFromCorners(press.start.board, p.board)
      view.set({ marquee, selection: this.brushed(marquee, press.baseSelection) })
      return
    }
    if (this.current === 'resizing' || this.current === 'rotating') {
      view.set({ preview: this.transformPreview(press, p) })
      return
    }
    if (this.current === 'pointing') {
      if (Math.hypot(dxScreen, dyScreen) < DRAG_THRESHOLD || press.ids.size === 0) return
      this.current = 'dragging'
      press.bounds = selectionBounds(board, [...press.ids])
      press.targets = this.snapTargets(press.ids)
    }
    if (this.current !== 'dragging' || !press.bounds) return
    let dx = dxScreen / zoom
    let dy = dyScreen / zoom
    const moved = { ...press.bounds, x: press.bounds.x + dx, y: press.bounds.y + dy }
    const snap = snapRect(moved, press.targets, SNAP_PX / zoom)
    dx += snap.dx
    dy += snap.dy
    view.set({ drag: { ids: press.ids, dx, dy }, guides: snap.guides, editingId: null })
  }

  up(_p: ToolPointer): void {
    const { view, board } = this.env.ctx
    const press = this.press
    if (this.current === 'dragging') {
      const drag = view.getState().drag
      view.set({ drag: null, guides: [] })
      if (drag) board.moveItems(drag.ids, drag.dx, drag.dy)
    } else if (this.current === 'pointing' && press?.pressedId && !press.start.shiftKey) {
      // A plain click on one item of a multi-selection narrows the selection to it (and its group).
      view.select(withGroups(board, [press.pressedId]))
    } else if (this.current === 'brushing') {
      view.set({ marquee: null })
    } else if (this.current === 'resizing' || this.current === 'rotating') {
      const preview = view.getState().preview
      view.set({ preview: null })
      if (preview) board.update(preview)
    }
    this.reset()
  }

  cancel(): void {
    this.env.ctx.view.set({ drag: null, preview: null, marquee: null, guides: [] })
    this.reset()
  }

  private reset(): void {
    this.current = 'idle'
    this.press = null
  }

  private handleAt(p: ToolPointer): Handle | 'rotate' | null {
    const { ctx } = this.env
    const { selection, camera } = ctx.view.getState()
    const items = ctx.board.pick(selection).filter((item) => itemUtil(item.type).resize !== null)
    if (items.length === 0 || !items.every((item) => canModify(ctx, item))) return null
    const bounds = selectionBounds(ctx.board, selection)
    return bounds ? hitHandle(bounds, camera, p.screen, true) : null
  }

  /** Items the marquee selects, each as its type says (a frame only when wholly inside, so a marquee in a frame picks its notes). */
  private brushed(marquee: Rect, base: readonly string[]): string[] {
    const { board } = this.env.ctx
    const picked = new Set(base)
    for (const id of board.getItemIds()) {
      const item = board.getItem(id)
      const mode = item && itemUtil(item.type).marquee
      if (item && mode && rectSelects(marquee, item, mode)) picked.add(id)
    }
    return withGroups(board, [...picked])
  }

  /** What a drag may snap to: the boxes on screen that are not moving. */
  private snapTargets(moving: ReadonlySet<string>): Rect[] {
    const { board, view } = this.env.ctx
    const { camera, viewport } = view.getState()
    const visible = visibleRect(camera, viewport)
    const targets: Rect[] = []
    for (const item of board.getItems().values()) {
      if (moving.has(item.id) || !itemUtil(item.type).snapTarget) continue
      const bounds = itemBounds(item)
      if (rectsIntersect(bounds, visible)) targets.push(bounds)
      if (targets.length > 400) break
    }
    return targets
  }

  private transformPreview(press: Press, p: ToolPointer): Map<string, ItemPatch> {
    const { board } = this.env.ctx
    const preview = new Map<string, ItemPatch>()
    const bounds = press.bounds
    if (!bounds) return preview
    const items = board.pick(press.ids).filter((item) => itemUtil(item.type).resize !== null)
    if (this.current === 'rotating') {
      const center = { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }
      const delta = angleAround(center, p.board, p.shiftKey) - angleAround(center, press.start.board, false)
      for (const item of items) {
        const rotation = Math.round((((item.rotation ?? 0) + delta) % 360) * 10) / 10
        preview.set(item.id, { rotation: rotation < 0 ? rotation + 360 : rotation })
      }
      return preview
    }
    const keepRatio = p.shiftKey || items.some((item) => itemUtil(item.type).resize?.keepRatio)
    const next = resizeBounds(bounds, press.handle as Handle, p.board as Point, MIN_SIZE, keepRatio)
    for (const item of items) {
      const r = mapRect(item, bounds, next)
      preview.set(item.id, {
        x: Math.round(r.x),
        y: Math.round(r.y),
        w: Math.max(MIN_SIZE, Math.round(r.w)),
        h: Math.max(MIN_SIZE, Math.round(r.h)),
        ...itemUtil(item.type).resize?.scale?.(item, item, r),
      })
    }
    return preview
  }
}
