import { type GameSettings, rankStandings } from '@atelier/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
import type { GameModel } from './GameModel.js'
import { useGame } from './hooks.js'
import { type BoardLine, Leaderboard } from './Leaderboard.js'

/** Idea counts of the running (or last) sprint, per team or person as the settings say. */
export function useSprintLines(game: GameModel): BoardLine[] | null {
  const counts = useGame(game, (s) => s.sprintCounts)
  const by = useGame(game, (s) => s.settings.scoreBy)
  if (!counts) return null
  const source = by === 'team' ? counts.byTeam : counts.byPerson
  return rankStandings([...source].map(([id, points]) => ({ id, points }))).map((s) => ({
    id: s.id,
    value: s.points,
    rank: s.rank,
  }))
}

/** What ending a sprint writes: the history entry's label and the best-idea vote's title. */
const POINT_KEYS = [
  'pointsPerIdea',
  'pointsPerVoteReceived',
  'pointsPerRebond',
  'pointsPerCardAnswered',
] as const

/** Sprint controls for the facilitator, then the sprint's idea counts and the game's scores. */
export function ScoresTab({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const sprint = useGame(game, (s) => s.sprint)
  const scores = useGame(game, (s) => s.scores)
  const settings = useGame(game, (s) => s.settings)
  const sprintLines = useSprintLines(game)
  const [minutes, setMinutes] = useState(3)
  const running = sprint !== null && sprint.endedAt === null

  const showScores = game.isFacilitator || settings.leaderboard
  const lines = scores.lines.map((line) => ({ id: line.id, value: line.points, rank: line.rank }))
  return (
    <div className="game-section">
      {game.isFacilitator && (
        <div className="sprint-controls">
          {running ? (
            <CommandButton command="game.endSprint" className="button primary" testId="sprint-end">
              {t('game.sprint.end')}
            </CommandButton>
          ) : (
            <>
              <label className="game-field">
                {t('game.sprint.minutes')}
                <input
                  type="number"
                  min={0.5}
                  max={60}
                  step={0.5}
                  value={minutes}
                  data-testid="sprint-minutes"
                  onChange={(event) => setMinutes(Math.max(0.5, Number(event.target.value) || 1))}
                />
              </label>
              <CommandButton
                command="game.startSprint"
                args={{ amount: minutes }}
                className="button primary"
                testId="sprint-start"
              >
                {t('game.sprint.start')}
              </CommandButton>
            </>
          )}
        </div>
      )}
      {sprintLines && (
        <>
          <h3 className="game-subtitle">{running ? t('game.sprint.live') : t('game.sprint.last')}</h3>
          <Leaderboard game={game} lines={sprintLines} unit="ideas" testId="sprint-leaderboard" />
        </>
      )}
      {showScores && (
        <>
          <h3 className="game-subtitle">{t('game.scores.title')}</h3>
          <Leaderboard game={game} lines={lines} unit="points" testId="leaderboard" />
          <p className="game-hint">
            {t('game.scores.rules', {
              idea: settings.pointsPerIdea,
              vote: settings.pointsPerVoteReceived,
              rebond: settings.pointsPerRebond,
              card: settings.pointsPerCardAnswered,
            })}
          </p>
        </>
      )}
      {game.isFacilitator && <Settings game={game} settings={settings} />}
    </div>
  )
}

function Settings({ game, settings }: { game: GameModel; settings: GameSettings }) {
  const { t } = useTranslation()
  return (
    <details className="game-settings">
      <summary>{t('game.settings.title')}</summary>
      <fieldset className="score-by">
        <legend>{t('game.settings.scoreBy')}</legend>
        {(['person', 'team'] as const).map((by) => (
          <label key={by} className="game-check">
            <input
              type="radio"
              name="score-by"
              checked={settings.scoreBy === by}
              data-testid={`score-by-${by}`}
              onChange={() => game.moves.setSettings({ ...settings, scoreBy: by })}
            />
            {t(`game.settings.by.${by}`)}
          </label>
        ))}
      </fieldset>
      {POINT_KEYS.map((key) => (
        <label key={key} className="game-field">
          {t(`game.settings.${key}`)}
          <input
            type="number"
            min={0}
            max={100}
            value={settings[key]}
            onChange={(event) =>
              game.moves.setSettings({ ...settings, [key]: Math.max(0, Number(event.target.value) || 0) })
            }
          />
        </label>
      ))}
      <label className="game-check">
        <input
          type="checkbox"
          checked={settings.leaderboard}
          onChange={(event) => game.moves.setSettings({ ...settings, leaderboard: event.target.checked })}
        />
        {t('game.settings.leaderboard')}
      </label>
    </details>
  )
}
