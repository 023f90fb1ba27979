import type { ItemSnapshot } from '../schema/types.js'
import type { VoteRound } from '../session/types.js'
import type { TemplateGamification } from '../templates/format.js'
import { rankStandings, type Standing } from './rank.js'
import type { TeamBook } from './teams.js'

/**
 * Scores as a pure function of documents. Every input is something no participant's browser can
 * forge: authors are stamped by the relay, vote results and quiz points are published by the
 * relay into the facilitator-only session document. Items are read in id order, so replicas that
 * received the same edits in any order compute the same scores.
 */

export type GameSettings = TemplateGamification

export const DEFAULT_GAME_SETTINGS: GameSettings = {
  pointsPerIdea: 1,
  pointsPerVoteReceived: 2,
  pointsPerRebond: 2,
  pointsPerCardAnswered: 3,
  scoreBy: 'person',
  leaderboard: true,
}

/** Server epoch ms; `to: null` is a window still open. */
interface TimeWindow {
  from: number
  to: number | null
}

interface ScoreBreakdown {
  /** Distinct ideas written (notes with text). */
  ideas: number
  /** Dots received in closed vote rounds. */
  votes: number
  /** Own notes linked to someone else's. */
  rebonds: number
  /** Challenge cards taken up (once per card). */
  cards: number
  /** Quiz points, already weighted by correctness and speed. */
  quiz: number
}

interface ScoreLine extends Standing {
  breakdown: ScoreBreakdown
}

export interface Scoreboard {
  by: GameSettings['scoreBy']
  lines: ScoreLine[]
}

interface ScoreExtras {
  /**
   * Tags that answer a challenge card, mapped to the card's id: the drawn cards' ids, and their
   * titles, which is what a note taking up a card shows (a person can also type it as a tag).
   */
  cards?: ReadonlyMap<string, string>
  /** Per-person quiz points of each closed quiz, as the relay published them. */
  quizPoints?: ReadonlyArray<Readonly<Record<string, number>>>
}

type Note = ItemSnapshot & { author: string }

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function authoredNotes(items: readonly ItemSnapshot[]): Note[] {
  return items
    .filter(
      (item): item is Note => item.type === 'note' && typeof item.author === 'string' && item.author !== '',
    )
    .sort(byId)
}

