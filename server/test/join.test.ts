import { JOIN_CODE_ALPHABET } from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { hashToken } from '../src/access.js'
import { buildApp } from '../src/app.js'
import { JOIN_CODE_VALIDITY_MS } from '../src/join/codes.js'
import { legacyDatabase } from './fixtures/legacySqlite.js'
import { BACKEND, createBoard, onCleanup, openTestStore, tempDir, testConfig } from './helpers.js'

const DAY = 24 * 60 * 60 * 1000

async function start(clock = { now: Date.parse('2026-03-02T09:00:00Z') }): Promise<FastifyInstance> {
  const app = buildApp(testConfig(), { now: () => new Date(clock.now) })
  onCleanup(() => app.close())
  await app.ready()
  return app
}

const join = (app: FastifyInstance, code: string, ip = '10.0.0.1') =>
  app.inject({ method: 'GET', url: `/api/join/${encodeURIComponent(code)}`, remoteAddress: ip })

const roleOf = async (app: FastifyInstance, boardId: string, token: string) => {
  const response = await app.inject(`/api/boards/${boardId}?token=${token}`)
  return response.statusCode === 200 ? response.json().role : response.statusCode
}

describe('join codes', () => {
  it('gives every board a code of six unambiguous characters', async () => {
    const app = await start()
    const codes = new Set<string>()
    for (let i = 0; i < 20; i++) {
      const { joinCode } = await createBoard(app)
      expect(joinCode).toHaveLength(6)
      for (const char of joinCode) expect(JOIN_CODE_ALPHABET).toContain(char)
      expect(joinCode).not.toMatch(/[01OIL]/)
      codes.add(joinCode)
    }
    expect(codes.size).toBe(20)
  })

  it('hands a participant token of the board for its code, whatever the case and spacing', async () => {
    const app = await start()
    const board = await createBoard(app)
    const lower = board.joinCode.toLowerCase()
    const response = await join(app, `${lower.slice(0, 3)} ${lower.slice(3)}`)
    expect(response.statusCode).toBe(200)
    const { boardId, token } = response.json()
    expect(boardId).toBe(board.id)
    expect(await roleOf(app, board.id, token)).toBe('participant')
    // Each joiner gets a token of their own; none works on another board.
    const second = (await join(app, board.joinCode)).json()
    expect(second.token).not.toBe(token)
    const other = await createBoard(app)
    expect(await roleOf(app, other.id, token)).toBe(401)
  })

  it('answers 404 for an unknown or malformed code', async () => {
    const app = await start()
    await createBoard(app)
    expect((await join(app, 'ZZZZZZ')).statusCode).toBe(404)
    expect((await join(app, 'K7QF3')).statusCode).toBe(404)
    expect((await join(app, 'O0I1L2')).statusCode).toBe(404)
    expect((await join(app, 'ZZZZZZ')).json()).toEqual({ error: 'not found' })
  })

  it('answers 429 with Retry-After after a few wrong codes from one address, even for the right code', async () => {
    const app = await start()
    const board = await createBoard(app)
    for (let i = 0; i < 10; i++) expect((await join(app, 'ZZZZZZ', '10.0.0.9')).statusCode).toBe(404)
    const refused = await join(app, board.joinCode, '10.0.0.9')
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.json().error).toMatch(/too many requests/)
    // Another address is not affected.
    expect((await join(app, board.joinCode, '10.0.0.10')).statusCode).toBe(200)
  })

  it('answers 429 with Retry-After to a burst from one address', async () => {
    const app = await start()
    const board = await createBoard(app)
    const statuses: number[] = []
    for (let i = 0; i < 61; i++) statuses.push((await join(app, board.joinCode, '10.0.0.7')).statusCode)
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true)
    expect(statuses[60]).toBe(429)
    const refused = await join(app, board.joinCode, '10.0.0.7')
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('expires after its validity', async () => {
    const clock = { now: Date.parse('2026-03-02T09:00:00Z') }
    const app = await start(clock)
    const board = await createBoard(app)
    clock.now += JOIN_CODE_VALIDITY_MS - 1000
    expect((await join(app, board.joinCode)).statusCode).toBe(200)
    clock.now += 2000
    expect((await join(app, board.joinCode)).statusCode).toBe(404)
  })

  it('lets the facilitator read, renew (with a validity) and turn off the code; nobody else', async () => {
    const clock = { now: Date.parse('2026-03-02T09:00:00Z') }
    const app = await start(clock)
    const board = await createBoard(app)
    const url = (token: string) => `/api/boards/${board.id}/join-code?token=${token}`
    const current = await app.inject(url(board.tokens.facilitator))
    expect(current.json()).toEqual({
      joinCode: board.joinCode,
      expiresAt: new Date(clock.now + JOIN_CODE_VALIDITY_MS).toISOString(),
    })
    const joined = (await join(app, board.joinCode)).json()

    const renewed = await app.inject({
      method: 'POST',
      url: url(board.tokens.facilitator),
      payload: { validDays: 1 },
    })
    expect(renewed.statusCode).toBe(200)
    const { joinCode } = renewed.json()
    expect(joinCode).not.toBe(board.joinCode)
    expect(renewed.json().expiresAt).toBe(new Date(clock.now + DAY).toISOString())
    expect((await join(app, board.joinCode)).statusCode).toBe(404)
    expect((await join(app, joinCode)).statusCode).toBe(200)
    // People already in keep their token.
    expect(await roleOf(app, board.id, joined.token)).toBe('participant')

    const bad = await app.inject({
      method: 'POST',
      url: url(board.tokens.facilitator),
      payload: { validDays: 99 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('validDays must be at most 30')

    const off = await app.inject({ method: 'DELETE', url: url(board.tokens.facilitator) })
    expect(off.json()).toEqual({ joinCode: null, expiresAt: null })
    expect((await join(app, joinCode)).statusCode).toBe(404)

    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      expect((await app.inject({ method, url: url(board.tokens.participant) })).statusCode).toBe(403)
      expect((await app.inject({ method, url: url(joined.token) })).statusCode).toBe(403)
      expect((await app.inject({ method, url: `/api/boards/${board.id}/join-code` })).statusCode).toBe(401)
    }
  })

  it('ends the tokens handed out through the code when the participant link is replaced', async () => {
    const app = await start()
    const board = await createBoard(app)
    const { token } = (await join(app, board.joinCode)).json()
    const rotated = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/tokens/participant/rotate?token=${board.tokens.facilitator}`,
    })
    expect(rotated.statusCode).toBe(200)
    expect(await roleOf(app, board.id, token)).toBe(401)
    // The code itself still lets people in, with a token that works.
    const again = (await join(app, board.joinCode)).json()
    expect(await roleOf(app, board.id, again.token)).toBe('participant')
  })

  // A SQLite data dir of an earlier release; PostgreSQL databases began with join codes.
  it.runIf(BACKEND === 'sqlite')(
    'gives a code to the boards of a database created before join codes',
    async () => {
      const dir = tempDir()
      const db = legacyDatabase(dir, { boards: 1 })
      db.prepare(
        "INSERT INTO boards (id, title, template_id, created_at) VALUES ('old-board-0123456789ab', 'Ancien', NULL, 1)",
      ).run()
      db.prepare(
        "INSERT INTO tokens (board_id, role, token_hash) VALUES ('old-board-0123456789ab', 'participant', ?)",
      ).run(hashToken('p'))
      db.close()

      const store = await openTestStore({ dataDir: dir, databaseUrl: null })
      const joinCode = await store.getJoinCode('old-board-0123456789ab')
      expect(joinCode?.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
      expect(joinCode?.expiresAt).toBeGreaterThan(Date.now())
      expect(await store.findBoardByJoinCode(joinCode?.code ?? '', Date.now())).toBe('old-board-0123456789ab')
      expect(await store.findRole('old-board-0123456789ab', hashToken('p'))).toBe('participant')
    },
  )
})
