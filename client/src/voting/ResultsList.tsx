import type { VoteRound } from '@atelier/shared'
import { useTranslation } from 'react-i18next'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { podium } from './voteState.js'

/** The ranking of a closed round; a click flies to the item. */
export function ResultsList({ model, round }: { model: FacilitationModel; round: VoteRound }) {
  const { t } = useTranslation()
  const results = round.results ?? []
  if (results.length === 0) return <p className="muted small">{t('voting.noVotes')}</p>
  return (
    <ol className="results-list" data-testid="vote-results">
      {results.map((result) => {
        const item = model.board.board.getItem(result.itemId)
        const label = item?.text?.trim() || t('voting.unnamedItem')
        return (
          <li
            key={result.itemId}
            className={`result-row ${podium(result.rank) ?? ''}`}
            data-testid="vote-result"
            data-rank={result.rank}
            data-votes={result.votes}
          >
            <span className="result-rank">
              <span className="visually-hidden">{t('voting.rank', { rank: result.rank })}</span>
              <span aria-hidden="true">{result.rank}</span>
            </span>
            <button
              type="button"
              className="result-label"
              disabled={!item}
              onClick={() => item && model.follow.flyTo(item)}
            >
              {label}
            </button>
            <span className="result-votes">{t('voting.votes', { count: result.votes })}</span>
          </li>
        )
      })}
    </ol>
  )
}
