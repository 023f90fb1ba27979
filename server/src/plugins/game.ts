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
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { errors } from '../errors.js'
import { creationTimes } from '../game/creationTimes.js'
import { PollService } from '../game/polls.js'
import { SqliteGameStore } from '../game/sqlite.js'
import type { GameStore } from '../game/store.js'
import { type JoinRefusal, joinTeam } from '../game/teams.js'
import { identifyCaller, identifyPerson } from '../people/requests.js'
import { SqliteBoardStore } from '../store/sqlite/store.js'
import type { BoardStore } from '../store/types.js'
import { parseBody } from '../validation.js'

export interface GamePluginOptions {
  store: BoardStore
  /** Defaults to the game tables of the SQLite board store. */
  games?: GameStore
  /** The server clock: poll openings and answer times. */
  now: () => Date
}

function gamesOf(store: BoardStore): GameStore {
  if (store instanceof SqliteBoardStore) return new SqliteGameStore(store.db)
  throw new Error('polls need a GameStore for this board store')
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

type BoardRequest<P = object> = FastifyRequest<{ Params: { boardId: string } & P }>

/**
 * Teams and live polls. Participants never write the session document: they ask the relay, which
 * checks the request and writes it (membership) or publishes its tallies (answers).
 */
export const gamePlugin: FastifyPluginAsync<GamePluginOptions> = async (app, options) => {
  const { store, now } = options
  const games = options.games ?? gamesOf(store)
  const relay = app.relay
  const checks = { store, credentials: app.personCredentials }
  const clock = () => now().getTime()
  const polls = new PollService(games, relay, clock)
  // Sprints count notes by creation time: the relay keeps that time honest.
  relay.use(creationTimes(clock))

  async function facilitator(request: BoardRequest): Promise<void> {
    const { role } = await identifyCaller(request, request.params.boardId, checks)
    if (role !== 'facilitator') throw errors.forbidden('only a facilitator can do this')
  }

  async function player(request: BoardRequest): Promise<string> {
    const { role, personId } = await identifyPerson(request, request.params.boardId, checks)
    if (role === 'observer') throw errors.forbidden('observers watch the game; they do not play')
    return personId
  }

  app.post('/api/boards/:boardId/polls', async (request: BoardRequest, reply): Promise<OpenPollResponse> => {
    await facilitator(request)
    const body = parseBody(openPollRequest, request.body)
    const pollId = await polls.open(request.params.boardId, body)
    reply.code(201)
    return { pollId }
  })

  app.post(
    '/api/boards/:boardId/polls/:pollId/close',
    async (
      request: BoardRequest<{ pollId: string }>,
      reply,
    ): Promise<{ pollId: string } | PollRefusalResponse> => {
      await facilitator(request)
      const { boardId, pollId } = request.params
      if (await polls.close(boardId, pollId)) return { pollId }
      return refuse(reply, (await games.getPoll(boardId, pollId)) ? 'poll-closed' : 'unknown-poll')
    },
  )

  app.post(
    '/api/boards/:boardId/polls/:pollId/answers',
    async (
      request: BoardRequest<{ pollId: string }>,
      reply,
    ): Promise<PollAnswerResponse | PollRefusalResponse> => {
      const personId = await player(request)
      const body = parseBody(pollAnswerRequest, request.body)
      const outcome = await polls.answer(request.params.boardId, request.params.pollId, personId, body)
      return outcome.ok ? { answer: outcome.answer } : refuse(reply, outcome.reason)
    },
  )

  app.get(
    '/api/boards/:boardId/polls/:pollId/answers/mine',
    async (request: BoardRequest<{ pollId: string }>): Promise<MyPollAnswerResponse> => {
      const personId = await player(request)
      return { answer: await polls.mine(request.params.boardId, request.params.pollId, personId) }
    },
  )

  app.post(
    '/api/boards/:boardId/teams/:teamId/join',
    async (
      request: BoardRequest<{ teamId: string }>,
      reply,
    ): Promise<JoinTeamResponse | PollRefusalResponse> => {
      const personId = await player(request)
      const { boardId, teamId } = request.params
      const outcome = await joinTeam(relay, boardId, teamId, personId)
      return outcome.ok ? { teamId } : refuse(reply, outcome.reason)
    },
  )
}
