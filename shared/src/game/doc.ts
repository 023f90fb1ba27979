import * as Y from 'yjs'
import type { ExpandedDeck } from '../templates/expand.js'
import { templateKitMap } from '../templates/session.js'
import type { PollKind, PollOption, WordFrequency } from './polls.js'
import { POLL_KINDS } from './polls.js'
import { DEFAULT_GAME_SETTINGS, type GameSettings } from './scores.js'
import type { Team, TeamBook } from './teams.js'

/**
 * Game state in the session document, in root types of its own (additive to the session
 * schema). Like the rest of the session document, only facilitators and the relay write it:
 * participants reach it through the relay's HTTP endpoints (join a team, answer a poll).
 *
 * - `teams`: teamId → `{ name, color, order }` (facilitator)
 * - `teamMembers`: personId → teamId (the relay when someone joins, the facilitator when assigning)
 * - `game`: `settings`, `teamsLocked`, `sprint`, `card`, `draws`, `podium` (facilitator)
 * - `polls`: pollId → Y.Map (the relay only: it opens, tallies and closes polls)
 * - `gameHistory`: score snapshots, appended (facilitator), read by the report
 */

export function teamsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('teams')
}

export function teamMembersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('teamMembers')
}

export function gameMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('game')
}

/** One Y.Map per poll, so the relay tallying one poll never rewrites another. */
export function pollsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('polls')
}

