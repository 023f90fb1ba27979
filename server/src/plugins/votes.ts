import {
  eligibleItemIds,
  findRound,
  patchRound,
  readItems,
  type VoteRefusal,
  type VoteRound,
  votesUsed,
} from '@atelier/shared'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { errors } from '../errors.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'
import { parseBody } from '../validation.js'
import type { VoteStore } from '../voting/store.js'
import { callerPerson } from './auth.js'
import { routesPlugin } from './routes.js'

export interface VotesPluginOptions {
  votes: VoteStore
}

/** `200` body of both vote endpoints. */
export interface MyVotes {
  mine: Record<string, number>
  remaining: number
}

const voteRequest = z.strictObject({
  itemId: z.string({ error: 'itemId must be a string' }).min(1, 'itemId must not be empty').max(100),
  delta: z.union([z.literal(1), z.literal(-1)], { error: 'delta must be 1 or -1' }),
})

const REFUSALS: Record<VoteRefusal, string> = {
  'round-closed': 'this round is closed',
  'not-eligible': 'this item is not part of the round',
  'budget-exhausted': 'no votes left in this round',
  'item-limit-reached': 'this item already has as many of your votes as the round allows',
  'nothing-to-remove': 'you have no vote on this item to remove',
}

type RoundRoute = { Params: { boardId: string; roundId: string } }
type RoundRequest = FastifyRequest<RoundRoute>

function myVotes(round: Pick<VoteRound, 'budget'>, mine: ReadonlyMap<string, number>): MyVotes {
  return { mine: Object.fromEntries(mine), remaining: Math.max(0, round.budget - votesUsed(mine)) }
}

/**
 * Dot voting. Ballots go through HTTP, one dot at a time, and are checked against the stored
 * ones in one SQLite transaction; the session document only ever shows how many people voted,
 * then the ranked results once a facilitator closes the round.
 */
const votesRoutes: FastifyPluginAsync<VotesPluginOptions> = async (app, options) => {
  const { votes } = options
  const relay = app.relay

  async function roundOf(boardId: string, roundId: string): Promise<VoteRound> {
    const round = await relay.withRoom({ boardId, kind: 'session' }, (room) => findRound(room.doc, roundId))
    if (!round) throw errors.notFound()
    return round
  }

  const voter = {
    onRequest: app.boardAccess({
      roles: ['facilitator', 'participant'],
      refusal: 'observers cannot vote',
      person: 'required',
    }),
  }

  app.post<RoundRoute>(
    '/api/boards/:boardId/rounds/:roundId/votes',
    voter,
    async (request: RoundRequest, reply) => {
      const { boardId, roundId } = request.params
      const personId = callerPerson(request)
      const { itemId, delta } = parseBody(voteRequest, request.body)
      const scope = await roundOf(boardId, roundId)
      const eligible = await relay.withRoom({ boardId, kind: 'board' }, (room) =>
        eligibleItemIds(scope, readItems(room.doc)).has(itemId),
      )
      // In the session room's queue: a round closed meanwhile is seen closed, and `voters` is
      // stored and forwarded with this ballot.
      const outcome = await relay.withRoom({ boardId, kind: 'session' }, async (room) => {
        const round = findRound(room.doc, roundId)
        if (!round) throw errors.notFound()
        const cast = await votes.cast({ boardId, roundId, personId, itemId, delta }, round, eligible)
        if (cast.check.ok) {
          const voters = await votes.voterCount(boardId, roundId)
          if (round.voters !== voters) patchRound(room.doc, roundId, { voters }, SERVER_ORIGIN)
        }
        return { round, ...cast }
      })
      if (!outcome.check.ok) {
        const { reason } = outcome.check
        return reply.code(409).send({ error: REFUSALS[reason], reason })
      }
      return myVotes(outcome.round, outcome.mine)
    },
  )

  app.get<RoundRoute>(
    '/api/boards/:boardId/rounds/:roundId/votes/mine',
    { onRequest: app.boardAccess({ person: 'required' }) },
    async (request: RoundRequest): Promise<MyVotes> => {
      const { boardId, roundId } = request.params
      const personId = callerPerson(request)
      const round = await roundOf(boardId, roundId)
      return myVotes(round, await votes.mine(boardId, roundId, personId))
    },
  )
}

export const votesPlugin = routesPlugin('votes', ['atelier-auth', 'atelier-sync'], votesRoutes)
