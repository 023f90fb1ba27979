import type { Point } from '@atelier/shared'
import type { Awareness } from 'y-protocols/awareness'
import { Listeners } from '../lib/listeners.js'
import { readPresence } from '../presence/types.js'
import type { PersonActivity } from './activity.js'
import { readRect } from './follow.js'

export interface Reaction {
  key: string
  emoji: string
  at: Point
  color: string
  name: string
}

/** Emoji people can send: short, positive, readable at a glance. */
export const REACTIONS = ['👍', '❤️', '👏', '😂', '💡', '❓'] as const

const BURST_MS = 2_400

function readReaction(value: unknown): { emoji: string; at: number; x: number; y: number } | null {
  if (!value || typeof value !== 'object') return null
  const { emoji, at, x, y } = value as Record<string, unknown>
  if (typeof emoji !== 'string' || !(REACTIONS as readonly string[]).includes(emoji)) return null
  if (![at, x, y].every((n) => typeof n === 'number' && Number.isFinite(n))) return null
  return { emoji, at: at as number, x: x as number, y: y as number }
}

type Base = Omit<PersonActivity, 'notes' | 'privateNotes'>

/**
 * Reads the awareness for what facilitation needs: who is here and when they last moved,
 * raised hands, reaction bursts, and each person's published view. The people list is
 * refreshed at most twice a second: cursors move far more often than anyone reads a list.
 */
export class PeopleTracker {
  private people: readonly Base[] = []
  private reactions: readonly Reaction[] = []
  private lastCursor = new Map<number, string>()
  private lastActive = new Map<string, number>()
  private seenReaction = new Map<number, number>()
  private readonly peopleListeners = new Listeners()
  private readonly reactionListeners = new Listeners()
  private readonly viewListeners = new Listeners()
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.onChange)
    this.refresh()
  }

  getPeople = (): readonly Base[] => this.people
  getReactions = (): readonly Reaction[] => this.reactions

  subscribePeople = this.peopleListeners.subscribe
  subscribeReactions = this.reactionListeners.subscribe
  /** Called on every awareness change: a leader's view must be followed without delay. */
  subscribeViews = this.viewListeners.subscribe

  /** The board rect a person shows, from any of their tabs. */
  viewOf(personId: string): ReturnType<typeof readRect> {
    for (const state of this.awareness.getStates().values()) {
      const presence = readPresence(state)
      if (presence?.user.id === personId) {
        const rect = readRect((state as { view?: unknown }).view)
        if (rect) return rect
      }
    }
    return null
  }

  destroy(): void {
    this.awareness.off('change', this.onChange)
    if (this.timer) clearTimeout(this.timer)
  }

  private onChange = (): void => {
    const now = Date.now()
    for (const [clientId, state] of this.awareness.getStates()) {
      const presence = readPresence(state)
      if (!presence) continue
      const cursor = presence.cursor ? `${presence.cursor.x},${presence.cursor.y}` : ''
      if (this.lastCursor.get(clientId) !== cursor) {
        if (this.lastCursor.has(clientId)) this.lastActive.set(presence.user.id, now)
        this.lastCursor.set(clientId, cursor)
      }
      const reaction = readReaction((state as { reaction?: unknown }).reaction)
      if (reaction && this.seenReaction.get(clientId) !== reaction.at) {
        const first = !this.seenReaction.has(clientId)
        this.seenReaction.set(clientId, reaction.at)
        // A reaction already in the awareness when this page opened is old news.
        if (!first || now - reaction.at < BURST_MS) this.burst(clientId, presence.user, reaction)
        this.lastActive.set(presence.user.id, now)
      }
    }
    this.viewListeners.notify()
    this.timer ??= setTimeout(() => {
      this.timer = null
      this.refresh()
    }, 500)
  }

  private burst(
    clientId: number,
    user: { name: string; color: string },
    r: { emoji: string; at: number; x: number; y: number },
  ) {
    const key = `${clientId}-${r.at}`
    this.reactions = [
      ...this.reactions,
      { key, emoji: r.emoji, at: { x: r.x, y: r.y }, color: user.color, name: user.name },
    ]
    this.reactionListeners.notify()
    setTimeout(() => {
      this.reactions = this.reactions.filter((x) => x.key !== key)
      this.reactionListeners.notify()
    }, BURST_MS)
  }

  private refresh(): void {
    const byId = new Map<string, Base>()
    for (const state of this.awareness.getStates().values()) {
      const presence = readPresence(state)
      if (!presence) continue
      const hand = (state as { hand?: unknown }).hand === true
      const previous = byId.get(presence.user.id)
      byId.set(presence.user.id, {
        ...presence.user,
        hand: hand || (previous?.hand ?? false),
        lastActiveAt: this.lastActive.get(presence.user.id) ?? 0,
      })
    }
    this.people = [...byId.values()]
    this.peopleListeners.notify()
  }
}
