import { createItem, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { connectSynced, createBoardOver, tempDir, waitFor } from './helpers.js'
import { spawnServer } from './serverProcess.js'

/**
 * SIGKILL while the relay compacts: with a log folded every 2 updates, a participant writing
 * a note every 10 ms keeps a compaction (snapshot written, log cut, in one SQLite transaction) under
 * way nearly all the time. Whatever an observer received before the kill must be there after it.
 */
describe('compaction under SIGKILL', () => {
  it('loses nothing the relay forwarded when killed during compaction', async () => {
    const dataDir = tempDir()
    const seen = new Set<string>()
    let boardId = ''
    let tokens = { participant: '', observer: '', facilitator: '' }
    for (let round = 0; round < 3; round++) {
      const server = await spawnServer(dataDir, { ATELIER_COMPACT_AFTER: '2' })
      if (round === 0) {
        const board = await createBoardOver(server.http)
        boardId = board.id
        tokens = board.tokens
      }
      const writer = await connectSynced(server.sync, boardId, tokens.participant)
      const reader = await connectSynced(server.sync, boardId, tokens.observer)
      const heard = (): void => {
        for (const item of readItems(reader.doc)) seen.add(item.id)
      }
      reader.doc.on('update', heard)
      const before = seen.size
      let writing = true
      const writes = (async () => {
        for (let n = 0; writing; n++) {
          createItem(writer.doc, { type: 'note', x: n, y: round, text: `round ${round} note ${n}` })
          // Under the relay's per-connection update rate.
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
      })()
      await waitFor(() => seen.size >= before + 40, 'the relay to forward a few dozen notes', 15_000)
      server.child.kill('SIGKILL')
      expect((await server.exited).signal).toBe('SIGKILL')
      writing = false
      await writes
      reader.doc.off('update', heard)
      writer.destroy()
      reader.destroy()
    }
    const last = await spawnServer(dataDir)
    const fresh = await connectSynced(last.sync, boardId, tokens.facilitator)
    const stored = new Set(readItems(fresh.doc).map((item) => item.id))
    const lost = [...seen].filter((id) => !stored.has(id))
    expect(seen.size).toBeGreaterThanOrEqual(120)
    expect(lost).toEqual([])
  }, 90_000)
})
