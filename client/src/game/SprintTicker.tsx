import { useTranslation } from 'react-i18next'
import type { GameModel } from './GameModel.js'
import { useGame, useLineName } from './hooks.js'
import { useSprintLines } from './ScoresTab.js'

/** A small live board while a sprint runs: the top three, so the race is visible without a panel open. */
export function SprintTicker({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const running = useGame(game, (s) => s.sprint !== null && s.sprint.endedAt === null)
  const visible = useGame(game, (s) => s.settings.leaderboard) || game.isFacilitator
  const lines = useSprintLines(game)
  const nameOf = useLineName(game)
  if (!running || !visible || !lines) return null
  const total = lines.reduce((sum, line) => sum + line.value, 0)
  return (
    <aside className="sprint-ticker" aria-label={t('game.sprint.live')} data-testid="sprint-ticker">
      <p className="sprint-ticker-title">
        <span className="pulse" aria-hidden="true" /> {t('game.sprint.live')} ·{' '}
        {t('game.scores.ideas', { count: total })}
      </p>
      <ol>
        {lines.slice(0, 3).map((line) => (
          <li key={line.id}>
            <span className="leader-rank">{line.rank}</span> {nameOf(line.id, line.rank)}{' '}
            <strong>{line.value}</strong>
          </li>
        ))}
      </ol>
    </aside>
  )
}
