import { describe, expect, it } from 'vitest'
import { VoteClient, VoteRefused } from './VoteClient.js'
import { dotState, podium, remainingVotes, withVote } from './voteState.js'

const round = { status: 'open' as const, budget: 3, maxPerItem: 2 }

describe('dot state', () => {
  it('mirrors the relay rules: budget, per-item limit, removal', () => {
    const mine = new Map([
      ['a', 2],
      ['b', 1],
    ])
    expect(dotState(round, mine, 'a')).toEqual({ mine: 2, canAdd: false, canRemove: true })
    expect(dotState(round, mine, 'c')).toEqual({ mine: 0, canAdd: false, canRemove: false })
    expect(dotState(round, new Map([['a', 2]]), 'c').canAdd).toBe(true)
    expect(remainingVotes(round, mine)).toBe(0)
    expect(dotState({ ...round, status: 'closed' }, new Map(), 'a').canAdd).toBe(false)
  })

  it('updates a ballot without touching the old one', () => {
    const mine = new Map([['a', 1]])
    expect([...withVote(mine, 'a', -1)]).toEqual([])
    expect([...withVote(mine, 'b', 1)]).toEqual([
      ['a', 1],
      ['b', 1],
    ])
    expect([...mine]).toEqual([['a', 1]])
  })

  it('gives the podium its medals', () => {
    expect([1, 2, 3, 4].map(podium)).toEqual(['gold', 'silver', 'bronze', null])
  })
})

describe('VoteClient', () => {
  function relay(budget: number) {
    const ballot = new Map<string, number>()
    const calls: string[] = []
    const fetcher = async (url: string | URL | Request, init?: RequestInit) => {
      calls.push(`${init?.method} ${String(url)}`)
      if (init?.method === 'POST') {
        const { itemId, delta } = JSON.parse(String(init.body)) as { itemId: string; delta: 1 | -1 }
        const used = [...ballot.values()].reduce((a, b) => a + b, 0)
        if (delta > 0 && used >= budget) {
          return new Response(JSON.stringify({ error: 'no', reason: 'budget-exhausted' }), { status: 409 })
        }
        ballot.set(itemId, (ballot.get(itemId) ?? 0) + delta)
      }
      const used = [...ballot.values()].reduce((a, b) => a + b, 0)
      return new Response(JSON.stringify({ mine: Object.fromEntries(ballot), remaining: budget - used }))
    }
    return { fetcher: fetcher as typeof fetch, calls }
  }

  it('loads the ballot, votes, and rolls back what the relay refuses', async () => {
    const { fetcher, calls } = relay(1)
    const client = new VoteClient('board', 'tok', () => 'p.sig', fetcher)
    await client.follow('r1')
    expect(calls).toEqual(['GET /api/boards/board/rounds/r1/votes/mine'])
    expect(client.getSnapshot().remaining).toBe(1)
    await client.vote('a', 1)
    expect(client.getSnapshot()).toMatchObject({ remaining: 0 })
    expect([...client.getSnapshot().mine]).toEqual([['a', 1]])
    const refused = client.vote('b', 1)
    expect(client.getSnapshot().mine.get('b')).toBe(1)
    await expect(refused).rejects.toEqual(new VoteRefused('budget-exhausted'))
    expect(client.getSnapshot().mine.has('b')).toBe(false)
  })
})
