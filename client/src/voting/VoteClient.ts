import type { VoteRefusal } from '@atelier/shared'
import { personHeaders } from '../board/identity.js'
import { Listeners } from '../lib/listeners.js'
import { isRefusal, withVote } from './voteState.js'

/** Body of the votes endpoints: this person's ballot in the round. */
export interface Ballot {
  mine: Record<string, number>
  remaining: number
}

export class VoteRefused extends Error {
  constructor(readonly reason: VoteRefusal | null) {
    super(reason ?? 'vote failed')
    this.name = 'VoteRefused'
  }
}

export interface VoteSnapshot {
  roundId: string | null
  mine: ReadonlyMap<string, number>
  /** From the relay; null until the first answer. */
  remaining: number | null
  loading: boolean
}

const EMPTY: VoteSnapshot = { roundId: null, mine: new Map(), remaining: null, loading: false }

/**
 * This person's ballot in the open round. Ballots never enter a document: they go to the relay
 * over HTTP, which checks budget and limits against the stored ones. The UI updates at once and
 * rolls back when the relay refuses.
 */
export class VoteClient {
  private snapshot: VoteSnapshot = EMPTY
  private readonly listeners = new Listeners()
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly boardId: string,
    private readonly token: string,
    private readonly credential: () => string | null,
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  getSnapshot = (): VoteSnapshot => this.snapshot

  subscribe = this.listeners.subscribe

  /** Switches to a round (or none) and loads this person's ballot in it. */
  async follow(roundId: string | null): Promise<void> {
    if (roundId === this.snapshot.roundId) return
    this.set({ ...EMPTY, roundId, loading: roundId !== null })
    if (!roundId) return
    const ballot = await this.request(roundId, 'GET', '/mine')
    if (this.snapshot.roundId === roundId) this.applyBallot(ballot)
  }

  /** Places (+1) or removes (-1) a dot; rejects with VoteRefused when the relay says no. */
  vote(itemId: string, delta: 1 | -1): Promise<void> {
    const roundId = this.snapshot.roundId
    if (!roundId) return Promise.reject(new VoteRefused('round-closed'))
    const before = this.snapshot.mine
    this.set({ ...this.snapshot, mine: withVote(before, itemId, delta) })
    // One ballot change at a time: the relay answers with the whole ballot, in order.
    const run = this.queue.then(async () => {
      try {
        const ballot = await this.request(roundId, 'POST', '', { itemId, delta })
        if (this.snapshot.roundId === roundId) this.applyBallot(ballot)
      } catch (error) {
        if (this.snapshot.roundId === roundId)
          this.set({ ...this.snapshot, mine: withVote(this.snapshot.mine, itemId, -delta as 1 | -1) })
        throw error
      }
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private applyBallot(ballot: Ballot): void {
    const mine = new Map(Object.entries(ballot.mine).filter(([, n]) => typeof n === 'number' && n > 0))
    this.set({ ...this.snapshot, mine, remaining: ballot.remaining, loading: false })
  }

  private async request(
    roundId: string,
    method: 'GET' | 'POST',
    suffix: string,
    body?: unknown,
  ): Promise<Ballot> {
    const url = `/api/boards/${encodeURIComponent(this.boardId)}/rounds/${encodeURIComponent(roundId)}/votes${suffix}`
    const response = await this.fetcher(url, {
      method,
      headers: {
        ...personHeaders(this.token, this.credential()),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    const json = (await response.json().catch(() => null)) as (Partial<Ballot> & { reason?: unknown }) | null
    if (!response.ok) throw new VoteRefused(isRefusal(json?.reason) ? json.reason : null)
    return { mine: json?.mine ?? {}, remaining: typeof json?.remaining === 'number' ? json.remaining : 0 }
  }

  private set(next: VoteSnapshot): void {
    this.snapshot = next
    this.listeners.notify()
  }
}
