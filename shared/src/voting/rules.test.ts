import { describe, expect, it } from 'vitest'
import type { ItemSnapshot } from '../schema/types.js'
import { checkVote, eligibleItemIds, rankVotes, votesUsed } from './rules.js'

const item = (
  id: string,
  type: ItemSnapshot['type'],
  x: number,
  y: number,
  w = 100,
  h = 100,
): ItemSnapshot => ({
  id,
  type,
  x,
  y,
  w,
  h,
})

describe('eligibleItemIds', () => {
  const items = [
    item('frame-a', 'frame', 0, 0, 1000, 1000),
    item('frame-inner', 'frame', 100, 100, 400, 400),
    item('frame-b', 'frame', 2000, 0, 1000, 1000),
    item('in-a', 'note', 600, 600),
    item('in-inner', 'note', 200, 200),
    item('in-b', 'note', 2100, 100),
    item('outside', 'note', 5000, 5000),
    item('arrow', 'connector', 600, 600),
  ]

  it('takes the votable items whose innermost frame is chosen', () => {
    expect(eligibleItemIds({ frameIds: ['frame-a'], itemIds: [] }, items)).toEqual(new Set(['in-a']))
    expect(eligibleItemIds({ frameIds: ['frame-inner', 'frame-b'], itemIds: [] }, items)).toEqual(
      new Set(['in-inner', 'in-b']),
    )
  })

  it("leaves out a template's examples and the locked background, not a locked note", () => {
    const board = [
      item('frame-a', 'frame', 0, 0, 1000, 1000),
      { ...item('example', 'note', 100, 100), example: true },
      { ...item('instructions', 'text', 300, 100), locked: true },
      { ...item('scale', 'shape', 500, 100), locked: true },
      { ...item('option', 'note', 100, 300), locked: true },
      item('label', 'text', 300, 300),
      item('idea', 'note', 500, 300),
    ]
    expect(eligibleItemIds({ frameIds: ['frame-a'], itemIds: ['example'] }, board)).toEqual(
      new Set(['option', 'label', 'idea']),
    )
  })

  it('adds items chosen one by one', () => {
    expect(eligibleItemIds({ frameIds: [], itemIds: ['outside', 'arrow'] }, items)).toEqual(
      new Set(['outside']),
    )
  })
})

describe('checkVote', () => {
  const round = { status: 'open' as const, budget: 3, maxPerItem: 2 }

  it('allows votes within the budget and the per-item limit', () => {
    expect(checkVote(round, new Map(), 'a', 1, true)).toEqual({ ok: true })
    expect(checkVote(round, new Map([['a', 2]]), 'a', 1, true)).toEqual({
      ok: false,
      reason: 'item-limit-reached',
    })
    expect(
      checkVote(
        round,
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
        'c',
        1,
        true,
      ),
    ).toEqual({
      ok: false,
      reason: 'budget-exhausted',
    })
  })

  it('refuses votes on items outside the round and once the round is closed', () => {
    expect(checkVote(round, new Map(), 'a', 1, false)).toEqual({ ok: false, reason: 'not-eligible' })
    expect(checkVote({ ...round, status: 'closed' }, new Map([['a', 1]]), 'a', -1, true)).toEqual({
      ok: false,
      reason: 'round-closed',
    })
  })

  it('removes only dots that were placed', () => {
    expect(checkVote(round, new Map([['a', 1]]), 'a', -1, true)).toEqual({ ok: true })
    expect(checkVote(round, new Map(), 'a', -1, true)).toEqual({ ok: false, reason: 'nothing-to-remove' })
  })

  it('lets one person spend the whole budget on one item without a per-item limit', () => {
    const open = { status: 'open' as const, budget: 3 }
    expect(checkVote(open, new Map([['a', 2]]), 'a', 1, true)).toEqual({ ok: true })
    expect(
      votesUsed(
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
      ),
    ).toBe(3)
  })
})

describe('rankVotes', () => {
  it('ranks by total, ties share a rank and the next rank skips', () => {
    const ranked = rankVotes([
      { itemId: 'b', count: 2 },
      { itemId: 'a', count: 3 },
      { itemId: 'c', count: 2 },
      { itemId: 'd', count: 1 },
      { itemId: 'b', count: 1 },
      { itemId: 'e', count: 0 },
    ])
    expect(ranked).toEqual([
      { itemId: 'a', votes: 3, rank: 1 },
      { itemId: 'b', votes: 3, rank: 1 },
      { itemId: 'c', votes: 2, rank: 3 },
      { itemId: 'd', votes: 1, rank: 4 },
    ])
  })

  it('gives the same order whatever order the votes come in', () => {
    const votes = [
      { itemId: 'x', count: 1 },
      { itemId: 'y', count: 1 },
      { itemId: 'z', count: 2 },
    ]
    expect(rankVotes([...votes].reverse())).toEqual(rankVotes(votes))
  })
})
