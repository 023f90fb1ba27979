import type { Kysely } from 'kysely'
import type { SqlStore } from './sql/store.js'
import type { Tables } from './sql/tables.js'

/** What one run moved, per kind, in the order it moves them. */
export type MoveCounts = Record<MovedKind, number>

export const MOVED_KINDS = [
  'boards',
  'tokens',
  'join codes',
  'join tokens',
  'document snapshots',
  'document updates',
  'votes',
  'polls',
  'poll answers',
  'history versions',
  'libraries',
  'library templates',
  'server secrets',
  'images',
] as const
export type MovedKind = (typeof MOVED_KINDS)[number]

/** Rows read and written at a time: bounded memory whatever the size of the data dir. */
const PAGE_ROWS = 200

type AnyRow = Record<string, unknown>

/**
 * Copies one table page by page, in key order; a row whose key PostgreSQL already holds is left as
 * it is there (ON CONFLICT DO NOTHING), which makes a second run move nothing. Resolves with the
 * number of rows written.
 */
async function copyTable(
  from: Kysely<Tables>,
  to: Kysely<Tables>,
  table: keyof Tables,
  key: readonly string[],
  omit: readonly string[] = [],
): Promise<number> {
  const source = from as unknown as Kysely<Record<string, AnyRow>>
  const target = to as unknown as Kysely<Record<string, AnyRow>>
  let moved = 0
  for (let offset = 0; ; offset += PAGE_ROWS) {
    let query = source.selectFrom(table).selectAll()
    for (const column of key) query = query.orderBy(column)
    const rows = await query.limit(PAGE_ROWS).offset(offset).execute()
    if (rows.length === 0) return moved
    const values = rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([c]) => !omit.includes(c))),
    )
    const result = await target
      .insertInto(table)
      .values(values)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    moved += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
}

/**
 * Moves everything a SQLite store holds into a PostgreSQL store (both migrated): the one-shot
 * command of docs/operations.md. Idempotent: what PostgreSQL already holds is not written again.
 */
export async function moveToPostgres(sqlite: SqlStore, postgres: SqlStore): Promise<MoveCounts> {
  if (sqlite.backend !== 'sqlite' || postgres.backend !== 'postgres') {
    throw new Error('moveToPostgres moves a SQLite store into a PostgreSQL store')
  }
  const from = sqlite.db
  const to = postgres.db
  const counts = Object.fromEntries(MOVED_KINDS.map((kind) => [kind, 0])) as MoveCounts
  counts.boards = await copyTable(from, to, 'boards', ['id'])
  counts.tokens = await copyTable(from, to, 'tokens', ['board_id', 'role'])
  counts['join codes'] = await copyTable(from, to, 'join_codes', ['board_id'])
  counts['join tokens'] = await copyTable(from, to, 'join_tokens', ['token_hash'])
  counts['document snapshots'] = await copyTable(from, to, 'doc_snapshots', ['doc_name'])
  counts['document updates'] = await copyTable(from, to, 'doc_updates', ['doc_name', 'seq'])
  counts.votes = await copyTable(from, to, 'ballots', ['board_id', 'round_id', 'person_id', 'item_id'])
  counts.polls = await copyTable(from, to, 'polls', ['board_id', 'poll_id'])
  counts['poll answers'] = await copyTable(from, to, 'poll_answers', ['board_id', 'poll_id', 'person_id'])
  // PostgreSQL numbers the versions itself; their order (by seq) is kept, their ids say which is which.
  counts['history versions'] = await copyTable(from, to, 'board_versions', ['seq'], ['seq'])
  counts.libraries = await copyTable(from, to, 'libraries', ['id'])
  counts['library templates'] = await copyTable(from, to, 'library_templates', ['library_id', 'template_id'])
  // The key of the person credentials: people's links keep working after the move.
  counts['server secrets'] = await copyTable(from, to, 'server_secrets', ['name'])
  for (const { id } of await from.selectFrom('boards').select('id').orderBy('id').execute()) {
    for (const imageId of await sqlite.images.list(id)) {
      if (await postgres.images.read(id, imageId)) continue
      const image = await sqlite.images.read(id, imageId)
      if (!image) continue
      await postgres.images.save(id, image.bytes)
      counts.images++
    }
  }
  return counts
}
