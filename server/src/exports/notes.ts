import {
  centerOf,
  containingFrame,
  type FrameZone,
  itemsMap,
  NOTE_COLORS,
  type NoteColorId,
  type Rect,
  readItems,
  readMeta,
  zoneNear,
} from '@atelier/shared'
import type * as Y from 'yjs'
import { UPDATED_AT_KEY } from '../sync/policies/updateTimes.js'

/** One note as the exports show it. */
export interface ExportedNote extends Rect {
  id: string
  /** Title of the innermost frame holding the note's centre; null outside every frame. */
  frame: string | null
  frameId: string | null
  /** Title of that frame's zone the note is at (a mark of a scale, a stage); empty when none. */
  place: string
  text: string
  /** Palette id when the colour is one of the palette's, the stored CSS colour otherwise. */
  color: NoteColorId | string
  /** Dots received over every closed vote round. */
  votes: number
  /** Author's name as the relay recorded it; empty in anonymous mode or when unknown. */
  author: string
  /** Name of the author's team; empty in anonymous mode or without teams. */
  team: string
  tags: string[]
  /** Epoch ms, as the relay recorded them; null when unknown. */
  createdAt: number | null
  updatedAt: number | null
  /**
   * Written by someone during the workshop: the relay stamps an author on every item a
   * participant creates, and the app stamps the facilitator's. Notes without an author came
   * with the template (examples, placeholders) or from a script.
   */
  contributed: boolean
}

export interface ExportedFrame extends Rect {
  id: string
  title: string
  /** Its named places (a scale's marks, a journey's stages), if it has any. */
  zones: FrameZone[]
  /** Its notes in reading order. */
  notes: ExportedNote[]
}

export interface ExportedConnector {
  from: string
  to: string
}

export interface ExportedBoard {
  title: string
  templateId: string | null
  /** Frames in reading order (top to bottom, then left to right). */
  frames: ExportedFrame[]
  /** Notes outside every frame, in reading order. */
  outside: ExportedNote[]
  /** Connectors joining two items (the objectives tree reads its branches from them). */
  connectors: ExportedConnector[]
}

/** Every note, frame by frame, then the ones outside frames. */
export function allNotes(board: ExportedBoard): ExportedNote[] {
  return [...board.frames.flatMap((frame) => frame.notes), ...board.outside]
}

function readingOrder(a: Rect, b: Rect): number {
  return a.y - b.y || a.x - b.x
}

function colorId(color: string | undefined): string {
  if (!color) return ''
  return NOTE_COLORS.find((entry) => entry.value === color.toLowerCase())?.id ?? color
}

/** What the session document adds to the notes: votes received, who wrote them, their team. */
export interface NoteFacts {
  votes: ReadonlyMap<string, number>
  authorName(personId: string | undefined): string
  teamName(personId: string | undefined): string
}

const NO_FACTS: NoteFacts = { votes: new Map(), authorName: () => '', teamName: () => '' }

/** When the relay last saw the item change (see `sync/policies/updateTimes.ts`); null before it recorded any. */
function updatedAtOf(doc: Y.Doc, id: string): number | null {
  const value = itemsMap(doc).get(id)?.get(UPDATED_AT_KEY)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Reads the notes of a board document for export. */
export function exportBoard(doc: Y.Doc, fallbackTitle = '', facts: NoteFacts = NO_FACTS): ExportedBoard {
  const items = readItems(doc)
  const frameItems = items.filter((item) => item.type === 'frame').sort(readingOrder)
  const frames = new Map(
    frameItems.map((item) => [
      item,
      {
        id: item.id,
        title: item.text ?? '',
        x: item.x,
        y: item.y,
        w: item.w,
        h: item.h,
        zones: item.zones ?? [],
        notes: [] as ExportedNote[],
      },
    ]),
  )
  const outside: ExportedNote[] = []
  const notes = items.filter((item) => item.type === 'note').sort(readingOrder)
  for (const note of notes) {
    const frameItem = containingFrame(note, frameItems)
    const frame = frameItem ? frames.get(frameItem) : undefined
    const exported: ExportedNote = {
      id: note.id,
      frame: frame ? frame.title : null,
      frameId: frame ? frame.id : null,
      place: frameItem ? (zoneNear(frameItem, centerOf(note))?.title ?? '') : '',
      text: note.text ?? '',
      color: colorId(note.color),
      votes: facts.votes.get(note.id) ?? 0,
      author: facts.authorName(note.author),
      team: facts.teamName(note.author),
      tags: note.tags ?? [],
      createdAt: note.createdAt ?? null,
      updatedAt: updatedAtOf(doc, note.id),
      contributed: note.author !== undefined,
      x: note.x,
      y: note.y,
      w: note.w,
      h: note.h,
    }
    if (frame) frame.notes.push(exported)
    else outside.push(exported)
  }
  const connectors = items
    .filter((item) => item.type === 'connector' && item.from && item.to)
    .map((item) => ({ from: item.from as string, to: item.to as string }))
  const meta = readMeta(doc)
  return {
    title: meta.title || fallbackTitle,
    templateId: meta.templateId ?? null,
    frames: [...frames.values()],
    outside,
    connectors,
  }
}
