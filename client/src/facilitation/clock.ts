import { clockOffset } from '@atelier/shared'

/**
 * This browser's estimate of server time, from `GET /api/time`. A few samples, keeping the one
 * with the shortest round trip: it has the least room for an asymmetric path.
 */
export class ServerClock {
  private offset = 0

  constructor(
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
    private readonly local: () => number = Date.now,
  ) {}

  now = (): number => this.local() + this.offset

  getOffset(): number {
    return this.offset
  }

  async sync(samples = 3): Promise<void> {
    let best: { rtt: number; offset: number } | null = null
    for (let i = 0; i < samples; i++) {
      const t0 = this.local()
      const response = await this.fetcher('/api/time', { cache: 'no-store' })
      const t1 = this.local()
      if (!response.ok) throw new Error(`time endpoint answered ${response.status}`)
      const { now } = (await response.json()) as { now?: unknown }
      if (typeof now !== 'number') throw new Error('time endpoint sent no time')
      const rtt = t1 - t0
      if (!best || rtt < best.rtt) best = { rtt, offset: clockOffset(t0, now, t1) }
    }
    if (best) this.offset = best.offset
  }
}
