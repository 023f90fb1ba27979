import type { BoardAccess } from '@atelier/shared'
import { fetchAccess } from '../sync/api.js'
import { BoardConnection } from '../sync/BoardConnection.js'
import { storedIdentity } from './identity.js'

/**
 * A board link's two slow starts — the token check and the board's data (local copy, then the
 * relay) — begun as soon as the script runs, while the fonts and strings the first render waits
 * for are still loading. The page takes the access check and the session the connection, each
 * once; a page that never takes the connection (refused link) discards it.
 */
interface EarlyBoard {
  boardId: string
  token: string
  access: Promise<BoardAccess> | null
  connection: BoardConnection | null
}

let early: EarlyBoard | null = null

export function startBoardEarly(boardId: string, token: string): void {
  discardEarlyBoard()
  const access = fetchAccess(boardId, token)
  // The page reads the outcome when it takes the promise; until then a refusal is not "unhandled".
  access.catch(() => undefined)
  const credential = storedIdentity(localStorage, boardId)?.credential ?? null
  const connection = new BoardConnection(boardId, token, credential)
  early = { boardId, token, access, connection }
}

function matching(boardId: string, token: string): EarlyBoard | null {
  return early && early.boardId === boardId && early.token === token ? early : null
}

/** The access check begun early for this link, once; null if none (or already taken). */
export function takeEarlyAccess(boardId: string, token: string): Promise<BoardAccess> | null {
  const started = matching(boardId, token)
  if (!started) return null
  const { access } = started
  started.access = null
  return access
}

/** The connection opened early for this link, once; null if none (or already taken). */
export function takeEarlyConnection(boardId: string, token: string): BoardConnection | null {
  const started = matching(boardId, token)
  if (!started) return null
  const { connection } = started
  started.connection = null
  return connection
}

/** Closes a connection nobody took (the link was refused, or another board opened). */
export function discardEarlyBoard(): void {
  early?.connection?.destroy()
  early = null
}
