import { type JoinCodeState, type JoinResponse, normalizeJoinCode } from '@atelier/shared'
import rateLimit from '@fastify/rate-limit'
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { hashToken, newToken } from '../access.js'
import { errors } from '../errors.js'
import { JOIN_CODE_VALIDITY_DAYS, newJoinCode } from '../join/codes.js'
import type { BoardStore, JoinCode } from '../store/types.js'
import { parseBody } from '../validation.js'
import { routesPlugin } from './routes.js'

export interface JoinPluginOptions {
  store: BoardStore
  now: () => Date
  /** Requests to `/api/join/:code` one address may make in a minute (a QR code scanned by a whole room is ~30). */
  burst?: number
  /** Wrong codes one address may try in ten minutes before it gets 429. */
  misses?: number
}

/** Participant tokens one board hands out through its code: bounds the table a guessed code could fill. */
export const MAX_JOIN_TOKENS = 1000
const MISS_WINDOW_MS = 10 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const MAX_VALID_DAYS = 30

const renewRequest = z.strictObject({
  validDays: z
    .number({ error: 'validDays must be a number' })
    .int('validDays must be a whole number of days')
    .min(1, 'validDays must be at least 1')
    .max(MAX_VALID_DAYS, `validDays must be at most ${MAX_VALID_DAYS}`)
    .optional(),
})

const stateOf = (joinCode: JoinCode | null): JoinCodeState => ({
  joinCode: joinCode?.code ?? null,
  expiresAt: joinCode ? new Date(joinCode.expiresAt).toISOString() : null,
})

/**
 * Join codes. `GET /api/join/:code` hands a new participant token of the board whose open code
 * it is (404 otherwise): each joiner gets their own token, stored hashed like the links' tokens,
 * so no token is ever kept in clear (docs/security.md). Guessing is costly: an address gets 429
 * after a burst of requests or a few wrong codes. The facilitator reads, renews and turns off
 * the code at `/api/boards/:boardId/join-code`.
 */
const joinRoutes: FastifyPluginAsync<JoinPluginOptions> = async (app, options) => {
  const { store, now } = options
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => errors.tooManyRequests(Math.ceil(context.ttl / 1000)),
  })
  const misses = app.createRateLimit({ max: options.misses ?? 10, timeWindow: MISS_WINDOW_MS })

  app.get<{ Params: { code: string } }>(
    '/api/join/:code',
    { config: { rateLimit: { max: options.burst ?? 60, timeWindow: 60_000 } } },
    async (request, reply): Promise<JoinResponse> => {
      const tally = await misses(request, { increment: false })
      if (!tally.isAllowed && tally.remaining === 0) {
        reply.header('retry-after', tally.ttlInSeconds)
        throw errors.tooManyRequests(tally.ttlInSeconds)
      }
      const code = normalizeJoinCode(request.params.code)
      const boardId = code === null ? null : await store.findBoardByJoinCode(code, now().getTime())
      if (!boardId) {
        await misses(request)
        request.log.info({ ip: request.ip }, 'wrong join code')
        throw errors.notFound()
      }
      const token = newToken()
      if (!(await store.addJoinToken(boardId, hashToken(token), MAX_JOIN_TOKENS))) {
        throw errors.forbidden(
          'this code has let in as many people as it can; ask the facilitator for the link',
        )
      }
      request.log.info({ boardId }, 'joined with a code')
      return { boardId, token }
    },
  )

  const facilitator = {
    onRequest: app.boardAccess({
      roles: ['facilitator'],
      refusal: 'only a facilitator can manage the join code',
    }),
  }

  app.get<{ Params: { boardId: string } }>('/api/boards/:boardId/join-code', facilitator, async (request) =>
    stateOf(await store.getJoinCode(request.params.boardId)),
  )

  app.post<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/join-code',
    facilitator,
    async (request) => {
      const { validDays = JOIN_CODE_VALIDITY_DAYS } = parseBody(renewRequest, request.body ?? {})
      const expiresAt = now().getTime() + validDays * DAY_MS
      let joinCode = { code: newJoinCode(), expiresAt }
      while (!(await store.setJoinCode(request.params.boardId, joinCode)))
        joinCode = { code: newJoinCode(), expiresAt }
      request.log.info({ boardId: request.params.boardId, validDays }, 'join code renewed')
      return stateOf(joinCode)
    },
  )

  app.delete<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/join-code',
    facilitator,
    async (request) => {
      await store.setJoinCode(request.params.boardId, null)
      request.log.info({ boardId: request.params.boardId }, 'join code turned off')
      return stateOf(null)
    },
  )
}

export const joinPlugin = routesPlugin('join', ['atelier-auth'], joinRoutes)
