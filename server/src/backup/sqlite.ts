import { roomName } from '@atelier/shared'
import { GAME_MIGRATIONS } from '../game/sqlite.js'
import { migrate } from '../store/sqlite/migrations.js'
import type { SqliteBoardStore } from '../store/sqlite/store.js'
import type { JoinCode, NewBoard } from '../store/types.js'
import { VOTE_MIGRATIONS } from '../voting/sqlite.js'
import type { BackupBallot, BackupPoll } from './format.js'

interface PollRow {
  poll_id: string
  kind: BackupPoll['kind']
  question: string
  options: string
  correct_option_ids: string
  time_limit_ms: number
  points: number
  status: BackupPoll['status']
  opened_at: number
  closed_at: number | null
}

/**
 * The rows a backup carries besides the documents — ballots, polls and answers — read from and
 * written to the tables of the vote and game stores. A restore writes the board, its documents
 * and these rows in ONE transaction: a failure leaves nothing behind.
 */
export class SqliteBackupRecords {
  private readonly statements
  private readonly restoreInTransaction

  constructor(private readonly boards: SqliteBoardStore) {
    const { db } = boards
    migrate(db, VOTE_MIGRATIONS)
    migrate(db, GAME_MIGRATIONS)
    this.statements = {
      ballots: db.prepare<[string], { round_id: string; person_id: string; item_id: string; count: number }>(
        'SELECT round_id, person_id, item_id, count FROM ballots WHERE board_id = ? ORDER BY round_id, person_id, item_id',
      ),
      polls: db.prepare<[string], PollRow>(
        'SELECT * FROM polls WHERE board_id = ? ORDER BY opened_at, poll_id',
      ),
      answers: db.prepare<[string, string], { person_id: string; answer: string; answered_at: number }>(
        'SELECT person_id, answer, answered_at FROM poll_answers WHERE board_id = ? AND poll_id = ? ORDER BY person_id',
      ),
      insertBallot: db.prepare(
        'INSERT INTO ballots (board_id, round_id, person_id, item_id, count) VALUES (?, ?, ?, ?, ?)',
      ),
      insertPoll: db.prepare(
        `INSERT INTO polls (board_id, poll_id, kind, question, options, correct_option_ids, time_limit_ms,
           points, status, opened_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertAnswer: db.prepare(
        'INSERT INTO poll_answers (board_id, poll_id, person_id, answer, answered_at) VALUES (?, ?, ?, ?, ?)',
      ),
    }
    this.restoreInTransaction = db.transaction(
      (
        board: NewBoard,
        session: Uint8Array,
        ballots: readonly BackupBallot[],
        polls: readonly BackupPoll[],
        privateRooms: ReadonlyMap<string, Uint8Array>,
      ): JoinCode => {
        const joinCode = this.boards.insertBoard(board, [
          [roomName(board.id, 'session'), session],
          ...[...privateRooms].map(([personId, state]): [string, Uint8Array] => [
            roomName(board.id, 'private', personId),
            state,
          ]),
        ])
        for (const ballot of ballots) {
          this.statements.insertBallot.run(
            board.id,
            ballot.roundId,
            ballot.personId,
            ballot.itemId,
            ballot.count,
          )
        }
        for (const poll of polls) {
          this.statements.insertPoll.run(
            board.id,
            poll.pollId,
            poll.kind,
            poll.question,
            JSON.stringify(poll.options),
            JSON.stringify(poll.correctOptionIds),
            poll.timeLimitMs,
            poll.points,
            poll.status,
            poll.openedAt,
            poll.closedAt,
          )
          for (const answer of poll.answers) {
            this.statements.insertAnswer.run(
              board.id,
              poll.pollId,
              answer.personId,
              JSON.stringify(answer.answer),
              answer.answeredAt,
            )
          }
        }
        return joinCode
      },
    )
  }

  read(boardId: string): { ballots: BackupBallot[]; polls: BackupPoll[] } {
    const ballots = this.statements.ballots.all(boardId).map((row) => ({
      roundId: row.round_id,
      personId: row.person_id,
      itemId: row.item_id,
      count: row.count,
    }))
    const polls = this.statements.polls.all(boardId).map(
      (row): BackupPoll => ({
        pollId: row.poll_id,
        kind: row.kind,
        question: row.question,
        options: JSON.parse(row.options) as BackupPoll['options'],
        correctOptionIds: JSON.parse(row.correct_option_ids) as string[],
        timeLimitMs: row.time_limit_ms,
        points: row.points,
        status: row.status,
        openedAt: row.opened_at,
        closedAt: row.closed_at,
        answers: this.statements.answers.all(boardId, row.poll_id).map((answer) => ({
          personId: answer.person_id,
          answer: JSON.parse(answer.answer) as BackupPoll['answers'][number]['answer'],
          answeredAt: answer.answered_at,
        })),
      }),
    )
    return { ballots, polls }
  }

  /**
   * The new board with its documents (session, private rooms by person id), ballots, polls and
   * answers, all or nothing; its join code.
   */
  restore(
    board: NewBoard,
    session: Uint8Array,
    ballots: readonly BackupBallot[],
    polls: readonly BackupPoll[],
    privateRooms: ReadonlyMap<string, Uint8Array> = new Map(),
  ): JoinCode {
    return this.restoreInTransaction(board, session, ballots, polls, privateRooms)
  }
}
