import {
  type Point,
  type Rect,
  type Role,
  randomId,
  roomName,
  screenToBoard,
  type WritingToolId,
} from '@atelier/shared'
import type { BoardSessionModel } from '../board/BoardSession.js'
import { isTypingTarget } from '../commands/shortcuts.js'
import { readPresence } from '../presence/types.js'
import { toolAllowed } from '../store/selection.js'
import { VoteClient } from '../voting/VoteClient.js'
import { Chime } from './chime.js'
import { ServerClock } from './clock.js'
import { FollowController } from './FollowController.js'
import { viewOf } from './follow.js'
import { PeopleTracker, type REACTIONS } from './PeopleTracker.js'
import { PrivateNotes } from './PrivateNotes.js'
import { RoomConnection } from './RoomConnection.js'
import { SessionStore } from './SessionStore.js'
import { nextStep, planStep } from './stepPlan.js'

type Listener = () => void

/** Local UI facts of facilitation that no document holds. */
export interface LocalSnapshot {
  /** Private writing is on and this person's notes go to their private room. */
  privateNotes: PrivateNotes | null
  /** Where the next private note goes (a double-click on the board), and a nonce to focus the composer. */
  compose: { at: Point | null; nonce: number }
  hand: boolean
  muted: boolean
}

const MUTE_KEY = 'atelier.chimeMuted'

/**
 * Facilitation for one open board: the session room, this person's identity and server clock,
 * follow-me and summons, private writing, reactions and hands, and their ballot. Created by the
 * facilitation layer when a board opens; React components are thin views over its stores.
 */
export class FacilitationModel {
  readonly sessionRoom: RoomConnection
  readonly session: SessionStore
  readonly clock = new ServerClock()
  readonly follow: FollowController
  readonly people: PeopleTracker
  readonly votes: VoteClient
  readonly chime = new Chime()
  readonly isFacilitator: boolean
  readonly role: Role
  readonly token: string
  private local: LocalSnapshot
  private listeners = new Set<Listener>()
  private disposers: (() => void)[] = []
  private lastSummonAt: number | null = null
  private viewFrame: number | null = null
  private credential: string | null

  constructor(readonly board: BoardSessionModel) {
    const { boardId, token, identity } = board
    this.role = board.access.role
    this.token = token
    this.isFacilitator = this.role === 'facilitator'
    this.credential = identity.credential
    this.local = {
      privateNotes: null,
      compose: { at: null, nonce: 0 },
      hand: false,
      muted: localStorage.getItem(MUTE_KEY) === '1',
    }
    this.sessionRoom = new RoomConnection(roomName(boardId, 'session'), {
      token,
      ...(this.credential ? { person: this.credential } : {}),
    })
    this.session = new SessionStore(this.sessionRoom.doc, this.clock.now)
    this.people = new PeopleTracker(board.connection.awareness)
    this.follow = new FollowController(
      board.view,
      () => this.personId(),
      () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
    )
    this.votes = new VoteClient(boardId, token, () => identity.credential)

    this.clock.sync().catch(() => {
      // Without the time endpoint the local clock is used: remaining times may differ by the clock skew.
    })
    this.disposers.push(
      this.session.subscribe(this.onSession),
      this.people.subscribeViews(this.onViews),
      board.view.subscribe(this.onCamera),
      () => board.connection.awareness.off('change', this.onAwareness),
      identity.subscribe(this.onIdentity),
    )
    board.connection.awareness.on('change', this.onAwareness)
    window.addEventListener('dblclick', this.onDoubleClick, true)
    window.addEventListener('keydown', this.onKeyDown, true)
    window.addEventListener('pointerdown', this.onPointerDown, true)
    this.onSession()
    this.onAwareness()
  }

  getLocal = (): LocalSnapshot => this.local

  subscribeLocal = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  personId(): string {
    return this.board.identity.personId
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    window.removeEventListener('dblclick', this.onDoubleClick, true)
    window.removeEventListener('keydown', this.onKeyDown, true)
    window.removeEventListener('pointerdown', this.onPointerDown, true)
    if (this.viewFrame !== null) cancelAnimationFrame(this.viewFrame)
    this.local.privateNotes?.destroy()
    this.follow.destroy()
    this.people.destroy()
    this.chime.destroy()
    this.session.destroy()
    this.sessionRoom.destroy()
  }

  // ── actions any person can take ─────────────────────────────────────

  react(emoji: (typeof REACTIONS)[number]): void {
    const { awareness } = this.board.connection
    if (!awareness.getLocalState()?.user) return
    const at = this.viewCenter()
    awareness.setLocalStateField('reaction', { emoji, at: Date.now(), x: at.x, y: at.y })
  }

  toggleHand(): void {
    const { awareness } = this.board.connection
    if (!awareness.getLocalState()?.user) return
    const hand = !this.local.hand
    awareness.setLocalStateField('hand', hand)
    this.setLocal({ hand })
  }

  setMuted(muted: boolean): void {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0')
    this.setLocal({ muted })
  }

