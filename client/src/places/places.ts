import {
  centerOf,
  DEFAULT_NOTE_SIZE,
  type FrameZone,
  type ItemInit,
  type ItemSnapshot,
  readZones,
  rectContainsPoint,
  ZONE_LIMITS,
  zonePoint,
} from '@atelier/shared'
import { selectedFrame } from '../commands/helpers.js'
import type { Command } from '../commands/types.js'
import type { BoardStore } from '../store/BoardStore.js'

/**
 * A frame's places ("zones"): named points where a phone puts the ideas of whoever chooses one,
 * and by which the report counts a frame's notes (the marks of a scale, the stages of a journey).
 * Templates bring them; here a facilitator names, moves and removes them on any frame.
 */

/** One row of the editor: a place's name and where it is, in percent of the frame, as typed. */
export interface PlaceDraft {
  title: string
  x: number
  y: number
}

/** What stops the places from being saved, by row (counted from 0) where a row is at fault. */
export type PlacesProblem =
  | { row: number; problem: 'blank' | 'long' | 'outside' }
  | { row: null; problem: 'tooMany' }

const percent = (fraction: number) => Math.round(fraction * 1000) / 10

/** The frame's places as rows to edit. */
export function draftsOf(frame: ItemSnapshot): PlaceDraft[] {
  return (frame.zones ?? []).map((zone) => ({ title: zone.title, x: percent(zone.x), y: percent(zone.y) }))
}

const inFrame = (value: number) => Number.isFinite(value) && value >= 0 && value <= 100

/** The rows as the zones the board holds, or the first thing wrong with them. */
export function zonesOfDrafts(drafts: readonly PlaceDraft[]): { zones: FrameZone[] } | PlacesProblem {
  if (drafts.length > ZONE_LIMITS.zones) return { row: null, problem: 'tooMany' }
  const zones: FrameZone[] = []
  for (const [row, draft] of drafts.entries()) {
    const title = draft.title.trim()
    if (!title) return { row, problem: 'blank' }
    if (title.length > ZONE_LIMITS.title) return { row, problem: 'long' }
    if (!inFrame(draft.x) || !inFrame(draft.y)) return { row, problem: 'outside' }
    zones.push({ title, x: draft.x / 100, y: draft.y / 100 })
  }
  // The relay reads a frame's zones with the same function: what it would refuse is not written.
  if (!readZones(zones)) throw new Error('places that passed the checks do not read as zones')
  return { zones }
}

/** A place's name on the board: a locked label, as the built-in templates name a scale's marks. */
export const PLACE_LABEL = { w: 230, h: 60 } as const
/** Between a place's point and its label: half a note centred on the point, and a margin. */
const LABEL_GAP = DEFAULT_NOTE_SIZE / 2 + 10

/**
 * The labels that name on the board the places it does not name yet: a place is named when a
 * locked text or shape of the frame says its name (a template's own label, or one written here
 * before). Each goes under its point, clear of a note put there; above it when the frame ends
 * first; inside the frame either way.
 */
export function missingPlaceLabels(
  frame: ItemSnapshot,
  zones: readonly FrameZone[],
  items: Iterable<ItemSnapshot>,
): ItemInit[] {
  const named = new Set<string>()
  for (const item of items) {
    if (!item.locked || (item.type !== 'text' && item.type !== 'shape')) continue
    if (item.text?.trim() && rectContainsPoint(frame, centerOf(item))) named.add(item.text.trim())
  }
  const clamp = (value: number, low: number, high: number) =>
    Math.min(Math.max(value, low), Math.max(low, high))
  return zones
    .filter((zone) => !named.has(zone.title))
    .map((zone) => {
      const point = zonePoint(frame, zone)
      const below = point.y + LABEL_GAP
      const top = below + PLACE_LABEL.h <= frame.y + frame.h ? below : point.y - LABEL_GAP - PLACE_LABEL.h
      return {
        type: 'shape',
        shape: 'rectangle',
        x: Math.round(clamp(point.x - PLACE_LABEL.w / 2, frame.x, frame.x + frame.w - PLACE_LABEL.w)),
        y: Math.round(clamp(top, frame.y, frame.y + frame.h - PLACE_LABEL.h)),
        w: PLACE_LABEL.w,
        h: PLACE_LABEL.h,
        text: zone.title,
        locked: true,
      }
    })
}

/**
 * Writes the frame's places, and with `labels` the names the board does not show yet (see
 * `missingPlaceLabels`), as one undo step; no place left removes the key.
 */
export function savePlaces(
  board: BoardStore,
  frame: ItemSnapshot,
  zones: readonly FrameZone[],
  { labels = false }: { labels?: boolean } = {},
): void {
  board.transact(() => {
    if (zones.length === 0) board.unset([frame.id], 'zones')
    else board.update(new Map([[frame.id, { zones: [...zones] }]]))
    if (labels) board.create(missingPlaceLabels(frame, zones, board.getItems().values()))
  })
}

/**
 * Where a new place goes: the middle of the frame, or, when a place is there already, the first
 * free point along its middle line, so that two rows never start on one dot.
 */
export function newPlace(drafts: readonly PlaceDraft[]): PlaceDraft {
  const taken = (x: number) => drafts.some((draft) => Math.abs(draft.x - x) < 5 && Math.abs(draft.y - 50) < 5)
  const x = [50, 25, 75, 10, 90, 40, 60].find((candidate) => !taken(candidate)) ?? 50
  return { title: '', x, y: 50 }
}

export const editPlaces: Command = {
  id: 'editPlaces',
  labelKey: 'commands.editPlaces',
  group: 'arrange',
  contextMenu: true,
  hideWhenDisabled: true,
  enabled: (ctx) => ctx.facilitator === true && !ctx.readOnly && selectedFrame(ctx) !== null,
  run: (ctx) => ctx.view.set({ panel: 'places', menu: null }),
}
