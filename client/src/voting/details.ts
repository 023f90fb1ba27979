import i18next from 'i18next'
import type { ItemDetails } from '../a11y/announcer.js'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { canVoteOn } from './castVote.js'

/**
 * What the votes add to an item's spoken description: this person's dots while a round is open,
 * the rank and count once the latest round has closed. Said in words, never by colour alone.
 */
export function voteDetails(model: FacilitationModel): ItemDetails {
  return (item) => {
    const t = i18next.t.bind(i18next)
    if (canVoteOn(model, item)) {
      return [t('voting.mine', { count: model.votes.getSnapshot().mine.get(item.id) ?? 0 })]
    }
    const latest = model.session.getSnapshot().rounds[0]
    const result = latest?.status === 'closed' ? latest.results?.find((r) => r.itemId === item.id) : undefined
    return result ? [t('voting.badge', { rank: result.rank, count: result.votes })] : []
  }
}
