import { randomBytes } from 'node:crypto'
import { type BoardVersion, VERSION_REASONS, type VersionReason } from '@atelier/shared'
import type { Kysely } from 'kysely'
import { asBuffer, fromColumn } from '../store/sql/bytes.js'
import { type Migrations, withSerialKey } from '../store/sql/migrations.js'
import type { Tables } from '../store/sql/tables.js'
import type { NewVersion, Retention, VersionStore } from './versions.js'

/** One row per kept version; `seq` orders them (two versions may share a millisecond). */
export const HISTORY_MIGRATIONS: Migrations = {
  module: 'history',
  steps: [
    async ({ db, dialect, bytes, bigint }) => {
      await withSerialKey(db.schema.createTable('board_versions'), 'seq', dialect)
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
        .addColumn('taken_at', bigint, (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('item_count', 'integer', (c) => c.notNull())
        .addColumn('state', bytes, (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('board_versions_by_board')
        .on('board_versions')
        .columns(['board_id', 'seq'])
        .execute()
    },
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

/** Versions in the store's database. */
export class SqlVersionStore implements VersionStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async add(version: NewVersion, retention: Retention): Promise<BoardVersion> {
    const id = randomBytes(12).toString('base64url')
    const { boardId, at, reason, items, state } = version
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('board_versions')
        .values({ id, board_id: boardId, taken_at: at, reason, item_count: items, state: asBuffer(state) })
        .execute()
      // The version just taken is never dropped: it is the newest, and `at` is now.
      await trx
        .deleteFrom('board_versions')
        .where('board_id', '=', boardId)
        .where('taken_at', '<', Math.min(retention.notBefore, at))
        .execute()
      await trx
        .deleteFrom('board_versions')
        .where('board_id', '=', boardId)
        .where(
          'seq',
          'not in',
          trx
            .selectFrom('board_versions')
            .select('seq')
            .where('board_id', '=', boardId)
            .orderBy('seq', 'desc')
            .limit(Math.max(1, retention.maxVersions)),
        )
        .execute()
    })
    return toVersion({ id, taken_at: at, reason, item_count: items })
  }

  async list(boardId: string): Promise<BoardVersion[]> {
    const rows = await this.db
      .selectFrom('board_versions')
      .select(['id', 'taken_at', 'reason', 'item_count'])
      .where('board_id', '=', boardId)
      .orderBy('seq', 'desc')
      .execute()
    return rows.map(toVersion)
  }

  async latestAt(boardId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('board_versions')
      .select('taken_at')
      .where('board_id', '=', boardId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    return row?.taken_at ?? null
  }

  async get(
    boardId: string,
    versionId: string,
  ): Promise<{ version: BoardVersion; state: Uint8Array } | null> {
    const row = await this.db
      .selectFrom('board_versions')
      .select(['id', 'taken_at', 'reason', 'item_count', 'state'])
      .where('board_id', '=', boardId)
      .where('id', '=', versionId)
      .executeTakeFirst()
    return row ? { version: toVersion(row), state: fromColumn(row.state) } : null
  }
}
