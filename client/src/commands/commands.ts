import { boundsOf, centerOn, fitCamera, type Point, stepZoom, zoomAt } from '@atelier/shared'
import type { Command, CommandContext } from './types.js'

const writable = (ctx: CommandContext) => !ctx.readOnly
const hasSelection = (ctx: CommandContext) => !ctx.readOnly && ctx.view.getState().selection.length > 0

function viewportCenter(ctx: CommandContext): Point {
  const { viewport } = ctx.view.getState()
  return { x: viewport.width / 2, y: viewport.height / 2 }
}

function boardCenter(ctx: CommandContext): Point {
  const { camera, viewport } = ctx.view.getState()
  return { x: camera.x + viewport.width / 2 / camera.zoom, y: camera.y + viewport.height / 2 / camera.zoom }
}

/** Keeps a run of notes made with N from stacking exactly on top of each other. */
function freeSpot(ctx: CommandContext, at: Point): Point {
  const taken = (p: Point) =>
    [...ctx.board.getItems().values()].some(
      (item) => item.x + item.w / 2 === p.x && item.y + item.h / 2 === p.y,
    )
  let spot = { x: Math.round(at.x), y: Math.round(at.y) }
  for (let i = 0; i < 50 && taken(spot); i++) spot = { x: spot.x + 24, y: spot.y + 24 }
  return spot
}

function zoomBy(ctx: CommandContext, direction: 1 | -1): void {
  const { camera } = ctx.view.getState()
  ctx.view.setCamera(zoomAt(camera, viewportCenter(ctx), stepZoom(camera.zoom, direction)))
}

export const createNote: Command = {
  id: 'createNote',
  labelKey: 'commands.createNote',
  shortcuts: [{ key: 'n' }],
  enabled: writable,
  run(ctx, args) {
    const at = args?.at ?? freeSpot(ctx, boardCenter(ctx))
    const id = ctx.board.createNote(at, {
      color: args?.color ?? ctx.view.getState().noteColor,
      ...(ctx.author ? { author: ctx.author } : {}),
    })
    // A new note opens ready to type: the one thing a first-time participant wants to do next.
    ctx.view.set({ selection: [id], editingId: id, tool: 'select' })
  },
}

export const deleteSelection: Command = {
  id: 'delete',
  labelKey: 'commands.delete',
  shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
  enabled: hasSelection,
  run(ctx) {
    ctx.board.deleteItems(ctx.view.getState().selection)
    ctx.view.set({ selection: [], editingId: null })
  },
}

export const undo: Command = {
  id: 'undo',
  labelKey: 'commands.undo',
  shortcuts: [{ key: 'z', mod: true, shift: false }],
  enabled: (ctx) => !ctx.readOnly && ctx.board.getUndoState().canUndo,
  run(ctx) {
    ctx.view.set({ editingId: null })
    ctx.board.undo()
    ctx.view.pruneSelection((id) => ctx.board.getItem(id) !== undefined)
  },
}

export const redo: Command = {
  id: 'redo',
  labelKey: 'commands.redo',
  shortcuts: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true, shift: false },
  ],
  enabled: (ctx) => !ctx.readOnly && ctx.board.getUndoState().canRedo,
  run(ctx) {
    ctx.view.set({ editingId: null })
    ctx.board.redo()
    ctx.view.pruneSelection((id) => ctx.board.getItem(id) !== undefined)
  },
}

export const zoomIn: Command = {
  id: 'zoomIn',
  labelKey: 'commands.zoomIn',
  shortcuts: [{ key: '+' }, { key: '=' }],
  enabled: () => true,
  run: (ctx) => zoomBy(ctx, 1),
}

export const zoomOut: Command = {
  id: 'zoomOut',
  labelKey: 'commands.zoomOut',
  shortcuts: [{ key: '-' }],
  enabled: () => true,
  run: (ctx) => zoomBy(ctx, -1),
}

export const zoomToFit: Command = {
  id: 'zoomToFit',
  labelKey: 'commands.zoomToFit',
  shortcuts: [{ code: 'Digit1', shift: true }],
  enabled: () => true,
  run(ctx) {
    const { viewport } = ctx.view.getState()
    const bounds = boundsOf(ctx.board.getItems().values())
    ctx.view.setCamera(bounds ? fitCamera(bounds, viewport) : centerOn({ x: 0, y: 0 }, viewport, 1))
  },
}

export const zoomTo100: Command = {
  id: 'zoomTo100',
  labelKey: 'commands.zoomTo100',
  shortcuts: [{ code: 'Digit0', shift: true }],
  enabled: () => true,
  run(ctx) {
    const { camera } = ctx.view.getState()
    ctx.view.setCamera(zoomAt(camera, viewportCenter(ctx), 1))
  },
}

export const setColor: Command = {
  id: 'setColor',
  labelKey: 'commands.setColor',
  enabled: writable,
  run(ctx, args) {
    if (!args?.color) return
    // The chosen colour also becomes the colour of the next note, like picking up another pad.
    ctx.view.set({ noteColor: args.color })
    const { selection } = ctx.view.getState()
    if (selection.length > 0) ctx.board.setColor(selection, args.color)
  },
}

export const selectAll: Command = {
  id: 'selectAll',
  labelKey: 'commands.selectAll',
  shortcuts: [{ key: 'a', mod: true }],
  enabled: (ctx) => ctx.board.getItemIds().length > 0,
  run(ctx) {
    ctx.view.set({ selection: [...ctx.board.getItemIds()], editingId: null })
  },
}

export const deselect: Command = {
  id: 'deselect',
  labelKey: 'commands.deselect',
  shortcuts: [{ key: 'Escape' }],
  enabled: (ctx) => ctx.view.getState().selection.length > 0 || ctx.view.getState().tool !== 'select',
  run(ctx) {
    ctx.view.set({ selection: [], editingId: null, tool: 'select' })
  },
}

export const duplicate: Command = {
  id: 'duplicate',
  labelKey: 'commands.duplicate',
  shortcuts: [{ key: 'd', mod: true }],
  enabled: hasSelection,
  run(ctx) {
    const ids = ctx.board.duplicate(ctx.view.getState().selection, 24, ctx.author)
    ctx.view.set({ selection: ids, editingId: null })
  },
}

export const selectTool: Command = {
  id: 'selectTool',
  labelKey: 'commands.selectTool',
  shortcuts: [{ key: 'v' }],
  enabled: () => true,
  run: (ctx) => ctx.view.set({ tool: 'select' }),
}

export const noteTool: Command = {
  id: 'noteTool',
  labelKey: 'commands.noteTool',
  enabled: writable,
  run: (ctx) => ctx.view.set({ tool: 'note', editingId: null }),
}
