import {
  type AgendaStep,
  centerOf,
  DEFAULT_NOTE_SIZE,
  type FrameZone,
  type ItemSnapshot,
  type Point,
  type Rect,
  readingOrder,
  rectContainsPoint,
  rectsIntersect,
  stepFrameIds,
  zonePoint,
} from '@atelier/shared'

/** The frames a step works in that are on the board, its main one first. */
export function stepFramesOn(
  step: AgendaStep | null,
  items: ReadonlyMap<string, ItemSnapshot>,
): ItemSnapshot[] {
  return (step ? stepFrameIds(step) : []).flatMap((id) => {
    const frame = items.get(id)
    return frame?.type === 'frame' ? [frame] : []
  })
}

/** Texts whose tops are this close are side by side: a scale's two poles, read left to right. */
const SAME_LINE = 8

/**
 * What a frame asks, as its template wrote it: its topmost locked text (« Ce qui nous freine, ce
 * que nous faisons moins bien. »), or the texts side by side at the top (a scale's two poles), for
 * a phone that does not show the board.
 */
export function framePrompt(frame: Rect, items: Iterable<ItemSnapshot>): string | null {
  const texts = [...items].filter(
    (item) =>
      item.type === 'text' && item.locked && item.text?.trim() && rectContainsPoint(frame, centerOf(item)),
  )
  const top = Math.min(...texts.map((item) => item.y))
  const first = texts.filter((item) => item.y - top <= SAME_LINE).sort((a, b) => a.x - b.x)
  return first.length > 0 ? first.map((item) => item.text?.trim()).join('\n') : null
}

/**
 * What each note colour stands for in these frames, as their template shows it: the text of the
 * first note of that colour nobody wrote (a legend's « Élus — dimension stratégique », an
 * example's « Je maîtrise déjà… »), in reading order. A phone, which does not show the board,
 * names its colour choices with it.
 */
export function colourMeanings(frames: readonly Rect[], items: Iterable<ItemSnapshot>): Map<string, string> {
  const examples = [...items].filter(
    (item) =>
      item.type === 'note' &&
      item.author === undefined &&
      item.color !== undefined &&
      item.text?.trim() &&
      frames.some((frame) => rectContainsPoint(frame, centerOf(item))),
  )
  const meanings = new Map<string, string>()
  for (const note of readingOrder(examples)) {
    if (note.color && !meanings.has(note.color)) meanings.set(note.color, note.text?.trim() ?? '')
  }
  return meanings
}

/**
 * The colour a frame's examples share, if they share one (SWOT: « Une faiblesse… » on pink in
 * « Faiblesses »): picking that frame for an idea picks its colour too.
 */
export function frameColour(frame: Rect, items: Iterable<ItemSnapshot>): string | null {
  const meanings = colourMeanings([frame], items)
  return meanings.size === 1 ? ([...meanings.keys()][0] ?? null) : null
}

/** Room left at the top of a frame for its title, so a new note never covers the question. */
const TITLE_BAND = 56
const GAP = 24

/**
 * Where a new idea for `frame` goes, on the phone as in the private composer: on the zone the
 * person chose (see `spotAtZone`), else the first free cell of the frame (see `spotInFrame`),
 * clear of the board's items and of this person's private notes.
 */
export function ideaSpot(
  frame: Rect,
  board: Iterable<ItemSnapshot>,
  privateNotes: readonly ItemSnapshot[],
  zone: FrameZone | null = null,
): Point {
  const taken = [...board, ...privateNotes].filter(
    (item) => item.type !== 'frame' && rectsIntersect(item, frame),
  )
  if (!zone) return spotInFrame(frame, taken)
  // A zone is drawn on the frame's locked background (a scale's line): only what people wrote is in the way.
  return spotAtZone(
    frame,
    zonePoint(frame, zone),
    taken.filter((item) => !item.locked),
  )
}

/** How many steps a cascade of ideas on one zone takes before it starts again on the zone. */
const ZONE_CASCADE = 8

/**
 * Where a new idea goes on a zone of a frame: centred on the zone's point when nothing covers it,
 * else the first step of a short cascade down and to the right, inside the frame, where no other
 * note is centred: ideas on one stage of a journey stay under that stage, each one's corner
 * showing. Returns the note's centre.
 */
export function spotAtZone(
  frame: Rect,
  point: Point,
  taken: readonly Rect[],
  size = DEFAULT_NOTE_SIZE,
): Point {
  const box = { x: point.x - size / 2, y: point.y - size / 2, w: size, h: size }
  if (!taken.some((rect) => rectsIntersect(rect, box))) return point
  const next = { x: point.x + GAP, y: point.y + GAP }
  return cascade(next, ZONE_CASCADE - 1, taken, (spot) => rectContainsPoint(frame, spot)) ?? point
}

/**
 * The first of `steps` spots down and to the right of `start`, `GAP` apart, where no note is
 * centred: a stack whose every corner shows. Null when each is taken, or the first that `within`
 * refuses comes before a free one.
 */
function cascade(
  start: Point,
  steps: number,
  taken: readonly Rect[],
  within: (spot: Point) => boolean = () => true,
): Point | null {
  for (let i = 0; i < steps; i++) {
    const spot = { x: start.x + i * GAP, y: start.y + i * GAP }
    if (!within(spot)) return null
    if (!taken.some((rect) => rect.x + rect.w / 2 === spot.x && rect.y + rect.h / 2 === spot.y)) return spot
  }
  return null
}

/**
 * Where a new idea goes in a step's frame: the first free cell of a grid inside the frame, below
 * its title; when every cell is taken, a cascade inside the frame (the
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
  return cascade(first, Math.max(1, Math.floor(room / GAP) + 1), taken) ?? first
}
