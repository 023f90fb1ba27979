import { randomBytes } from 'node:crypto'
import {
  checkAnswer,
  type openPollRequest,
  type PollAnswer,
  type PollRefusal,
  patchPoll,
  quizPoints,
  tallyChoices,
  wordFrequencies,
  writePoll,
} from '@atelier/shared'
import type { z } from 'zod'
import type { RelayServices } from '../sync/policies/types.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'
import type { GameStore, StoredAnswer, StoredPoll } from './store.js'

export type AnswerOutcome = { ok: true; answer: PollAnswer } | { ok: false; reason: PollRefusal }

/**
 * Polls and quizzes: the relay opens them, takes one answer per person, measures answer times on
 * its own clock, and publishes only tallies into the session document (live while open; with the
 * correct options and quiz points once closed).
 */
export class PollService {
  constructor(
    private readonly store: GameStore,
    private readonly relay: RelayServices,
    private readonly now: () => number,
  ) {}

  async open(boardId: string, request: z.output<typeof openPollRequest>): Promise<string> {
    const poll: StoredPoll = {
      boardId,
      pollId: randomBytes(9).toString('base64url'),
      kind: request.kind,
      question: request.question,
      options: request.options,
      correctOptionIds: request.correctOptionIds,
      timeLimitMs: request.timeLimitSeconds * 1000,
      points: request.points,
      status: 'open',
      openedAt: this.now(),
      closedAt: null,
    }
    await this.store.createPoll(poll)
    await this.relay.withRoom({ boardId, kind: 'session' }, (room) => {
      writePoll(
        room.doc,
        {
          id: poll.pollId,
          kind: poll.kind,
          question: poll.question,
          options: poll.options,
          // Participants learn it is a quiz, not its answer.
          quiz: poll.correctOptionIds.length > 0,
          openedAt: poll.openedAt,
          timeLimitMs: poll.timeLimitMs,
          points: poll.points,
        },
        SERVER_ORIGIN,
      )
    })
    return poll.pollId
  }

  async answer(boardId: string, pollId: string, personId: string, sent: PollAnswer): Promise<AnswerOutcome> {
    const poll = await this.store.getPoll(boardId, pollId)
    if (!poll) return { ok: false, reason: 'unknown-poll' }
    if (poll.status !== 'open') return { ok: false, reason: 'poll-closed' }
    const check = checkAnswer(poll, sent)
    if (!check.ok) return check
    const recorded = await this.store.record(boardId, pollId, {
      personId,
      answer: check.answer,
      answeredAt: this.now(),
    })
    if (!recorded.ok) return recorded
    if (recorded.changed) await this.publish(boardId, pollId)
    return { ok: true, answer: check.answer }
  }

  async mine(boardId: string, pollId: string, personId: string): Promise<PollAnswer | null> {
    return (await this.store.answerOf(boardId, pollId, personId))?.answer ?? null
  }

  /** Closes a poll and publishes its final results; false when there was no open poll. */
  async close(boardId: string, pollId: string): Promise<boolean> {
    const closed = await this.store.close(boardId, pollId, this.now())
    if (closed) await this.publish(boardId, pollId)
    return closed
  }

  /** Writes the poll's tallies; read inside the room's task so the last one written is the latest. */
  private async publish(boardId: string, pollId: string): Promise<void> {
    await this.relay.withRoom({ boardId, kind: 'session' }, async (room) => {
      const poll = await this.store.getPoll(boardId, pollId)
      if (!poll) return
      const answers = await this.store.answers(boardId, pollId)
      const patch: Record<string, unknown> = { respondents: answers.length, ...tallies(poll, answers) }
      if (poll.status === 'closed') {
        patch.status = 'closed'
        patch.closedAt = poll.closedAt
        if (poll.correctOptionIds.length > 0) {
          patch.correctOptionIds = poll.correctOptionIds
          patch.quizPoints = scoreQuiz(poll, answers)
        }
      }
      patchPoll(room.doc, pollId, patch, SERVER_ORIGIN)
    })
  }
}

function tallies(poll: StoredPoll, answers: readonly StoredAnswer[]): Record<string, unknown> {
  const given = answers.map((a) => a.answer)
  if (poll.kind === 'words') return { words: wordFrequencies(given) }
  return { counts: tallyChoices(poll, given).counts }
}

/** Points per person who answered right, from the answer time measured by the relay. */
function scoreQuiz(poll: StoredPoll, answers: readonly StoredAnswer[]): Record<string, number> {
  const points: Record<string, number> = {}
  for (const { personId, answer, answeredAt } of answers) {
    const earned = quizPoints(
      answer,
      poll.correctOptionIds,
      answeredAt - poll.openedAt,
      poll.timeLimitMs,
      poll.points,
    )
    if (earned > 0) points[personId] = earned
  }
  return points
}
