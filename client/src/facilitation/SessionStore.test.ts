import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { SessionStore } from './SessionStore.js'
import { planStep } from './stepPlan.js'

function setup() {
  let now = 10_000
  const doc = new Y.Doc()
  const store = new SessionStore(doc, () => now)
  return { doc, store, tick: (ms: number) => (now += ms) }
}

describe('SessionStore', () => {
  it('runs the timer in server time and notifies only on change', () => {
    const { store, tick } = setup()
    const listener = vi.fn()
    store.subscribe(listener)
    store.timer('start', 60_000)
    expect(store.getSnapshot().timer).toMatchObject({ status: 'running', endsAt: 70_000 })
    tick(20_000)
    store.timer('pause')
    expect(store.getSnapshot().timer).toMatchObject({ status: 'paused', remainingMs: 40_000 })
    store.timer('add', 60_000)
    expect(store.getSnapshot().timer.remainingMs).toBe(100_000)
    const agenda = store.getSnapshot().agenda
    store.timer('resume')
    expect(store.getSnapshot().agenda).toBe(agenda)
    expect(listener).toHaveBeenCalledTimes(4)
  })

  it('applies a whole step in one transaction', () => {
    const { doc, store } = setup()
    store.openRound({
      id: 'old',
      title: 'Avant',
      frameIds: [],
      itemIds: ['n'],
      budget: 1,
      status: 'open',
      openedAt: 1,
    })
    const updates = vi.fn()
    doc.on('update', updates)
    const plan = planStep(
      {
        id: 's',
        title: 'Vote',
        instructions: '',
        durationMinutes: 3,
        frameId: 'f',
        mode: 'open',
        vote: { budget: 3 },
      },
      {
        now: 10_000,
        current: store.getSnapshot().state,
        openRoundId: 'old',
        frames: new Map([['f', { x: 0, y: 0, w: 100, h: 100 }]]),
        newRoundId: 'new',
      },
    )
    store.applyStep(plan)
    expect(updates).toHaveBeenCalledTimes(1)
    const snapshot = store.getSnapshot()
    expect(snapshot.state.stepId).toBe('s')
    expect(snapshot.state.summon).toEqual({ at: 10_000, rect: { x: 0, y: 0, w: 100, h: 100 } })
    expect(snapshot.rounds.map((r) => [r.id, r.status])).toEqual([
      ['new', 'open'],
      ['old', 'closed'],
    ])
  })

  it('keeps a single open round', () => {
    const { store } = setup()
    const base = { title: 'V', frameIds: [], itemIds: ['a'], budget: 2, status: 'open' as const }
    store.openRound({ ...base, id: 'a', openedAt: 1 })
    store.openRound({ ...base, id: 'b', openedAt: 2 })
    expect(
      store
        .getSnapshot()
        .rounds.filter((r) => r.status === 'open')
        .map((r) => r.id),
    ).toEqual(['b'])
  })

  it('reads the private counts the relay publishes', () => {
    const { doc, store } = setup()
    doc.getMap('privateCounts').set('p1', 2)
    doc.getMap('privateCounts').set('p2', 0)
    expect(store.getSnapshot().privateCounts).toEqual({ p1: 2 })
  })
})
