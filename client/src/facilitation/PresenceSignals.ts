import { boardCenter } from '../commands/helpers.js'
import { Listeners } from '../lib/listeners.js'
import type { ViewStore } from '../store/ViewStore.js'
import type { REACTIONS } from './PeopleTracker.js'

/** The part of y-protocols' Awareness the signals write. */
export interface LocalAwareness {
  getLocalState(): Record<string, unknown> | null
  setLocalStateField(field: string, value: unknown): void
}

/**
 * What a person signals to the room through their presence: a reaction that bursts where they
 * look, and a raised hand. Nothing is sent before they have joined (no presence yet).
 */
export class PresenceSignals {
  private hand = false
  private readonly changes = new Listeners()

  constructor(
    private readonly awareness: LocalAwareness,
    private readonly view: ViewStore,
  ) {}

  handRaised = (): boolean => this.hand

  subscribe = this.changes.subscribe

  react(emoji: (typeof REACTIONS)[number]): void {
    if (!this.awareness.getLocalState()?.user) return
    const at = boardCenter({ view: this.view })
    this.awareness.setLocalStateField('reaction', { emoji, at: Date.now(), x: at.x, y: at.y })
  }

  toggleHand(): void {
    if (!this.awareness.getLocalState()?.user) return
    this.hand = !this.hand
    this.awareness.setLocalStateField('hand', this.hand)
    this.changes.notify()
  }
}
