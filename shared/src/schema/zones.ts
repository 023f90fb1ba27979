import type { Point, Rect } from '../geometry/rect.js'
import { DEFAULT_NOTE_SIZE } from './colors.js'
import type { FrameZone } from './types.js'

/** Bounds of a frame's zones: a few named places, each title a short label. */
export const ZONE_LIMITS = { zones: 12, title: 80 } as const

const fraction = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1

/**
 * A frame's `zones` as the board holds them, or null when the value is not a list of zones (the
 * relay refuses such a write; a reader then shows the frame without zones). A zone is a named
 * point of the frame, as fractions of its width and height, so it follows the frame when a
 * facilitator moves or resizes it.
 */
export function readZones(value: unknown): FrameZone[] | null {
  if (!Array.isArray(value) || value.length > ZONE_LIMITS.zones) return null
  const zones: FrameZone[] = []
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) return null
    const { title, x, y } = entry as Record<string, unknown>
    if (typeof title !== 'string' || !title.trim() || title.length > ZONE_LIMITS.title) return null
    if (!fraction(x) || !fraction(y)) return null
    zones.push({ title, x, y })
  }
  return zones
}

/** Where a zone is on the board. */
export function zonePoint(frame: Rect, zone: FrameZone): Point {
  return { x: frame.x + zone.x * frame.w, y: frame.y + zone.y * frame.h }
}

/**
 * The zone of `frame` nearest to `point`, within `reach`: the stage or mark a note there stands
 * for. A note further from every zone (tidied into a corner of the map) stands for none.
 */
export function zoneNear(
  frame: Rect & { zones?: readonly FrameZone[] },
  point: Point,
  reach = DEFAULT_NOTE_SIZE,
): FrameZone | null {
  let nearest: FrameZone | null = null
  let best = reach
  for (const zone of frame.zones ?? []) {
    const at = zonePoint(frame, zone)
    const distance = Math.hypot(at.x - point.x, at.y - point.y)
    if (distance <= best) {
      best = distance
      nearest = zone
    }
  }
  return nearest
}
