import {
  createItem,
  deleteItems,
  type ItemSnapshot,
  itemsMap,
  type Point,
  readItem,
  setItemText,
  updateItem,
} from '@atelier/shared'
import { Listeners } from '../lib/listeners.js'
import type { RoomConnection } from './RoomConnection.js'

/** Size of a private note: the same as a board note, so the reveal does not reshuffle anything. */
const NOTE_SIZE = 200

/**
 * This person's notes while private writing is on, in their private room: the relay sends that
 * room to them and to facilitators only, and moves its notes onto the board at the reveal.
 */
export class PrivateNotes {
  private notes: readonly ItemSnapshot[] = []
  private readonly changes = new Listeners()

  constructor(
    readonly room: Pick<RoomConnection, 'doc' | 'destroy'>,
    private readonly author: string,
    private readonly color: () => string,
  ) {
    this.read()
    itemsMap(room.doc).observeDeep(this.onChange)
  }

  getNotes = (): readonly ItemSnapshot[] => this.notes

  subscribe = this.changes.subscribe

  /** Adds a note centred on `at`, shifted off any private note already there. */
  add(text: string, at: Point): string {
    let spot = { x: Math.round(at.x - NOTE_SIZE / 2), y: Math.round(at.y - NOTE_SIZE / 2) }
    const taken = (p: Point) => this.notes.some((note) => note.x === p.x && note.y === p.y)
    for (let i = 0; i < 50 && taken(spot); i++) spot = { x: spot.x + 24, y: spot.y + 24 }
    return createItem(this.room.doc, {
      type: 'note',
      ...spot,
      w: NOTE_SIZE,
      h: NOTE_SIZE,
      text,
      color: this.color(),
      author: this.author,
      createdAt: Date.now(),
    })
  }

  edit(id: string, text: string): void {
    setItemText(this.room.doc, id, text)
  }

  /** Moves a note so that it is centred on `at`. */
  move(id: string, at: Point): void {
    const note = this.notes.find((candidate) => candidate.id === id)
    if (!note) return
    updateItem(this.room.doc, id, { x: Math.round(at.x - note.w / 2), y: Math.round(at.y - note.h / 2) })
  }

  remove(id: string): void {
    deleteItems(this.room.doc, [id])
  }

  destroy(): void {
    itemsMap(this.room.doc).unobserveDeep(this.onChange)
    this.room.destroy()
  }

  private read(): void {
    const notes: ItemSnapshot[] = []
    for (const [id, value] of itemsMap(this.room.doc)) {
      const item = readItem(id, value)
      if (item?.type === 'note') notes.push(item)
    }
    this.notes = notes.sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0))
  }

  private onChange = (): void => {
    this.read()
    this.changes.notify()
  }
}
