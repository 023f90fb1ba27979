import { describe, expect, it } from 'vitest'
import { parseRoom, roomName } from './paths.js'
import { canWrite, isRole } from './roles.js'

describe('rooms', () => {
  const boardId = 'abcdefghijklmnopqrstuv'

  it('round-trip board and session room names', () => {
    expect(parseRoom(roomName(boardId, 'board'))).toEqual({ boardId, kind: 'board' })
    expect(parseRoom(roomName(boardId, 'session'))).toEqual({ boardId, kind: 'session' })
  })

  it.each(['', 'short', `${boardId}/other`, `${boardId}/session/x`, '../../etc/passwd', `${boardId}%2F`])(
    'refuse %j',
    (room) => {
      expect(parseRoom(room)).toBeNull()
    },
  )
})

describe('roles', () => {
  it('let facilitators write both documents, participants only the board, observers nothing', () => {
    expect(canWrite('facilitator', 'board')).toBe(true)
    expect(canWrite('facilitator', 'session')).toBe(true)
    expect(canWrite('participant', 'board')).toBe(true)
    expect(canWrite('participant', 'session')).toBe(false)
    expect(canWrite('observer', 'board')).toBe(false)
    expect(canWrite('observer', 'session')).toBe(false)
  })

  it('recognise only the three roles', () => {
    expect(isRole('observer')).toBe(true)
    expect(isRole('admin')).toBe(false)
  })
})
