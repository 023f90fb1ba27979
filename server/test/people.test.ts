import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { PersonCredentials } from '../src/people/credentials.js'
import { connectSyncedAs, join, startServer } from './facilitation.js'
import { onCleanup, openTestStore, refusedStatus, testConfig, waitFor } from './helpers.js'

describe('PersonCredentials', () => {
  const credentials = new PersonCredentials(Buffer.alloc(32, 7))
  const boardId = 'abcdefghijklmnopqrstuv'

  it('verifies what it issued, for that board and role only', () => {
    const { personId, credential } = credentials.issue(boardId, 'participant')
    expect(credential.startsWith(`${personId}.`)).toBe(true)
    expect(credentials.verify(boardId, 'participant', credential)).toBe(personId)
    expect(credentials.verify('zyxwvutsrqponmlkjihgfe', 'participant', credential)).toBeNull()
    expect(credentials.verify(boardId, 'facilitator', credential)).toBeNull()
    expect(new PersonCredentials(Buffer.alloc(32, 8)).verify(boardId, 'participant', credential)).toBeNull()
  })

  it.each([
    ['an empty string', ''],
    ['no signature', 'abcdefghijklmnopqrstuv'],
    ['a signature of the wrong length', 'abcdefghijklmnopqrstuv.short'],
    ['an extra part', 'abcdefghijklmnopqrstuv.x.y'],
  ])('refuses %s', (_case, credential) => {
    expect(credentials.verify(boardId, 'participant', credential)).toBeNull()
  })

  it('refuses a person id swapped under a valid signature', () => {
    const { credential } = credentials.issue(boardId, 'participant')
    const other = credentials.issue(boardId, 'participant')
    const signature = credential.split('.')[1]
    expect(credentials.verify(boardId, 'participant', `${other.personId}.${signature}`)).toBeNull()
  })
})

describe('POST /api/boards/:boardId/people', () => {
  it('gives each person of a link a signed identity', async () => {
    const { app, board } = await startServer()
    const first = await join(app, board, 'participant')
    const second = await join(app, board, 'participant')
    expect(first.personId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(first.personId).not.toBe(second.personId)
    expect(app.personCredentials.verify(board.id, 'participant', first.credential)).toBe(first.personId)
  })

  it('needs a token of this board and a name', async () => {
    const { app, board } = await startServer()
    const post = (headers: Record<string, string>, payload: unknown) =>
      app.inject({
        method: 'POST',
        url: `/api/boards/${board.id}/people`,
        headers,
        payload: payload as object,
      })
    const bearer = { authorization: `Bearer ${board.tokens.observer}` }
    expect((await post({}, { name: 'Ann' })).statusCode).toBe(401)
    expect((await post({ authorization: `Bearer ${'A'.repeat(43)}` }, { name: 'Ann' })).statusCode).toBe(401)
    const unnamed = await post(bearer, { name: '  ' })
    expect(unnamed.statusCode).toBe(400)
    expect(unnamed.json()).toEqual({ error: 'name must not be empty' })
    expect((await post(bearer, {})).json()).toEqual({ error: 'name is required' })
    expect((await post(bearer, { name: 'Ann', admin: true })).json()).toEqual({
      error: 'unknown field "admin"',
    })
    expect((await post(bearer, { name: 'Ann' })).statusCode).toBe(201)
  })

  it('keeps credentials valid across a restart: the secret is in the store', async () => {
    const config = testConfig()
    const first = buildApp(config)
    await first.ready()
    const { id } = (
      await first.inject({ method: 'POST', url: '/api/boards', payload: { title: 'T' } })
    ).json()
    const { credential, personId } = first.personCredentials.issue(id, 'participant')
    await first.close()

    const store = await openTestStore(config)
    const second = buildApp(config, { store })
    onCleanup(() => second.close())
    await second.ready()
    expect(second.personCredentials.verify(id, 'participant', credential)).toBe(personId)
  })
})

describe('person credentials on sync', () => {
  it('refuses a forged credential or one of another board with 401', async () => {
    const { app, board, sync } = await startServer()
    const other = await startServer()
    const ann = await join(app, board, 'participant')
    const stranger = await join(other.app, other.board, 'participant')
    const url = (credential: string) => `${sync}/${board.id}?token=${ann.token}&person=${credential}`
    expect(await refusedStatus(url(`${ann.personId}.${'A'.repeat(43)}`))).toBe(401)
    expect(await refusedStatus(url(stranger.credential))).toBe(401)
    expect(await refusedStatus(url('garbage'))).toBe(401)
    await connectSyncedAs(sync, board.id, ann)
  })

  it('makes awareness carry the connection person id', async () => {
    const { app, board, sync } = await startServer()
    const ann = await join(app, board, 'participant')
    const lead = await join(app, board, 'facilitator')
    const facilitator = await connectSyncedAs(sync, board.id, lead)
    const impostor = await connectSyncedAs(sync, board.id, ann)
    impostor.awareness.setLocalStateField('user', { id: lead.personId, name: 'Lead' })
    await waitFor(
      () => facilitator.awareness.getStates().get(impostor.awareness.clientID)?.user?.name === 'Lead',
      'the impostor presence',
    )
    expect(facilitator.awareness.getStates().get(impostor.awareness.clientID)?.user).toEqual({
      id: ann.personId,
      name: 'Lead',
    })
  })
})

describe('GET /api/time', () => {
  it('answers the server clock', async () => {
    const config = testConfig()
    const app = buildApp(config, { now: () => new Date(1_234_567) })
    onCleanup(() => app.close())
    const response = await app.inject('/api/time')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ now: 1_234_567 })
  })
})
