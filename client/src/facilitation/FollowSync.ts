import { readPresence } from '../presence/types.js'
import type { ViewStore } from '../store/ViewStore.js'
import type { FollowController } from './FollowController.js'
import { sameRect, viewOf } from './follow.js'
import type { PeopleTracker } from './PeopleTracker.js'
import type { LocalAwareness } from './PresenceSignals.js'
import type { SessionStore } from './SessionStore.js'

export interface FollowSyncParts {
  session: Pick<SessionStore, 'getSnapshot' | 'subscribe'>
  follow: Pick<FollowController, 'flyTo' | 'setLeader'>
  /** The leader's published view (from presence), and when presence changes. */
  people: Pick<PeopleTracker, 'viewOf' | 'subscribeViews'>
  view: ViewStore
  awareness: LocalAwareness & {
    on(event: 'change', fn: () => void): void
    off(event: 'change', fn: () => void): void
  }
  isFacilitator: boolean
  /** Schedules once per frame (requestAnimationFrame in the browser). */
  frame?: (fn: () => void) => number
  cancelFrame?: (id: number) => void
}

/**
 * The group's cameras: this person follows the session's leader and flies to each summons; a
 * facilitator publishes the rect they see, once per frame at most, for follow-me and "bring
 * everyone here".
 */
export class FollowSync {
  private lastSummonAt: number | null = null
  private viewFrame: number | null = null
  private readonly frame: (fn: () => void) => number
  private readonly cancelFrame: (id: number) => void
  private readonly disposers: (() => void)[]

  constructor(private readonly parts: FollowSyncParts) {
    this.frame = parts.frame ?? ((fn) => requestAnimationFrame(fn))
    this.cancelFrame = parts.cancelFrame ?? ((id) => cancelAnimationFrame(id))
    parts.awareness.on('change', this.onAwareness)
    this.disposers = [
      parts.session.subscribe(this.onSession),
      parts.people.subscribeViews(this.onViews),
      parts.view.subscribe(this.publishView),
      () => parts.awareness.off('change', this.onAwareness),
    ]
    this.onSession()
    this.onAwareness()
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    if (this.viewFrame !== null) this.cancelFrame(this.viewFrame)
  }

  private onSession = (): void => {
    const { summon } = this.parts.session.getSnapshot().state
    if (summon && summon.at !== this.lastSummonAt) {
      this.lastSummonAt = summon.at
      // "Everyone here" summons to what its facilitator sees: they stay put. A step's frame
      // takes everyone there, the facilitator who launched it too; a late joiner lands where
      // the group is.
      const { camera, viewport } = this.parts.view.getState()
      if (!sameRect(summon.rect, viewOf(camera, viewport))) this.parts.follow.flyTo(summon.rect)
    }
    this.onViews()
  }

  private onViews = (): void => {
    const leader = this.parts.session.getSnapshot().state.followPersonId
    this.parts.follow.setLeader(leader, leader ? this.parts.people.viewOf(leader) : null)
  }

  private publishView = (): void => {
    if (!this.parts.isFacilitator || this.viewFrame !== null) return
    this.viewFrame = this.frame(() => {
      this.viewFrame = null
      const { awareness, view } = this.parts
      if (!awareness.getLocalState()?.user) return
      const { camera, viewport } = view.getState()
      awareness.setLocalStateField('view', viewOf(camera, viewport))
    })
  }

  /** Once the person has joined (their presence exists), a facilitator's view goes out at once. */
  private onAwareness = (): void => {
    if (readPresence(this.parts.awareness.getLocalState())) this.publishView()
  }
}
