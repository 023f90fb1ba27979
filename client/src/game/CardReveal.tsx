import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
import type { GameModel } from './GameModel.js'
import { useGame, useLocalPrivateWriting } from './hooks.js'

/**
 * The drawn challenge card, shown to everyone: it flips in (CSS 3D, instant under reduced
 * motion), then anyone can fold it into a small reminder or take it up with a tagged note.
 */
export function CardReveal({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const card = useGame(game, (s) => s.card)
  const privateWriting = useLocalPrivateWriting(game)
  const [foldedAt, setFoldedAt] = useState<number | null>(null)
  if (!card) return null
  const folded = foldedAt === card.drawnAt
  const answer = game.canPlay && !privateWriting && (
    <CommandButton
      command="game.answerCard"
      className="button primary"
      testId="card-answer"
      // Fold the card so that it does not hide the note being written.
      onRan={() => setFoldedAt(card.drawnAt)}
    >
      {t('game.cards.answer')}
    </CommandButton>
  )
  if (folded) {
    return (
      <aside className="card-reminder" aria-label={t('game.cards.current')}>
        <button type="button" className="chip" onClick={() => setFoldedAt(null)}>
          🃏 {card.title}
        </button>
        {answer}
      </aside>
    )
  }
  return (
    <aside className="card-stage" aria-labelledby="card-title" data-testid="card-reveal">
      {/* key: a new draw remounts the card, which replays the flip. */}
      <div className="card-flip" key={card.drawnAt}>
        <div className="card-face card-back" aria-hidden="true">
          <span>?</span>
        </div>
        <div className="card-face card-front">
          <p className="card-kicker">{t('game.cards.kicker')}</p>
          <h2 id="card-title">{card.title}</h2>
          <p className="card-prompt">{card.prompt}</p>
          <div className="card-actions">
            {answer}
            <button type="button" className="button" onClick={() => setFoldedAt(card.drawnAt)}>
              {t('game.cards.fold')}
            </button>
          </div>
        </div>
      </div>
      <p className="visually-hidden" aria-live="assertive">
        {t('game.cards.announce', { title: card.title, prompt: card.prompt })}
      </p>
    </aside>
  )
}
