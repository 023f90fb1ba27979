import { isRole, type Role } from '@atelier/shared'
import { type CompiledQuery, type Kysely, sql } from 'kysely'
import { type BackupRecords, SqlBackupRecords } from '../../backup/records.js'
import { GAME_MIGRATIONS, SqlGameStore } from '../../game/sql.js'
import type { GameStore } from '../../game/store.js'
import { HISTORY_MIGRATIONS, SqlVersionStore } from '../../history/sql.js'
import type { VersionStore } from '../../history/versions.js'
import { IMAGE_MIGRATIONS } from '../../images/sql.js'
import type { ImageStore } from '../../images/store.js'
import { LIBRARY_MIGRATIONS, SqlLibraryStore } from '../../libraries/sql.js'
import type { LibraryStore } from '../../libraries/types.js'
import { SECRET_MIGRATIONS, serverSecret } from '../../people/secrets.js'
import { SqlVoteStore, VOTE_MIGRATIONS } from '../../voting/sql.js'
import type { VoteStore } from '../../voting/store.js'
import type { BoardRecord, JoinCode, LoggedUpdates, NewBoard, Store, StoredDocument } from '../types.js'
import { BOARD_MIGRATIONS } from './boardMigrations.js'
import { insertBoard, lockBoard } from './boardRows.js'
import { asBuffer, fromColumn } from './bytes.js'
import type { StoreDatabase } from './database.js'
import { isUniqueViolation } from './errors.js'
import { type DialectName, type Migrations, migrate } from './migrations.js'
import type { Tables } from './tables.js'

/** Every module's tables, in the order their foreign keys need. */
export const STORE_MIGRATIONS: readonly Migrations[] = [
  BOARD_MIGRATIONS,
  VOTE_MIGRATIONS,
  GAME_MIGRATIONS,
  HISTORY_MIGRATIONS,
  LIBRARY_MIGRATIONS,
  SECRET_MIGRATIONS,
  IMAGE_MIGRATIONS,
]

/** Not a room name (those start with a 22-character board id), so never loaded as a document. */
const PROBE_DOC_NAME = 'atelier:write-probe'
const PROBE_BYTES = 1024 * 1024
/**
 * Appends that lose the race for a document's next number to another node try again; each retry
 * means another append committed, so running out needs that many concurrent writers.
 */
const APPEND_ATTEMPTS = 50
/** Stand-ins for an append's values in its compiled query (see `compiledAppend`). */
const APPENDED_DOC = '\u0000appended document'
const APPENDED_BYTES = Buffer.from('appended bytes')

/**
 * The store on SQL, written once with Kysely for both dialects: SQLite embedded in DATA_DIR, or
 * PostgreSQL shared by every node of a deployment. Every write resolves after its commit.
 */
export class SqlStore implements Store {
  readonly db: Kysely<Tables>
  readonly backend: DialectName
  readonly votes: VoteStore
  readonly games: GameStore
  readonly versions: VersionStore
  readonly libraries: LibraryStore
  readonly backups: BackupRecords
  private migrated: Promise<void> | null = null
  private closed: Promise<void> | null = null
  private appendQuery: CompiledQuery<{ seq: number }> | null = null

  constructor(
    private readonly database: StoreDatabase,
    readonly images: ImageStore,
  ) {
    this.db = database.db
    this.backend = database.dialect
    this.votes = new SqlVoteStore(this.db)
    this.games = new SqlGameStore(this.db)
    this.versions = new SqlVersionStore(this.db)
    this.libraries = new SqlLibraryStore(this.db)
    this.backups = new SqlBackupRecords(this.db)
  }

  /** Brings the tables to this server's version; once, however many callers ask. */
  migrate(): Promise<void> {
    this.migrated ??= migrate(this.db, this.backend, STORE_MIGRATIONS)
    return this.migrated
  }

  async createBoard(board: NewBoard): Promise<JoinCode> {
    return this.db.transaction().execute((trx) => insertBoard(trx, board))
  }

  async getBoard(boardId: string): Promise<BoardRecord | null> {
    const row = await this.db
      .selectFrom('boards')
      .select(['id', 'title', 'template_id', 'created_at'])
      .where('id', '=', boardId)
      .executeTakeFirst()
    if (!row) return null
    return { id: row.id, title: row.title, templateId: row.template_id, createdAt: row.created_at }
  }

