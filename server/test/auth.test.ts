import type { Role } from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { createBoard, onCleanup, testConfig } from './helpers.js'

async function start(): Promise<FastifyInstance> {
  const app = buildApp(testConfig())
  onCleanup(() => app.close())
  await app.ready()
  return app
}

interface BoardRoute {
  method: 'GET' | 'POST'
  path: string
  /** The roles the route refuses with 403. */
  refused: readonly Role[]
}

/** Every board route behind the auth plugin, with `:id` for the board. */
const ROUTES: readonly BoardRoute[] = [
  { method: 'GET', path: '/api/boards/:id', refused: [] },
  { method: 'POST', path: '/api/boards/:id/people', refused: [] },
  { method: 'GET', path: '/api/boards/:id/export/notes.csv', refused: [] },
  { method: 'GET', path: '/api/boards/:id/export/report.md', refused: [] },
  { method: 'GET', path: '/api/boards/:id/images/abc', refused: [] },
  { method: 'POST', path: '/api/boards/:id/images', refused: ['observer'] },
  { method: 'POST', path: '/api/boards/:id/tokens/participant/rotate', refused: ['participant', 'observer'] },
  { method: 'POST', path: '/api/boards/:id/polls', refused: ['participant', 'observer'] },
  { method: 'POST', path: '/api/boards/:id/polls/p/close', refused: ['participant', 'observer'] },
  { method: 'POST', path: '/api/boards/:id/polls/p/answers', refused: ['observer'] },
  { method: 'GET', path: '/api/boards/:id/polls/p/answers/mine', refused: ['observer'] },
  { method: 'POST', path: '/api/boards/:id/teams/t/join', refused: ['observer'] },
  { method: 'POST', path: '/api/boards/:id/rounds/r/votes', refused: ['observer'] },
]

describe('board access (one auth plugin)', () => {
  it.each(ROUTES)('$method $path: 401 without a valid token of this board', async (route) => {
    const app = await start()
    const board = await createBoard(app)
    const other = await createBoard(app, 'Other')
    const url = route.path.replace(':id', board.id)
    for (const headers of [
      {},
      { authorization: `Bearer ${'A'.repeat(43)}` },
      { authorization: `Bearer ${other.tokens.facilitator}` },
      { authorization: 'Basic abc' },
    ]) {
      const response = await app.inject({ method: route.method, url, headers })
      expect(response.statusCode, JSON.stringify(headers)).toBe(401)
      expect(response.json()).toEqual({ error: 'a valid token of this board is required' })
    }
  })

  it.each(ROUTES.filter((route) => route.refused.length > 0))(
    '$method $path: 403 with a JSON error for a valid token of another role',
    async (route) => {
      const app = await start()
      const board = await createBoard(app)
      for (const role of route.refused) {
        const response = await app.inject({
          method: route.method,
          url: `${route.path.replace(':id', board.id)}?token=${board.tokens[role]}`,
        })
        expect(response.statusCode, role).toBe(403)
        expect(response.json()).toEqual({ error: expect.any(String) })
      }
    },
  )

  it('reads the token from the Authorization header or the token query parameter, the header first', async () => {
    const app = await start()
    const board = await createBoard(app)
    const url = `/api/boards/${board.id}`
    const byHeader = await app.inject({ url, headers: { authorization: `bearer ${board.tokens.observer}` } })
    expect(byHeader.json()).toMatchObject({ role: 'observer' })
    const byQuery = await app.inject({ url: `${url}?token=${board.tokens.participant}` })
    expect(byQuery.json()).toMatchObject({ role: 'participant' })
    const both = await app.inject({
      url: `${url}?token=${board.tokens.facilitator}`,
      headers: { authorization: `Bearer ${board.tokens.observer}` },
    })
    expect(both.json()).toMatchObject({ role: 'observer' })
  })

  it('refuses a forged person credential, and per-person routes without one, with 401', async () => {
    const app = await start()
    const board = await createBoard(app)
    const url = `/api/boards/${board.id}/rounds/r/votes/mine`
    const token = { authorization: `Bearer ${board.tokens.participant}` }
    const forged = await app.inject({ url, headers: { ...token, 'x-atelier-person': 'abc.def' } })
    expect(forged.statusCode).toBe(401)
    expect(forged.json()).toEqual({ error: 'a valid person credential of this board is required' })
    const missing = await app.inject({ url, headers: token })
    expect(missing.statusCode).toBe(401)
  })
})
