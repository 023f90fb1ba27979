import type { ExpandedDeck } from '@atelier/shared'
import { randomId } from '@atelier/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
import type { GameModel } from './GameModel.js'
import { useGame } from './hooks.js'

/** Facilitator: draw a card for everyone, and edit the decks the template brought. */
export function CardsTab({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const decks = useGame(game, (s) => s.decks)
  const draws = useGame(game, (s) => s.draws)
  const [deckId, setDeckId] = useState<string>('')
  const [editing, setEditing] = useState(false)
  const deck = decks.find((d) => d.id === deckId) ?? decks[0] ?? null

  useEffect(() => {
    if (!deckId && decks[0]) setDeckId(decks[0].id)
  }, [deckId, decks])

  const addDeck = () => {
    const created: ExpandedDeck = {
      id: randomId(),
      title: t('game.cards.newDeck'),
      cards: [{ id: randomId(), title: t('game.cards.newCard'), prompt: t('game.cards.newPrompt') }],
    }
    game.moves.saveDecks([...decks, created])
    setDeckId(created.id)
    setEditing(true)
  }

  return (
    <div className="game-section">
      {decks.length === 0 ? (
        <p className="game-hint">{t('game.cards.none')}</p>
      ) : (
        <label className="game-field">
          {t('game.cards.deck')}
          <select value={deck?.id ?? ''} onChange={(event) => setDeckId(event.target.value)}>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {t('game.cards.deckOption', { title: d.title, count: d.cards.length })}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="game-actions">
        {deck && (
          <CommandButton
            command="game.drawCard"
            args={{ choice: deck.id }}
            className="button primary"
            testId="card-draw"
          >
            {t('game.cards.draw')}
          </CommandButton>
        )}
        <CommandButton command="game.hideCard" className="button">
          {t('game.cards.hide')}
        </CommandButton>
        {deck && (
          <button
            type="button"
            className="button"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {editing ? t('game.cards.doneEditing') : t('game.cards.edit')}
          </button>
        )}
        <button type="button" className="button" onClick={addDeck}>
          {t('game.cards.addDeck')}
        </button>
      </div>
      {deck && (
        <p className="game-hint">
          {t('game.cards.drawn', { count: draws[deck.id]?.length ?? 0, total: deck.cards.length })}
        </p>
      )}
      {deck && editing && (
        <DeckEditor
          key={deck.id}
          deck={deck}
          onSave={(next) => game.moves.saveDecks(decks.map((d) => (d.id === next.id ? next : d)))}
          onRemove={() => game.moves.saveDecks(decks.filter((d) => d.id !== deck.id))}
        />
      )}
    </div>
  )
}

/** Edits one deck locally and writes it whole on "save", so half-typed cards never reach the room. */
function DeckEditor({
  deck,
  onSave,
  onRemove,
}: {
  deck: ExpandedDeck
  onSave: (deck: ExpandedDeck) => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(deck)
  const patchCard = (index: number, patch: Partial<ExpandedDeck['cards'][number]>) =>
    setDraft({ ...draft, cards: draft.cards.map((card, i) => (i === index ? { ...card, ...patch } : card)) })
  const valid =
    draft.title.trim() !== '' &&
    draft.cards.length > 0 &&
    draft.cards.every((c) => c.title.trim() && c.prompt.trim())
  return (
    <form
      className="deck-editor"
      onSubmit={(event) => {
        event.preventDefault()
        if (valid) onSave(draft)
      }}
    >
      <label className="game-field">
        {t('game.cards.deckTitle')}
        <input
          value={draft.title}
          maxLength={200}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        />
      </label>
      {draft.cards.map((card, index) => (
        <fieldset key={card.id} className="card-edit">
          <legend>{t('game.cards.cardN', { n: index + 1 })}</legend>
          <input
            aria-label={t('game.cards.cardTitle')}
            value={card.title}
            maxLength={200}
            onChange={(event) => patchCard(index, { title: event.target.value })}
          />
          <textarea
            aria-label={t('game.cards.cardPrompt')}
            value={card.prompt}
            maxLength={2000}
            rows={2}
            onChange={(event) => patchCard(index, { prompt: event.target.value })}
          />
          <button
            type="button"
            className="chip quiet"
            disabled={draft.cards.length <= 1}
            onClick={() => setDraft({ ...draft, cards: draft.cards.filter((_, i) => i !== index) })}
          >
            {t('game.cards.removeCard')}
          </button>
        </fieldset>
      ))}
      <div className="game-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            setDraft({
              ...draft,
              cards: [
                ...draft.cards,
                { id: randomId(), title: t('game.cards.newCard'), prompt: t('game.cards.newPrompt') },
              ],
            })
          }
        >
          {t('game.cards.addCard')}
        </button>
        <button type="submit" className="button primary" disabled={!valid}>
          {t('game.cards.save')}
        </button>
        <button type="button" className="button" onClick={onRemove}>
          {t('game.cards.removeDeck')}
        </button>
      </div>
    </form>
  )
}
