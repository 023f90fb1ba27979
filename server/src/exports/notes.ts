import { containingFrame, NOTE_COLORS, type Rect, readItems, readMeta } from '@atelier/shared'
import type * as Y from 'yjs'

/** One note as the exports show it. */
export interface ExportedNote {
  id: string
  /** Title of the innermost frame holding the note's centre; null outside every frame. */
  frame: string | null
  text: string
  /** Palette name when the colour is one of the palette's, the stored CSS colour otherwise. */
  color: string
  /** Dots received over every closed vote round. */
  votes: number
  /** Author's name as the relay recorded it; empty in anonymous mode or when unknown. */
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

function colorName(color: string | undefined): string {
  if (!color) return ''
  return NOTE_COLORS.find((entry) => entry.value === color.toLowerCase())?.id ?? color
}

/** What the session document adds to the notes: votes received and who wrote them. */
export interface NoteFacts {
  votes: ReadonlyMap<string, number>
  authorName(personId: string | undefined): string
}

const NO_FACTS: NoteFacts = { votes: new Map(), authorName: () => '' }

/** Reads the notes of a board document for export. */
export function exportBoard(doc: Y.Doc, fallbackTitle = '', facts: NoteFacts = NO_FACTS): ExportedBoard {
  const items = readItems(doc)
  const frameItems = items.filter((item) => item.type === 'frame').sort(readingOrder)
  const frames = new Map(
    frameItems.map((item) => [item, { title: item.text ?? '', notes: [] as ExportedNote[] }]),
  )
  const outside: ExportedNote[] = []
  const notes = items.filter((item) => item.type === 'note').sort(readingOrder)
  for (const note of notes) {
    const frameItem = containingFrame(note, frameItems)
    const frame = frameItem ? frames.get(frameItem) : undefined
    const exported: ExportedNote = {
      id: note.id,
      frame: frame ? frame.title : null,
      text: note.text ?? '',
      color: colorName(note.color),
      votes: facts.votes.get(note.id) ?? 0,
      author: facts.authorName(note.author),
      x: note.x,
      y: note.y,
    }
    if (frame) frame.notes.push(exported)
    else outside.push(exported)
  }
  return { title: readMeta(doc).title || fallbackTitle, frames: [...frames.values()], outside }
}
