import {
  cardTags,
  closedQuizPoints,
  computeScores,
  type DrawnCard,
  type ExpandedDeck,
  type GameSettings,
  gameMap,
  type IdeaCounts,
  type ItemSnapshot,
  ideaCounts,
  type PollState,
  readDecks,
  readDrawnCard,
  readDraws,
  readGameHistory,
  readGameSettings,
  readPodium,
  readPolls,
  readRounds,
  readSprint,
  readTeamBook,
  readTeamsLocked,
  type Scoreboard,
  type ScoreSnapshot,
  type Sprint,
  sessionNames,
  type TeamBook,
  templateKitMap,
} from '@atelier/shared'
import type * as Y from 'yjs'
import { Listeners } from '../lib/listeners.js'
import { readPresence } from '../presence/types.js'
import { keepUnchanged } from './sharing.js'

/** Everything the game shows, derived from the session document, the board and presence. */
export interface GameSnapshot {
  teams: TeamBook
  teamsLocked: boolean
  settings: GameSettings
  sprint: Sprint | null
  card: DrawnCard | null
  decks: readonly ExpandedDeck[]
  draws: Readonly<Record<string, string[]>>
  /** Most recent first. */
  polls: readonly PollState[]
  podium: ScoreSnapshot | null
  history: readonly ScoreSnapshot[]
  scores: Scoreboard
  /** Ideas per person and team since the sprint started (null without a sprint). */
  sprintCounts: IdeaCounts | null
  /** personId → name, from presence (kept after people leave) and from past snapshots. */
  names: ReadonlyMap<string, string>
  /** The session is a game (a gamified template, teams, a sprint, polls…): participants get the panel. */
  active: boolean
}

export interface GameStateSources {
  /** The session document (the facilitation layer's room: never a second connection). */
  doc: Y.Doc
  board: { getItems(): ReadonlyMap<string, ItemSnapshot>; subscribe(listener: () => void): () => void }
  awareness: {
    getStates(): Map<number, unknown>
    on(event: 'change', fn: () => void): void
    off(event: 'change', fn: () => void): void
  }
  /** A change this browser made itself: shown at once (a controlled input must not snap back). */
  ownOrigin: unknown
  /** Batches per frame (requestAnimationFrame in the browser). */
  frame?: (fn: () => void) => number
  cancelFrame?: (id: number) => void
}

/**
 * The game's state, a pure function of the documents computed with the shared rules (so every
 * replica shows the same podium), recomputed at most once per frame on a busy board. People's
 * names come from presence and stay known after they leave.
 */
export class GameState {
  private snapshot: GameSnapshot
  private readonly names = new Map<string, string>()
  private readonly changes = new Listeners()
  private pending: number | null = null
  private readonly frame: (fn: () => void) => number
  private readonly cancelFrame: (id: number) => void
  private readonly disposers: (() => void)[]

  constructor(private readonly sources: GameStateSources) {
    this.frame = sources.frame ?? ((fn) => requestAnimationFrame(fn))
    this.cancelFrame = sources.cancelFrame ?? ((id) => cancelAnimationFrame(id))
    this.readNames()
    this.snapshot = this.read()
    const { doc, board, awareness } = sources
    doc.on('update', this.onSessionUpdate)
    awareness.on('change', this.onAwareness)
    this.disposers = [
      () => doc.off('update', this.onSessionUpdate),
      board.subscribe(this.schedule),
      () => awareness.off('change', this.onAwareness),
    ]
  }

  getSnapshot = (): GameSnapshot => this.snapshot

  subscribe = this.changes.subscribe

  /** The board's items now (scores and counts read them). */
  items(): ItemSnapshot[] {
    return [...this.sources.board.getItems().values()]
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    if (this.pending !== null) this.cancelFrame(this.pending)
  }

  private read(): GameSnapshot {
    const { doc } = this.sources
    const items = this.items()
    const teams = readTeamBook(doc)
    const settings = readGameSettings(doc)
    const sprint = readSprint(doc)
    const draws = readDraws(doc)
    const history = readGameHistory(doc)
    const decks = readDecks(doc)
    const drawn = decks.flatMap((deck) => deck.cards.filter((card) => draws[deck.id]?.includes(card.id)))
    const scores = computeScores(items, readRounds(doc), teams, settings, {
      cards: cardTags(drawn),
      quizPoints: closedQuizPoints(doc),
    })
    const polls = readPolls(doc)
    return {
      teams,
      teamsLocked: readTeamsLocked(doc),
      settings,
      sprint,
      card: readDrawnCard(doc),
      decks,
      draws,
      polls,
      podium: readPodium(doc),
      history,
      scores,
      sprintCounts: sprint ? ideaCounts(items, teams, { from: sprint.startedAt, to: sprint.endedAt }) : null,
      names: sessionNames(doc, this.names),
      active:
        teams.teams.length > 0 ||
        sprint !== null ||
        polls.length > 0 ||
        history.length > 0 ||
        templateKitMap(doc).has('gamification') ||
        gameMap(doc).has('settings'),
    }
  }

  private onSessionUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.sources.ownOrigin) this.refresh()
    else this.schedule()
  }

  private schedule = (): void => {
    if (this.pending !== null) return
    this.pending = this.frame(() => {
      this.pending = null
      this.refresh()
    })
  }

  private refresh(): void {
    const next = keepUnchanged(this.snapshot, this.read())
    if (next === this.snapshot) return
    this.snapshot = next
    this.changes.notify()
  }

  /** Whether presence taught a name not known yet (or a new name for a person). */
  private readNames(): boolean {
    let added = false
    for (const state of this.sources.awareness.getStates().values()) {
      const presence = readPresence(state)
      if (presence && this.names.get(presence.user.id) !== presence.user.name) {
        this.names.set(presence.user.id, presence.user.name)
        added = true
      }
    }
    return added
  }

  private onAwareness = (): void => {
    if (this.readNames()) this.schedule()
  }
}
