import {
  assignMembers,
  cardTags,
  closedQuizPoints,
  computeScores,
  DEFAULT_NOTE_SIZE,
  type DrawnCard,
  drawCard,
  type ExpandedDeck,
  finishSprint,
  freezeScores,
  type GameSettings,
  gameMap,
  hideDrawnCard,
  hidePodium,
  type IdeaCounts,
  ideaCounts,
  type OpenPollRequest,
  type PollAnswer,
  type PollState,
  randomId,
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
  recordScores,
  removeTeam,
  type Scoreboard,
  type ScoreSnapshot,
  type Sprint,
  type SprintLabels,
  screenToBoard,
  sessionNames,
  shuffleIntoTeams,
  TEAM_COLORS,
  type Team,
  type TeamBook,
  teamOf,
  templateKitMap,
  writeDecks,
  writeDrawnCard,
  writeGameSettings,
  writeSprint,
  writeTeam,
  writeTeamsLocked,
} from '@atelier/shared'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { SESSION_ORIGIN } from '../facilitation/SessionStore.js'
import { readPresence } from '../presence/types.js'
import { GameApi } from './api.js'
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

/** This browser's own answers, sent to the relay. */
export interface AnswersSnapshot {
  mine: Readonly<Record<string, PollAnswer>>
  error: string | null
}

type Listener = () => void

/**
 * The game of one open board. It reads the session document the facilitation layer already
 * syncs (never a second connection), computes scores with the shared pure functions, and writes
 * only what a facilitator may write; a participant's moves go to the relay's HTTP endpoints.
 */
export class GameModel {
  readonly api: GameApi
  private snapshot: GameSnapshot
  private answers: AnswersSnapshot = { mine: {}, error: null }
  private listeners = new Set<Listener>()
  private answerListeners = new Set<Listener>()
  private names = new Map<string, string>()
  private frame: number | null = null
  private disposers: (() => void)[] = []

  constructor(readonly facilitation: FacilitationModel) {
    const { board } = facilitation
    this.api = new GameApi(board.connection.boardId, facilitation.token, () => board.identity.credential)
    this.snapshot = this.read()
    const doc = this.doc
    doc.on('update', this.onSessionUpdate)
    board.connection.awareness.on('change', this.onAwareness)
    this.disposers.push(
      () => doc.off('update', this.onSessionUpdate),
      board.board.subscribe(this.schedule),
      () => board.connection.awareness.off('change', this.onAwareness),
    )
    this.onAwareness()
  }

  get doc() {
    return this.facilitation.sessionRoom.doc
  }

  get isFacilitator(): boolean {
    return this.facilitation.isFacilitator
  }

  get canPlay(): boolean {
    return this.facilitation.role !== 'observer'
  }

  personId(): string {
    return this.facilitation.personId()
  }

  getSnapshot = (): GameSnapshot => this.snapshot
  getAnswers = (): AnswersSnapshot => this.answers

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  subscribeAnswers = (listener: Listener): (() => void) => {
    this.answerListeners.add(listener)
    return () => {
      this.answerListeners.delete(listener)
    }
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    if (this.frame !== null) cancelAnimationFrame(this.frame)
  }

  nameOf(id: string): string | null {
    return this.snapshot.names.get(id) ?? null
  }

  // ── participants (through the relay) ───────────────────────────────

  async joinTeam(teamId: string): Promise<void> {
    await this.api.joinTeam(teamId)
  }

  async answer(pollId: string, answer: PollAnswer): Promise<void> {
    const previous = this.answers.mine[pollId]
    this.setAnswers({ mine: { ...this.answers.mine, [pollId]: answer }, error: null })
    try {
      const stored = await this.api.answer(pollId, answer)
      this.setAnswers({ mine: { ...this.answers.mine, [pollId]: stored.answer }, error: null })
    } catch (error) {
      const mine = { ...this.answers.mine }
      if (previous) mine[pollId] = previous
      else delete mine[pollId]
      this.setAnswers({ mine, error: error instanceof Error ? error.message : String(error) })
      throw error
    }
  }

