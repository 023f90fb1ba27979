import { checkVote, type VoteRefusal, type VoteRound, votesUsed } from '@atelier/shared'

/** What one item's dots look like to this person during an open round. */
export interface DotState {
  mine: number
  canAdd: boolean
  canRemove: boolean
}

export function dotState(
  round: Pick<VoteRound, 'status' | 'budget' | 'maxPerItem'>,
  mine: ReadonlyMap<string, number>,
  itemId: string,
): DotState {
  return {
    mine: mine.get(itemId) ?? 0,
    canAdd: checkVote(round, mine, itemId, 1, true).ok,
    canRemove: checkVote(round, mine, itemId, -1, true).ok,
  }
}

export function remainingVotes(round: Pick<VoteRound, 'budget'>, mine: ReadonlyMap<string, number>): number {
  return Math.max(0, round.budget - votesUsed(mine))
}

/** The ballot after one click, before the relay confirms it. */
export function withVote(
  mine: ReadonlyMap<string, number>,
  itemId: string,
  delta: 1 | -1,
): Map<string, number> {
  const next = new Map(mine)
  const count = (next.get(itemId) ?? 0) + delta
  if (count > 0) next.set(itemId, count)
  else next.delete(itemId)
  return next
}

const REFUSALS: readonly VoteRefusal[] = [
  'round-closed',
  'not-eligible',
  'budget-exhausted',
  'item-limit-reached',
  'nothing-to-remove',
]

export function isRefusal(value: unknown): value is VoteRefusal {
  return typeof value === 'string' && (REFUSALS as readonly string[]).includes(value)
}

/** i18n key of the message a refused vote shows ("Vous avez utilisé vos 3 votes"). */
export function refusalKey(reason: VoteRefusal): string {
  return `voting.refused.${reason}`
}

/** Ordinal label key and medal tier for a rank: the podium gets a colour, the rest a number. */
export function podium(rank: number): 'gold' | 'silver' | 'bronze' | null {
  return rank === 1 ? 'gold' : rank === 2 ? 'silver' : rank === 3 ? 'bronze' : null
}