  /** A private note at `at` (the phone view's spot in the step's frame), else where the composer was opened. */
  addPrivateNote(text: string, at?: Point): void {
    const notes = this.local.privateNotes
    if (!notes || !text.trim()) return
    notes.add(text.trim(), at ?? this.local.compose.at ?? this.defaultNoteSpot())
    this.setLocal({ compose: { at: null, nonce: this.local.compose.nonce } })
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

  private setLocal(patch: Partial<LocalSnapshot>): void {
    this.local = { ...this.local, ...patch }
    for (const listener of [...this.listeners]) listener()
  }

  private onSession = (): void => {
    const snapshot = this.session.getSnapshot()
    const { state } = snapshot
    const { summon } = state
    if (summon && summon.at !== this.lastSummonAt) {
      const first = this.lastSummonAt === null
      this.lastSummonAt = summon.at
      // The facilitator who summoned is already there; a late joiner lands where the group is.
      if (!(this.isFacilitator && !first)) this.follow.flyTo(summon.rect)
    }
    this.onViews()
    const open = snapshot.rounds.find((r) => r.status === 'open') ?? null
    if (this.role !== 'observer') {
      this.votes.follow(open?.id ?? null).catch(() => {
        // The ballot could not be loaded (relay restarting): the dots show as empty until the next click.
      })
    }
    this.syncPrivateRoom(state.writingMode === 'private')
    this.applyParticipantRules(state.participantTools, state.ownItemsOnly)
  }

  /** Mirrors what the facilitator allows into the canvas (the relay enforces "own items only" itself). */
  private applyParticipantRules(tools: readonly WritingToolId[], ownItemsOnly: boolean): void {
    if (this.role !== 'participant') return
    const { view } = this.board
    const current = view.getState().participantRules
    if (current && current.ownItemsOnly === ownItemsOnly && current.tools.join() === tools.join()) return
    view.set({ participantRules: { tools, ownItemsOnly } })
    // A tool just taken away is put down.
    const { tool } = view.getState()
    if (!toolAllowed(this.board.ctx, tool)) view.set({ tool: 'select' })
  }

  private onViews = (): void => {
    const leader = this.session.getSnapshot().state.followPersonId
    this.follow.setLeader(leader, leader ? this.people.viewOf(leader) : null)
  }

  /** A facilitator publishes the rect they see, once per frame at most, for follow-me and "bring everyone here". */
  private onCamera = (): void => {
    if (!this.isFacilitator || this.viewFrame !== null) return
    this.viewFrame = requestAnimationFrame(() => {
      this.viewFrame = null
      const { awareness } = this.board.connection
      if (!awareness.getLocalState()?.user) return
      const { camera, viewport } = this.board.view.getState()
      awareness.setLocalStateField('view', viewOf(camera, viewport))
    })
  }

  private onAwareness = (): void => {
    if (!readPresence(this.board.connection.awareness.getLocalState())) return
    if (this.isFacilitator) this.onCamera()
  }

  /** The relay issued this person's credential: the session room reopens with it. */
  private onIdentity = (): void => {
    const { credential } = this.board.identity
    if (credential === this.credential || credential === null) return
    this.credential = credential
    this.sessionRoom.setParams({ person: credential })
    this.onSession()
  }

  private syncPrivateRoom(on: boolean): void {
    const { personId, credential } = this.board.identity
    const wanted = on && this.role === 'participant' && credential !== null
    if (wanted && !this.local.privateNotes && credential) {
      const room = new RoomConnection(roomName(this.board.boardId, 'private', personId), {
        token: this.token,
        person: credential,
      })
      this.setLocal({
        privateNotes: new PrivateNotes(room, personId, () => this.board.view.getState().noteColor),
      })
    } else if (!wanted && this.local.privateNotes) {
      this.local.privateNotes.destroy()
      this.setLocal({ privateNotes: null })
    }
  }

  private viewCenter(): Point {
    const { camera, viewport } = this.board.view.getState()
    return screenToBoard(camera, { x: viewport.width / 2, y: viewport.height / 2 })
  }

  /** Private notes land in the current step's frame when it is on screen, else mid-screen. */
  private defaultNoteSpot(): Point {
    const center = this.viewCenter()
    const count = this.local.privateNotes?.getNotes().length ?? 0
    return { x: center.x + (count % 4) * 24, y: center.y + (count % 4) * 24 }
  }

  // Private writing: the board's own ways of adding a note (double-click, N, the note tool)
  // would write to the shared board, so while it is on they open the private composer instead.
  private composeAt(at: Point | null): void {
    this.setLocal({ compose: { at, nonce: this.local.compose.nonce + 1 } })
  }

  private canvasPoint(event: MouseEvent): Point | null {
    const target = event.target instanceof Element ? event.target.closest('.board-canvas') : null
    if (!target) return null
    const rect = target.getBoundingClientRect()
    return screenToBoard(this.board.view.getState().camera, {
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
    })
  }

  private onDoubleClick = (event: MouseEvent): void => {
    if (!this.local.privateNotes) return
    const at = this.canvasPoint(event)
    if (!at) return
    event.stopPropagation()
    this.composeAt(at)
  }

  private onPointerDown = (event: PointerEvent): void => {
    const at = this.canvasPoint(event)
    if (!at) return
    // The board takes the keyboard back: the canvas does not take focus itself, so a field left
    // focused (the private writing box) would swallow the board's shortcuts ("n" typed into it).
    const active = document.activeElement
    if (active instanceof HTMLElement && isTypingTarget(active) && !active.closest('.board-canvas'))
      active.blur()
    if (!this.local.privateNotes || this.board.view.getState().tool !== 'note') return
    event.stopPropagation()
    event.preventDefault()
    this.board.view.set({ tool: 'select' })
    this.composeAt(at)
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    if (!this.local.privateNotes || isTypingTarget(event.target)) return
    if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey) return
    event.stopPropagation()
    event.preventDefault()
    this.composeAt(null)
  }
}