/** Case, accents and spacing do not make a new idea. */
function ideaKey(note: Note): string {
  const text = (note.text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
  return `${note.author}\u0000${text}`
}

function inWindow(note: Note, window: TimeWindow | undefined): boolean {
  if (!window) return true
  if (note.createdAt === undefined) return false
  return note.createdAt >= window.from && (window.to === null || note.createdAt <= window.to)
}

/**
 * The notes that count as ideas: authored, not blank, and one per distinct text and author, so
 * pasting the same note ten times scores once. With a window, only notes created within it.
 */
export function ideasOf(items: readonly ItemSnapshot[], window?: TimeWindow): Note[] {
  const kept = new Map<string, Note>()
  for (const note of authoredNotes(items)) {
    if (!note.text?.trim() || !inWindow(note, window)) continue
    const key = ideaKey(note)
    const previous = kept.get(key)
    // The earliest copy is the idea; the id breaks ties so every replica keeps the same one.
    if (!previous || (note.createdAt ?? 0) < (previous.createdAt ?? 0)) kept.set(key, note)
  }
  return [...kept.values()].sort(byId)
}

export interface IdeaCounts {
  byPerson: Map<string, number>
  byTeam: Map<string, number>
}

/** Ideas per person and per team, e.g. during an idea sprint (window = the sprint). */
export function ideaCounts(items: readonly ItemSnapshot[], teams: TeamBook, window?: TimeWindow): IdeaCounts {
  const byPerson = new Map<string, number>()
  const byTeam = new Map<string, number>(teams.teams.map((team) => [team.id, 0]))
  for (const note of ideasOf(items, window)) {
    byPerson.set(note.author, (byPerson.get(note.author) ?? 0) + 1)
    const teamId = teams.members.get(note.author)
    if (teamId !== undefined && byTeam.has(teamId)) byTeam.set(teamId, (byTeam.get(teamId) ?? 0) + 1)
  }
  return { byPerson, byTeam }
}

const emptyBreakdown = (): ScoreBreakdown => ({ ideas: 0, votes: 0, rebonds: 0, cards: 0, quiz: 0 })

function pointsOf(b: ScoreBreakdown, s: GameSettings): number {
  return (
    b.ideas * s.pointsPerIdea +
    b.votes * s.pointsPerVoteReceived +
    b.rebonds * s.pointsPerRebond +
    b.cards * s.pointsPerCardAnswered +
    b.quiz
  )
}

/** The tags that answer the given cards: each card's id and its title (see `ScoreExtras.cards`). */
export function cardTags(cards: Iterable<{ id: string; title: string }>): Map<string, string> {
  const tags = new Map<string, string>()
  for (const card of cards) {
    tags.set(card.id, card.id)
    const title = card.title.trim()
    if (title && !tags.has(title)) tags.set(title, card.id)
  }
  return tags
}

/** Per-person breakdown of everything that scores. */
export function personBreakdowns(
  items: readonly ItemSnapshot[],
  rounds: ReadonlyArray<Pick<VoteRound, 'status' | 'results'>>,
  extras: ScoreExtras = {},
): Map<string, ScoreBreakdown> {
  const out = new Map<string, ScoreBreakdown>()
  const of = (personId: string): ScoreBreakdown => {
    let breakdown = out.get(personId)
    if (!breakdown) {
      breakdown = emptyBreakdown()
      out.set(personId, breakdown)
    }
    return breakdown
  }
  const notes = new Map(authoredNotes(items).map((note) => [note.id, note]))

  for (const idea of ideasOf(items)) of(idea.author).ideas++

  // Results exist only once the relay closed the round: an open round's dots are secret.
  for (const round of rounds) {
    if (round.status !== 'closed' || !round.results) continue
    for (const result of round.results) {
      const note = notes.get(result.itemId)
      if (note && Number.isInteger(result.votes) && result.votes > 0) of(note.author).votes += result.votes
    }
  }

  // A note builds on another one once, however many arrows leave it: rebonds never outnumber notes.
  const rebounded = new Set<string>()
  const connectors = items.filter((item) => item.type === 'connector').sort(byId)
  for (const connector of connectors) {
    const from = connector.from ? notes.get(connector.from) : undefined
    const to = connector.to ? notes.get(connector.to) : undefined
    if (!from || !to || from.author === to.author || rebounded.has(from.id) || !from.text?.trim()) continue
    rebounded.add(from.id)
    of(from.author).rebonds++
  }

  // One card answered counts once per person, however many notes (or tags) point at it.
  const answered = new Set<string>()
  if (extras.cards && extras.cards.size > 0) {
    for (const note of notes.values()) {
      if (!note.text?.trim()) continue
      for (const tag of note.tags ?? []) {
        const cardId = extras.cards.get(tag)
        const key = `${note.author}\u0000${cardId}`
        if (cardId === undefined || answered.has(key)) continue
        answered.add(key)
        of(note.author).cards++
      }
    }
  }

  for (const quiz of extras.quizPoints ?? []) {
    for (const [personId, points] of Object.entries(quiz)) {
      if (Number.isFinite(points) && points > 0) of(personId).quiz += points
    }
  }
  return out
}

/**
 * The leaderboard: points per person, or per team (the sum of its members; people in no team
 * are left out and every team is listed, even at zero), ranked with ties.
 */
export function computeScores(
  items: readonly ItemSnapshot[],
  rounds: ReadonlyArray<Pick<VoteRound, 'status' | 'results'>>,
  teams: TeamBook,
  settings: GameSettings,
  extras: ScoreExtras = {},
): Scoreboard {
  const people = personBreakdowns(items, rounds, extras)
  let breakdowns = people
  if (settings.scoreBy === 'team') {
    breakdowns = new Map(teams.teams.map((team) => [team.id, emptyBreakdown()]))
    for (const [personId, breakdown] of people) {
      const teamId = teams.members.get(personId)
      const total = teamId === undefined ? undefined : breakdowns.get(teamId)
      if (!total) continue
      for (const key of Object.keys(total) as (keyof ScoreBreakdown)[]) total[key] += breakdown[key]
    }
  }
  const ranked = rankStandings([...breakdowns].map(([id, b]) => ({ id, points: pointsOf(b, settings) })))
  return {
    by: settings.scoreBy,
    lines: ranked.map((standing) => ({
      ...standing,
      breakdown: breakdowns.get(standing.id) ?? emptyBreakdown(),
    })),
  }
}
