import { checkVote, type VoteRound } from '@atelier/shared'
import type Database from 'better-sqlite3'
import { migrate, type SqlMigrations } from '../store/sqlite/migrations.js'
import type { Ballot, CastOutcome, VoteStore } from './store.js'

/** One row per person and item with dots on it; a row whose count falls to zero is deleted. */
export const VOTE_MIGRATIONS: SqlMigrations = {
  module: 'votes',
  steps: [
    `
  CREATE TABLE ballots (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (board_id, round_id, person_id, item_id)
  ) STRICT;
  `,
  ],
}

/** Ballots in the board store's SQLite database. */
export class SqliteVoteStore implements VoteStore {
  private readonly statements
  private readonly castInTransaction

  constructor(db: Database.Database) {
    migrate(db, VOTE_MIGRATIONS)
    this.statements = {
      mine: db.prepare<[string, string, string], { item_id: string; count: number }>(
        'SELECT item_id, count FROM ballots WHERE board_id = ? AND round_id = ? AND person_id = ?',
      ),
      add: db.prepare(
        `INSERT INTO ballots (board_id, round_id, person_id, item_id, count) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (board_id, round_id, person_id, item_id) DO UPDATE SET count = count + 1`,
      ),
      remove: db.prepare(
        'UPDATE ballots SET count = count - 1 WHERE board_id = ? AND round_id = ? AND person_id = ? AND item_id = ?',
      ),
      dropEmpty: db.prepare(
        'DELETE FROM ballots WHERE board_id = ? AND round_id = ? AND person_id = ? AND item_id = ? AND count = 1',
      ),
      totals: db.prepare<[string, string], { item_id: string; count: number }>(
        'SELECT item_id, SUM(count) AS count FROM ballots WHERE board_id = ? AND round_id = ? GROUP BY item_id',
      ),
      voters: db.prepare<[string, string], { voters: number }>(
        'SELECT COUNT(DISTINCT person_id) AS voters FROM ballots WHERE board_id = ? AND round_id = ?',
      ),
    }
    this.castInTransaction = db.transaction(
      (ballot: Ballot, round: Pick<VoteRound, 'status' | 'budget' | 'maxPerItem'>, eligible: boolean) => {
        const { boardId, roundId, personId, itemId, delta } = ballot
        const mine = this.readMine(boardId, roundId, personId)
        const check = checkVote(round, mine, itemId, delta, eligible)
        if (!check.ok) return { check, mine }
        const key = [boardId, roundId, personId, itemId] as const
        if (delta > 0) this.statements.add.run(...key)
        // A dot removed from a count of one deletes the row, which the CHECK requires.
        else if (this.statements.dropEmpty.run(...key).changes === 0) this.statements.remove.run(...key)
        return { check, mine: this.readMine(boardId, roundId, personId) }
      },
    )
  }

  async cast(
    ballot: Ballot,
    round: Pick<VoteRound, 'status' | 'budget' | 'maxPerItem'>,
    eligible: boolean,
  ): Promise<CastOutcome> {
    // IMMEDIATE takes the write lock before reading, so a second process on the same file waits.
    return this.castInTransaction.immediate(ballot, round, eligible)
  }

  async mine(boardId: string, roundId: string, personId: string): Promise<Map<string, number>> {
    return this.readMine(boardId, roundId, personId)
  }

  async totals(boardId: string, roundId: string): Promise<{ itemId: string; count: number }[]> {
    return this.statements.totals
      .all(boardId, roundId)
      .map((row) => ({ itemId: row.item_id, count: row.count }))
  }

  async voterCount(boardId: string, roundId: string): Promise<number> {
    return this.statements.voters.get(boardId, roundId)?.voters ?? 0
  }

  private readMine(boardId: string, roundId: string, personId: string): Map<string, number> {
    return new Map(
      this.statements.mine.all(boardId, roundId, personId).map((row) => [row.item_id, row.count]),
    )
  }
}
