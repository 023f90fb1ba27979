import { useTranslation } from 'react-i18next'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { useBallot, useOpenRound } from './hooks.js'
import { remainingVotes } from './voteState.js'

/** « 2 gommettes à placer » in the session bar while a round is open: the word the vote's rules use. */
export function RemainingVotes({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const round = useOpenRound(model)
  const ballot = useBallot(model)
  if (!round || model.role === 'observer') return null
  const left =
    ballot.roundId === round.id ? (ballot.remaining ?? remainingVotes(round, ballot.mine)) : round.budget
  const local = remainingVotes(round, ballot.mine)
  const shown = Math.min(left, local)
  return (
    <span className="mode-badge vote" data-testid="remaining-votes" data-remaining={shown} aria-live="polite">
      <span aria-hidden="true">●</span> {t('voting.remaining', { count: shown })}
    </span>
  )
}
