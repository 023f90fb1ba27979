import type { PollAnswer } from '@atelier/shared'
import { type Kysely, sql } from 'kysely'
import type { Migrations } from '../store/sql/migrations.js'
import type { Tables } from '../store/sql/tables.js'
import type { GameStore, RecordOutcome, StoredAnswer, StoredPoll } from './store.js'

/** Polls (with their secret correct options) and one answer row per person and poll. */
export const GAME_MIGRATIONS: Migrations = {
  module: 'game',
  steps: [
    async ({ db, bigint }) => {
      await db.schema
        .createTable('polls')
        .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
        .addColumn('poll_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('correct_option_ids', 'text', (c) => c.notNull())
        .addColumn('time_limit_ms', bigint, (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
        .addColumn('opened_at', bigint, (c) => c.notNull())
        .addColumn('closed_at', bigint)
        .addPrimaryKeyConstraint('polls_pkey', ['board_id', 'poll_id'])
        .execute()
      await db.schema
        .createTable('poll_answers')
        .addColumn('board_id', 'text', (c) => c.notNull())
        .addColumn('poll_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('answered_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('poll_answers_pkey', ['board_id', 'poll_id', 'person_id'])
        .addForeignKeyConstraint(
          'poll_answers_poll',
          ['board_id', 'poll_id'],
          'polls',
          ['board_id', 'poll_id'],
          (c) => c.onDelete('cascade'),
        )
        .execute()
    },
  ],
}

type PollRow = Tables['polls']
type AnswerRow = Pick<Tables['poll_answers'], 'person_id' | 'answer' | 'answered_at'>

/** The stored form of a poll, for the game store and backups alike. */
export function pollFromRow(row: PollRow): StoredPoll {
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

export function pollRow(poll: Omit<StoredPoll, 'boardId'>, boardId: string): PollRow {
  return {
    board_id: boardId,
    poll_id: poll.pollId,
    kind: poll.kind,
    question: poll.question,
    options: JSON.stringify(poll.options),
    correct_option_ids: JSON.stringify(poll.correctOptionIds),
    time_limit_ms: poll.timeLimitMs,
    points: poll.points,
    status: poll.status,
    opened_at: poll.openedAt,
    closed_at: poll.closedAt,
  }
}

export function answerFromRow(row: AnswerRow): StoredAnswer {
  return {
    personId: row.person_id,
    answer: JSON.parse(row.answer) as PollAnswer,
    answeredAt: row.answered_at,
  }
}

/** Polls and answers in the store's database. */
export class SqlGameStore implements GameStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async createPoll(poll: StoredPoll): Promise<void> {
    await this.db.insertInto('polls').values(pollRow(poll, poll.boardId)).execute()
  }

  async getPoll(boardId: string, pollId: string): Promise<StoredPoll | null> {
    const row = await this.db
      .selectFrom('polls')
      .selectAll()
      .where('board_id', '=', boardId)
      .where('poll_id', '=', pollId)
      .executeTakeFirst()
    return row ? pollFromRow(row) : null
  }

  /**
   * Locks the poll's row (an update that changes nothing) and reads its status in the same
   * statement: a close on any node either lands before, and the answer is refused, or waits for
   * this answer's commit.
   */
  async record(
    boardId: string,
    pollId: string,
    { personId, answer, answeredAt }: StoredAnswer,
  ): Promise<RecordOutcome> {
    return this.db.transaction().execute(async (trx): Promise<RecordOutcome> => {
      const poll = await trx
        .updateTable('polls')
        .set((eb) => ({ status: eb.ref('status') }))
        .where('board_id', '=', boardId)
        .where('poll_id', '=', pollId)
        .returning('status')
        .executeTakeFirst()
      if (!poll) return { ok: false, reason: 'unknown-poll' }
      if (poll.status !== 'open') return { ok: false, reason: 'poll-closed' }
      const json = JSON.stringify(answer)
      const previous = await trx
        .selectFrom('poll_answers')
        .select('answer')
        .where('board_id', '=', boardId)
        .where('poll_id', '=', pollId)
        .where('person_id', '=', personId)
        .executeTakeFirst()
      // The same answer sent twice keeps its first time: resending never costs (or earns) speed.
      if (previous?.answer === json) return { ok: true, changed: false }
      await trx
        .insertInto('poll_answers')
        .values({
          board_id: boardId,
          poll_id: pollId,
          person_id: personId,
          answer: json,
          answered_at: answeredAt,
        })
        .onConflict((oc) =>
          oc
            .columns(['board_id', 'poll_id', 'person_id'])
            .doUpdateSet({ answer: json, answered_at: answeredAt }),
        )
        .execute()
      return { ok: true, changed: true }
    })
  }

  /** A conditional update: of two closes, on one node or two, exactly one finds the poll open. */
  async close(boardId: string, pollId: string, closedAt: number): Promise<boolean> {
    const result = await this.db
      .updateTable('polls')
      .set({ status: 'closed', closed_at: closedAt })
      .where('board_id', '=', boardId)
      .where('poll_id', '=', pollId)
      .where('status', '=', 'open')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async answers(boardId: string, pollId: string): Promise<StoredAnswer[]> {
    const rows = await this.db
      .selectFrom('poll_answers')
      .select(['person_id', 'answer', 'answered_at'])
      .where('board_id', '=', boardId)
      .where('poll_id', '=', pollId)
      .orderBy('person_id')
      .execute()
    return rows.map(answerFromRow)
  }

  async answerOf(boardId: string, pollId: string, personId: string): Promise<StoredAnswer | null> {
    const row = await this.db
      .selectFrom('poll_answers')
      .select(['person_id', 'answer', 'answered_at'])
      .where('board_id', '=', boardId)
      .where('poll_id', '=', pollId)
      .where('person_id', '=', personId)
      .executeTakeFirst()
    return row ? answerFromRow(row) : null
  }
}
