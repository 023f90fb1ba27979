import type { PollAnswer } from '@atelier/shared'
import { Listeners } from '../lib/listeners.js'
import type { GameApi } from './api.js'

/** This browser's own answers, sent to the relay. */
export interface AnswersSnapshot {
  mine: Readonly<Record<string, PollAnswer>>
  error: string | null
}

/**
 * This person's poll answers: shown at once, sent to the relay (which keeps quiz answers secret
 * and writes the tallies), taken back with the relay's reason when it refuses.
 */
export class PollAnswers {
  private snapshot: AnswersSnapshot = { mine: {}, error: null }
  private readonly changes = new Listeners()

  constructor(
    private readonly api: Pick<GameApi, 'answer' | 'mine'>,
    private readonly hasCredential: () => boolean,
  ) {}

  getSnapshot = (): AnswersSnapshot => this.snapshot

  subscribe = this.changes.subscribe

  async answer(pollId: string, answer: PollAnswer): Promise<void> {
    const previous = this.snapshot.mine[pollId]
    this.set({ mine: { ...this.snapshot.mine, [pollId]: answer }, error: null })
    try {
      const stored = await this.api.answer(pollId, answer)
      this.set({ mine: { ...this.snapshot.mine, [pollId]: stored.answer }, error: null })
    } catch (error) {
      const mine = { ...this.snapshot.mine }
      if (previous) mine[pollId] = previous
      else delete mine[pollId]
      this.set({ mine, error: error instanceof Error ? error.message : String(error) })
      throw error
    }
  }

  /** Loads this person's stored answer (after a reload, the relay remembers it). */
  async load(pollId: string): Promise<void> {
    if (this.snapshot.mine[pollId] || !this.hasCredential()) return
    const { answer } = await this.api.mine(pollId)
    if (answer) this.set({ ...this.snapshot, mine: { ...this.snapshot.mine, [pollId]: answer } })
  }

  private set(next: AnswersSnapshot): void {
    this.snapshot = next
    this.changes.notify()
  }
}
