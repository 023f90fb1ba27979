import type Database from 'better-sqlite3'

/**
 * The tables of one store module (boards, votes, libraries…) and their history: each module owns
 * its tables and its own ordered list of SQL steps, so features add tables without renumbering
 * anyone else's. Append only: a released step never changes, a new version adds a step.
 */
export interface SqlMigrations {
  module: string
  steps: readonly string[]
}

/** Boards, their token hashes and the documents' snapshots and update logs. */
export const BOARD_MIGRATIONS: SqlMigrations = {
  module: 'boards',
  steps: [
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
  ],
}

/** Brings one module's tables to its latest version, each step in its own transaction. */
export function migrate(db: Database.Database, { module, steps }: SqlMigrations): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_versions (module TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT',
  )
  const row = db
    .prepare<[string], { version: number }>('SELECT version FROM schema_versions WHERE module = ?')
    .get(module)
  const current = row?.version ?? 0
  if (current > steps.length) {
    throw new Error(
      `database tables of ${module} are at version ${current}, newer than this server (${steps.length})`,
    )
  }
  const record = db.prepare(
    `INSERT INTO schema_versions (module, version) VALUES (?, ?)
     ON CONFLICT (module) DO UPDATE SET version = excluded.version`,
  )
  for (let version = current + 1; version <= steps.length; version++) {
    db.transaction(() => {
      db.exec(steps[version - 1] as string)
      record.run(module, version)
    })()
  }
}
