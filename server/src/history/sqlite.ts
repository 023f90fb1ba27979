import { randomBytes } from 'node:crypto'
import { type BoardVersion, VERSION_REASONS, type VersionReason } from '@atelier/shared'
import type Database from 'better-sqlite3'
import { migrate, type SqlMigrations } from '../store/sqlite/migrations.js'
import type { NewVersion, Retention, VersionStore } from './versions.js'

/** One row per kept version; `seq` orders them (two versions may share a millisecond). */
export const HISTORY_MIGRATIONS: SqlMigrations = {
  module: 'history',
  steps: [
    `
  CREATE TABLE board_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    taken_at INTEGER NOT NULL,
    reason TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    state BLOB NOT NULL
  ) STRICT;
  CREATE INDEX board_versions_by_board ON board_versions(board_id, seq);
  `,
  ],
}

interface VersionRow {
  id: string
  taken_at: number
  reason: string
  item_count: number
}

function isReason(value: string): value is VersionReason {
  return (VERSION_REASONS as readonly string[]).includes(value)
}

function toVersion(row: VersionRow): BoardVersion {
  if (!isReason(row.reason)) throw new Error(`stored version ${row.id} has an unknown reason "${row.reason}"`)
  return { id: row.id, at: new Date(row.taken_at).toISOString(), reason: row.reason, items: row.item_count }
}

/** Versions in the board store's SQLite database. */
export class SqliteVersionStore implements VersionStore {
  private readonly statements
  private readonly addInTransaction

  constructor(db: Database.Database) {
    migrate(db, HISTORY_MIGRATIONS)
    this.statements = {
      insert: db.prepare(
        `INSERT INTO board_versions (id, board_id, taken_at, reason, item_count, state)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      dropOld: db.prepare('DELETE FROM board_versions WHERE board_id = ? AND taken_at < ?'),
      dropBeyond: db.prepare(
        `DELETE FROM board_versions WHERE board_id = ? AND seq NOT IN
           (SELECT seq FROM board_versions WHERE board_id = ? ORDER BY seq DESC LIMIT ?)`,
      ),
      list: db.prepare<[string], VersionRow>(
        'SELECT id, taken_at, reason, item_count FROM board_versions WHERE board_id = ? ORDER BY seq DESC',
      ),
      latest: db.prepare<[string], { taken_at: number }>(
        'SELECT taken_at FROM board_versions WHERE board_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      get: db.prepare<[string, string], VersionRow & { state: Buffer }>(
        'SELECT id, taken_at, reason, item_count, state FROM board_versions WHERE board_id = ? AND id = ?',
      ),
    }
    this.addInTransaction = db.transaction((version: NewVersion, retention: Retention, id: string) => {
      const { boardId, at, reason, items, state } = version
      this.statements.insert.run(id, boardId, at, reason, items, Buffer.from(state))
      // The version just taken is never dropped: it is the newest, and `at` is now.
      this.statements.dropOld.run(boardId, Math.min(retention.notBefore, at))
      this.statements.dropBeyond.run(boardId, boardId, Math.max(1, retention.maxVersions))
    })
  }

  async add(version: NewVersion, retention: Retention): Promise<BoardVersion> {
    const id = randomBytes(12).toString('base64url')
    this.addInTransaction(version, retention, id)
    return toVersion({ id, taken_at: version.at, reason: version.reason, item_count: version.items })
  }

  async list(boardId: string): Promise<BoardVersion[]> {
    return this.statements.list.all(boardId).map(toVersion)
  }

  async latestAt(boardId: string): Promise<number | null> {
    return this.statements.latest.get(boardId)?.taken_at ?? null
  }

  async get(
    boardId: string,
    versionId: string,
  ): Promise<{ version: BoardVersion; state: Uint8Array } | null> {
    const row = this.statements.get.get(boardId, versionId)
    return row ? { version: toVersion(row), state: new Uint8Array(row.state) } : null
  }
}
