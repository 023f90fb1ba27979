import {
  type JoinTeamResponse,
  type MyPollAnswerResponse,
  type OpenPollResponse,
  openPollRequest,
  type PollAnswerResponse,
  type PollRefusal,
  type PollRefusalResponse,
  pollAnswerRequest,
} from '@atelier/shared'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { PollService } from '../game/polls.js'
import type { GameStore } from '../game/store.js'
import { type JoinRefusal, joinTeam } from '../game/teams.js'
import type { Store } from '../store/types.js'
import { parseBody } from '../validation.js'
import { callerPerson } from './auth.js'
import { routesPlugin } from './routes.js'

export interface GamePluginOptions {
  store: Store
  /** Defaults to the store's. */
  games?: GameStore
  /** The server clock: poll openings and answer times. */
  now: () => Date
}

const REFUSALS: Record<PollRefusal | JoinRefusal, string> = {
  'unknown-poll': 'no such poll on this board',
  'poll-closed': 'the poll is closed',
  'wrong-kind': 'this answer does not fit the kind of poll',
  empty: 'the answer is empty',
  'one-choice-only': 'this poll takes one choice only',
  'unknown-option': 'the answer names an option the poll does not have',
  'too-many-words': 'too many words for this word cloud',
  'word-too-long': 'a word is too long',
  'unknown-team': 'no such team on this board',
  'teams-locked': 'the facilitator has locked the teams',
}

function refuse(reply: FastifyReply, reason: PollRefusal | JoinRefusal): PollRefusalResponse {
  reply.code(reason === 'unknown-poll' || reason === 'unknown-team' ? 404 : 409)
  return { error: REFUSALS[reason], reason: reason as PollRefusal }
}

type BoardRoute<P = object> = { Params: { boardId: string } & P }

/**
 * Teams and live polls. Participants never write the session document: they ask the relay, which
 * checks the request and writes it (membership) or publishes its tallies (answers).
 */
const gameRoutes: FastifyPluginAsync<GamePluginOptions> = async (app, options) => {
  const { store, now } = options
  const games = options.games ?? store.games
  const relay = app.relay
  const clock = () => now().getTime()
  const polls = new PollService(games, relay, clock)

  const facilitator = {
    onRequest: app.boardAccess({ roles: ['facilitator'], refusal: 'only a facilitator can do this' }),
  }
  const player = {
    onRequest: app.boardAccess({
      roles: ['facilitator', 'participant'],
      refusal: 'observers watch the game; they do not play',
      person: 'required',
    }),
  }

  app.post<BoardRoute>(
    '/api/boards/:boardId/polls',
    facilitator,
    async (request, reply): Promise<OpenPollResponse> => {
      const body = parseBody(openPollRequest, request.body)
      const pollId = await polls.open(request.params.boardId, body)
      reply.code(201)
      return { pollId }
    },
  )

  app.post<BoardRoute<{ pollId: string }>>(
    '/api/boards/:boardId/polls/:pollId/close',
    facilitator,
    async (request, reply): Promise<{ pollId: string } | PollRefusalResponse> => {
      const { boardId, pollId } = request.params
      if (await polls.close(boardId, pollId)) return { pollId }
      return refuse(reply, (await games.getPoll(boardId, pollId)) ? 'poll-closed' : 'unknown-poll')
    },
  )

  app.post<BoardRoute<{ pollId: string }>>(
    '/api/boards/:boardId/polls/:pollId/answers',
    player,
    async (request, reply): Promise<PollAnswerResponse | PollRefusalResponse> => {
      const personId = callerPerson(request)
      const body = parseBody(pollAnswerRequest, request.body)
      const outcome = await polls.answer(request.params.boardId, request.params.pollId, personId, body)
      return outcome.ok ? { answer: outcome.answer } : refuse(reply, outcome.reason)
    },
  )

  app.get<BoardRoute<{ pollId: string }>>(
    '/api/boards/:boardId/polls/:pollId/answers/mine',
    player,
    async (request): Promise<MyPollAnswerResponse> => {
      const personId = callerPerson(request)
      return { answer: await polls.mine(request.params.boardId, request.params.pollId, personId) }
    },
  )

  app.post<BoardRoute<{ teamId: string }>>(
    '/api/boards/:boardId/teams/:teamId/join',
    player,
    async (request, reply): Promise<JoinTeamResponse | PollRefusalResponse> => {
      const personId = callerPerson(request)
      const { boardId, teamId } = request.params
      const outcome = await joinTeam(relay, boardId, teamId, personId)
      return outcome.ok ? { teamId } : refuse(reply, outcome.reason)
    },
  )
}

export const gamePlugin = routesPlugin('game', ['atelier-auth', 'atelier-sync'], gameRoutes)
