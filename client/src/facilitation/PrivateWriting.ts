import { type Point, type Role, roomName } from '@atelier/shared'
import { boardCenter } from '../commands/helpers.js'
import type { Command } from '../commands/types.js'
import { Listeners } from '../lib/listeners.js'
import type { ViewStore } from '../store/ViewStore.js'
import { PrivateNotes } from './PrivateNotes.js'
import type { RoomConnection } from './RoomConnection.js'

export interface PrivateWritingSnapshot {
  /** Private writing is on and this person's notes go to their private room. */
  notes: PrivateNotes | null
  /** Where the next private note goes (a double-click on the board), and a nonce to focus the composer. */
  compose: { at: Point | null; nonce: number }
}

export interface PrivateWritingParts {
  boardId: string
  token: string
  role: Role
  identity: { readonly personId: string; readonly credential: string | null }
  view: ViewStore
  /** Opens a secondary room of the board (a real connection in the browser, a bare document in tests). */
  openRoom(name: string, params: Record<string, string>): Pick<RoomConnection, 'doc' | 'destroy'>
}

/**
 * A participant's private writing: while the facilitator has it on, their notes go to their own
 * private room (the relay shows it to them and to facilitators, and moves it onto the board at the
 * reveal), and the board's ways of adding a note open the private composer instead.
 */
export class PrivateWriting {
  private snapshot: PrivateWritingSnapshot = { notes: null, compose: { at: null, nonce: 0 } }
  private readonly changes = new Listeners()

  constructor(private readonly parts: PrivateWritingParts) {}

  getSnapshot = (): PrivateWritingSnapshot => this.snapshot

  subscribe = this.changes.subscribe

  /** Follows the session's writing mode; the room opens once the relay has issued the person's credential. */
  setOn(on: boolean): void {
    const { role, identity, boardId, token, view } = this.parts
    const { personId, credential } = identity
    const wanted = on && role === 'participant' && credential !== null
    if (wanted && !this.snapshot.notes && credential) {
      const room = this.parts.openRoom(roomName(boardId, 'private', personId), { token, person: credential })
      this.set({ notes: new PrivateNotes(room, personId, () => view.getState().noteColor) })
    } else if (!wanted && this.snapshot.notes) {
      this.snapshot.notes.destroy()
      this.set({ notes: null })
    }
  }

  /**
   * A private note where the composer was opened on the board (a double-click: the person pointed
   * there), else at `spot` (a free cell of the step's frame the person chose), else mid-view.
   */
  add(text: string, spot?: Point): void {
    const { notes, compose } = this.snapshot
    if (!notes || !text.trim()) return
    notes.add(text.trim(), compose.at ?? spot ?? this.defaultSpot(notes))
    this.set({ compose: { at: null, nonce: compose.nonce } })
  }

  /**
   * "Add a note" while private writing is on (its key, a double-click on the board, the note
   * tool): the note is written in the composer, never on the shared board.
   */
  readonly compose: Command = {
    id: 'private.compose',
    labelKey: 'facilitation.commands.privateCompose',
    group: 'create',
    replaces: 'createNote',
    watch: this.subscribe,
    enabled: () => this.snapshot.notes !== null,
    run: (ctx, args) => {
      if (ctx.view.getState().tool === 'note') ctx.view.set({ tool: 'select' })
      this.set({ compose: { at: args?.at ?? null, nonce: this.snapshot.compose.nonce + 1 } })
    },
  }

  destroy(): void {
    this.snapshot.notes?.destroy()
  }

  /** Mid-screen, shifted for each note already written so they do not pile up. */
  private defaultSpot(notes: PrivateNotes): Point {
    const count = notes.getNotes().length % 4
    const center = boardCenter(this.parts)
    return { x: center.x + count * 24, y: center.y + count * 24 }
  }

  private set(patch: Partial<PrivateWritingSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    this.changes.notify()
  }
}
