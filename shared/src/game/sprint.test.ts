import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRounds, readTimer, writeRound, writeTimer } from '../session/doc.js'
import { writePerson } from '../session/people.js'
import { pauseTimer, startTimer } from '../session/timer.js'
import { readGameHistory, readSprint, writeSprint } from './doc.js'
import { finishSprint, sessionNames, sprintEndsAt, sprintTimeUp } from './sprint.js'

function seeded() {
  let n = 0
  return () => `id${n++}`
}

const note = (id: string, author: string, text: string, createdAt: number) => ({
  id,
  type: 'note' as const,
  x: 0,
  y: 0,
  w: 200,
  h: 200,
  author,
  text,
  createdAt,
})

function runningSprint(): Y.Doc {
  const session = new Y.Doc()
  writeSprint(session, { id: 's', startedAt: 1000, endedAt: null, frameId: null, roundId: null })
  writeTimer(session, startTimer(60_000, 1000))
  return session
}

describe('idea sprint end', () => {
  it('ends when the running timer does, and never while it is paused', () => {
    const session = runningSprint()
    expect(sprintEndsAt(session)).toBe(61_000)
    expect(sprintTimeUp(session, 60_999)).toBe(false)
    expect(sprintTimeUp(session, 61_000)).toBe(true)
    writeTimer(session, pauseTimer(readTimer(session), 30_000))
    expect(sprintEndsAt(session)).toBeNull()
    expect(sprintTimeUp(session, 100_000)).toBe(false)
  })

  it('freezes the window, keeps the scores, opens the best-idea vote and stops the timer, once', () => {
    const session = runningSprint()
    writeRound(session, {
      id: 'earlier',
      title: 'Avant',
      frameIds: [],
      itemIds: [],
      budget: 3,
      maxPerItem: 1,
      status: 'open',
      openedAt: 0,
    })
    const items = [
      note('a', 'p1', 'Un jardin', 2000),
      note('b', 'p2', 'Un atelier', 3000),
      note('c', 'p2', 'Trop tard', 70_000),
    ]
    const names = new Map([['p1', 'Ann']])
    expect(finishSprint(session, items, { now: 61_000, newId: seeded(), names })).toBe(true)
    const sprint = readSprint(session)
    expect(sprint).toMatchObject({ endedAt: 61_000, roundId: 'id0' })
    expect(readTimer(session).status).toBe('stopped')
    const [snapshot] = readGameHistory(session)
    expect(snapshot?.label).toBe('Sprint d’idées')
    expect(snapshot?.lines.map((line) => line.name).sort()).toEqual(['Ann', 'p2'])
    const rounds = readRounds(session)
    expect(rounds.find((r) => r.id === 'earlier')?.status).toBe('closed')
    expect(rounds.find((r) => r.id === 'id0')).toMatchObject({
      itemIds: ['a', 'b'],
      status: 'open',
      budget: 1,
    })
    expect(finishSprint(session, items, { now: 62_000, newId: seeded(), names })).toBe(false)
    expect(readGameHistory(session)).toHaveLength(1)
  })

  it('names people from past snapshots, then the relay’s records, then presence', () => {
    const session = new Y.Doc()
    writePerson(session, { personId: 'p1', name: 'Ann', role: 'participant', joinedAt: 0 })
    writePerson(session, { personId: 'p2', name: 'Bob', role: 'participant', joinedAt: 0 })
    expect(sessionNames(session, new Map([['p2', 'Bobby']]))).toEqual(
      new Map([
        ['p1', 'Ann'],
        ['p2', 'Bobby'],
      ]),
    )
  })
})
