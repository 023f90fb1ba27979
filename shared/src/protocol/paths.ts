import type { DocKind } from './roles.js'

/** URL prefix of the sync endpoint: y-websocket appends `/<room>` to it. */
export const SYNC_PREFIX = '/sync'

/** The y-websocket room name of one of a board's documents. */
export function roomName(boardId: string, kind: DocKind): string {
  return kind === 'session' ? `${boardId}/session` : boardId
}

/** Board ids are URL-safe random strings; anything else in a path is refused before lookup. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

export function parseRoom(room: string): { boardId: string; kind: DocKind } | null {
  const [boardId, suffix, ...rest] = room.split('/')
  if (!boardId || rest.length > 0 || !BOARD_ID_PATTERN.test(boardId)) return null
  if (suffix === undefined) return { boardId, kind: 'board' }
  if (suffix === 'session') return { boardId, kind: 'session' }
  return null
}
