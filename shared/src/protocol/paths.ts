import type { DocKind } from './roles.js'

/** URL prefix of the sync endpoint: y-websocket appends `/<room>` to it. */
export const SYNC_PREFIX = '/sync'

/** Board ids are URL-safe random strings; anything else in a path is refused before lookup. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

/** Person ids have the same shape as board ids: URL-safe, so they fit in a room name. */
export const PERSON_ID_PATTERN = BOARD_ID_PATTERN

/** One of a board's documents, as a y-websocket room names it. */
export type RoomTarget =
  | { boardId: string; kind: 'board' | 'session' }
  | { boardId: string; kind: 'private'; personId: string }

/** The y-websocket room name of one of a board's documents. */
export function roomName(boardId: string, kind: 'board' | 'session'): string
export function roomName(boardId: string, kind: 'private', personId: string): string
export function roomName(boardId: string, kind: DocKind, personId?: string): string
export function roomName(boardId: string, kind: DocKind, personId?: string): string {
  if (kind === 'board') return boardId
  if (kind === 'session') return `${boardId}/session`
  if (personId === undefined || !PERSON_ID_PATTERN.test(personId)) {
    throw new Error(`a private room needs a valid person id, got ${JSON.stringify(personId)}`)
  }
  return `${boardId}/private/${personId}`
}

/** The room name of a target (see roomName). */
export function targetRoomName(target: RoomTarget): string {
  return target.kind === 'private'
    ? roomName(target.boardId, 'private', target.personId)
    : roomName(target.boardId, target.kind)
}

export function parseRoom(room: string): RoomTarget | null {
  const [boardId, suffix, personId, ...rest] = room.split('/')
  if (!boardId || rest.length > 0 || !BOARD_ID_PATTERN.test(boardId)) return null
  if (suffix === undefined) return { boardId, kind: 'board' }
  if (suffix === 'session' && personId === undefined) return { boardId, kind: 'session' }
  if (suffix === 'private' && personId !== undefined && PERSON_ID_PATTERN.test(personId)) {
    return { boardId, kind: 'private', personId }
  }
  return null
}
