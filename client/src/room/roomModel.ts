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
  /**
   * The heading: one frame's title (its question), else the step's name; null with no step. A
   * template's own numbering (« 3. Familles d'idées ») is left out: the step's « Étape 4/5 » above
   * it is the number that counts, and two numbers that differ lose a newcomer.
   */
  question: string | null
}

/** « 3. Familles », « 3 - Familles », « 3) Familles » → « Familles »; not a year (« 2050 : … »). */
const LEADING_NUMBER = /^\d{1,2}\s*[.)\-–—]\s+/

export function roomStep(
  agenda: readonly AgendaStep[],
  stepId: string | null,
  items: ReadonlyMap<string, ItemSnapshot>,
): RoomStep {
  const index = agenda.findIndex((step) => step.id === stepId)
  const step = index >= 0 ? (agenda[index] ?? null) : null
  const frames = stepFramesOn(step, items)
  const title = frames.length === 1 ? (frames[0]?.text?.trim().replace(LEADING_NUMBER, '') ?? '') : ''
  return { index, count: agenda.length, step, frames, question: title || step?.title || null }
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
