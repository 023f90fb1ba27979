import { checkVote, type VoteRound } from '@atelier/shared'
import { type Kysely, sql, type Transaction } from 'kysely'
import { lockBoard } from '../store/sql/boardRows.js'
import type { Migrations } from '../store/sql/migrations.js'
import type { Tables } from '../store/sql/tables.js'
import type { Ballot, CastOutcome, VoteStore } from './store.js'

/** One row per person and item with dots on it; a row whose count falls to zero is deleted. */
export const VOTE_MIGRATIONS: Migrations = {
  module: 'votes',
  steps: [
    async ({ db }) => {
      await db.schema
        .createTable('ballots')
        .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
        .addColumn('round_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull().check(sql`count > 0`))
        .addPrimaryKeyConstraint('ballots_pkey', ['board_id', 'round_id', 'person_id', 'item_id'])
        .execute()
    },
  ],
}

/** Ballots in the store's database. */
export class SqlVoteStore implements VoteStore {
  constructor(private readonly db: Kysely<Tables>) {}

  /**
   * Reads the person's dots, checks the ballot and records it in one transaction that first
   * locks the board: concurrent ballots, on this node or another, are checked one after the
   * other, so no budget is overspent.
   */
  async cast(
    ballot: Ballot,
    round: Pick<VoteRound, 'status' | 'budget' | 'maxPerItem'>,
    eligible: boolean,
  ): Promise<CastOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const { boardId, roundId, personId, itemId, delta } = ballot
      await lockBoard(trx, boardId)
      const mine = await this.readMine(trx, boardId, roundId, personId)
      const check = checkVote(round, mine, itemId, delta, eligible)
      if (!check.ok) return { check, mine }
      const key = { board_id: boardId, round_id: roundId, person_id: personId, item_id: itemId }
      if (delta > 0) {
        await trx
          .insertInto('ballots')
          .values({ ...key, count: 1 })
          .onConflict((oc) =>
            oc
              .columns(['board_id', 'round_id', 'person_id', 'item_id'])
              .doUpdateSet((eb) => ({ count: eb('ballots.count', '+', 1) })),
          )
          .execute()
      } else if ((mine.get(itemId) ?? 0) <= 1) {
        // A dot removed from a count of one deletes the row, which the CHECK requires.
        await trx
          .deleteFrom('ballots')
          .where('board_id', '=', boardId)
          .where('round_id', '=', roundId)
          .where('person_id', '=', personId)
          .where('item_id', '=', itemId)
          .execute()
      } else {
        await trx
          .updateTable('ballots')
          .set((eb) => ({ count: eb('count', '-', 1) }))
          .where('board_id', '=', boardId)
          .where('round_id', '=', roundId)
          .where('person_id', '=', personId)
          .where('item_id', '=', itemId)
          .execute()
      }
      return { check, mine: await this.readMine(trx, boardId, roundId, personId) }
    })
  }

  async mine(boardId: string, roundId: string, personId: string): Promise<Map<string, number>> {
    return this.readMine(this.db, boardId, roundId, personId)
  }

  async totals(boardId: string, roundId: string): Promise<{ itemId: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('ballots')
      .select(['item_id', (eb) => eb.fn.sum<number>('count').as('count')])
      .where('board_id', '=', boardId)
      .where('round_id', '=', roundId)
      .groupBy('item_id')
      .execute()
    return rows.map((row) => ({ itemId: row.item_id, count: Number(row.count) }))
  }

  async voterCount(boardId: string, roundId: string): Promise<number> {
    const row = await this.db
      .selectFrom('ballots')
      .select((eb) => eb.fn.count<number>('person_id').distinct().as('voters'))
      .where('board_id', '=', boardId)
      .where('round_id', '=', roundId)
      .executeTakeFirst()
    return Number(row?.voters ?? 0)
  }

  private async readMine(
    db: Kysely<Tables> | Transaction<Tables>,
    boardId: string,
    roundId: string,
    personId: string,
  ): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('ballots')
      .select(['item_id', 'count'])
      .where('board_id', '=', boardId)
      .where('round_id', '=', roundId)
      .where('person_id', '=', personId)
      .execute()
    return new Map(rows.map((row) => [row.item_id, row.count]))
  }
}