  async findRole(boardId: string, tokenHash: string): Promise<Role | null> {
    const row = await this.db
      .selectFrom('tokens')
      .select('role')
      .where('board_id', '=', boardId)
      .where('token_hash', '=', tokenHash)
      .unionAll(
        this.db
          .selectFrom('join_tokens')
          .select(sql<string>`'participant'`.as('role'))
          .where('board_id', '=', boardId)
          .where('token_hash', '=', tokenHash),
      )
      .executeTakeFirst()
    return row && isRole(row.role) ? row.role : null
  }

  async rotateToken(boardId: string, role: Role, tokenHash: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('tokens')
        .values({ board_id: boardId, role, token_hash: tokenHash })
        .onConflict((oc) => oc.columns(['board_id', 'role']).doUpdateSet({ token_hash: tokenHash }))
        .execute()
      if (role === 'participant')
        await trx.deleteFrom('join_tokens').where('board_id', '=', boardId).execute()
    })
  }

  async getJoinCode(boardId: string): Promise<JoinCode | null> {
    const row = await this.db
      .selectFrom('join_codes')
      .select(['code', 'expires_at'])
      .where('board_id', '=', boardId)
      .executeTakeFirst()
    return row ? { code: row.code, expiresAt: row.expires_at } : null
  }

  async setJoinCode(boardId: string, joinCode: JoinCode | null): Promise<boolean> {
    if (!joinCode) {
      await this.db.deleteFrom('join_codes').where('board_id', '=', boardId).execute()
      return true
    }
    const { code, expiresAt } = joinCode
    try {
      await this.db
        .insertInto('join_codes')
        .values({ board_id: boardId, code, expires_at: expiresAt })
        .onConflict((oc) => oc.column('board_id').doUpdateSet({ code, expires_at: expiresAt }))
        .execute()
      return true
    } catch (error) {
      if (isUniqueViolation(error)) return false
      throw error
    }
  }

  async findBoardByJoinCode(code: string, now: number): Promise<string | null> {
    const row = await this.db
      .selectFrom('join_codes')
      .select('board_id')
      .where('code', '=', code)
      .where('expires_at', '>', now)
      .executeTakeFirst()
    return row?.board_id ?? null
  }

  async addJoinToken(boardId: string, tokenHash: string, max: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await lockBoard(trx, boardId)
      const { n } = await trx
        .selectFrom('join_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('board_id', '=', boardId)
        .executeTakeFirstOrThrow()
      if (Number(n) >= max) return false
      await trx.insertInto('join_tokens').values({ token_hash: tokenHash, board_id: boardId }).execute()
      return true
    })
  }

  /**
   * One statement, so it is atomic on its own: the document's next number is one past its last
   * (in the log, or folded into its snapshot). Two nodes appending to one document at once pick
   * the same number; the second waits for the first's commit and is refused by the key, then
   * takes the next one. Numbers thus follow commit order, which `loadUpdatesAfter` relies on.
   */
  async appendUpdate(docName: string, update: Uint8Array): Promise<number> {
    const query = this.compiledAppend(docName, asBuffer(update))
    for (let attempt = 1; ; attempt++) {
      try {
        const rows = this.database.runNow?.(query) ?? (await this.db.executeQuery(query)).rows
        const [row] = rows
        if (!row) throw new Error(`appending to ${docName} returned no sequence number`)
        return Number(row.seq)
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= APPEND_ATTEMPTS) throw error
      }
    }
  }

  /**
   * The append's query, built and compiled once with stand-ins, then given each append's values:
   * building and compiling it with Kysely on every append cost more than the insert itself, on
   * the relay's path from a writer to everyone else.
   */
  private compiledAppend(docName: string, bytes: Buffer): CompiledQuery<{ seq: number }> {
    this.appendQuery ??= this.db
      .insertInto('doc_updates')
      .values({ doc_name: APPENDED_DOC, seq: nextSeq(APPENDED_DOC), update_data: APPENDED_BYTES })
      .returning('seq')
      .compile()
    const parameters = this.appendQuery.parameters.map((value) => {
      if (value === APPENDED_DOC) return docName
      if (value === APPENDED_BYTES) return bytes
      return value
    })
    return { ...this.appendQuery, parameters }
  }

  /**
   * The snapshot and the log after it in one statement: PostgreSQL reads both from one view of
   * the database, so a compaction committing meanwhile cannot hide updates from this read.
   */
  async loadDocument(docName: string): Promise<StoredDocument> {
    const rows = await this.db
      .selectFrom('doc_snapshots')
      .select([sql<number>`0`.as('part'), 'upto_seq as seq', 'snapshot as data'])
      .where('doc_name', '=', docName)
      .unionAll(
        this.db
          .selectFrom('doc_updates')
          .select([sql<number>`1`.as('part'), 'seq', 'update_data as data'])
          .where('doc_name', '=', docName)
          .where('seq', '>', this.snapshotSeq(docName)),
      )
      .orderBy('part')
      .orderBy('seq')
      .execute()
    const snapshot = rows[0]?.part === 0 ? rows[0] : null
    const updates = snapshot ? rows.slice(1) : rows
    return {
      snapshot: snapshot ? fromColumn(snapshot.data) : null,
      updates: updates.map((row) => fromColumn(row.data)),
      lastSeq: Number(updates.at(-1)?.seq ?? snapshot?.seq ?? 0),
    }
  }

  async loadUpdatesAfter(docName: string, afterSeq: number): Promise<LoggedUpdates | null> {
    const rows = await this.db
      .selectFrom('doc_snapshots')
      .select([sql<number>`0`.as('part'), 'upto_seq as seq', sql<Uint8Array | null>`null`.as('data')])
      .where('doc_name', '=', docName)
      .unionAll(
        this.db
          .selectFrom('doc_updates')
          .select([sql<number>`1`.as('part'), 'seq', 'update_data as data'])
          .where('doc_name', '=', docName)
          .where('seq', '>', afterSeq),
      )
      .orderBy('part')
      .orderBy('seq')
      .execute()
    const snapshot = rows[0]?.part === 0 ? rows[0] : null
    // The updates just after `afterSeq` were folded into the snapshot: only the whole document has them.
    if (snapshot && Number(snapshot.seq) > afterSeq) return null
    const updates = (snapshot ? rows.slice(1) : rows).map((row) => ({
      seq: Number(row.seq),
      update: fromColumn(row.data as Uint8Array),
    }))
    return { updates, lastSeq: updates.at(-1)?.seq ?? afterSeq }
  }

  /**
   * Idempotent, and safe when two nodes compact one document at once: a snapshot only replaces
   * an older one (smaller `upto_seq`), and the log is cut at the caller's `uptoSeq`, which the
   * stored snapshot then covers either way. The caller's snapshot holds every update up to it.
   */
  async compact(docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('doc_snapshots')
        .values({ doc_name: docName, snapshot: asBuffer(snapshot), upto_seq: uptoSeq })
        .onConflict((oc) =>
          oc
            .column('doc_name')
            .doUpdateSet((eb) => ({
              snapshot: eb.ref('excluded.snapshot'),
              upto_seq: eb.ref('excluded.upto_seq'),
            }))
            .where('doc_snapshots.upto_seq', '<', uptoSeq),
        )
        .execute()
      await trx
        .deleteFrom('doc_updates')
        .where('doc_name', '=', docName)
        .where('seq', '<=', uptoSeq)
        .execute()
    })
  }

  async serverSecret(name: string): Promise<Buffer> {
    return serverSecret(this.db, name)
  }

  async probeWrite(): Promise<void> {
    // A megabyte, so that a disk with a few pages free is not taken for a recovered one.
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('doc_updates')
        .values({ doc_name: PROBE_DOC_NAME, seq: 0, update_data: Buffer.alloc(PROBE_BYTES) })
        .execute()
      await trx.deleteFrom('doc_updates').where('doc_name', '=', PROBE_DOC_NAME).execute()
    })
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db)
  }

  /** Closes the database (the file, or the pool); once, however many callers ask. */
  close(): Promise<void> {
    this.closed ??= this.db.destroy()
    return this.closed
  }

  private snapshotSeq(docName: string) {
    return sql<number>`coalesce((select upto_seq from doc_snapshots where doc_name = ${docName}), 0)`
  }
}

/**
 * A document's next log number: one past its last (in the log, or folded into its snapshot). In the
 * insert's own statement, so it is atomic with it (see `appendUpdate`).
 */
function nextSeq(docName: string) {
  return sql<number>`coalesce(
    (select max(seq) from doc_updates where doc_name = ${docName}),
    (select upto_seq from doc_snapshots where doc_name = ${docName}),
    0) + 1`
}
