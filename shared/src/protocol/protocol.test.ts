import { describe, expect, it } from 'vitest'
import { parseRoom, roomName, targetRoomName } from './paths.js'
import { canWrite, isRole } from './roles.js'

describe('rooms', () => {
  const boardId = 'abcdefghijklmnopqrstuv'

  it('round-trip board and session room names', () => {
    expect(parseRoom(roomName(boardId, 'board'))).toEqual({ boardId, kind: 'board' })
    expect(parseRoom(roomName(boardId, 'session'))).toEqual({ boardId, kind: 'session' })
  })

  it('round-trip private room names, one per person', () => {
    const personId = 'PERSONabcdefghijklmnop'
    const target = { boardId, kind: 'private', personId } as const
    expect(roomName(boardId, 'private', personId)).toBe(`${boardId}/private/${personId}`)
    expect(parseRoom(targetRoomName(target))).toEqual(target)
  })

  it('refuse to name a private room without a valid person id', () => {
    expect(() => roomName(boardId, 'private', '../x')).toThrow(/valid person id/)
  })

  it.each([
    '',
    'short',
    `${boardId}/other`,
    `${boardId}/session/x`,
    `${boardId}/private`,
    `${boardId}/private/short`,
    `${boardId}/private/${boardId}/x`,
    '../../etc/passwd',
    `${boardId}%2F`,
  ])('refuse %j', (room) => {
    expect(parseRoom(room)).toBeNull()
  })
})

describe('roles', () => {
  it('let facilitators write both documents, participants only the board, observers nothing', () => {
    expect(canWrite('facilitator', 'board')).toBe(true)
    expect(canWrite('facilitator', 'session')).toBe(true)
    expect(canWrite('participant', 'board')).toBe(true)
    expect(canWrite('participant', 'session')).toBe(false)
    expect(canWrite('observer', 'board')).toBe(false)
    expect(canWrite('observer', 'session')).toBe(false)
    expect(canWrite('participant', 'private')).toBe(true)
    expect(canWrite('observer', 'private')).toBe(false)
  })

  it('recognise only the three roles', () => {
    expect(isRole('observer')).toBe(true)
    expect(isRole('admin')).toBe(false)
  })
})
