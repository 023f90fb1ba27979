import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { useLatestClosedRound } from './hooks.js'
import { ResultsList } from './ResultsList.js'

/** Participants see the ranking as soon as the facilitator closes a round, until they dismiss it. */
export function ResultsCard({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const round = useLatestClosedRound(model)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [announce, setAnnounce] = useState('')
  useEffect(() => {
    if (round?.results) setAnnounce(t('voting.published', { title: round.title }))
  }, [round?.results, round?.title, t])
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {round?.results && dismissed !== round.id && (
        <section
          className="results-card floating-panel"
          aria-labelledby="results-title"
          data-testid="results-card"
        >
          <header className="panel-header">
            <h2 id="results-title">
              {t('voting.resultsOf', { title: round.title || t('voting.untitled') })}
            </h2>
            <button
              type="button"
              className="chip quiet"
              aria-label={t('voting.dismiss')}
              onClick={() => setDismissed(round.id)}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </header>
          <p className="muted small">{t('voting.voters', { count: round.voters })}</p>
          <ResultsList model={model} round={round} />
        </section>
      )}
    </>
  )
}
