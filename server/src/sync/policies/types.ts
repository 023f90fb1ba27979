import type { DocKind, RoomTarget, SessionState } from '@atelier/shared'
import type * as Y from 'yjs'
import type { Connection } from '../connection.js'
import type { Room } from '../rooms.js'

/** The check of one client update, prepared before it is applied; always disposed. */
export interface UpdateCheck {
  afterTransaction(transaction: Y.Transaction): void | Promise<void>
  dispose(): void
}

/**
 * A rule the relay applies to what writing connections send (hooks in the manner of Hocuspocus).
 * Hooks run in the room's queue, in the task that applied the update: whatever they change in the
 * document is stored and forwarded together with the update itself.
 */
export interface RoomPolicy {
  readonly name: string
  /** The room kinds whose updates the policy sees. */
  readonly kinds: readonly DocKind[]
  /** Before a writer's update is applied: captures what the check needs from the state before it. */
  beforeClientUpdate?(room: Room, connection: Connection): UpdateCheck | null | Promise<UpdateCheck | null>
  /** After a writer's update is applied. */
  onClientTransaction?(room: Room, connection: Connection, transaction: Y.Transaction): void | Promise<void>
}

/** What policies and HTTP handlers may ask of the relay. */
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
