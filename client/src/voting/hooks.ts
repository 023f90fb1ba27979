import { eligibleItemIds, type VoteRound } from '@atelier/shared'
import { useMemo, useSyncExternalStore } from 'react'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { useSession } from '../facilitation/hooks.js'
import type { VoteSnapshot } from './VoteClient.js'

export function useOpenRound(model: FacilitationModel): VoteRound | null {
  return useSession(model, (s) => s.rounds.find((r) => r.status === 'open') ?? null)
}

/** The latest round, when it is closed: its ranking is what the group looks at next. */
export function useLatestClosedRound(model: FacilitationModel): VoteRound | null {
  return useSession(model, (s) => (s.rounds[0]?.status === 'closed' ? s.rounds[0] : null))
}

export function useBallot(model: FacilitationModel): VoteSnapshot {
  return useSyncExternalStore(model.votes.subscribe, model.votes.getSnapshot)
}

/** Items that can receive dots in the round, recomputed when the board changes. */
export function useEligible(model: FacilitationModel, round: VoteRound | null): ReadonlySet<string> {
  const board = model.board.board
  const version = useSyncExternalStore(board.subscribe, () => board.getItems())
  return useMemo(
    () => (round ? eligibleItemIds(round, [...version.values()]) : new Set<string>()),
    [round, version],
  )
}
