import {
  type Alignment,
  alignRects,
  distributeRects,
  type ItemPatch,
  type ReorderKind,
  reorder,
} from '@atelier/shared'
import { canModify, withGroups } from '../store/selection.js'
import { modifiable } from './helpers.js'
import type { Command, CommandContext } from './types.js'

function reorderCommand(id: string, kind: ReorderKind, key: string, shift: boolean): Command {
  return {
    id,
    labelKey: `commands.${id}`,
    group: 'arrange',
    shortcuts: [{ key, mod: true, shift }],
    contextMenu: true,
    enabled: (ctx) => modifiable(ctx).length > 0,
    run(ctx) {
      const ids = new Set(
        withGroups(
          ctx.board,
          modifiable(ctx).map((item) => item.id),
        ),
      )
      const ordered = ctx.board.pick(ctx.board.getItemIds())
      const keys = reorder(ordered, ids, kind)
      ctx.board.update(new Map([...keys].map(([itemId, z]) => [itemId, { z }])))
    },
  }
}

export const bringToFront = reorderCommand('bringToFront', 'front', ']', true)
export const bringForward = reorderCommand('bringForward', 'forward', ']', false)
export const sendBackward = reorderCommand('sendBackward', 'backward', '[', false)
export const sendToBack = reorderCommand('sendToBack', 'back', '[', true)

/** Movable boxes of the selection (connectors follow their ends, they are not aligned). */
function boxes(ctx: CommandContext) {
  return modifiable(ctx).filter((item) => item.type !== 'connector' && canModify(ctx, item))
}

function applyPositions(ctx: CommandContext, moved: Map<string, { x: number; y: number }>): void {
  ctx.board.update(new Map<string, ItemPatch>(moved))
}

function alignCommand(id: string, how: Alignment, key?: string): Command {
  return {
    id,
    labelKey: `commands.${id}`,
    group: 'arrange',
    ...(key ? { shortcuts: [{ key, mod: true, shift: true }] } : {}),
    enabled: (ctx) => boxes(ctx).length > 1,
    run: (ctx) => applyPositions(ctx, alignRects(boxes(ctx), how)),
  }
}

export const alignLeft = alignCommand('alignLeft', 'left', 'ArrowLeft')
export const alignCenterX = alignCommand('alignCenterX', 'centerX')
export const alignRight = alignCommand('alignRight', 'right', 'ArrowRight')
export const alignTop = alignCommand('alignTop', 'top', 'ArrowUp')
export const alignCenterY = alignCommand('alignCenterY', 'centerY')
export const alignBottom = alignCommand('alignBottom', 'bottom', 'ArrowDown')

function distributeCommand(id: string, axis: 'x' | 'y'): Command {
  return {
    id,
    labelKey: `commands.${id}`,
    group: 'arrange',
    enabled: (ctx) => boxes(ctx).length > 2,
    run: (ctx) => applyPositions(ctx, distributeRects(boxes(ctx), axis)),
  }
}

export const distributeHorizontally = distributeCommand('distributeHorizontally', 'x')
export const distributeVertically = distributeCommand('distributeVertically', 'y')

export const arrangeCommands = [
  bringToFront,
  bringForward,
  sendBackward,
  sendToBack,
  alignLeft,
  alignCenterX,
  alignRight,
  alignTop,
  alignCenterY,
  alignBottom,
  distributeHorizontally,
  distributeVertically,
]