  /** Loads this person's stored answer (after a reload, the relay remembers it). */
  async loadAnswer(pollId: string): Promise<void> {
    if (this.answers.mine[pollId] || !this.facilitation.board.identity.credential) return
    const { answer } = await this.api.mine(pollId)
    if (answer) this.setAnswers({ ...this.answers, mine: { ...this.answers.mine, [pollId]: answer } })
  }

  // ── facilitator: teams ─────────────────────────────────────────────

  addTeam(name: string): void {
    const { teams } = this.snapshot.teams
    const used = new Set(teams.map((team) => team.color))
    const color =
      TEAM_COLORS.find((c) => !used.has(c)) ?? TEAM_COLORS[teams.length % TEAM_COLORS.length] ?? '#1d4ed8'
    writeTeam(this.doc, { id: randomId(), name, color, order: teams.length + 1 }, SESSION_ORIGIN)
  }

  updateTeam(team: Team): void {
    const order = this.snapshot.teams.teams.findIndex((t) => t.id === team.id) + 1
    writeTeam(this.doc, { ...team, order }, SESSION_ORIGIN)
  }

  removeTeam(teamId: string): void {
    removeTeam(this.doc, teamId, SESSION_ORIGIN)
  }

  assign(personId: string, teamId: string | null): void {
    assignMembers(this.doc, new Map([[personId, teamId]]), SESSION_ORIGIN)
  }

  /** Spreads the participants present over the teams at random, evenly. */
  shuffleTeams(): void {
    const people = this.facilitation.people
      .getPeople()
      .filter((person) => person.role === 'participant')
      .map((person) => person.id)
    const teamIds = this.snapshot.teams.teams.map((team) => team.id)
    assignMembers(this.doc, shuffleIntoTeams(people, teamIds, randomId()), SESSION_ORIGIN)
  }

  lockTeams(locked: boolean): void {
    writeTeamsLocked(this.doc, locked, SESSION_ORIGIN)
  }

  setSettings(settings: GameSettings): void {
    writeGameSettings(this.doc, settings, SESSION_ORIGIN)
  }

  // ── facilitator: idea sprint ───────────────────────────────────────

  /**
   * Starts a sprint and the shared timer together; ideas created from now on count. The relay
   * ends it when the timer reaches zero, on its own clock, with these labels.
   */
  startSprint(minutes: number, labels: SprintLabels): void {
    const now = this.facilitation.clock.now()
    const frameId = this.stepFrameId()
    this.doc.transact(() => {
      writeSprint(
        this.doc,
        { id: randomId(), startedAt: now, endedAt: null, frameId, roundId: null, labels },
        SESSION_ORIGIN,
      )
      this.facilitation.session.timer('start', Math.round(minutes * 60_000))
    }, SESSION_ORIGIN)
  }

  /** Ends the sprint before its time (the relay ends it when the time is up). */
  endSprint(): void {
    finishSprint(this.doc, [...this.facilitation.board.board.getItems().values()], {
      now: this.facilitation.clock.now(),
      newId: randomId,
      names: this.snapshot.names,
      origin: SESSION_ORIGIN,
    })
  }

  clearSprint(): void {
    writeSprint(this.doc, null, SESSION_ORIGIN)
  }

  // ── facilitator: challenge cards ───────────────────────────────────

  /** Draws the next card of a deck for everyone; the board id seeds the draw, so it can be replayed. */
  drawCard(deckId: string): void {
    const deck = this.snapshot.decks.find((d) => d.id === deckId)
    if (!deck) return
    const drawn = this.snapshot.draws[deckId] ?? []
    const card = drawCard(deck, drawn, this.facilitation.board.connection.boardId)
    if (!card) return
    const at = this.facilitation.clock.now()
    writeDrawnCard(
      this.doc,
      { deckId, cardId: card.id, title: card.title, prompt: card.prompt, drawnAt: at },
      SESSION_ORIGIN,
    )
  }

