import type { PollAnswer } from '@atelier/shared'
import type Database from 'better-sqlite3'
import { migrate, type SqlMigrations } from '../store/sqlite/migrations.js'
import type { GameStore, RecordOutcome, StoredAnswer, StoredPoll } from './store.js'

/** Polls (with their secret correct options) and one answer row per person and poll. */
export const GAME_MIGRATIONS: SqlMigrations = {
  module: 'game',
  steps: [
    `
  CREATE TABLE polls (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    poll_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    question TEXT NOT NULL,
    options TEXT NOT NULL,
    correct_option_ids TEXT NOT NULL,
    time_limit_ms INTEGER NOT NULL,
    points INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    PRIMARY KEY (board_id, poll_id)
  ) STRICT;

  CREATE TABLE poll_answers (
    board_id TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    answer TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, poll_id, person_id),
    FOREIGN KEY (board_id, poll_id) REFERENCES polls(board_id, poll_id) ON DELETE CASCADE
  ) STRICT;
  `,
  ],
}

interface PollRow {
  board_id: string
  poll_id: string
  kind: string
  question: string
  options: string
  correct_option_ids: string
  time_limit_ms: number
  points: number
  status: string
  opened_at: number
  closed_at: number | null
}

interface AnswerRow {
  person_id: string
  answer: string
  answered_at: number
}

function toPoll(row: PollRow): StoredPoll {
  return {
    boardId: row.board_id,
    pollId: row.poll_id,
    kind: row.kind as StoredPoll['kind'],
    question: row.question,
    options: JSON.parse(row.options) as StoredPoll['options'],
    correctOptionIds: JSON.parse(row.correct_option_ids) as string[],
    timeLimitMs: row.time_limit_ms,
    points: row.points,
    status: row.status === 'closed' ? 'closed' : 'open',
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  }
}

function toAnswer(row: AnswerRow): StoredAnswer {
  return {
    personId: row.person_id,
    answer: JSON.parse(row.answer) as PollAnswer,
    answeredAt: row.answered_at,
  }
}

/** Polls and answers in the board store's SQLite database. */
export class SqliteGameStore implements GameStore {
  private readonly statements
  private readonly recordInTransaction

  constructor(db: Database.Database) {
    migrate(db, GAME_MIGRATIONS)
    this.statements = {
      insertPoll: db.prepare(
        `INSERT INTO polls (board_id, poll_id, kind, question, options, correct_option_ids, time_limit_ms,
           points, status, opened_at, closed_at)
         VALUES (@boardId, @pollId, @kind, @question, @options, @correct, @timeLimitMs, @points, @status,
           @openedAt, @closedAt)`,
      ),
      poll: db.prepare<[string, string], PollRow>('SELECT * FROM polls WHERE board_id = ? AND poll_id = ?'),
      close: db.prepare(
        "UPDATE polls SET status = 'closed', closed_at = ? WHERE board_id = ? AND poll_id = ? AND status = 'open'",
      ),
      answer: db.prepare<[string, string, string], AnswerRow>(
        'SELECT person_id, answer, answered_at FROM poll_answers WHERE board_id = ? AND poll_id = ? AND person_id = ?',
      ),
      answers: db.prepare<[string, string], AnswerRow>(
        'SELECT person_id, answer, answered_at FROM poll_answers WHERE board_id = ? AND poll_id = ? ORDER BY person_id',
      ),
      upsert: db.prepare(
        `INSERT INTO poll_answers (board_id, poll_id, person_id, answer, answered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (board_id, poll_id, person_id)
         DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`,
      ),
    }
    this.recordInTransaction = db.transaction(
      (boardId: string, pollId: string, { personId, answer, answeredAt }: StoredAnswer): RecordOutcome => {
        const poll = this.statements.poll.get(boardId, pollId)
        if (!poll) return { ok: false, reason: 'unknown-poll' }
        if (poll.status !== 'open') return { ok: false, reason: 'poll-closed' }
        const json = JSON.stringify(answer)
        const previous = this.statements.answer.get(boardId, pollId, personId)
        // The same answer sent twice keeps its first time: resending never costs (or earns) speed.
        if (previous?.answer === json) return { ok: true, changed: false }
        this.statements.upsert.run(boardId, pollId, personId, json, answeredAt)
        return { ok: true, changed: true }
      },
    )
  }

  async createPoll(poll: StoredPoll): Promise<void> {
    this.statements.insertPoll.run({
      ...poll,
      options: JSON.stringify(poll.options),
      correct: JSON.stringify(poll.correctOptionIds),
    })
  }

  async getPoll(boardId: string, pollId: string): Promise<StoredPoll | null> {
    const row = this.statements.poll.get(boardId, pollId)
    return row ? toPoll(row) : null
  }

  async record(boardId: string, pollId: string, answer: StoredAnswer): Promise<RecordOutcome> {
    // IMMEDIATE takes the write lock before reading, so a close on another connection waits.
    return this.recordInTransaction.immediate(boardId, pollId, answer)
  }

  async close(boardId: string, pollId: string, closedAt: number): Promise<boolean> {
    return this.statements.close.run(closedAt, boardId, pollId).changes > 0
  }

  async answers(boardId: string, pollId: string): Promise<StoredAnswer[]> {
    return this.statements.answers.all(boardId, pollId).map(toAnswer)
  }

  async answerOf(boardId: string, pollId: string, personId: string): Promise<StoredAnswer | null> {
    const row = this.statements.answer.get(boardId, pollId, personId)
    return row ? toAnswer(row) : null
  }
}
