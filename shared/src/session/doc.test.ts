import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  findRound,
  openRoundIn,
  patchRound,
  readAgenda,
  readPrivateCounts,
  readRounds,
  readSessionState,
  readTimer,
  replaceAgenda,
  stepFrameIds,
  writePrivateCount,
  writeRound,
  writeSessionState,
  writeTimer,
} from './doc.js'
import { STOPPED_TIMER, startTimer } from './timer.js'
import type { AgendaStep } from './types.js'

describe('session document', () => {
  it('reads defaults from an empty document', () => {
    const doc = new Y.Doc()
    expect(readSessionState(doc)).toEqual({
      stepId: null,
      writingMode: 'open',
      anonymous: false,
      followPersonId: null,
      spotlightFrameId: null,
      lockedFrameIds: [],
      summon: null,
      participantTools: ['note', 'text', 'pen'],
      ownItemsOnly: true,
    })
    expect(readTimer(doc)).toEqual(STOPPED_TIMER)
    expect(readAgenda(doc)).toEqual([])
    expect(readRounds(doc)).toEqual([])
  })

  it('round-trips state, timer and agenda', () => {
    const doc = new Y.Doc()
    writeSessionState(doc, { writingMode: 'private', anonymous: true, stepId: 's1' })
    writeTimer(doc, startTimer(300_000, 42))
    replaceAgenda(doc, [
      { id: 's1', title: 'Divergence', instructions: 'Seul·e', durationMinutes: 5, mode: 'private' },
    ])
    expect(readSessionState(doc)).toMatchObject({ writingMode: 'private', anonymous: true, stepId: 's1' })
    expect(readTimer(doc)).toEqual({
      status: 'running',
      durationMs: 300_000,
      endsAt: 300_042,
      remainingMs: 300_000,
    })
    expect(readAgenda(doc).map((s) => s.title)).toEqual(['Divergence'])
  })

  it('round-trips locked frames and a summon', () => {
    const doc = new Y.Doc()
    const summon = { at: 7, rect: { x: 0, y: 10, w: 800, h: 600 } }
    writeSessionState(doc, { lockedFrameIds: ['f1', 'f2'], summon })
    expect(readSessionState(doc)).toMatchObject({ lockedFrameIds: ['f1', 'f2'], summon })
  })

  it('ignores malformed locked frames and summons', () => {
    const doc = new Y.Doc()
    const state = doc.getMap('state')
    state.set('lockedFrameIds', ['f1', 3, null])
    state.set('summon', { at: 1, rect: { x: 0, y: 0, w: -5, h: 10 } })
    expect(readSessionState(doc)).toMatchObject({ lockedFrameIds: ['f1'], summon: null })
    state.set('summon', { at: 'soon', rect: { x: 0, y: 0, w: 5, h: 10 } })
    expect(readSessionState(doc).summon).toBeNull()
  })

  it('counts private notes per person and drops a count that falls to zero', () => {
    const doc = new Y.Doc()
    writePrivateCount(doc, 'ann', 2)
    writePrivateCount(doc, 'bob', 1)
    expect(readPrivateCounts(doc)).toEqual({ ann: 2, bob: 1 })
    writePrivateCount(doc, 'bob', 0)
    expect(readPrivateCounts(doc)).toEqual({ ann: 2 })
    expect(doc.getMap('privateCounts').has('bob')).toBe(false)
  })

  it('finds a round by id', () => {
    const doc = new Y.Doc()
    writeRound(doc, {
      id: 'r1',
      title: 'Vote',
      frameIds: [],
      itemIds: ['a'],
      budget: 2,
      status: 'open',
      openedAt: 1,
    })
    expect(findRound(doc, 'r1')).toMatchObject({ id: 'r1', budget: 2, itemIds: ['a'] })
    expect(findRound(doc, 'nope')).toBeNull()
  })

  it("lists a step's frames, its main one first, each once, and leaves out what is no frame id", () => {
    const step = { id: 's', title: '', instructions: '', durationMinutes: 1, mode: 'open' as const }
    expect(stepFrameIds({ ...step, frameId: 'a', moreFrameIds: ['b', 'a', 'c'] })).toEqual(['a', 'b', 'c'])
    expect(stepFrameIds(step)).toEqual([])
    // Any facilitator's client wrote the agenda: a foreign value is no frame.
    const foreign = { ...step, frameId: 'a', moreFrameIds: [3, '', null, 'b'] } as unknown as AgendaStep
    expect(stepFrameIds(foreign)).toEqual(['a', 'b'])
    expect(stepFrameIds({ ...step, moreFrameIds: 'b' } as unknown as AgendaStep)).toEqual([])
  })

  it('ignores a writing mode it does not know', () => {
    const doc = new Y.Doc()
    doc.getMap('state').set('writingMode', 'secret')
    expect(readSessionState(doc).writingMode).toBe('open')
  })

  it('keeps the facilitator closing a round and the relay counting voters apart', () => {
    const facilitator = new Y.Doc()
    writeRound(facilitator, {
      id: 'r1',
      title: 'Vote',
      frameIds: ['f'],
      itemIds: [],
      budget: 3,
      status: 'open',
      openedAt: 1,
    })
    const relay = new Y.Doc()
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(facilitator))
    expect(openRoundIn(relay)?.id).toBe('r1')
    patchRound(facilitator, 'r1', { status: 'closed', closedAt: 2 })
    patchRound(relay, 'r1', { voters: 7 })
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(facilitator))
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(relay))
    expect(readRounds(facilitator)[0]).toMatchObject({ status: 'closed', voters: 7, closedAt: 2 })
    expect(openRoundIn(facilitator)).toBeNull()
  })

  it('lists rounds most recent first and skips malformed ones', () => {
    const doc = new Y.Doc()
    const base = { title: '', frameIds: [], itemIds: [], budget: 3, status: 'closed' as const }
    writeRound(doc, { ...base, id: 'old', openedAt: 1 })
    writeRound(doc, { ...base, id: 'new', openedAt: 2 })
    doc.getMap('rounds').set('broken', new Y.Map())
    expect(readRounds(doc).map((r) => r.id)).toEqual(['new', 'old'])
  })
})
