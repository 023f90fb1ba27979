import { eligibleItemIds, type ItemSnapshot, type VoteRound } from '@atelier/shared'
import i18next from 'i18next'
import { announce } from '../a11y/announcer.js'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { showToast } from '../lib/toasts.js'
import { VoteRefused } from './VoteClient.js'
import { dotState, refusalKey, remainingVotes } from './voteState.js'

export function openRound(model: FacilitationModel): VoteRound | null {
  return model.session.getSnapshot().rounds.find((round) => round.status === 'open') ?? null
}

/** Whether this person can put a dot on the item now (open round, item in it, not an observer). */
export function canVoteOn(model: FacilitationModel, item: ItemSnapshot): boolean {
  const round = openRound(model)
  if (!round || model.role === 'observer') return false
  return eligibleItemIds(round, [...model.board.board.getItems().values()]).has(item.id)
}

/**
 * Places (+1) or takes back (-1) one dot, from the board, the keyboard or the phone view alike:
 * a refusal is shown (and said), a success is said with the votes left.
 */
/** One refusal at a time, gone after a few seconds: it must not cover the board or a quiz for minutes. */
function refuse(message: string): void {
  showToast('error', message, { key: 'vote-refusal', transient: true })
  announce(message)
}

export function castVote(model: FacilitationModel, itemId: string, delta: 1 | -1): Promise<void> {
  const t = i18next.t.bind(i18next)
  const round = openRound(model)
  if (!round) {
    refuse(t(refusalKey('round-closed')))
    return Promise.resolve()
  }
  const state = dotState(round, model.votes.getSnapshot().mine, itemId)
  if (delta === 1 && !state.canAdd) {
    const limit = round.maxPerItem ?? round.budget
    const reason = state.mine >= limit ? 'item-limit-reached' : 'budget-exhausted'
    refuse(t(refusalKey(reason), { count: reason === 'item-limit-reached' ? limit : round.budget }))
    return Promise.resolve()
  }
  return model.votes
    .vote(itemId, delta)
    .then(() => {
      const mine = model.votes.getSnapshot().mine
      announce(
        t('voting.announce', {
          count: mine.get(itemId) ?? 0,
          remaining: t('voting.remaining', { count: remainingVotes(round, mine) }),
        }),
      )
    })
    .catch((error: unknown) => {
      const key =
        error instanceof VoteRefused && error.reason ? refusalKey(error.reason) : 'voting.refused.failed'
      refuse(t(key, { count: round.budget }))
    })
}