export function gameHistoryArray(doc: Y.Doc): Y.Array<ScoreSnapshot> {
  return doc.getArray<ScoreSnapshot>('gameHistory')
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const str = (value: unknown): value is string => typeof value === 'string'
const num = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const COLOR = /^#[0-9a-fA-F]{6}$/

// ── teams ──────────────────────────────────────────────────────────────────

export function readTeamBook(doc: Y.Doc): TeamBook {
  const teams: Array<Team & { order: number }> = []
  for (const [id, value] of teamsMap(doc)) {
    if (!isObject(value) || !str(value.name) || !str(value.color) || !COLOR.test(value.color)) continue
    teams.push({ id, name: value.name, color: value.color, order: num(value.order) ? value.order : 0 })
  }
  teams.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
  const known = new Set(teams.map((team) => team.id))
  const members = new Map<string, string>()
  for (const [personId, teamId] of teamMembersMap(doc)) {
    if (str(teamId) && known.has(teamId)) members.set(personId, teamId)
  }
  return { teams: teams.map(({ id, name, color }) => ({ id, name, color })), members }
}

/** Adds or renames a team; `order` places it in the list. */
export function writeTeam(doc: Y.Doc, team: Team & { order: number }, origin?: unknown): void {
  const { id, ...value } = team
  doc.transact(() => teamsMap(doc).set(id, value), origin)
}

/** Removes a team and its memberships in one transaction. */
export function removeTeam(doc: Y.Doc, teamId: string, origin?: unknown): void {
  doc.transact(() => {
    teamsMap(doc).delete(teamId)
    const members = teamMembersMap(doc)
    for (const [personId, value] of members) if (value === teamId) members.delete(personId)
  }, origin)
}

/** Sets who is in which team (null: no team); other people keep theirs. */
export function assignMembers(
  doc: Y.Doc,
  assignment: ReadonlyMap<string, string | null>,
  origin?: unknown,
): void {
  const members = teamMembersMap(doc)
  doc.transact(() => {
    for (const [personId, teamId] of assignment) {
      if (teamId === null) members.delete(personId)
      else if (members.get(personId) !== teamId) members.set(personId, teamId)
    }
  }, origin)
}

/** While true, participants can no longer pick or change their team (the facilitator still assigns). */
export function readTeamsLocked(doc: Y.Doc): boolean {
  return gameMap(doc).get('teamsLocked') === true
}

export function writeTeamsLocked(doc: Y.Doc, locked: boolean, origin?: unknown): void {
  doc.transact(() => gameMap(doc).set('teamsLocked', locked), origin)
}

// ── settings ───────────────────────────────────────────────────────────────

/** The facilitator's settings, else the template's, else the defaults. */
export function readGameSettings(doc: Y.Doc): GameSettings {
  const own = gameMap(doc).get('settings')
  const fromTemplate = templateKitMap(doc).get('gamification')
  const source = isObject(own) ? own : isObject(fromTemplate) ? fromTemplate : {}
  const points = (key: keyof GameSettings): number => {
    const value = source[key]
    return num(value) && value >= 0
      ? Math.min(100, Math.round(value))
      : (DEFAULT_GAME_SETTINGS[key] as number)
  }
  return {
    pointsPerIdea: points('pointsPerIdea'),
    pointsPerVoteReceived: points('pointsPerVoteReceived'),
    pointsPerRebond: points('pointsPerRebond'),
    pointsPerCardAnswered: points('pointsPerCardAnswered'),
    scoreBy: source.scoreBy === 'team' ? 'team' : 'person',
    leaderboard: source.leaderboard !== false,
  }
}

export function writeGameSettings(doc: Y.Doc, settings: GameSettings, origin?: unknown): void {
  doc.transact(() => gameMap(doc).set('settings', { ...settings }), origin)
}

// ── idea sprint ────────────────────────────────────────────────────────────

export interface Sprint {
  id: string
  /** Server epoch ms; ideas created from then on count for the sprint. */
  startedAt: number
  /** Server epoch ms the sprint ended at, null while it runs. */
  endedAt: number | null
  /** Frame the ideas are written in, when the sprint has one. */
  frameId: string | null
  /** The "best idea" vote round opened at the end, if any. */
  roundId: string | null
  /** What its end writes, in the language of the facilitator who started it. */
  labels?: { snapshot: string; vote: string }
}

export function readSprint(doc: Y.Doc): Sprint | null {
  const value = gameMap(doc).get('sprint')
  if (!isObject(value) || !str(value.id) || !num(value.startedAt)) return null
  return {
    id: value.id,
    startedAt: value.startedAt,
    endedAt: num(value.endedAt) ? value.endedAt : null,
    frameId: str(value.frameId) ? value.frameId : null,
    roundId: str(value.roundId) ? value.roundId : null,
    ...(isObject(value.labels) && str(value.labels.snapshot) && str(value.labels.vote)
      ? { labels: { snapshot: value.labels.snapshot, vote: value.labels.vote } }
      : {}),
  }
}

export function writeSprint(doc: Y.Doc, sprint: Sprint | null, origin?: unknown): void {
  doc.transact(() => {
    if (sprint) gameMap(doc).set('sprint', { ...sprint })
    else gameMap(doc).delete('sprint')
  }, origin)
}

// ── challenge cards ────────────────────────────────────────────────────────

/** The card shown to everyone; a new `drawnAt` replays the flip. */
export interface DrawnCard {
  deckId: string
  cardId: string
  title: string
  prompt: string
  drawnAt: number
}

export function readDecks(doc: Y.Doc): ExpandedDeck[] {
  const decks = templateKitMap(doc).get('decks')
  if (!Array.isArray(decks)) return []
  return decks.filter(
    (deck): deck is ExpandedDeck =>
      isObject(deck) &&
      str(deck.id) &&
      str(deck.title) &&
      Array.isArray(deck.cards) &&
      deck.cards.every((card) => isObject(card) && str(card.id) && str(card.title) && str(card.prompt)),
  )
}

/** Decks live with the template kit: the facilitator edits the decks the template brought. */
export function writeDecks(doc: Y.Doc, decks: readonly ExpandedDeck[], origin?: unknown): void {
  doc.transact(
    () =>
      templateKitMap(doc).set(
        'decks',
        decks.map((deck) => ({ ...deck, cards: [...deck.cards] })),
      ),
    origin,
  )
}

export function readDrawnCard(doc: Y.Doc): DrawnCard | null {
  const value = gameMap(doc).get('card')
  if (!isObject(value)) return null
  const { deckId, cardId, title, prompt, drawnAt } = value
  if (!str(deckId) || !str(cardId) || !str(title) || !str(prompt) || !num(drawnAt)) return null
  return { deckId, cardId, title, prompt, drawnAt }
}

/** Card ids drawn so far, per deck, oldest first. */
export function readDraws(doc: Y.Doc): Record<string, string[]> {
  const value = gameMap(doc).get('draws')
  const out: Record<string, string[]> = {}
  if (!isObject(value)) return out
  for (const [deckId, ids] of Object.entries(value)) if (Array.isArray(ids)) out[deckId] = ids.filter(str)
  return out
}

/** Shows a card to everyone and records it as drawn, in one transaction. */
export function writeDrawnCard(doc: Y.Doc, card: DrawnCard, origin?: unknown): void {
  doc.transact(() => {
    const draws = readDraws(doc)
    draws[card.deckId] = [...(draws[card.deckId] ?? []), card.cardId]
    gameMap(doc).set('draws', draws)
    gameMap(doc).set('card', { ...card })
  }, origin)
}

export function hideDrawnCard(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => gameMap(doc).delete('card'), origin)
}

