import { type CreateTableBuilder, type Kysely, sql } from 'kysely'
import type { Tables } from './tables.js'

export type DialectName = 'sqlite' | 'postgres'

/** What a migration step writes with: the transaction, and the column types of its dialect. */
export interface SchemaStep {
  db: Kysely<Tables>
  dialect: DialectName
  /** Column type of bytes: BLOB or BYTEA. */
  bytes: 'blob' | 'bytea'
  /** Column type of times in milliseconds and other numbers past 2^31: SQLite's integers are 64-bit already. */
  bigint: 'integer' | 'bigint'
}

/**
 * The tables of one module (boards, votes, libraries…) and their history: each module owns its
 * tables and its own ordered list of steps, so features add tables without renumbering anyone
 * else's. Append only: a released step never changes, a new version adds a step. Steps are
 * written once with Kysely's schema builder and run on both dialects; data dirs created by the
 * SQL steps of earlier releases recorded the same versions for the same tables.
 */
export interface Migrations {
  module: string
  steps: readonly ((step: SchemaStep) => Promise<void>)[]
}

/** A key of its own among PostgreSQL's advisory locks: nodes starting together migrate one at a time. */
const MIGRATION_LOCK = 0x41_74_65_6c

/** A primary key numbered by the database, never reused (SQLite AUTOINCREMENT, PostgreSQL bigserial). */
export function withSerialKey<T extends string>(
  table: CreateTableBuilder<T, never>,
  column: string,
  dialect: DialectName,
): CreateTableBuilder<T, never> {
  return dialect === 'sqlite'
    ? table.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn(column, 'bigserial', (c) => c.primaryKey())
}

/**
 * Brings every module's tables to its latest version, in one transaction: a failed step leaves
 * the database as it was. On PostgreSQL the transaction first takes an advisory lock, so two
 * nodes starting at once do not run the same step twice.
 */
export async function migrate(
  db: Kysely<Tables>,
  dialect: DialectName,
  modules: readonly Migrations[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)
    await trx.schema
      .createTable('schema_versions')
      .ifNotExists()
      .addColumn('module', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute()
    const step: SchemaStep = {
      db: trx,
      dialect,
      bytes: dialect === 'sqlite' ? 'blob' : 'bytea',
      bigint: dialect === 'sqlite' ? 'integer' : 'bigint',
    }
    for (const { module, steps } of modules) {
      const row = await trx
        .selectFrom('schema_versions')
        .select('version')
        .where('module', '=', module)
        .executeTakeFirst()
      const current = row?.version ?? 0
      if (current > steps.length) {
        throw new Error(
          `database tables of ${module} are at version ${current}, newer than this server (${steps.length})`,
        )
      }
      for (let version = current + 1; version <= steps.length; version++) {
        await (steps[version - 1] as (step: SchemaStep) => Promise<void>)(step)
      }
      if (steps.length > current) {
        await trx
          .insertInto('schema_versions')
          .values({ module, version: steps.length })
          .onConflict((oc) => oc.column('module').doUpdateSet({ version: steps.length }))
          .execute()
      }
    }
  })
}
