import { CloseCode } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { connectSyncedAs, join, startServer } from './facilitation.js'
import { closeCode, connectSynced, openRaw, refusedStatus } from './helpers.js'

describe('POST /api/boards/:boardId/tokens/:role/rotate', () => {
  it('replaces the participant link: the old token is refused and its sockets closed with 4403', async () => {
    const { app, board, sync } = await startServer()
    const old = board.tokens.participant
    const participantSocket = await openRaw(`${sync}/${board.id}?token=${old}`)
    const participantSession = await openRaw(`${sync}/${board.id}/session?token=${old}`)
    const observer = await connectSynced(sync, board.id, board.tokens.observer)
    const closes = [closeCode(participantSocket), closeCode(participantSession)]

    const response = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/tokens/participant/rotate`,
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(response.statusCode).toBe(200)
    const { token } = response.json<{ token: string }>()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(token).not.toBe(old)

    expect(await Promise.all(closes)).toEqual([CloseCode.tokenRevoked, CloseCode.tokenRevoked])
    expect(observer.wsconnected).toBe(true)
    expect(await refusedStatus(`${sync}/${board.id}?token=${old}`)).toBe(401)
    expect((await app.inject(`/api/boards/${board.id}?token=${old}`)).statusCode).toBe(401)
    expect((await app.inject(`/api/boards/${board.id}?token=${token}`)).json().role).toBe('participant')
    await connectSynced(sync, board.id, token)
  })

  it('keeps the people of a replaced link: their credential works with the new token', async () => {
    const { app, board, sync } = await startServer()
    const ann = await join(app, board, 'participant')
    const response = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/tokens/participant/rotate`,
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    const { token } = response.json<{ token: string }>()
    const privateRoom = `${board.id}/private/${ann.personId}`
    expect(await refusedStatus(`${sync}/${privateRoom}?token=${ann.token}&person=${ann.credential}`)).toBe(
      401,
    )
    await connectSyncedAs(sync, privateRoom, { ...ann, token })
  })

  it('is for facilitators only, and only for the participant and observer links', async () => {
    const { app, board } = await startServer()
    const rotate = (role: string, token?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/boards/${board.id}/tokens/${role}/rotate`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
    const byParticipant = await rotate('participant', board.tokens.participant)
    expect(byParticipant.statusCode).toBe(403)
    expect(byParticipant.json()).toEqual({ error: 'only a facilitator can replace a link' })
    expect((await rotate('observer', board.tokens.observer)).statusCode).toBe(403)
    expect((await rotate('participant')).statusCode).toBe(401)
    const facilitatorLink = await rotate('facilitator', board.tokens.facilitator)
    expect(facilitatorLink.statusCode).toBe(400)
    expect(facilitatorLink.json().error).toMatch(/role must be one of participant, observer/)
    expect((await rotate('observer', board.tokens.facilitator)).statusCode).toBe(200)
    expect((await app.inject(`/api/boards/${board.id}?token=${board.tokens.participant}`)).statusCode).toBe(
      200,
    )
  })
})
