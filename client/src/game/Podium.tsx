import { podiumOf, type ScoreSnapshot } from '@atelier/shared'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
import type { GameModel } from './GameModel.js'
import { useGame, useReducedMotion } from './hooks.js'

/** Facilitator: show the podium to everyone (which also keeps the scores for the report). */
export function PodiumTab({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const history = useGame(game, (s) => s.history)
  return (
    <div className="game-section">
      <p className="game-hint">{t('game.podium.explain')}</p>
      <div className="game-actions">
        <CommandButton command="game.showPodium" className="button primary" testId="podium-show">
          {t('game.podium.show')}
        </CommandButton>
        <CommandButton command="game.hidePodium" className="button" testId="podium-hide">
          {t('game.podium.hide')}
        </CommandButton>
      </div>
      {history.length > 0 && (
        <>
          <h3 className="game-subtitle">{t('game.podium.history')}</h3>
          <ol className="history">
            {history.map((snapshot) => (
              <li key={`${snapshot.at}-${snapshot.label}`}>
                <strong>{snapshot.label}</strong> —{' '}
                {snapshot.lines
                  .slice(0, 3)
                  .map((l) => `${l.rank}. ${l.name} (${l.points})`)
                  .join(' · ') || '—'}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  )
}

const CONFETTI_COLORS = ['#3b5bdb', '#f59f00', '#2b8a3e', '#c2255c', '#1098ad', '#f76707']

/** Forty paper pieces with spread-out, fixed-per-render positions: CSS animates them, no library. */
function Confetti() {
  const pieces = useMemo(
    () =>
      Array.from({ length: 40 }, (_, i) => ({
        left: (i * 37) % 100,
        delay: ((i * 53) % 20) / 10,
        duration: 2.6 + ((i * 29) % 15) / 10,
        color: CONFETTI_COLORS[i % CONFETTI_COLORS.length],
        turn: (i * 47) % 360,
      })),
    [],
  )
  return (
    <div className="confetti" aria-hidden="true">
      {pieces.map((piece, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of decorative pieces
          key={i}
          className="confetti-piece"
          style={{
            left: `${piece.left}%`,
            background: piece.color,
            animationDelay: `${piece.delay}s`,
            animationDuration: `${piece.duration}s`,
            rotate: `${piece.turn}deg`,
          }}
        />
      ))}
    </div>
  )
}

const ORDER = [2, 1, 3] as const

/** The podium on everyone's screen, with confetti unless they asked for less motion. */
export function PodiumOverlay({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const podium = useGame(game, (s) => s.podium)
  const reduced = useReducedMotion()
  const [closedAt, setClosedAt] = useState<number | null>(null)
  if (!podium || closedAt === podium.at) return null
  const top = podiumOf(podium.lines)
  const winners = top.filter((line) => line.rank === 1)
  return (
    <div className="podium-backdrop">
      {!reduced && winners.length > 0 && <Confetti />}
      <section
        className="podium"
        role="dialog"
        aria-modal="false"
        aria-labelledby="podium-title"
        data-testid="podium"
      >
        <h2 id="podium-title">{t('game.podium.title')}</h2>
        {top.length === 0 ? (
          <p className="game-hint">{t('game.podium.nobody')}</p>
        ) : (
          <ol className="podium-steps">
            {ORDER.map((rank) => (
              <PodiumStep
                key={rank}
                rank={rank}
                lines={top.filter((line) => line.rank === rank)}
                snapshot={podium}
              />
            ))}
          </ol>
        )}
        <p className="podium-thanks">{t('game.podium.thanks')}</p>
        <p className="visually-hidden" aria-live="assertive">
          {winners.length > 0
            ? t('game.podium.announce', {
                names: winners.map((w) => w.name).join(', '),
                count: winners[0]?.points ?? 0,
              })
            : ''}
        </p>
        <button type="button" className="button" onClick={() => setClosedAt(podium.at)}>
          {t('game.podium.close')}
        </button>
      </section>
    </div>
  )
}

function PodiumStep({
  rank,
  lines,
  snapshot,
}: {
  rank: 1 | 2 | 3
  lines: ScoreSnapshot['lines']
  snapshot: ScoreSnapshot
}) {
  const { t } = useTranslation()
  return (
    <li
      className={`podium-step step-${rank}${lines.length === 0 ? ' empty' : ''}`}
      data-testid={`podium-${rank}`}
    >
      <div className="podium-names">
        {lines.map((line) => (
          <p key={line.id} className="podium-name">
            {line.name}
            <span className="podium-points">{t('game.scores.points', { count: line.points })}</span>
          </p>
        ))}
      </div>
      <div className="podium-block">
        <span aria-hidden="true">{rank}</span>
        <span className="visually-hidden">
          {t('game.podium.rank', { rank, by: t(`game.settings.by.${snapshot.by}`) })}
        </span>
      </div>
    </li>
  )
}
