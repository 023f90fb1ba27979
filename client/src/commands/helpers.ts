import {
  DEFAULT_NOTE_SIZE,
  type ItemSnapshot,
  nearestFreeSpot,
  type Point,
  visibleRect,
} from '@atelier/shared'
import { chromeInsets } from '../store/chrome.js'
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

/** The one frame selected, which a frame's panels (themes, places) work on; null otherwise. */
export function selectedFrame(ctx: CommandContext): ItemSnapshot | null {
  const selected = ctx.board.pick(ctx.view.getState().selection)
  const frame = selected.length === 1 ? selected[0] : undefined
  return frame?.type === 'frame' ? frame : null
}

export function viewportCenter(ctx: CommandContext): Point {
  const { viewport } = ctx.view.getState()
  return { x: viewport.width / 2, y: viewport.height / 2 }
}

export function boardCenter(ctx: Pick<CommandContext, 'view'>): Point {
  const { camera, viewport } = ctx.view.getState()
  return { x: camera.x + viewport.width / 2 / camera.zoom, y: camera.y + viewport.height / 2 / camera.zoom }
}

/**
 * Where a note made without a place (N, a phone's "add") goes: the free spot nearest `at`, in
 * the part of the view no bar covers when there is room there, so it covers nothing already on the board. On a board full all
 * round, a cascade from `at` still keeps a run of notes from stacking exactly on each other.
 */
export function freeSpot(
  ctx: CommandContext,
  at: Point,
  size = { w: DEFAULT_NOTE_SIZE, h: DEFAULT_NOTE_SIZE },
): Point {
  const { camera, viewport } = ctx.view.getState()
  const centre = { x: Math.round(at.x), y: Math.round(at.y) }
  // Connectors run between items over empty board: a note may sit across one.
  const taken = [...ctx.board.getItems().values()].filter((item) => item.type !== 'connector')
  // In view means where the person sees it: not under the bars, nor under a facilitator's panel.
  const clear = chromeInsets(viewport, { panel: ctx.facilitator === true, instruction: false })
  const free =
    nearestFreeSpot(centre, size, taken, { within: visibleRect(camera, viewport, clear) }) ??
    nearestFreeSpot(centre, size, taken)
  if (free) return free
  const stacked = (p: Point) =>
    taken.some((item) => item.x + item.w / 2 === p.x && item.y + item.h / 2 === p.y)
  let spot = centre
  for (let i = 0; i < 50 && stacked(spot); i++) spot = { x: spot.x + 24, y: spot.y + 24 }
  return spot
}

export const authorOf = (ctx: CommandContext): { author?: string } =>
  ctx.author ? { author: ctx.author } : {}
