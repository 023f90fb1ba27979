import type Database from 'better-sqlite3'
import { JOIN_CODE_VALIDITY_MS, newJoinCode } from '../../join/codes.js'

/**
 * The tables of one store module (boards, votes, libraries…) and their history: each module owns
 * its tables and its own ordered list of SQL steps, so features add tables without renumbering
 * anyone else's. Append only: a released step never changes, a new version adds a step.
 */
export interface SqlMigrations {
  module: string
  /** SQL, or a function for a step SQL cannot express (data that needs random codes…). */
  steps: readonly (string | ((db: Database.Database) => void))[]
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
    // Join codes (docs/security.md): one open code per board, and the participant tokens handed
    // out through it, each stored hashed like the links' tokens.
    `
  CREATE TABLE join_codes (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    expires_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE join_tokens (
    token_hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE
  ) STRICT;
  CREATE INDEX join_tokens_by_board ON join_tokens(board_id);
  `,
    backfillJoinCodes,
  ],
}

/** Boards created before join codes get one, valid for the usual time from now. */
function backfillJoinCodes(db: Database.Database): void {
  const boards = db
    .prepare<[], { id: string }>(
      'SELECT id FROM boards WHERE id NOT IN (SELECT board_id FROM join_codes) ORDER BY created_at',
    )
    .all()
  const insert = db.prepare('INSERT INTO join_codes (board_id, code, expires_at) VALUES (?, ?, ?)')
  const taken = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM join_codes WHERE code = ?')
  const expiresAt = Date.now() + JOIN_CODE_VALIDITY_MS
  for (const { id } of boards) {
    let code = newJoinCode()
    while ((taken.get(code)?.n ?? 0) > 0) code = newJoinCode()
    insert.run(id, code, expiresAt)
  }
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
    const step = steps[version - 1]
    db.transaction(() => {
      if (typeof step === 'function') step(db)
      else db.exec(step as string)
      record.run(module, version)
    })()
  }
}
