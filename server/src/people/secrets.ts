import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Migrations } from '../store/sql/migrations.js'
import type { Tables } from '../store/sql/tables.js'

/** Keys the server generates once and keeps in its store (never sent to anyone). */
export const SECRET_MIGRATIONS: Migrations = {
  module: 'server_secrets',
  steps: [
    async ({ db, bytes }) => {
      await db.schema
        .createTable('server_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('secret', bytes, (c) => c.notNull())
        .execute()
    },
  ],
}

/** 256 bits: as strong as HMAC-SHA256 can use. */
const SECRET_BYTES = 32

/**
 * The secret stored under `name`, created on first use. Kept in the store rather than in the
 * environment so that a restart, or every node on the same database, verifies the same
 * credentials: of two nodes creating it at once, the first insert wins and both read it back.
 */
export async function serverSecret(db: Kysely<Tables>, name: string): Promise<Buffer> {
  await db
    .insertInto('server_secrets')
    .values({ name, secret: randomBytes(SECRET_BYTES) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('server_secrets')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirst()
  if (!row) throw new Error(`server secret "${name}" could not be stored`)
  return Buffer.from(row.secret)
}
