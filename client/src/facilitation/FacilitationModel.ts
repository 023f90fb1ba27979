import {
  type AgendaStep,
  type ItemSnapshot,
  type Point,
  type Rect,
  type Role,
  randomId,
  roomName,
} from '@atelier/shared'
import type { BoardSessionModel } from '../board/BoardSession.js'
import { VoteClient } from '../voting/VoteClient.js'
import { Chime } from './chime.js'
import { ServerClock } from './clock.js'
import { FollowController } from './FollowController.js'
import { FollowSync } from './FollowSync.js'
import { viewOf } from './follow.js'
import { PlaceMemory } from './ideaPlace.js'
import { PeopleTracker, type REACTIONS } from './PeopleTracker.js'
import { PresenceSignals } from './PresenceSignals.js'
import type { PrivateNotes } from './PrivateNotes.js'
import { PrivateWriting } from './PrivateWriting.js'
import { mirrorParticipantRules } from './participantRules.js'
import { RoomConnection } from './RoomConnection.js'
import { SessionStore } from './SessionStore.js'
import { frameColour } from './stepFrames.js'
import { nextStep, planStep } from './stepPlan.js'

/** Local UI facts of facilitation that no document holds. */
export interface LocalSnapshot {
  /** Private writing is on and this person's notes go to their private room. */
  privateNotes: PrivateNotes | null
  /** Where the next private note goes (a double-click on the board), and a nonce to focus the composer. */
  compose: { at: Point | null; nonce: number }
  hand: boolean
  muted: boolean
}

/**
 * Facilitation for one open board, composed of parts with one concern each: the session room
 * (reopened with the person's credential), the server clock, the group's cameras (`FollowSync`),
 * private writing, presence signals (reactions, hand), the chime and this person's ballot.
 * Created by the facilitation layer when a board opens; React components are thin views over its
 * stores, and its actions reach them as registry commands (`commands.ts`).
 */
export class FacilitationModel {
  readonly sessionRoom: RoomConnection
  readonly session: SessionStore
  readonly clock = new ServerClock()
  readonly follow: FollowController
  readonly people: PeopleTracker
  readonly votes: VoteClient
  readonly chime: Chime
  readonly privateWriting: PrivateWriting
  /** Where this person's next idea goes, as picked in the room's list or the board's composer. */
  readonly nextIdeaPlace = new PlaceMemory()
  readonly signals: PresenceSignals
  readonly isFacilitator: boolean
  readonly role: Role
  readonly token: string
  private readonly followSync: FollowSync
  private local: LocalSnapshot
  private disposers: (() => void)[] = []
  private readonly stepLaunches = new Set<(step: AgendaStep) => void>()

  constructor(readonly board: BoardSessionModel) {
    const { boardId, token, identity, view, connection } = board
    this.role = board.access.role
    this.token = token
    this.isFacilitator = this.role === 'facilitator'
    this.sessionRoom = new RoomConnection(roomName(boardId, 'session'), {
      token,
      ...(identity.credential ? { person: identity.credential } : {}),
    })
    this.session = new SessionStore(this.sessionRoom.doc, this.clock.now)
    this.people = new PeopleTracker(connection.awareness)
    this.follow = new FollowController(
      view,
      () => this.personId(),
      () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
    )
    this.votes = new VoteClient(boardId, token, () => identity.credential)
    this.chime = new Chime(localStorage)
    this.signals = new PresenceSignals(connection.awareness, view)
    this.privateWriting = new PrivateWriting({
      boardId,
      token,
      role: this.role,
      identity,
      view,
      openRoom: (name, params) => new RoomConnection(name, params),
    })
    this.followSync = new FollowSync({
      session: this.session,
      follow: this.follow,
      people: this.people,
      view,
      awareness: connection.awareness,
      isFacilitator: this.isFacilitator,
    })
    this.local = this.readLocal()

    this.clock.sync().catch(() => {
      // Without the time endpoint the local clock is used: remaining times may differ by the clock skew.
    })
    this.disposers.push(
      this.session.subscribe(this.onSession),
      this.sessionRoom.followCredential(identity),
      // The private room waits for the credential the relay issues when the person joins.
      identity.subscribe(this.onSession),
      this.privateWriting.subscribe(this.onLocal),
      this.signals.subscribe(this.onLocal),
      this.chime.subscribe(this.onLocal),
    )
    this.onSession()
  }

