import type { VoteCheck, VoteRound } from '@atelier/shared'

/** One person adding (+1) or removing (-1) a dot on one item of one round. */
export interface Ballot {
  boardId: string
  roundId: string
  personId: string
  itemId: string
  delta: 1 | -1
}

export interface CastOutcome {
  check: VoteCheck
  /** The person's dots in the round after the ballot (unchanged when refused): item id → count. */
  mine: Map<string, number>
}

/**
 * Where ballots live: never in a document, so no browser sees another person's dots before the
 * round closes. `cast` checks the ballot against the stored ones and records it atomically, so
 * concurrent requests cannot overspend a budget.
 */
export interface VoteStore {
  cast(
    ballot: Ballot,
    round: Pick<VoteRound, 'status' | 'budget' | 'maxPerItem'>,
    eligible: boolean,
  ): Promise<CastOutcome>
  mine(boardId: string, roundId: string, personId: string): Promise<Map<string, number>>
  /** Dots per item, everyone's together. */
  totals(boardId: string, roundId: string): Promise<{ itemId: string; count: number }[]>
  /** How many people have at least one dot in the round. */
  voterCount(boardId: string, roundId: string): Promise<number>
}
