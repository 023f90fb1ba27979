import type { Camera, Rect } from '@atelier/shared'
import { Listeners } from '../lib/listeners.js'
import type { ViewStore } from '../store/ViewStore.js'
import { cameraBetween, cameraForFrame, cameraForRect, sameCamera } from './follow.js'

export type FollowStatus = 'none' | 'following' | 'detached'

export interface FollowSnapshot {
  status: FollowStatus
  leaderId: string | null
}

const FLIGHT_MS = 450

/**
 * Moves this person's camera for the group: following a leader's view until the person pans or
 * zooms on their own, and one-shot summons. A camera change it did not make itself means
 * "I want to look elsewhere", which detaches until they rejoin.
 */
export class FollowController {
  private leaderId: string | null = null
  private leaderRect: Rect | null = null
  private detached = false
  /** Camera this controller last set: any other camera was set by the person. */
  private expected: Camera | null = null
  private flight: number | null = null
  private snapshot: FollowSnapshot = { status: 'none', leaderId: null }
  private readonly listeners = new Listeners()
  private readonly unsubscribe: () => void

  constructor(
    private readonly view: ViewStore,
    private readonly selfId: () => string,
    private readonly reducedMotion: () => boolean = () => false,
    private readonly frame: (fn: (t: number) => void) => number = (fn) => requestAnimationFrame(fn),
    private readonly cancelFrame: (id: number) => void = (id) => cancelAnimationFrame(id),
  ) {
    this.unsubscribe = view.subscribe(this.onView)
  }

  getSnapshot = (): FollowSnapshot => this.snapshot

  subscribe = this.listeners.subscribe

  /** The session's `followPersonId` and that person's published view. */
  setLeader(leaderId: string | null, rect: Rect | null): void {
    const leader = leaderId === this.selfId() ? null : leaderId
    if (leader !== this.leaderId) this.detached = false
    this.leaderId = leader
    this.leaderRect = rect
    if (leader && rect && !this.detached && this.flight === null)
      this.place(cameraForRect(rect, this.view.getState().viewport))
    this.publish()
  }

  rejoin(): void {
    this.detached = false
    if (this.leaderRect) this.fly(cameraForRect(this.leaderRect, this.view.getState().viewport))
    this.publish()
  }

  /** Flies once to a frame or a rect (a summon, a result clicked in the ranking). */
  flyTo(rect: Rect): void {
    this.fly(cameraForFrame(rect, this.view.getState().viewport))
  }

  destroy(): void {
    this.unsubscribe()
    if (this.flight !== null) this.cancelFrame(this.flight)
  }

  private fly(target: Camera): void {
    if (this.flight !== null) this.cancelFrame(this.flight)
    this.flight = null
    const from = this.view.getState().camera
    if (this.reducedMotion()) {
      this.place(target)
      return
    }
    let start: number | null = null
    const step = (t: number) => {
      start ??= t
      const progress = Math.min(1, (t - start) / FLIGHT_MS)
      this.place(cameraBetween(from, target, progress))
      this.flight = progress < 1 ? this.frame(step) : null
    }
    this.flight = this.frame(step)
  }

  private place(camera: Camera): void {
    this.expected = camera
    this.view.setCamera(camera)
  }

  private onView = (): void => {
    const { camera } = this.view.getState()
    if (!this.expected || sameCamera(camera, this.expected)) return
    this.expected = null
    if (this.flight !== null) {
      this.cancelFrame(this.flight)
      this.flight = null
    }
    if (this.leaderId && !this.detached) {
      this.detached = true
      this.publish()
    }
  }

  private publish(): void {
    const status: FollowStatus = !this.leaderId ? 'none' : this.detached ? 'detached' : 'following'
    if (status === this.snapshot.status && this.leaderId === this.snapshot.leaderId) return
    this.snapshot = { status, leaderId: this.leaderId }
    this.listeners.notify()
  }
}
