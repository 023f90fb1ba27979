import { roomName } from '@atelier/shared'
import type { Kysely } from 'kysely'
import { answerFromRow, pollFromRow, pollRow } from '../game/sql.js'
import { insertBoard } from '../store/sql/boardRows.js'
import type { Tables } from '../store/sql/tables.js'
import type { JoinCode, NewBoard } from '../store/types.js'
import type { BackupBallot, BackupPoll } from './format.js'

/**
 * The rows a backup carries besides the documents — ballots, polls and answers — read from and
 * written to the tables of the vote and game stores.
 */
export interface BackupRecords {
  read(boardId: string): Promise<{ ballots: BackupBallot[]; polls: BackupPoll[] }>
  /**
   * Writes the new board, its documents (session, private rooms by person id), ballots, polls and
   * answers in ONE transaction: a failure leaves nothing behind. Resolves with the board's join code.
   */
  restore(
    board: NewBoard,
    session: Uint8Array,
    ballots: readonly BackupBallot[],
    polls: readonly BackupPoll[],
    privateRooms?: ReadonlyMap<string, Uint8Array>,
  ): Promise<JoinCode>
}

/** Rows per INSERT: far below SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_INSERT = 500

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT))
  return out
}

export class SqlBackupRecords implements BackupRecords {
  constructor(private readonly db: Kysely<Tables>) {}

  async read(boardId: string): Promise<{ ballots: BackupBallot[]; polls: BackupPoll[] }> {
    const ballots = await this.db
      .selectFrom('ballots')
      .select(['round_id', 'person_id', 'item_id', 'count'])
      .where('board_id', '=', boardId)
      .orderBy('round_id')
      .orderBy('person_id')
      .orderBy('item_id')
      .execute()
    const pollRows = await this.db
      .selectFrom('polls')
      .selectAll()
      .where('board_id', '=', boardId)
      .orderBy('opened_at')
      .orderBy('poll_id')
      .execute()
    const polls: BackupPoll[] = []
    for (const row of pollRows) {
      const { boardId: _board, ...poll } = pollFromRow(row)
      const answers = await this.db
        .selectFrom('poll_answers')
        .select(['person_id', 'answer', 'answered_at'])
        .where('board_id', '=', boardId)
        .where('poll_id', '=', row.poll_id)
        .orderBy('person_id')
        .execute()
      polls.push({ ...poll, answers: answers.map(answerFromRow) } as BackupPoll)
    }
    return {
      ballots: ballots.map((row) => ({
        roundId: row.round_id,
        personId: row.person_id,
        itemId: row.item_id,
        count: row.count,
      })),
      polls,
    }
  }

  async restore(
    board: NewBoard,
    session: Uint8Array,
    ballots: readonly BackupBallot[],
    polls: readonly BackupPoll[],
    privateRooms: ReadonlyMap<string, Uint8Array> = new Map(),
  ): Promise<JoinCode> {
    return this.db.transaction().execute(async (trx) => {
      const joinCode = await insertBoard(trx, board, [
        [roomName(board.id, 'session'), session],
        ...[...privateRooms].map(([personId, state]): [string, Uint8Array] => [
          roomName(board.id, 'private', personId),
          state,
        ]),
      ])
      for (const chunk of chunks(ballots)) {
        await trx
          .insertInto('ballots')
          .values(
            chunk.map((ballot) => ({
              board_id: board.id,
              round_id: ballot.roundId,
              person_id: ballot.personId,
              item_id: ballot.itemId,
              count: ballot.count,
            })),
          )
          .execute()
      }
      for (const { answers, ...poll } of polls) {
        await trx.insertInto('polls').values(pollRow(poll, board.id)).execute()
        for (const chunk of chunks(answers)) {
          await trx
            .insertInto('poll_answers')
            .values(
              chunk.map((answer) => ({
                board_id: board.id,
                poll_id: poll.pollId,
                person_id: answer.personId,
                answer: JSON.stringify(answer.answer),
                answered_at: answer.answeredAt,
              })),
            )
            .execute()
        }
      }
      return joinCode
    })
  }
}