// ── polls ──────────────────────────────────────────────────────────────────

export interface PollState {
  id: string
  kind: PollKind
  question: string
  options: PollOption[]
  /** A quiz has correct options; they are only published once it closes. */
  quiz: boolean
  status: 'open' | 'closed'
  /** Server epoch ms. */
  openedAt: number
  closedAt: number | null
  /** Answer time that still earns quiz points above the minimum. */
  timeLimitMs: number
  /** Most points one correct quiz answer earns. */
  points: number
  /** Live tallies, published by the relay. */
  respondents: number
  counts: Array<{ optionId: string; count: number }>
  words: WordFrequency[]
  /** Published when a quiz closes. */
  correctOptionIds: string[]
  quizPoints: Record<string, number>
}

function numberRecord(value: unknown): Record<string, number> {
  const out: Record<string, number> = {}
  if (isObject(value)) for (const [key, n] of Object.entries(value)) if (num(n)) out[key] = n
  return out
}

function readPoll(id: string, map: Y.Map<unknown>): PollState | null {
  const kind = map.get('kind')
  const question = map.get('question')
  if (!(POLL_KINDS as readonly unknown[]).includes(kind) || !str(question)) return null
  const options = map.get('options')
  const counts = map.get('counts')
  const words = map.get('words')
  const correct = map.get('correctOptionIds')
  const openedAt = map.get('openedAt')
  const closedAt = map.get('closedAt')
  const timeLimitMs = map.get('timeLimitMs')
  const points = map.get('points')
  const respondents = map.get('respondents')
  return {
    id,
    kind: kind as PollKind,
    question,
    options: Array.isArray(options)
      ? options.filter((o): o is PollOption => isObject(o) && str(o.id) && str(o.label))
      : [],
    quiz: map.get('quiz') === true,
    status: map.get('status') === 'closed' ? 'closed' : 'open',
    openedAt: num(openedAt) ? openedAt : 0,
    closedAt: num(closedAt) ? closedAt : null,
    timeLimitMs: num(timeLimitMs) ? timeLimitMs : 0,
    points: num(points) ? points : 0,
    respondents: num(respondents) ? respondents : 0,
    counts: Array.isArray(counts)
      ? counts.filter(
          (c): c is { optionId: string; count: number } => isObject(c) && str(c.optionId) && num(c.count),
        )
      : [],
    words: Array.isArray(words)
      ? words.filter((w): w is WordFrequency => isObject(w) && str(w.word) && num(w.count))
      : [],
    correctOptionIds: Array.isArray(correct) ? correct.filter(str) : [],
    quizPoints: numberRecord(map.get('quizPoints')),
  }
}

