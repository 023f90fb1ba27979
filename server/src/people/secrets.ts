import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import { migrate, type SqlMigrations } from '../store/sqlite/migrations.js'

/** Keys the server generates once and keeps in its store (never sent to anyone). */
export const SECRET_MIGRATIONS: SqlMigrations = {
  module: 'server_secrets',
  steps: [
    `
  CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    secret BLOB NOT NULL
  ) STRICT;
  `,
  ],
}

/** 256 bits: as strong as HMAC-SHA256 can use. */
const SECRET_BYTES = 32

/**
 * The secret stored under `name`, created on first use. Kept in the store rather than in the
 * environment so that a restart, or a second relay on the same store, verifies the same credentials.
 */
export function serverSecret(db: Database.Database, name: string): Buffer {
  migrate(db, SECRET_MIGRATIONS)
  db.prepare('INSERT INTO server_secrets (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(
    name,
    randomBytes(SECRET_BYTES),
  )
  const row = db
    .prepare<[string], { secret: Buffer }>('SELECT secret FROM server_secrets WHERE name = ?')
    .get(name)
  if (!row) throw new Error(`server secret "${name}" could not be stored`)
  return row.secret
}
