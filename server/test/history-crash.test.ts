import { type BoardVersion, createItem, deleteItems, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectSynced, createBoardOver, tempDir, waitFor } from './helpers.js'
import { type ServerProcess, spawnServer } from './serverProcess.js'

const NOTES = 200
/** Where the kill lands: when a client has received the restore, or this many ms after asking for it. */
const KILL_POINTS = ['on-relay', 0, 20, 80] as const

async function mustFetch(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init)
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`)
  return response
}

function emptyBoard(provider: WebsocketProvider): void {
  deleteItems(
    provider.doc,
    readItems(provider.doc).map((item) => item.id),
  )
}

describe('restore under SIGKILL', () => {
  it('leaves the board before or after the restore, never half, and loses nothing relayed', async () => {
    const dataDir = tempDir()
    let server: ServerProcess = await spawnServer(dataDir)
    const board = await createBoardOver(server.http)
    const versionsUrl = () =>
      `${server.http}/api/boards/${board.id}/versions?token=${board.tokens.facilitator}`

    const facilitator = await connectSynced(server.sync, board.id, board.tokens.facilitator)
    facilitator.doc.transact(() => {
      for (let i = 0; i < NOTES; i++) createItem(facilitator.doc, { type: 'note', x: i, y: 0, text: `n${i}` })
    })
    const participant = await connectSynced(server.sync, board.id, board.tokens.participant)
    await waitFor(() => readItems(participant.doc).length === NOTES, 'the notes to reach the participant')
    emptyBoard(participant)
    await waitFor(() => readItems(facilitator.doc).length === 0, 'the board to be emptied')
    facilitator.destroy()
    participant.destroy()

    const outcomes: string[] = []
    for (const killPoint of KILL_POINTS) {
      const versions = (await (await mustFetch(versionsUrl())).json()) as BoardVersion[]
      const full = versions.find((version) => version.reason === 'mass-delete' && version.items === NOTES)
      if (!full) throw new Error(`no version holds the ${NOTES} notes: ${JSON.stringify(versions)}`)

      const watcher = await connectSynced(server.sync, board.id, board.tokens.observer)
      let relayed = false
      watcher.doc.on('update', () => {
        if (readItems(watcher.doc).length === 0) return
        relayed = true
        if (killPoint === 'on-relay') server.child.kill('SIGKILL')
      })
      const restoreUrl = `${server.http}/api/boards/${board.id}/versions/${full.id}/restore?token=${board.tokens.facilitator}`
      const request = fetch(restoreUrl, { method: 'POST' }).catch(() => null)
      if (killPoint !== 'on-relay') {
        await new Promise((resolve) => setTimeout(resolve, killPoint))
        server.child.kill('SIGKILL')
      }
      expect((await server.exited).signal).toBe('SIGKILL')
      await request
      const sawRestore = relayed
      watcher.destroy()

      server = await spawnServer(dataDir)
      const reader = await connectSynced(server.sync, board.id, board.tokens.facilitator)
      const count = readItems(reader.doc).length
      expect([0, NOTES], `items after a kill at ${killPoint}`).toContain(count)
      if (sawRestore) expect(count, 'a relayed restore survives the kill').toBe(NOTES)
      outcomes.push(count === NOTES ? 'after' : 'before')

      if (count === NOTES) {
        // Empty the board again for the next round: a new mass-delete version holds the notes.
        const writer = await connectSynced(server.sync, board.id, board.tokens.participant)
        emptyBoard(writer)
        await waitFor(() => readItems(reader.doc).length === 0, 'the board to be emptied again')
        writer.destroy()
      }
      reader.destroy()
    }
    expect(outcomes).toHaveLength(KILL_POINTS.length)
    expect(outcomes[0]).toBe('after')
  }, 120_000)
})
