import { describe, expect, it } from 'vitest'
import { ServerClock } from './clock.js'

describe('ServerClock', () => {
  it('keeps the offset of the fastest round trip', async () => {
    // The local clock is 10 s behind the server; the second sample has the shortest round trip.
    let local = 1_000
    const delays = [400, 20, 300]
    const fetcher = async () => {
      const delay = delays.shift() ?? 0
      local += delay / 2
      const body = JSON.stringify({ now: local + 10_000 })
      local += delay / 2
      return new Response(body, { status: 200 })
    }
    const clock = new ServerClock(fetcher, () => local)
    await clock.sync(3)
    expect(clock.getOffset()).toBe(10_000)
    expect(clock.now()).toBe(local + 10_000)
  })

  it('reports a server without the time endpoint', async () => {
    const clock = new ServerClock(async () => new Response('', { status: 404 }))
    await expect(clock.sync()).rejects.toThrow('404')
    expect(clock.getOffset()).toBe(0)
  })
})
