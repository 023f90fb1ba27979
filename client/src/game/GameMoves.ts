import {
  assignMembers,
  DEFAULT_NOTE_SIZE,
  drawCard,
  type ExpandedDeck,
  freezeScores,
  type GameSettings,
  hideDrawnCard,
  hidePodium,
  type ItemSnapshot,
  randomId,
  recordScores,
  removeTeam,
  shuffleIntoTeams,
  TEAM_COLORS,
  type Team,
  writeDecks,
  writeDrawnCard,
  writeGameSettings,
  writeTeam,
  writeTeamsLocked,
} from '@atelier/shared'
import type * as Y from 'yjs'
import { boardCenter } from '../commands/helpers.js'
import type { CommandContext } from '../commands/types.js'
import type { GameSnapshot } from './GameState.js'

export interface GameMovesParts {
  /** The session document; every write carries `origin` (this browser's own changes). */
  doc: Y.Doc
  origin: unknown
  boardId: string
  state: { getSnapshot(): GameSnapshot; items(): ItemSnapshot[] }
  now: () => number
  /** The participants present, for the team shuffle. */
  participants: () => string[]
  ctx: CommandContext
}

/**
 * What a facilitator does to the game in the session document: teams, settings, challenge cards
 * and the podium. (Participants' moves go through the relay's HTTP endpoints instead.)
 */
export class GameMoves {
  constructor(private readonly parts: GameMovesParts) {}

  // ── teams ──────────────────────────────────────────────────────────

  addTeam(name: string): void {
    const { teams } = this.snapshot().teams
    const used = new Set(teams.map((team) => team.color))
    const color =
      TEAM_COLORS.find((c) => !used.has(c)) ?? TEAM_COLORS[teams.length % TEAM_COLORS.length] ?? '#1d4ed8'
    writeTeam(this.parts.doc, { id: randomId(), name, color, order: teams.length + 1 }, this.parts.origin)
  }

  updateTeam(team: Team): void {
    const order = this.snapshot().teams.teams.findIndex((t) => t.id === team.id) + 1
    writeTeam(this.parts.doc, { ...team, order }, this.parts.origin)
  }

  removeTeam(teamId: string): void {
    removeTeam(this.parts.doc, teamId, this.parts.origin)
  }

  assign(personId: string, teamId: string | null): void {
    assignMembers(this.parts.doc, new Map([[personId, teamId]]), this.parts.origin)
  }

  /** Spreads the participants present over the teams at random, evenly. */
  shuffleTeams(): void {
    const teamIds = this.snapshot().teams.teams.map((team) => team.id)
    const assignment = shuffleIntoTeams(this.parts.participants(), teamIds, randomId())
    assignMembers(this.parts.doc, assignment, this.parts.origin)
  }

  lockTeams(locked: boolean): void {
    writeTeamsLocked(this.parts.doc, locked, this.parts.origin)
  }

  setSettings(settings: GameSettings): void {
    writeGameSettings(this.parts.doc, settings, this.parts.origin)
  }

  // ── challenge cards ────────────────────────────────────────────────

  /** Draws the next card of a deck for everyone; the board id seeds the draw, so it can be replayed. */
  drawCard(deckId: string): void {
    const { decks, draws } = this.snapshot()
    const deck = decks.find((d) => d.id === deckId)
    if (!deck) return
    const card = drawCard(deck, draws[deckId] ?? [], this.parts.boardId)
    if (!card) return
    writeDrawnCard(
      this.parts.doc,
      { deckId, cardId: card.id, title: card.title, prompt: card.prompt, drawnAt: this.parts.now() },
      this.parts.origin,
    )
  }

  /**
   * A note tagged with the card, mid-screen, open for typing: what "take up the challenge" does.
   * The tag is the card's title, which people can read (and type); scores map it to the card.
   */
  answerCard(title: string): void {
    const { ctx } = this.parts
    const center = boardCenter(ctx)
    const size = DEFAULT_NOTE_SIZE
    const [id] = ctx.board.create([
      {
        type: 'note',
        x: Math.round(center.x - size / 2),
        y: Math.round(center.y - size / 2),
        w: size,
        h: size,
        color: ctx.view.getState().noteColor,
        tags: [title],
        ...(ctx.author ? { author: ctx.author } : {}),
      },
    ])
    if (id) ctx.view.set({ selection: [id], editingId: id, tool: 'select' })
  }

  hideCard(): void {
    hideDrawnCard(this.parts.doc, this.parts.origin)
  }

  saveDecks(decks: readonly ExpandedDeck[]): void {
    writeDecks(this.parts.doc, decks, this.parts.origin)
  }

  // ── podium ─────────────────────────────────────────────────────────

  showPodium(label: string): void {
    const { doc, origin, state } = this.parts
    const frozen = freezeScores(doc, state.items(), label, this.parts.now(), this.snapshot().names)
    recordScores(doc, frozen, { podium: true }, origin)
  }

  hidePodium(): void {
    hidePodium(this.parts.doc, this.parts.origin)
  }

  private snapshot(): GameSnapshot {
    return this.parts.state.getSnapshot()
  }
}
