import type { ItemSnapshot, Point } from '@atelier/shared'
import { canModify } from '../store/selection.js'
import type { CommandContext } from './types.js'

export const writable = (ctx: CommandContext): boolean => !ctx.readOnly
export const always = (): boolean => true

/** Selected items this person may change (locked ones only for facilitators). */
export function modifiable(ctx: CommandContext): ItemSnapshot[] {
  return ctx.board.pick(ctx.view.getState().selection).filter((item) => canModify(ctx, item))
}

export const hasModifiable = (ctx: CommandContext): boolean => modifiable(ctx).length > 0
export const hasSelection = (ctx: CommandContext): boolean => ctx.view.getState().selection.length > 0

export function viewportCenter(ctx: CommandContext): Point {
  const { viewport } = ctx.view.getState()
  return { x: viewport.width / 2, y: viewport.height / 2 }
}

export function boardCenter(ctx: Pick<CommandContext, 'view'>): Point {
  const { camera, viewport } = ctx.view.getState()
  return { x: camera.x + viewport.width / 2 / camera.zoom, y: camera.y + viewport.height / 2 / camera.zoom }
}

/** Keeps a run of notes made with N from stacking exactly on top of each other. */
export function freeSpot(ctx: CommandContext, at: Point): Point {
  const taken = (p: Point) =>
    [...ctx.board.getItems().values()].some(
      (item) => item.x + item.w / 2 === p.x && item.y + item.h / 2 === p.y,
    )
  let spot = { x: Math.round(at.x), y: Math.round(at.y) }
  for (let i = 0; i < 50 && taken(spot); i++) spot = { x: spot.x + 24, y: spot.y + 24 }
  return spot
}

export const authorOf = (ctx: CommandContext): { author?: string } =>
  ctx.author ? { author: ctx.author } : {}
