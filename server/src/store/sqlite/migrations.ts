import type Database from 'better-sqlite3'

/**
 * Schema of the embedded store, one entry per version (PRAGMA user_version). Append only: a
 * released entry never changes, a new version adds an entry.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    template_id TEXT,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE tokens (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    PRIMARY KEY (board_id, role)
  ) STRICT;
  CREATE UNIQUE INDEX tokens_by_hash ON tokens(token_hash);

  CREATE TABLE doc_snapshots (
    doc_name TEXT PRIMARY KEY,
    snapshot BLOB NOT NULL,
    upto_seq INTEGER NOT NULL
  ) STRICT;

  -- AUTOINCREMENT: sequence numbers never go back, even after compaction deletes the newest rows.
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_name TEXT NOT NULL,
    update_data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX doc_updates_by_doc ON doc_updates(doc_name, seq);
  `,
]

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this server (${MIGRATIONS.length})`)
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1] as string)
      db.pragma(`user_version = ${version}`)
    })()
  }
}
