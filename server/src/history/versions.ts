import type { BoardVersion, VersionReason } from '@atelier/shared'

/** A version about to be stored: the board document's whole state at one moment. */
export interface NewVersion {
  boardId: string
  /** Milliseconds since the epoch. */
  at: number
  reason: VersionReason
  items: number
  /** The board document encoded as one Yjs update (`Y.encodeStateAsUpdate`). */
  state: Uint8Array
}

/** How many versions a board keeps. */
export interface Retention {
  maxVersions: number
  /** Versions taken before this moment (ms since the epoch) are dropped. */
  notBefore: number
}

/**
 * Where board versions live. Behind an interface like `BoardStore`, so a PostgreSQL store can
 * replace the SQLite one.
 */
export interface VersionStore {
  /** Stores a version and drops the board's versions past the retention, atomically. */
  add(version: NewVersion, retention: Retention): Promise<BoardVersion>
  /** The board's versions, newest first. */
  list(boardId: string): Promise<BoardVersion[]>
  /** When the board's newest version was taken (ms since the epoch), or null without one. */
  latestAt(boardId: string): Promise<number | null>
  /** One version and its encoded state, or null when the board has no such version. */
  get(boardId: string, versionId: string): Promise<{ version: BoardVersion; state: Uint8Array } | null>
}
