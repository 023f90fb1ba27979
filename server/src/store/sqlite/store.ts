import fs from 'node:fs'
import path from 'node:path'
import { isRole, ROLES, type Role } from '@atelier/shared'
import Database from 'better-sqlite3'
import { JOIN_CODE_VALIDITY_MS, newJoinCode } from '../../join/codes.js'
import type { BoardRecord, BoardStore, JoinCode, NewBoard, StoredDocument } from '../types.js'
import { BOARD_MIGRATIONS, migrate } from './migrations.js'

export const DATABASE_FILE = 'atelier.sqlite'
/** Not a room name (those start with a 22-character board id), so never loaded as a document. */
const PROBE_DOC_NAME = 'atelier:write-probe'
const PROBE_BYTES = 1024 * 1024

interface BoardRow {
  id: string
  title: string
  template_id: string | null
  created_at: number
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** better-sqlite3 binds Buffers as BLOBs; this views the same bytes without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * The embedded store: one SQLite file in the data directory. better-sqlite3 is synchronous, so
 * an append has reached the database file when `appendUpdate` resolves.
 */
export class SqliteBoardStore implements BoardStore {
  /** Shared with the other SQLite stores (votes, libraries…), which own their own tables. */
  readonly db: Database.Database
  private readonly statements

  constructor(file: string) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // NORMAL only risks the last commits on power loss or an OS crash; a killed process (the
    // contract's SIGKILL case) loses nothing, since each commit is in the WAL file when it returns.
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('foreign_keys = ON')
    migrate(this.db, BOARD_MIGRATIONS)
    this.statements = {
      insertBoard: this.db.prepare(
        'INSERT INTO boards (id, title, template_id, created_at) VALUES (@id, @title, @templateId, @createdAt)',
      ),
      upsertToken: this.db.prepare(
        `INSERT INTO tokens (board_id, role, token_hash) VALUES (?, ?, ?)
         ON CONFLICT (board_id, role) DO UPDATE SET token_hash = excluded.token_hash`,
      ),
      selectBoard: this.db.prepare<[string], BoardRow>(
        'SELECT id, title, template_id, created_at FROM boards WHERE id = ?',
      ),
      selectRole: this.db.prepare<[string, string, string, string], { role: string }>(
        `SELECT role FROM tokens WHERE board_id = ? AND token_hash = ?
         UNION ALL SELECT 'participant' FROM join_tokens WHERE board_id = ? AND token_hash = ?`,
      ),
      deleteJoinTokens: this.db.prepare('DELETE FROM join_tokens WHERE board_id = ?'),
      selectJoinCode: this.db.prepare<[string], { code: string; expires_at: number }>(
        'SELECT code, expires_at FROM join_codes WHERE board_id = ?',
      ),
      upsertJoinCode: this.db.prepare(
        `INSERT INTO join_codes (board_id, code, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET code = excluded.code, expires_at = excluded.expires_at`,
      ),
      deleteJoinCode: this.db.prepare('DELETE FROM join_codes WHERE board_id = ?'),
      selectBoardByCode: this.db.prepare<[string, number], { board_id: string }>(
        'SELECT board_id FROM join_codes WHERE code = ? AND expires_at > ?',
      ),
      countJoinTokens: this.db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM join_tokens WHERE board_id = ?',
      ),
      insertJoinToken: this.db.prepare('INSERT INTO join_tokens (token_hash, board_id) VALUES (?, ?)'),
      insertUpdate: this.db.prepare('INSERT INTO doc_updates (doc_name, update_data) VALUES (?, ?)'),
      selectSnapshot: this.db.prepare<[string], { snapshot: Buffer; upto_seq: number }>(
        'SELECT snapshot, upto_seq FROM doc_snapshots WHERE doc_name = ?',
      ),
      selectUpdates: this.db.prepare<[string, number], { seq: number; update_data: Buffer }>(
        'SELECT seq, update_data FROM doc_updates WHERE doc_name = ? AND seq > ? ORDER BY seq',
      ),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO doc_snapshots (doc_name, snapshot, upto_seq) VALUES (?, ?, ?)
         ON CONFLICT (doc_name) DO UPDATE SET snapshot = excluded.snapshot, upto_seq = excluded.upto_seq`,
      ),
      deleteUpdates: this.db.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?'),
      insertProbe: this.db.prepare('INSERT INTO doc_updates (doc_name, update_data) VALUES (?, zeroblob(?))'),
      deleteProbe: this.db.prepare('DELETE FROM doc_updates WHERE doc_name = ?'),
    }
  }

  /** Opens (creating if needed) the store of a data directory. */
  static open(dataDir: string): SqliteBoardStore {
    fs.mkdirSync(dataDir, { recursive: true })
    return new SqliteBoardStore(path.join(dataDir, DATABASE_FILE))
  }

  async createBoard(board: NewBoard): Promise<JoinCode> {
    return this.db.transaction(() => this.insertBoard(board))()
  }

  /**
   * Writes a new board, its token hashes, its join code, its document and the first snapshot of
   * other documents of it (a restored session). Synchronous, for callers that write more in the
   * same transaction.
   */
  insertBoard(
    board: NewBoard,
    snapshots: ReadonlyArray<[docName: string, snapshot: Uint8Array]> = [],
  ): JoinCode {
    const { id, title, templateId, createdAt } = board
    this.statements.insertBoard.run({ id, title, templateId, createdAt })
    for (const role of ROLES) this.statements.upsertToken.run(board.id, role, board.tokenHashes[role])
    this.statements.upsertSnapshot.run(board.id, asBuffer(board.document), 0)
    for (const [name, snapshot] of snapshots) this.statements.upsertSnapshot.run(name, asBuffer(snapshot), 0)
    const expiresAt = createdAt + JOIN_CODE_VALIDITY_MS
    // ~887 million codes: a collision is rare, two in a row rarer still.
    let joinCode = { code: newJoinCode(), expiresAt }
    while (!this.insertJoinCode(id, joinCode)) joinCode = { code: newJoinCode(), expiresAt }
    return joinCode
  }

  async getBoard(boardId: string): Promise<BoardRecord | null> {
    const row = this.statements.selectBoard.get(boardId)
    if (!row) return null
    return { id: row.id, title: row.title, templateId: row.template_id, createdAt: row.created_at }
  }

  async findRole(boardId: string, tokenHash: string): Promise<Role | null> {
    const row = this.statements.selectRole.get(boardId, tokenHash, boardId, tokenHash)
    return row && isRole(row.role) ? row.role : null
  }

  async rotateToken(boardId: string, role: Role, tokenHash: string): Promise<void> {
    this.db.transaction(() => {
      this.statements.upsertToken.run(boardId, role, tokenHash)
      if (role === 'participant') this.statements.deleteJoinTokens.run(boardId)
    })()
  }

  async getJoinCode(boardId: string): Promise<JoinCode | null> {
    const row = this.statements.selectJoinCode.get(boardId)
    return row ? { code: row.code, expiresAt: row.expires_at } : null
  }

  async setJoinCode(boardId: string, joinCode: JoinCode | null): Promise<boolean> {
    if (!joinCode) {
      this.statements.deleteJoinCode.run(boardId)
      return true
    }
    return this.insertJoinCode(boardId, joinCode)
  }

  private insertJoinCode(boardId: string, { code, expiresAt }: JoinCode): boolean {
    try {
      this.statements.upsertJoinCode.run(boardId, code, expiresAt)
      return true
    } catch (error) {
      if (isUniqueViolation(error)) return false
      throw error
    }
  }

  async findBoardByJoinCode(code: string, now: number): Promise<string | null> {
    return this.statements.selectBoardByCode.get(code, now)?.board_id ?? null
  }

  async addJoinToken(boardId: string, tokenHash: string, max: number): Promise<boolean> {
    return this.db.transaction(() => {
      if ((this.statements.countJoinTokens.get(boardId)?.n ?? 0) >= max) return false
      this.statements.insertJoinToken.run(tokenHash, boardId)
      return true
    })()
  }

  async appendUpdate(docName: string, update: Uint8Array): Promise<number> {
    const result = this.statements.insertUpdate.run(docName, asBuffer(update))
    return Number(result.lastInsertRowid)
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snapshot = this.statements.selectSnapshot.get(docName)
      const rows = this.statements.selectUpdates.all(docName, snapshot?.upto_seq ?? 0)
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.snapshot) : null,
        updates: rows.map((row) => new Uint8Array(row.update_data)),
        lastSeq: rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
      }
    })()
  }

  async compact(docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(docName, asBuffer(snapshot), uptoSeq)
      this.statements.deleteUpdates.run(docName, uptoSeq)
    })()
  }

  async probeWrite(): Promise<void> {
    // A megabyte, so that a disk with a few pages free is not taken for a recovered one.
    this.db.transaction(() => {
      this.statements.insertProbe.run(PROBE_DOC_NAME, PROBE_BYTES)
      this.statements.deleteProbe.run(PROBE_DOC_NAME)
    })()
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}