/** Every poll, most recent first. */
export function readPolls(doc: Y.Doc): PollState[] {
  const polls: PollState[] = []
  for (const [id, map] of pollsMap(doc)) {
    const poll = map instanceof Y.Map ? readPoll(id, map) : null
    if (poll) polls.push(poll)
  }
  return polls.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : 1))
}

/** Publishes a new poll (the relay, when the facilitator opens one). */
export function writePoll(
  doc: Y.Doc,
  poll: Pick<
    PollState,
    'id' | 'kind' | 'question' | 'options' | 'quiz' | 'openedAt' | 'timeLimitMs' | 'points'
  >,
  origin?: unknown,
): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    map.set('kind', poll.kind)
    map.set('question', poll.question)
    map.set(
      'options',
      poll.options.map((o) => ({ ...o })),
    )
    map.set('quiz', poll.quiz)
    map.set('status', 'open')
    map.set('openedAt', poll.openedAt)
    map.set('timeLimitMs', poll.timeLimitMs)
    map.set('points', poll.points)
    map.set('respondents', 0)
    map.set(
      'counts',
      poll.options.map((o) => ({ optionId: o.id, count: 0 })),
    )
    map.set('words', [])
    pollsMap(doc).set(poll.id, map)
  }, origin)
}

/** Sets keys of an existing poll (tallies, status…); no-op for an unknown poll. */
export function patchPoll(doc: Y.Doc, id: string, patch: Record<string, unknown>, origin?: unknown): void {
  const map = pollsMap(doc).get(id)
  if (!(map instanceof Y.Map)) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) map.set(key, value)
  }, origin)
}

/** Quiz points of every closed quiz, as `computeScores` takes them. */
export function closedQuizPoints(doc: Y.Doc): Record<string, number>[] {
  return readPolls(doc)
    .filter((poll) => poll.quiz && poll.status === 'closed')
    .map((poll) => poll.quizPoints)
}

// ── podium and history ─────────────────────────────────────────────────────

/** Scores frozen at a moment of the session, with names, for the podium and the report. */
export interface ScoreSnapshot {
  at: number
  /** What the snapshot closes ("Manche 1", "Fin du jeu"). */
  label: string
  by: GameSettings['scoreBy']
  lines: Array<{ id: string; name: string; points: number; rank: number }>
}

function readSnapshot(value: unknown): ScoreSnapshot | null {
  if (!isObject(value) || !num(value.at) || !str(value.label) || !Array.isArray(value.lines)) return null
  return {
    at: value.at,
    label: value.label,
    by: value.by === 'team' ? 'team' : 'person',
    lines: value.lines.filter(
      (l): l is ScoreSnapshot['lines'][number] =>
        isObject(l) && str(l.id) && str(l.name) && num(l.points) && num(l.rank),
    ),
  }
}

/** The podium on show, or null. */
export function readPodium(doc: Y.Doc): ScoreSnapshot | null {
  return readSnapshot(gameMap(doc).get('podium'))
}

/** Every snapshot kept, oldest first. */
export function readGameHistory(doc: Y.Doc): ScoreSnapshot[] {
  return gameHistoryArray(doc)
    .toArray()
    .map(readSnapshot)
    .filter((s): s is ScoreSnapshot => s !== null)
}

/** Keeps a snapshot in the history; with `podium`, also shows it as the podium, in one transaction. */
export function recordScores(
  doc: Y.Doc,
  snapshot: ScoreSnapshot,
  { podium = false } = {},
  origin?: unknown,
): void {
  doc.transact(() => {
    gameHistoryArray(doc).push([snapshot])
    if (podium) gameMap(doc).set('podium', snapshot)
  }, origin)
}

export function hidePodium(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => gameMap(doc).delete('podium'), origin)
}
