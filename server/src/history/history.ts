import { type BoardVersion, type RestoreResponse, readItems, type VersionReason } from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import * as Y from 'yjs'
import type { HistorySettings } from '../config.js'
import type { RelayServices } from '../sync/policies/types.js'
import type { Room } from '../sync/rooms.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'
import { restoreItems } from './restore.js'
import type { VersionStore } from './versions.js'

/**
 * The board history: takes versions of loaded board rooms (always from inside the room's queue,
 * so a version is exactly a state the relay stored) and restores them as a new change.
 */
export class BoardHistory {
  /** When each loaded room's board last got a version; read from the store on first need. */
  private readonly lastTaken = new WeakMap<Room, number>()

  constructor(
    readonly versions: VersionStore,
    readonly settings: HistorySettings,
    private readonly now: () => Date,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Stores the room's current board as a version. Only call from a task of the room's queue. */
  async take(room: Room, reason: VersionReason): Promise<BoardVersion> {
    const at = this.now().getTime()
    const version = await this.versions.add(
      {
        boardId: room.boardId,
        at,
        reason,
        items: readItems(room.doc).length,
        state: Y.encodeStateAsUpdate(room.doc),
      },
      { maxVersions: this.settings.maxVersions, notBefore: at - this.settings.maxAgeMs },
    )
    this.lastTaken.set(room, at)
    this.log.info(
      { boardId: room.boardId, versionId: version.id, reason, items: version.items },
      'board version taken',
    )
    return version
  }

  /** Takes an `activity` version when the newest one is older than the interval. From the room's queue. */
  async takeIfDue(room: Room): Promise<BoardVersion | null> {
    let last = this.lastTaken.get(room)
    if (last === undefined) {
      last = (await this.versions.latestAt(room.boardId)) ?? Number.NEGATIVE_INFINITY
      this.lastTaken.set(room, last)
    }
    if (this.now().getTime() - last < this.settings.intervalMs) return null
    return this.take(room, 'activity')
  }

  /**
   * Makes the board's items those of a version, through the board room's queue so the change is
   * stored, then forwarded to every connected client like any update. A version of the board as
   * it was is taken first, in the same task: restoring that one undoes the restore. Null when the
   * board has no such version.
   */
  async restore(relay: RelayServices, boardId: string, versionId: string): Promise<RestoreResponse | null> {
    const stored = await this.versions.get(boardId, versionId)
    if (!stored) return null
    return relay.withRoom({ boardId, kind: 'board' }, async (room) => {
      const before = await this.take(room, 'restore')
      const items = restoreItems(room.doc, stored.state, SERVER_ORIGIN)
      this.log.info({ boardId, versionId, before: before.id, items }, 'board version restored')
      return { restored: versionId, before: before.id, items }
    })
  }
}
