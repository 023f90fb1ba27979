import {
  type ItemSnapshot,
  itemsMap,
  NOTE_COLORS,
  type Rect,
  readItems,
  readMeta,
  rectContainsPoint,
} from '@atelier/shared'
import * as Y from 'yjs'

/** One note as the exports show it. */
export interface ExportedNote {
  /** Title of the innermost frame holding the note's centre; null outside every frame. */
  frame: string | null
  text: string
  /** Palette name when the colour is one of the palette's, the stored CSS colour otherwise. */
  color: string
  votes: number
  author: string
  x: number
  y: number
}

export interface ExportedFrame {
  title: string
  notes: ExportedNote[]
}

export interface ExportedBoard {
  title: string
  /** Frames in reading order (top to bottom, then left to right), each with its notes in reading order. */
  frames: ExportedFrame[]
  /** Notes outside every frame, in reading order. */
  outside: ExportedNote[]
}

/** Every note, frame by frame, then the ones outside frames. */
export function allNotes(board: ExportedBoard): ExportedNote[] {
  return [...board.frames.flatMap((frame) => frame.notes), ...board.outside]
}

function readingOrder(a: Rect, b: Rect): number {
  return a.y - b.y || a.x - b.x
}

/** Votes are optional on items: a count, or a map/array of ballots. */
function readVotes(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (value instanceof Y.Array) return value.length
  if (value instanceof Y.Map) {
    let total = 0
    for (const ballot of value.values()) total += typeof ballot === 'number' ? ballot : 1
    return total
  }
  return 0
}

function colorName(color: string | undefined): string {
  if (!color) return ''
  return NOTE_COLORS.find((entry) => entry.value === color.toLowerCase())?.id ?? color
}

function innermostFrame(frames: ItemSnapshot[], note: ItemSnapshot): ItemSnapshot | null {
  const centre = { x: note.x + note.w / 2, y: note.y + note.h / 2 }
  let found: ItemSnapshot | null = null
  for (const frame of frames) {
    if (!rectContainsPoint(frame, centre)) continue
    if (!found || frame.w * frame.h < found.w * found.h) found = frame
  }
  return found
}

/** Reads the notes of a board document for export. */
export function exportBoard(doc: Y.Doc, fallbackTitle = ''): ExportedBoard {
  const items = readItems(doc)
  const frameItems = items.filter((item) => item.type === 'frame').sort(readingOrder)
  const frames = new Map(
    frameItems.map((item) => [item, { title: item.text ?? '', notes: [] as ExportedNote[] }]),
  )
  const outside: ExportedNote[] = []
  const raw = itemsMap(doc)
  const notes = items.filter((item) => item.type === 'note').sort(readingOrder)
  for (const note of notes) {
    const frameItem = innermostFrame(frameItems, note)
    const frame = frameItem ? frames.get(frameItem) : undefined
    const exported: ExportedNote = {
      frame: frame ? frame.title : null,
      text: note.text ?? '',
      color: colorName(note.color),
      votes: readVotes(raw.get(note.id)?.get('votes')),
      author: note.author ?? '',
      x: note.x,
      y: note.y,
    }
    if (frame) frame.notes.push(exported)
    else outside.push(exported)
  }
  return { title: readMeta(doc).title || fallbackTitle, frames: [...frames.values()], outside }
}
