import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CardsTab } from './CardsTab.js'
import type { GameModel } from './GameModel.js'
import { useGame } from './hooks.js'
import { PodiumTab } from './Podium.js'
import { PollsTab } from './PollsTab.js'
import { ScoresTab } from './ScoresTab.js'
import { TeamsTab } from './TeamsTab.js'

type Tab = 'teams' | 'scores' | 'cards' | 'polls' | 'podium'

const FACILITATOR_TABS: readonly Tab[] = ['teams', 'scores', 'cards', 'polls', 'podium']
const PLAYER_TABS: readonly Tab[] = ['teams', 'scores']

export function TrophyIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M7 4h10v3a5 5 0 0 1-10 0V4zm0 1H4v2a3 3 0 0 0 3 3m10-5h3v2a3 3 0 0 1-3 3M12 12v4m-4 4h8m-6 0v-4h4v4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/** The game panel: teams, scores, and for the facilitator cards, polls and the podium. */
export function GamePanel({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [tab, setTab] = useState<Tab>('teams')
  const hasTeams = useGame(game, (s) => s.teams.teams.length > 0)
  const active = useGame(game, (s) => s.active)
  const sprintRunning = useGame(game, (s) => s.sprint !== null && s.sprint.endedAt === null)
  const id = useId()
  const tabs = game.isFacilitator ? FACILITATOR_TABS : PLAYER_TABS

  // A participant is shown the teams the moment the facilitator creates them.
  useEffect(() => {
    if (hasTeams && !game.isFacilitator && game.canPlay) setOpen(true)
  }, [hasTeams, game])
  useEffect(() => {
    if (sprintRunning) setTab('scores')
  }, [sprintRunning])

  if (!game.isFacilitator && !active) return null
  if (!open) {
    return (
      <button
        type="button"
        className="button game-toggle"
        data-testid="game-open"
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        <TrophyIcon />
        <span>{t('game.open')}</span>
      </button>
    )
  }
  return (
    <section className="game-panel floating-panel" aria-labelledby={`${id}-title`} data-testid="game-panel">
      <header className="game-panel-header">
        <h2 id={`${id}-title`}>
          <TrophyIcon /> {t('game.title')}
        </h2>
        <button
          type="button"
          className="chip quiet"
          aria-label={t('game.close')}
          aria-expanded={true}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      <div className="game-tabs" role="tablist" aria-label={t('game.title')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel`}
            className="game-tab"
            data-testid={`game-tab-${name}`}
            onClick={() => setTab(name)}
            onKeyDown={(event) => {
              const index = tabs.indexOf(name)
              const next =
                event.key === 'ArrowRight'
                  ? tabs[(index + 1) % tabs.length]
                  : event.key === 'ArrowLeft'
                    ? tabs[(index - 1 + tabs.length) % tabs.length]
                    : null
              if (!next) return
              event.preventDefault()
              setTab(next)
              document.getElementById(`${id}-${next}`)?.focus()
            }}
            tabIndex={tab === name ? 0 : -1}
          >
            {t(`game.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div className="game-panel-body" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'teams' && <TeamsTab game={game} />}
        {tab === 'scores' && <ScoresTab game={game} />}
        {tab === 'cards' && <CardsTab game={game} />}
        {tab === 'polls' && <PollsTab game={game} />}
        {tab === 'podium' && <PodiumTab game={game} />}
      </div>
    </section>
  )
}
