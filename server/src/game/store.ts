import type { PollAnswer, PollKind, PollOption } from '@atelier/shared'

/** A poll as the relay keeps it: the public question, and the correct options kept secret until it closes. */
export interface StoredPoll {
  boardId: string
  pollId: string
  kind: PollKind
  question: string
  options: PollOption[]
  /** Empty for a poll; the right options of a quiz. */
  correctOptionIds: string[]
  timeLimitMs: number
  points: number
  status: 'open' | 'closed'
  /** Server epoch ms. */
  openedAt: number
  closedAt: number | null
}

export interface StoredAnswer {
  personId: string
  answer: PollAnswer
  /** Server epoch ms of the person's latest answer. */
  answeredAt: number
}

export type RecordOutcome =
  | { ok: true; changed: boolean }
  | { ok: false; reason: 'unknown-poll' | 'poll-closed' }

/**
 * Where polls and answers live: never in a document, so no browser sees who answered what, nor a
 * quiz's answer before it closes. Answers are one per person and poll: a new answer replaces the
 * previous one, and `record` checks the poll is open in the same transaction, so an answer cannot
 * slip in after the close.
 */
export interface GameStore {
  createPoll(poll: StoredPoll): Promise<void>
  getPoll(boardId: string, pollId: string): Promise<StoredPoll | null>
  record(boardId: string, pollId: string, answer: StoredAnswer): Promise<RecordOutcome>
  /** Closes an open poll; false when it was not open. */
  close(boardId: string, pollId: string, closedAt: number): Promise<boolean>
  answers(boardId: string, pollId: string): Promise<StoredAnswer[]>
  answerOf(boardId: string, pollId: string, personId: string): Promise<StoredAnswer | null>
}
