import {
  type AgendaStep,
  centerOf,
  type ItemSnapshot,
  type Rect,
  readingOrder,
  rectContainsPoint,
} from '@atelier/shared'
import { stepFramesOn } from '../facilitation/stepFrames.js'

/** What the phone view asks of the step in progress: its question and where its ideas go. */
export interface RoomStep {
  index: number
  count: number
  step: AgendaStep | null
  /** The frames the step works in that are on the board, its main one first. */
  frames: ItemSnapshot[]
}

export function roomStep(
  agenda: readonly AgendaStep[],
  stepId: string | null,
  items: ReadonlyMap<string, ItemSnapshot>,
): RoomStep {
  const index = agenda.findIndex((step) => step.id === stepId)
  const step = index >= 0 ? (agenda[index] ?? null) : null
  return { index, count: agenda.length, step, frames: stepFramesOn(step, items) }
}

/**
 * The notes whose centre lies in one of the frames, frame by frame, each in reading order (a
 * note in two frames counts in the first); with no frame, every note of the board.
 */
export function notesOf(items: Iterable<ItemSnapshot>, frames: readonly Rect[]): ItemSnapshot[] {
  const notes = [...items].filter((item) => item.type === 'note')
  if (frames.length === 0) return readingOrder(notes)
  const placed = new Set<ItemSnapshot>()
  return frames.flatMap((frame) => {
    const inside = notes.filter((note) => !placed.has(note) && rectContainsPoint(frame, centerOf(note)))
    for (const note of inside) placed.add(note)
    return readingOrder(inside)
  })
}
