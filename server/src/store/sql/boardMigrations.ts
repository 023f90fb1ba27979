import { sql } from 'kysely'
import { JOIN_CODE_VALIDITY_MS, newJoinCode } from '../../join/codes.js'
import { type Migrations, type SchemaStep, withSerialKey } from './migrations.js'

/** Boards, their token hashes, join codes, and the documents' snapshots and update logs. */
export const BOARD_MIGRATIONS: Migrations = {
  module: 'boards',
  steps: [createBoards, createJoinCodes, backfillJoinCodes, numberLogsPerDocument],
}

async function createBoards({ db, dialect, bytes, bigint }: SchemaStep): Promise<void> {
  await db.schema
    .createTable('boards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('tokens')
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tokens_pkey', ['board_id', 'role'])
    .execute()
  await db.schema.createIndex('tokens_by_hash').unique().on('tokens').column('token_hash').execute()
  await db.schema
    .createTable('doc_snapshots')
    .addColumn('doc_name', 'text', (c) => c.primaryKey())
    .addColumn('snapshot', bytes, (c) => c.notNull())
    .addColumn('upto_seq', bigint, (c) => c.notNull())
    .execute()
  // Numbered by the database at first; step 4 numbers each document's log on its own.
  await withSerialKey(db.schema.createTable('doc_updates'), 'seq', dialect)
    .addColumn('doc_name', 'text', (c) => c.notNull())
    .addColumn('update_data', bytes, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('doc_updates_by_doc').on('doc_updates').columns(['doc_name', 'seq']).execute()
}

/** Join codes (docs/security.md): one open code per board, and the participant tokens handed out through it. */
async function createJoinCodes({ db, bigint }: SchemaStep): Promise<void> {
  await db.schema
    .createTable('join_codes')
    .addColumn('board_id', 'text', (c) => c.primaryKey().references('boards.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', bigint, (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('join_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .execute()
  await db.schema.createIndex('join_tokens_by_board').on('join_tokens').column('board_id').execute()
}

/** Boards created before join codes get one, valid for the usual time from now. */
async function backfillJoinCodes({ db }: SchemaStep): Promise<void> {
  const boards = await db
    .selectFrom('boards')
    .select('id')
    .where('id', 'not in', db.selectFrom('join_codes').select('board_id'))
    .orderBy('created_at')
    .execute()
  const expiresAt = Date.now() + JOIN_CODE_VALIDITY_MS
  for (const { id } of boards) {
    let code = newJoinCode()
    while (await db.selectFrom('join_codes').select('code').where('code', '=', code).executeTakeFirst()) {
      code = newJoinCode()
    }
    await db.insertInto('join_codes').values({ board_id: id, code, expires_at: expiresAt }).execute()
  }
}

/**
 * Each document's log numbered on its own, `(doc_name, seq)` its key: the next number is taken
 * from the document's last one (see `appendUpdate`), so two nodes appending to one document
 * get numbers in the order their commits land, and a reader never sees a hole that fills later.
 * The numbers already given are kept: they only grow within each document.
 */
async function numberLogsPerDocument({ db, bytes, bigint }: SchemaStep): Promise<void> {
  await db.schema
    .createTable('doc_log')
    .addColumn('doc_name', 'text', (c) => c.notNull())
    .addColumn('seq', bigint, (c) => c.notNull())
    .addColumn('update_data', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_log_pkey', ['doc_name', 'seq'])
    .execute()
  await sql`insert into doc_log (doc_name, seq, update_data) select doc_name, seq, update_data from doc_updates`.execute(
    db,
  )
  await db.schema.dropTable('doc_updates').execute()
  await db.schema.alterTable('doc_log').renameTo('doc_updates').execute()
}
