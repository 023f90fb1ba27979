import { z } from 'zod'
import { type AnswerRefusal, POLL_KINDS, POLL_LIMITS, type PollAnswer } from './polls.js'

/** Bodies and answers of the game endpoints (docs/api.md), shared by the relay and the client. */

const label = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)

const optionId = z.string({ error: 'option ids must be strings' }).regex(/^[A-Za-z0-9_-]{1,64}$/, {
  error: 'option ids must be 1 to 64 letters, digits, "-" or "_"',
})

/** `POST /api/boards/:boardId/polls` (facilitator): opens a poll or a quiz. */
export const openPollRequest = z
  .strictObject({
    kind: z.enum(POLL_KINDS, { error: `kind must be one of ${POLL_KINDS.join(', ')}` }),
    question: label('question', POLL_LIMITS.question),
    options: z
      .array(z.strictObject({ id: optionId, label: label('option label', POLL_LIMITS.optionLabel) }), {
        error: 'options must be an array',
      })
      .max(POLL_LIMITS.options, `options must hold at most ${POLL_LIMITS.options} entries`)
      .default([]),
    /** Makes the poll a quiz; kept secret by the relay until the poll closes. */
    correctOptionIds: z
      .array(optionId, { error: 'correctOptionIds must be an array' })
      .max(POLL_LIMITS.options)
      .default([]),
    /** Answers within this time earn more quiz points. */
    timeLimitSeconds: z.int({ error: 'timeLimitSeconds must be a whole number' }).min(5).max(600).default(30),
    /** Most points a right quiz answer earns. */
    points: z.int({ error: 'points must be a whole number' }).min(0).max(100).default(4),
  })
  .superRefine((poll, ctx) => {
    const ids = poll.options.map((o) => o.id)
    if (poll.kind === 'words' && ids.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must be empty for a word cloud' })
    if (poll.kind !== 'words' && ids.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must hold at least 2 entries' })
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must have distinct ids' })
    if (poll.correctOptionIds.some((id) => !ids.includes(id)))
      ctx.addIssue({
        code: 'custom',
        path: ['correctOptionIds'],
        message: 'correctOptionIds must name options of the poll',
      })
    if (poll.kind === 'single' && poll.correctOptionIds.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['correctOptionIds'],
        message: 'correctOptionIds must hold one option for a single-choice quiz',
      })
  })
export type OpenPollRequest = z.input<typeof openPollRequest>

export interface OpenPollResponse {
  pollId: string
}

/** `POST /api/boards/:boardId/polls/:pollId/answers` (a person): replaces that person's answer. */
export const pollAnswerRequest = z.union(
  [
    z.strictObject({ optionIds: z.array(optionId).max(POLL_LIMITS.options) }),
    z.strictObject({ words: z.array(z.string().max(200)).max(10) }),
  ],
  { error: 'body must be { "optionIds": string[] } or { "words": string[] }' },
)

export interface PollAnswerResponse {
  /** The answer as stored (normalised). */
  answer: PollAnswer
}

/** `GET …/answers/mine` */
export interface MyPollAnswerResponse {
  answer: PollAnswer | null
}

export type PollRefusal = AnswerRefusal | 'unknown-poll'

/** 409 body of a refused answer. */
export interface PollRefusalResponse {
  error: string
  reason: PollRefusal
}

/** `POST /api/boards/:boardId/teams/:teamId/join` (a person) → 200. */
export interface JoinTeamResponse {
  teamId: string
}
