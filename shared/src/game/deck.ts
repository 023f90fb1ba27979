import { seededRandom } from './random.js'

/** A challenge card as the session document holds it (see `ExpandedDeck`). */
export interface Card {
  id: string
  title: string
  prompt: string
}

export interface Deck {
  id: string
  title: string
  cards: readonly Card[]
}

/**
 * The next card of a deck, drawn without replacement: cards already in `drawn` are skipped
 * until the deck runs out, then the deck is reshuffled (everything but the last card drawn, so
 * the same card never shows twice in a row). Deterministic: the same deck, history and seed
 * give the same card on every replica. Null for an empty deck.
 */
export function drawCard(deck: Deck, drawn: readonly string[], seed: string): Card | null {
  if (deck.cards.length === 0) return null
  const seen = new Set(drawn)
  let pool = deck.cards.filter((card) => !seen.has(card.id))
  if (pool.length === 0) {
    const last = drawn.at(-1)
    pool = deck.cards.length > 1 ? deck.cards.filter((card) => card.id !== last) : [...deck.cards]
  }
  // The history length is part of the seed so that one session seed gives a sequence of draws.
  const random = seededRandom(`${seed}:${drawn.length}`)
  return pool[Math.floor(random() * pool.length)] ?? null
}
