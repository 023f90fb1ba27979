import type { DocKind, RoomTarget, SessionState } from '@atelier/shared'
import type * as Y from 'yjs'
import type { Connection } from '../connection.js'
import type { Room } from '../rooms.js'
import type { Footprint } from '../updates/footprint.js'

/** A writer's update on its way through the rules: read whole and checked before it is applied. */
export interface ClientUpdate {
  readonly room: Room
  readonly connection: Connection
  /** What the update adds, changes or deletes, found before it is applied. */
  readonly footprint: Footprint
}

/** One rule's check of one update, prepared before the update is applied; always disposed. */
export interface UpdateCheck {
  /**
   * Why the applied update breaks the rule, or null when it keeps it. A refused update is reverted
   * whole. A check that throws refuses the update too: a value the rule did not expect never takes
   * the room down.
   */
  refusal?(transaction: Y.Transaction): string | null
  /**
   * Once no rule refused the update: corrects what it wrote (an author, a time), in a transaction of
   * its own with origin SERVER_ORIGIN, so every replica receives the correction.
   */
  correct?(transaction: Y.Transaction): void
  dispose?(): void
}

/**
 * A rule the relay applies to what writing connections send (in the manner of Hocuspocus'
 * extensions). Rules run in the order of the one list in `policies/index.ts`, in the room's queue,
 * in the task that applies the update: whatever they change is stored and forwarded with it.
 */
export interface RoomPolicy {
  readonly name: string
  /** The room kinds whose updates the rule sees. */
  readonly kinds: readonly DocKind[]
  /**
   * Before the update is applied: reads what the check needs of the state before it, in proportion
   * to what the update touches (`update.footprint`), never by going over the whole document.
   */
  prepare?(update: ClientUpdate): UpdateCheck | null | Promise<UpdateCheck | null>
  /**
   * After every rule accepted the update (and corrected it): effects beyond the update itself.
   * An error here is the server's own failure and takes the room down.
   */
  onAccepted?(update: ClientUpdate, transaction: Y.Transaction): void | Promise<void>
  /** The relay is closing: the rule stops what it started (timers). */
  close?(): void
}

/** What rules and HTTP handlers may ask of the relay. */
export interface RelayServices {
  /**
   * Runs a task in a room's queue, loading the room if needed and keeping it loaded meanwhile; the
   * task's changes are stored and forwarded before the promise resolves. A task must never wait
   * for a room whose tasks may wait for its own room: session tasks may wait for board and private
   * rooms, never the other way round.
   */
  withRoom<T>(target: RoomTarget, task: (room: Room) => T | Promise<T>): Promise<T>
  /** The session state of a board, read without queueing behind the session room's tasks. */
  sessionState(boardId: string): Promise<SessionState>
}
