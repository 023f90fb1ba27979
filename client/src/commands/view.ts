import { boundsOf, centerOn, fitCamera, panBy, stepZoom, zoomAt } from '@atelier/shared'
import { movingSet, selectionBounds } from '../store/selection.js'
import { always, hasSelection, viewportCenter } from './helpers.js'
import type { Command, CommandContext } from './types.js'

function zoomBy(ctx: CommandContext, direction: 1 | -1): void {
  const { camera } = ctx.view.getState()
  ctx.view.setCamera(zoomAt(camera, viewportCenter(ctx), stepZoom(camera.zoom, direction)))
}

export const zoomIn: Command = {
  id: 'zoomIn',
  labelKey: 'commands.zoomIn',
  group: 'view',
  shortcuts: [{ key: '+' }, { key: '=' }],
  enabled: always,
  run: (ctx) => zoomBy(ctx, 1),
}

export const zoomOut: Command = {
  id: 'zoomOut',
  labelKey: 'commands.zoomOut',
  group: 'view',
  shortcuts: [{ key: '-' }],
  enabled: always,
  run: (ctx) => zoomBy(ctx, -1),
}

export const zoomToFit: Command = {
  id: 'zoomToFit',
  labelKey: 'commands.zoomToFit',
  group: 'view',
  shortcuts: [{ code: 'Digit1', shift: true }],
  contextMenu: true,
  enabled: always,
  run(ctx) {
    const { viewport } = ctx.view.getState()
    const bounds = boundsOf(ctx.board.getItems().values())
    ctx.view.setCamera(bounds ? fitCamera(bounds, viewport) : centerOn({ x: 0, y: 0 }, viewport, 1))
  },
}

export const zoomToSelection: Command = {
  id: 'zoomToSelection',
  labelKey: 'commands.zoomToSelection',
  group: 'view',
  shortcuts: [{ code: 'Digit2', shift: true }],
  contextMenu: true,
  enabled: hasSelection,
  run(ctx) {
    const bounds = selectionBounds(ctx.board, ctx.view.getState().selection)
    if (bounds) ctx.view.setCamera(fitCamera(bounds, ctx.view.getState().viewport, 96, 2))
  },
}

export const zoomTo100: Command = {
  id: 'zoomTo100',
  labelKey: 'commands.zoomTo100',
  group: 'view',
  shortcuts: [{ code: 'Digit0', shift: true }],
  enabled: always,
  run(ctx) {
    const { camera } = ctx.view.getState()
    ctx.view.setCamera(zoomAt(camera, viewportCenter(ctx), 1))
  },
}

export const toggleMinimap: Command = {
  id: 'toggleMinimap',
  labelKey: 'commands.toggleMinimap',
  group: 'view',
  shortcuts: [{ key: 'm', shift: true }],
  enabled: always,
  run: (ctx) => ctx.view.set({ minimap: !ctx.view.getState().minimap }),
}

/** Screen pixels one arrow press pans by. */
const PAN_STEP = 80

/**
 * Arrow keys: nudge the selection (1 unit, 10 with Shift) when there is one this person may
 * move, pan the board otherwise, so a keyboard-only participant can both look around and place.
 */
function arrowCommand(id: string, key: string, dx: number, dy: number): Command {
  return {
    id,
    labelKey: `commands.${id}`,
    group: 'view',
    shortcuts: [{ key }],
    enabled: always,
    run(ctx, args) {
      const moving = movingSet(ctx.board, ctx, ctx.view.getState().selection)
      if (moving.size > 0) {
        const step = args?.big ? 10 : 1
        ctx.board.moveItems(moving, dx * step, dy * step)
        return
      }
      const factor = args?.big ? 4 : 1
      ctx.view.setCamera(panBy(ctx.view.getState().camera, -dx * PAN_STEP * factor, -dy * PAN_STEP * factor))
    },
  }
}

export const arrowLeft = arrowCommand('arrowLeft', 'ArrowLeft', -1, 0)
export const arrowRight = arrowCommand('arrowRight', 'ArrowRight', 1, 0)
export const arrowUp = arrowCommand('arrowUp', 'ArrowUp', 0, -1)
export const arrowDown = arrowCommand('arrowDown', 'ArrowDown', 0, 1)

export const viewCommands = [
  zoomIn,
  zoomOut,
  zoomToFit,
  zoomToSelection,
  zoomTo100,
  toggleMinimap,
  arrowLeft,
  arrowRight,
  arrowUp,
  arrowDown,
]
