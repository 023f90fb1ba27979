import { describe, expect, it } from 'vitest'
import { UNLOADED_SESSIONS_KEPT } from '../src/sync/relay.js'
import { startServer } from './facilitation.js'
import { connectSynced, createBoard, waitFor } from './helpers.js'

/** Loaded rooms of every kind, from /metrics. */
async function loadedRooms(app: Awaited<ReturnType<typeof startServer>>['app']): Promise<number> {
  const body = (await app.inject('/metrics')).body
  return body
    .split('\n')
    .filter((line) => line.startsWith('atelier_rooms_loaded'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0)
}

describe("a node's memory and the boards in the database", () => {
  it('holds no room once its clients left, however many boards it served', async () => {
    const { app, sync } = await startServer()
    const clients = []
    for (let i = 0; i < 12; i++) {
      const board = await createBoard(app)
      clients.push(await connectSynced(sync, board.id, board.tokens.participant))
      clients.push(await connectSynced(sync, `${board.id}/session`, board.tokens.participant))
    }
    // The fixture's own board is not opened: 12 boards and their sessions.
    expect(await loadedRooms(app)).toBe(24)
    for (const client of clients) client.destroy()
    await waitFor(async () => (await loadedRooms(app)) === 0, 'every room unloaded')
  })

  // A thousand reads from the store: seconds on PostgreSQL on a loaded machine.
  it('keeps the session state of a bounded number of unloaded boards', async () => {
    const { app } = await startServer()
    // Boards the database does not hold read as empty sessions: as many entries, fewer rows to write.
    const boards = Array.from(
      { length: UNLOADED_SESSIONS_KEPT + 10 },
      (_, i) => `board-${String(i).padStart(16, '0')}`,
    )
    for (const boardId of boards) await app.relay.sessionState(boardId)
    expect(app.relay.keptSessionStates).toBe(UNLOADED_SESSIONS_KEPT)
  }, 120_000)
})