  /**
   * A note tagged with the card, mid-screen, open for typing: what "take up the challenge" does.
   * The tag is the card's title, which people can read (and type); scores map it to the card.
   */
  answerCard(title: string): void {
    const { board, view, ctx } = this.facilitation.board
    const { camera, viewport, noteColor } = view.getState()
    const center = screenToBoard(camera, { x: viewport.width / 2, y: viewport.height / 2 })
    const size = DEFAULT_NOTE_SIZE
    const [id] = board.create([
      {
        type: 'note',
        x: Math.round(center.x - size / 2),
        y: Math.round(center.y - size / 2),
        w: size,
        h: size,
        color: noteColor,
        tags: [title],
        ...(ctx.author ? { author: ctx.author } : {}),
      },
    ])
    if (id) view.set({ selection: [id], editingId: id, tool: 'select' })
  }

  hideCard(): void {
    hideDrawnCard(this.doc, SESSION_ORIGIN)
  }

  saveDecks(decks: readonly ExpandedDeck[]): void {
    writeDecks(this.doc, decks, SESSION_ORIGIN)
  }

  // ── facilitator: polls (through the relay, which keeps quiz answers secret) ──

  async openPoll(poll: OpenPollRequest): Promise<string> {
    return (await this.api.openPoll(poll)).pollId
  }

  async closePoll(pollId: string): Promise<void> {
    await this.api.closePoll(pollId)
  }

  // ── facilitator: podium ────────────────────────────────────────────

  showPodium(label: string): void {
    const items = [...this.facilitation.board.board.getItems().values()]
    const frozen = freezeScores(this.doc, items, label, this.facilitation.clock.now(), this.snapshot.names)
    recordScores(this.doc, frozen, { podium: true }, SESSION_ORIGIN)
  }

  hidePodium(): void {
    hidePodium(this.doc, SESSION_ORIGIN)
  }

  // ── reading ────────────────────────────────────────────────────────

  private stepFrameId(): string | null {
    const { state, agenda } = this.facilitation.session.getSnapshot()
    return agenda.find((step) => step.id === state.stepId)?.frameId ?? null
  }

  private read(): GameSnapshot {
    const doc = this.doc
    const items = [...this.facilitation.board.board.getItems().values()]
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

  /**
   * The facilitator's own settings show at once (a controlled input must not snap back for a
   * frame); everything else waits for the next frame's batch.
   */
  private onSessionUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === SESSION_ORIGIN) this.refresh()
    else this.schedule()
  }

  /** Batches the bursts of changes of a busy board into one recomputation per frame. */
  private schedule = (): void => {
    if (this.frame !== null) return
    this.frame = requestAnimationFrame(() => {
      this.frame = null
      this.refresh()
    })
  }

  private refresh(): void {
    const next = keepUnchanged(this.snapshot, this.read())
    if (next === this.snapshot) return
    this.snapshot = next
    this.publishTeam()
    for (const listener of [...this.listeners]) listener()
  }

  private setAnswers(next: AnswersSnapshot): void {
    this.answers = next
    for (const listener of [...this.answerListeners]) listener()
  }

  private onAwareness = (): void => {
    let added = false
    for (const state of this.facilitation.board.connection.awareness.getStates().values()) {
      const presence = readPresence(state)
      if (presence && this.names.get(presence.user.id) !== presence.user.name) {
        this.names.set(presence.user.id, presence.user.name)
        added = true
      }
    }
    this.publishTeam()
    if (added) this.schedule()
  }

  /** Announces this person's team in their presence (`user.team`), for cursors and lists. */
  private publishTeam(): void {
    const { awareness } = this.facilitation.board.connection
    const local = awareness.getLocalState() as { user?: Record<string, unknown> } | null
    if (!local?.user) return
    const team = teamOf(this.snapshot.teams, this.personId())
    const wanted = team ? { id: team.id, name: team.name, color: team.color } : undefined
    if (JSON.stringify(local.user.team) === JSON.stringify(wanted)) return
    const { team: _previous, ...user } = local.user
    awareness.setLocalStateField('user', wanted ? { ...user, team: wanted } : user)
  }
}
