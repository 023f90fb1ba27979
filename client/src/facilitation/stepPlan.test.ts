import type { AgendaStep, SessionState } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { nextStep, nextWritingMode, planStep } from './stepPlan.js'

const current: SessionState = {
  stepId: null,
  writingMode: 'private',
  anonymous: false,
  followPersonId: null,
  spotlightFrameId: 'old',
  lockedFrameIds: [],
  summon: null,
  participantTools: ['note', 'text', 'pen'],
  ownItemsOnly: true,
}
const frames = new Map([
  ['idees', { x: 0, y: 0, w: 800, h: 600 }],
  ['defi', { x: 900, y: 0, w: 400, h: 300 }],
])

const vote: AgendaStep = {
  id: 'vote',
  title: 'Vote par gommettes',
  instructions: 'Trois gommettes',
  durationMinutes: 5,
  frameId: 'idees',
  mode: 'open',
  vote: { budget: 3, maxPerItem: 2 },
  lockFrameIds: ['defi', 'missing'],
}

describe('planStep', () => {
  it('sets mode, locks, timer, round and summon of a step at once', () => {
    const plan = planStep(vote, { now: 1_000, current, openRoundId: 'r0', frames, newRoundId: 'r1' })
    expect(plan.state).toEqual({
      stepId: 'vote',
      writingMode: 'revealed',
      lockedFrameIds: ['defi'],
      spotlightFrameId: null,
    })
    expect(plan.timer).toEqual({
      status: 'running',
      durationMs: 300_000,
      endsAt: 301_000,
      remainingMs: 300_000,
    })
    expect(plan.closeRoundId).toBe('r0')
    expect(plan.round).toMatchObject({
      id: 'r1',
      frameIds: ['idees'],
      budget: 3,
      maxPerItem: 2,
      status: 'open',
    })
    expect(plan.summonRect).toEqual(frames.get('idees'))
  })

  it("brings everyone to all of a step's frames and opens its vote on all of them", () => {
    const both: AgendaStep = { ...vote, moreFrameIds: ['missing', 'defi'] }
    const plan = planStep(both, { now: 1_000, current, openRoundId: null, frames, newRoundId: 'r1' })
    expect(plan.round?.frameIds).toEqual(['idees', 'defi'])
    expect(plan.summonRect).toEqual({ x: 0, y: 0, w: 1300, h: 600 })
  })

  it("applies the step's participant tools and own-items rule, and leaves the board's when it sets none", () => {
    const clustering: AgendaStep = {
      id: 'tri',
      title: 'Regroupement',
      instructions: '',
      durationMinutes: 10,
      mode: 'open',
      participantTools: ['note', 'connector'],
      ownItemsOnly: false,
    }
    const ctx = { now: 0, current, openRoundId: null, frames, newRoundId: 'x' }
    expect(planStep(clustering, ctx).state).toMatchObject({
      participantTools: ['note', 'connector'],
      ownItemsOnly: false,
    })
    const plain = planStep({ ...clustering, participantTools: undefined, ownItemsOnly: undefined }, ctx).state
    expect(plain).not.toHaveProperty('participantTools')
    expect(plain).not.toHaveProperty('ownItemsOnly')
  })

  it('opens no round and summons nowhere for a plain step without a frame', () => {
    const plan = planStep(
      { id: 'intro', title: 'Intro', instructions: '', durationMinutes: 2, mode: 'private' },
      { now: 0, current: { ...current, writingMode: 'open' }, openRoundId: null, frames, newRoundId: 'x' },
    )
    expect(plan.round).toBeNull()
    expect(plan.summonRect).toBeNull()
    expect(plan.state.writingMode).toBe('private')
    expect(plan.state.lockedFrameIds).toEqual([])
  })
})

describe('writing mode transitions', () => {
  it('reveal private notes when a step goes back to open writing', () => {
    expect(nextWritingMode('private', 'open')).toBe('revealed')
    expect(nextWritingMode('open', 'private')).toBe('private')
    expect(nextWritingMode('revealed', 'open')).toBe('open')
  })
})

describe('nextStep', () => {
  const agenda = [vote, { ...vote, id: 'suite' }]
  it('walks the agenda in order and stops after the last step', () => {
    expect(nextStep(agenda, null)?.id).toBe('vote')
    expect(nextStep(agenda, 'vote')?.id).toBe('suite')
    expect(nextStep(agenda, 'suite')).toBeNull()
    expect(nextStep([], null)).toBeNull()
  })
})
