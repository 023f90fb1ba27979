import type { Role } from '@atelier/shared'
import type { BackupRecords } from '../backup/records.js'
import type { GameStore } from '../game/store.js'
import type { VersionStore } from '../history/versions.js'
import type { ImageStore } from '../images/store.js'
import type { LibraryStore } from '../libraries/types.js'
import type { VoteStore } from '../voting/store.js'

/**
 * Persistence seam: the relay and the HTTP API only talk to this interface, so a networked
 * store (PostgreSQL) can replace the embedded one. Methods are async for that reason; the
 * relay awaits `appendUpdate` before it forwards an update to anyone.
 */
export interface BoardStore {
  /**
   * Creates the board, its token hashes, its initial document and a fresh join code valid for
   * JOIN_CODE_VALIDITY_MS after `createdAt`, in one transaction; resolves with that code.
   */
  createBoard(board: NewBoard): Promise<JoinCode>
  getBoard(boardId: string): Promise<BoardRecord | null>
  /** The role a token hash grants on a board, or null. */
  findRole(boardId: string, tokenHash: string): Promise<Role | null>
  /**
   * Replaces the token of one role; links holding the old token stop working. Replacing the
   * participant token also ends the participant tokens handed out through the join code.
   */
  rotateToken(boardId: string, role: Role, tokenHash: string): Promise<void>

  /** The board's join code, expired or not; null when the facilitator turned it off. */
  getJoinCode(boardId: string): Promise<JoinCode | null>
  /** Replaces (or, with null, removes) the board's join code; false when the code belongs to another board. */
  setJoinCode(boardId: string, joinCode: JoinCode | null): Promise<boolean>
  /** The board a code opens at `now` (epoch ms), or null for an unknown or expired code. */
  findBoardByJoinCode(code: string, now: number): Promise<string | null>
  /** Records a participant token handed out through the join code; false when the board has `max` already. */
  addJoinToken(boardId: string, tokenHash: string, max: number): Promise<boolean>

  /** Appends one Yjs update to a document's log; resolves with its sequence number once durable. */
  appendUpdate(docName: string, update: Uint8Array): Promise<number>
  /** The latest snapshot of a document and the updates logged after it, oldest first. */
  loadDocument(docName: string): Promise<StoredDocument>
  /**
   * The updates logged after `afterSeq`, oldest first; null when some of them were folded into the
   * snapshot since (the caller then needs `loadDocument`). Sequence numbers count per document
   * and follow commit order: a caller that has seen `afterSeq` misses nothing by asking for the rest.
   */
  loadUpdatesAfter(docName: string, afterSeq: number): Promise<LoggedUpdates | null>
  /**
   * Replaces the snapshot and drops the log up to `uptoSeq` included, atomically. `snapshot` holds
   * every update up to `uptoSeq`; a snapshot that covers less than the stored one is ignored, so
   * compacting twice, or from two nodes at once, loses nothing.
   */
  compact(docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>

  /**
   * Writes and removes a throwaway entry: resolves only if the store can take writes again (see
   * StoreHealth). Stores without it are taken as recovered at their next successful write.
   */
  probeWrite?(): Promise<void>
  /** A read that costs nothing: rejects when the store no longer answers at all. */
  ping?(): Promise<void>

  close(): Promise<void>
}

/**
 * All of the server's state behind one seam: boards and documents (the BoardStore methods) and
 * every module's records. `openStore` builds it from the configuration: SQLite in DATA_DIR, or
 * PostgreSQL when DATABASE_URL is set.
 */
export interface Store extends BoardStore {
  readonly backend: 'sqlite' | 'postgres'
  readonly votes: VoteStore
  readonly games: GameStore
  readonly versions: VersionStore
  readonly libraries: LibraryStore
  readonly images: ImageStore
  /** Ballots, polls and answers of whole boards, for backups. */
  readonly backups: BackupRecords
  /** The secret kept under `name`, created on first use (see people/secrets.ts). */
  serverSecret(name: string): Promise<Buffer>
  probeWrite(): Promise<void>
  /** Brings the tables to this server's version; the app awaits it before anything else. */
  migrate(): Promise<void>
}

export interface LoggedUpdates {
  updates: { seq: number; update: Uint8Array }[]
  /** Sequence number of the last update returned, or `afterSeq` when there is none. */
  lastSeq: number
}

export interface BoardRecord {
  id: string
  title: string
  templateId: string | null
  /** Milliseconds since the epoch. */
  createdAt: number
}

export interface JoinCode {
  code: string
  /** Milliseconds since the epoch. */
  expiresAt: number
}

export interface NewBoard extends BoardRecord {
  /** SHA-256 of each role's token; the tokens themselves are never stored. */
  tokenHashes: Record<Role, string>
  /** Full state of the board document (a Yjs update), stored as its first snapshot. */
  document: Uint8Array
}

export interface StoredDocument {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Sequence number of the last update returned (0 when there is none). */
  lastSeq: number
}
