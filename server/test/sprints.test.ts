import {
  createItem,
  readGameHistory,
  readRounds,
  readSprint,
  readTimer,
  roomName,
  startTimer,
  writeSprint,
  writeTimer,
} from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/store/documents.js'
import { connectSyncedAs, join, startServer } from './facilitation.js'
import { waitFor } from './helpers.js'

describe('idea sprints', () => {
  it('end on the relay’s clock when the timer runs out, with nobody’s tab open', async () => {
    const running = await startServer()
    const { board, store, sync } = running
    const facilitator = await join(running.app, board, 'facilitator')
    const participant = await join(running.app, board, 'participant')
    const notes = await connectSyncedAs(sync, roomName(board.id, 'board'), participant)
    const session = await connectSyncedAs(sync, roomName(board.id, 'session'), facilitator)
    const startedAt = Date.now() - 1000
    for (const text of ['Un jardin partagé', 'Une boîte à idées'])
      createItem(notes.doc, { type: 'note', x: 0, y: 0, text, createdAt: Date.now() })
    const labels = { snapshot: 'Sprint 1', vote: 'Meilleure idée' }
    session.doc.transact(() => {
      writeSprint(session.doc, { id: 's1', startedAt, endedAt: null, frameId: null, roundId: null, labels })
      writeTimer(session.doc, startTimer(300, Date.now()))
    })
    // The facilitator closes their tab at once: only the relay is left to end the sprint.
    await waitFor(async () => {
      const stored = await readDocument(store, roomName(board.id, 'session'))
      return readSprint(stored)?.labels !== undefined
    }, 'the sprint to be stored')
    session.destroy()
    notes.destroy()

    await waitFor(async () => {
      const stored = await readDocument(store, roomName(board.id, 'session'))
      return readSprint(stored)?.endedAt !== null
    }, 'the relay to end the sprint')
    const stored = await readDocument(store, roomName(board.id, 'session'))
    const sprint = readSprint(stored)
    expect(sprint?.endedAt).toBeGreaterThanOrEqual(readTimer(stored).durationMs + startedAt)
    expect(readTimer(stored).status).toBe('stopped')
    expect(readGameHistory(stored).map((snapshot) => snapshot.label)).toEqual(['Sprint 1'])
    const round = readRounds(stored).find((r) => r.id === sprint?.roundId)
    expect(round).toMatchObject({ title: 'Meilleure idée', status: 'open', budget: 1 })
    expect(round?.itemIds).toHaveLength(2)
  })
})
