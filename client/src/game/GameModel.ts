import type { OpenPollRequest, PollAnswer } from '@atelier/shared'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { SESSION_ORIGIN } from '../facilitation/SessionStore.js'
import { GameApi } from './api.js'
import { GameMoves } from './GameMoves.js'
import { type GameSnapshot, GameState } from './GameState.js'
import { type AnswersSnapshot, PollAnswers } from './PollAnswers.js'
import { SprintControl } from './SprintControl.js'
import { publishTeam } from './teamPresence.js'

export type { GameSnapshot } from './GameState.js'
export type { AnswersSnapshot } from './PollAnswers.js'

/**
 * The game of one open board, composed of parts with one concern each: the derived state
 * (`GameState`), the relay's HTTP endpoints (`GameApi`, `PollAnswers`), the facilitator's writes
 * (`GameMoves`, `SprintControl`) and this person's team in their presence (`publishTeam`). It
 * reads the session document the facilitation layer already syncs, never a second connection.
 */
export class GameModel {
  readonly api: GameApi
  readonly state: GameState
  readonly answers: PollAnswers
  readonly moves: GameMoves
  readonly sprint: SprintControl
  private readonly disposers: (() => void)[]

  constructor(readonly facilitation: FacilitationModel) {
    const { board, clock, session } = facilitation
    const { identity, connection } = board
    const doc = facilitation.sessionRoom.doc
    this.api = new GameApi(connection.boardId, facilitation.token, () => identity.credential)
    this.state = new GameState({
      doc,
      board: board.board,
      awareness: connection.awareness,
      ownOrigin: SESSION_ORIGIN,
    })
    this.answers = new PollAnswers(this.api, () => identity.credential !== null)
    this.moves = new GameMoves({
      doc,
      origin: SESSION_ORIGIN,
      boardId: connection.boardId,
      state: this.state,
      now: clock.now,
      participants: () =>
        facilitation.people
          .getPeople()
          .filter((person) => person.role === 'participant')
          .map((person) => person.id),
      ctx: board.ctx,
    })
    this.sprint = new SprintControl({
      doc,
      origin: SESSION_ORIGIN,
      state: this.state,
      session,
      now: clock.now,
    })
    const announceTeam = () =>
      publishTeam(connection.awareness, this.state.getSnapshot().teams, this.personId())
    connection.awareness.on('change', announceTeam)
    this.disposers = [
      this.state.subscribe(announceTeam),
      () => connection.awareness.off('change', announceTeam),
    ]
    announceTeam()
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

  getSnapshot = (): GameSnapshot => this.state.getSnapshot()
  subscribe = (listener: () => void): (() => void) => this.state.subscribe(listener)
  getAnswers = (): AnswersSnapshot => this.answers.getSnapshot()
  subscribeAnswers = (listener: () => void): (() => void) => this.answers.subscribe(listener)

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    this.state.destroy()
  }

  nameOf(id: string): string | null {
    return this.getSnapshot().names.get(id) ?? null
  }

  // ── participants (through the relay) ───────────────────────────────

  async joinTeam(teamId: string): Promise<void> {
    await this.api.joinTeam(teamId)
  }

  answer(pollId: string, answer: PollAnswer): Promise<void> {
    return this.answers.answer(pollId, answer)
  }

  loadAnswer(pollId: string): Promise<void> {
    return this.answers.load(pollId)
  }

  // ── facilitator: polls (through the relay, which keeps quiz answers secret) ──

  async openPoll(poll: OpenPollRequest): Promise<string> {
    return (await this.api.openPoll(poll)).pollId
  }

  async closePoll(pollId: string): Promise<void> {
    await this.api.closePoll(pollId)
  }
}
