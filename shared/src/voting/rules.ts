import { containingFrame } from '../geometry/containment.js'
import type { ItemSnapshot } from '../schema/types.js'
import type { RankedItem, VoteRound } from '../session/types.js'

/** Voting rules as pure functions: the relay enforces them, the client mirrors them in the UI. */

/** Item types that can receive dots. */
const VOTABLE_TYPES = new Set<ItemSnapshot['type']>(['note', 'text', 'shape', 'image'])

/**
 * Whether an item is a candidate at all: not a template's example note, nor the board's locked
 * background (a frame's instructions, a scale's line), which a round's frames also hold. A locked
 * note is a candidate: a template's options to choose from are locked notes.
 */
function votable(item: ItemSnapshot): boolean {
  if (!VOTABLE_TYPES.has(item.type) || item.example) return false
  return item.type === 'note' || item.type === 'image' || !item.locked
}

/** Ids of the items a round lets people vote on. */
export function eligibleItemIds(
  round: Pick<VoteRound, 'frameIds' | 'itemIds'>,
  items: readonly ItemSnapshot[],
): Set<string> {
  const eligible = new Set<string>()
  const frames = items.filter((item) => item.type === 'frame')
  const chosenFrames = new Set(round.frameIds)
  const chosenItems = new Set(round.itemIds)
  for (const item of items) {
    if (!votable(item)) continue
    if (chosenItems.has(item.id)) eligible.add(item.id)
    else if (chosenFrames.size > 0) {
      const frame = containingFrame(item, frames)
      if (frame && chosenFrames.has(frame.id)) eligible.add(item.id)
    }
  }
  return eligible
}

export type VoteRefusal =
  | 'round-closed'
  | 'not-eligible'
  | 'budget-exhausted'
  | 'item-limit-reached'
  | 'nothing-to-remove'

export type VoteCheck = { ok: true } | { ok: false; reason: VoteRefusal }

export function votesUsed(mine: ReadonlyMap<string, number>): number {
  let used = 0
  for (const count of mine.values()) used += count
  return used
}

/**
 * Whether one person may add (+1) or remove (-1) a dot on an item, given the dots they have
 * placed in the round so far.
 */
export function checkVote(
  round: Pick<VoteRound, 'status' | 'budget' | 'maxPerItem'>,
  mine: ReadonlyMap<string, number>,
  itemId: string,
  delta: 1 | -1,
  eligible: boolean,
): VoteCheck {
  if (round.status !== 'open') return { ok: false, reason: 'round-closed' }
  const onItem = mine.get(itemId) ?? 0
  if (delta < 0) return onItem > 0 ? { ok: true } : { ok: false, reason: 'nothing-to-remove' }
  if (!eligible) return { ok: false, reason: 'not-eligible' }
  if (votesUsed(mine) >= round.budget) return { ok: false, reason: 'budget-exhausted' }
  if (onItem >= (round.maxPerItem ?? round.budget)) return { ok: false, reason: 'item-limit-reached' }
  return { ok: true }
}

/**
 * Ranks items by votes received, most first, ties sharing a rank (1, 2, 2, 4) and ordered by
 * id so every replica lists them identically. Items without votes are left out.
 */
export function rankVotes(votes: Iterable<{ itemId: string; count: number }>): RankedItem[] {
  const totals = new Map<string, number>()
  for (const { itemId, count } of votes) totals.set(itemId, (totals.get(itemId) ?? 0) + count)
  const sorted = [...totals]
    .filter(([, total]) => total > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
  const ranked: RankedItem[] = []
  sorted.forEach(([itemId, total], index) => {
    const previous = ranked[index - 1]
    const rank = previous && previous.votes === total ? previous.rank : index + 1
    ranked.push({ itemId, votes: total, rank })
  })
  return ranked
}
