import type { Role } from '@atelier/shared'

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
  /** Replaces the snapshot and drops the log up to `uptoSeq` included, atomically. */
  compact(docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>

  /**
   * Writes and removes a throwaway entry: resolves only if the store can take writes again (see
   * StoreHealth). Stores without it are taken as recovered at their next successful write.
   */
  probeWrite?(): Promise<void>

  close(): Promise<void>
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