  getLocal = (): LocalSnapshot => this.local

  /** Told when private writing, the hand or the chime's setting change. */
  subscribeLocal = (listener: () => void): (() => void) => {
    const off = [
      this.privateWriting.subscribe(listener),
      this.signals.subscribe(listener),
      this.chime.subscribe(listener),
    ]
    return () => {
      for (const unsubscribe of off) unsubscribe()
    }
  }

  /** A frame picked for the next idea: the note colour follows when the frame's examples share one. */
  followFrameColour = (frame: ItemSnapshot): void => {
    const colour = frameColour(frame, this.board.board.getItems().values())
    if (colour) this.board.ctx.view.set({ noteColor: colour })
  }

  personId(): string {
    return this.board.identity.personId
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    this.followSync.destroy()
    this.privateWriting.destroy()
    this.follow.destroy()
    this.people.destroy()
    this.chime.destroy()
    this.session.destroy()
    this.sessionRoom.destroy()
  }

  // ── actions any person can take ─────────────────────────────────────

  react(emoji: (typeof REACTIONS)[number]): void {
    this.signals.react(emoji)
  }

  toggleHand(): void {
    this.signals.toggleHand()
  }

  setMuted(muted: boolean): void {
    this.chime.setMuted(muted)
  }

  addPrivateNote(text: string, spot?: Point): void {
    this.privateWriting.add(text, spot)
  }

  // ── facilitator actions ─────────────────────────────────────────────

  goToStep(stepId: string): void {
    const snapshot = this.session.getSnapshot()
    const step = snapshot.agenda.find((s) => s.id === stepId)
    if (!step) return
    const open = snapshot.rounds.find((r) => r.status === 'open')
    this.session.applyStep(
      planStep(step, {
        now: this.clock.now(),
        current: snapshot.state,
        openRoundId: open?.id ?? null,
        frames: this.frames(),
        newRoundId: randomId(),
      }),
    )
    for (const listener of [...this.stepLaunches]) listener(step)
  }

  /** Tells the layers on top (the game's polls) that this person launched a step. */
  onStepLaunched(listener: (step: AgendaStep) => void): () => void {
    this.stepLaunches.add(listener)
    return () => {
      this.stepLaunches.delete(listener)
    }
  }

  goToNextStep(): void {
    const { agenda, state } = this.session.getSnapshot()
    const next = nextStep(agenda, state.stepId)
    if (next) this.goToStep(next.id)
  }

  bringEveryoneHere(): void {
    const { camera, viewport } = this.board.view.getState()
    this.session.summon(viewOf(camera, viewport))
  }

  toggleFollowMe(): void {
    const following = this.session.getSnapshot().state.followPersonId === this.personId()
    this.session.setState({ followPersonId: following ? null : this.personId() })
  }

  frames(): Map<string, Rect> {
    const frames = new Map<string, Rect>()
    for (const item of this.board.board.getItems().values()) {
      if (item.type === 'frame') frames.set(item.id, { x: item.x, y: item.y, w: item.w, h: item.h })
    }
    return frames
  }

  // ── wiring ──────────────────────────────────────────────────────────

  private onSession = (): void => {
    const { state, rounds } = this.session.getSnapshot()
    const open = rounds.find((r) => r.status === 'open') ?? null
    if (this.role !== 'observer') {
      this.votes.follow(open?.id ?? null).catch(() => {
        // The ballot could not be loaded (relay restarting): the dots show as empty until the next click.
      })
    }
    this.privateWriting.setOn(state.writingMode === 'private')
    mirrorParticipantRules(this.board.ctx, this.role, state.participantTools, state.ownItemsOnly)
  }

  private readLocal(): LocalSnapshot {
    const { notes, compose } = this.privateWriting.getSnapshot()
    return { privateNotes: notes, compose, hand: this.signals.handRaised(), muted: this.chime.isMuted() }
  }

  private onLocal = (): void => {
    this.local = this.readLocal()
  }
}
