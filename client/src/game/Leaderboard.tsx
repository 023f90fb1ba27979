import { useTranslation } from 'react-i18next'
import type { GameModel } from './GameModel.js'
import { useGame, useLineName } from './hooks.js'

export interface BoardLine {
  id: string
  value: number
  rank: number
}

/**
 * A ranked list with bars. The list itself is not live (it would chatter at every note); a
 * hidden live region announces the leader when the leader changes.
 */
export function Leaderboard({
  game,
  lines,
  unit,
  testId,
}: {
  game: GameModel
  lines: readonly BoardLine[]
  unit: 'points' | 'ideas'
  testId: string
}) {
  const { t } = useTranslation()
  const nameOf = useLineName(game)
  const teams = useGame(game, (s) => s.teams.teams)
  const by = useGame(game, (s) => s.scores.by)
  const top = Math.max(1, ...lines.map((line) => line.value))
  const leader = lines[0]
  if (lines.length === 0) return <p className="game-hint">{t('game.scores.empty')}</p>
  return (
    <>
      <ol className="leaderboard" data-testid={testId}>
        {lines.map((line) => {
          const color = by === 'team' ? teams.find((team) => team.id === line.id)?.color : undefined
          return (
            <li
              key={line.id}
              className={`leader-line rank-${Math.min(line.rank, 4)}`}
              data-rank={line.rank}
              style={color ? ({ '--team': color } as React.CSSProperties) : undefined}
            >
              <span className="leader-rank" aria-hidden="true">
                {line.rank}
              </span>
              <span className="leader-name">{nameOf(line.id, line.rank)}</span>
              <span className="leader-value">{t(`game.scores.${unit}`, { count: line.value })}</span>
              <span className="leader-bar" aria-hidden="true">
                <span style={{ width: `${(line.value / top) * 100}%` }} />
              </span>
            </li>
          )
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {leader && leader.value > 0
          ? t(`game.scores.leader.${unit}`, { name: nameOf(leader.id, leader.rank), count: leader.value })
          : ''}
      </p>
    </>
  )
}
