import {
  type AgendaStep,
  centerOf,
  DEFAULT_NOTE_SIZE,
  type ItemSnapshot,
  type Point,
  type Rect,
  readingOrder,
  rectContainsPoint,
  rectsIntersect,
  stepFrameIds,
} from '@atelier/shared'

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
  const frames = (step ? stepFrameIds(step) : []).flatMap((id) => {
    const frame = items.get(id)
    return frame?.type === 'frame' ? [frame] : []
  })
  return { index, count: agenda.length, step, frames }
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

/** Room left at the top of a frame for its title, so a new note never covers the question. */
const TITLE_BAND = 56
const GAP = 24

/**
 * Where a new idea written in the phone view goes: the first free cell of a grid inside the
 * step's frame, below its title; when every cell is taken, a cascade inside the frame (the
 * reveal's layout tidies it).
 * Returns the note's centre, as the note-creating code expects.
 */
export function spotInFrame(frame: Rect, taken: readonly Rect[], size = DEFAULT_NOTE_SIZE): Point {
  const columns = Math.max(1, Math.floor((frame.w - GAP) / (size + GAP)))
  const rows = Math.max(1, Math.floor((frame.h - TITLE_BAND) / (size + GAP)))
  for (let cell = 0; cell < columns * rows; cell++) {
    const column = cell % columns
    const row = Math.floor(cell / columns)
    const box = {
      x: frame.x + GAP + column * (size + GAP),
      y: frame.y + TITLE_BAND + row * (size + GAP),
      w: size,
      h: size,
    }
    if (!taken.some((rect) => rectsIntersect(rect, box))) return { x: box.x + size / 2, y: box.y + size / 2 }
  }
  // Full: cascade from the first cell, so the idea still belongs to the step's frame.
  const first = { x: frame.x + GAP + size / 2, y: frame.y + TITLE_BAND + size / 2 }
  const room = Math.max(0, Math.min(frame.w - size - 2 * GAP, frame.h - size - TITLE_BAND - GAP))
  const steps = Math.max(1, Math.floor(room / GAP) + 1)
  const sameCentre = (spot: Point) => (rect: Rect) =>
    rect.x + rect.w / 2 === spot.x && rect.y + rect.h / 2 === spot.y
  for (let i = 0; i < steps; i++) {
    const spot = { x: first.x + i * GAP, y: first.y + i * GAP }
    if (!taken.some(sameCentre(spot))) return spot
  }
  return first
}
