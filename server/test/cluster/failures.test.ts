import { createItem } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { connectSynced, onCleanup, waitFor } from '../helpers.js'
import type { ServerProcess } from '../serverProcess.js'
import { useRedis } from '../services/redis.js'
import { noteTexts, settle, startCluster } from './nodes.js'

// A node dying or Redis restarting in the middle of a burst of writes loses nothing that was
// relayed: every note any client wrote ends up on every client and in the store.

const shared = useRedis()

/** A stock y-websocket client on `node` for `doc` (a client moving to another node keeps its document). */
function clientOn(node: ServerProcess, room: string, token: string, doc = new Y.Doc()): WebsocketProvider {
  const provider = new WebsocketProvider(node.sync, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  onCleanup(() => provider.destroy())
  return provider
}

/** Each client writes one note every `everyMs` until stopped; resolves with every text written. */
function burst(clients: WebsocketProvider[], everyMs = 15): { stop: () => string[] } {
  const written: string[] = []
  let n = 0
  const timer = setInterval(() => {
    clients.forEach((client, index) => {
      const text = `c${index}-${n}`
      createItem(client.doc, { type: 'note', x: n, y: index * 100, text })
      written.push(text)
    })
    n++
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      return written.sort()
    },
  }
}

async function healthOf(
  node: ServerProcess,
): Promise<{ status: number; body: { status: string; cause?: string } }> {
  const response = await fetch(`${node.http}/healthz`)
  return { status: response.status, body: (await response.json()) as { status: string; cause?: string } }
}

describe('failures during a burst of writes', () => {
  it('SIGKILL of one node: its clients move to the other node and every note is everywhere', async () => {
    const cluster = await startCluster(shared.redis)
    const [a, b] = cluster.nodes as [ServerProcess, ServerProcess]
    const board = await cluster.createBoard()
    const token = board.tokens.participant
    const onA = [clientOn(a, board.id, token), clientOn(a, board.id, token)]
    const onB = [clientOn(b, board.id, token), clientOn(b, board.id, token)]
    await settle(() => [...onA, ...onB].every((client) => client.synced), 'every client to sync')

    const writing = burst([...onA, ...onB])
    await settle(
      () => noteTexts(onB[0] as WebsocketProvider).some((text) => text.startsWith('c0-')),
      'A to relay',
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    a.child.kill('SIGKILL')
    await a.exited
    // What B's clients saw relayed from A before the crash must survive it.
    const relayedBeforeCrash = noteTexts(onB[0] as WebsocketProvider).filter((text) => /^c[01]-/.test(text))
    expect(relayedBeforeCrash.length).toBeGreaterThan(0)

    // A's clients reconnect to B, keeping their documents (as a browser behind a load balancer would).
    const moved = onA.map((client) => {
      client.destroy()
      return clientOn(b, board.id, token, client.doc)
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const written = writing.stop()
    const everyone = [...moved, ...onB]
    await waitFor(
      () => everyone.every((client) => noteTexts(client).length === written.length),
      'every client to hold every note',
      60_000,
    )
    for (const client of everyone) expect(noteTexts(client)).toEqual(written)

    const c = await cluster.addNode()
    const fresh = await connectSynced(c.sync, board.id, board.tokens.observer)
    await settle(() => noteTexts(fresh).length === written.length, 'a new node to load every note')
    expect(noteTexts(fresh)).toEqual(written)
    expect(noteTexts(fresh)).toEqual(expect.arrayContaining(relayedBeforeCrash))
  }, 150_000)

  it.each([
    ['keeps its data (AOF)', false],
    ['loses its data', true],
  ])(
    'Redis restart that %s: nodes refuse writes meanwhile, say so, recover and catch up',
    async (_, wipe) => {
      const cluster = await startCluster(shared.redis)
      const [a, b] = cluster.nodes as [ServerProcess, ServerProcess]
      const board = await cluster.createBoard()
      const token = board.tokens.participant
      const clients = [clientOn(a, board.id, token), clientOn(b, board.id, token)]
      await settle(() => clients.every((client) => client.synced), 'both clients to sync')

      const writing = burst(clients)
      await new Promise((resolve) => setTimeout(resolve, 300))
      await shared.redis.kill()
      await settle(async () => (await healthOf(a)).status === 503, 'node A to say it lost Redis')
      const degraded = await healthOf(b)
      expect(degraded.status).toBe(503)
      expect(degraded.body).toEqual({
        status: 'degraded',
        cause: expect.stringMatching(/^Redis unreachable/),
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      await shared.redis.restart({ wipe })
      await settle(
        async () => (await healthOf(a)).status === 200 && (await healthOf(b)).status === 200,
        'recovery',
      )
      await new Promise((resolve) => setTimeout(resolve, 300))
      const written = writing.stop()

      await waitFor(
        () => clients.every((client) => noteTexts(client).length === written.length),
        'both clients to hold every note',
        30_000,
      )
      for (const client of clients) expect(noteTexts(client)).toEqual(written)
      for (const node of [a, b]) {
        const fresh = await connectSynced(node.sync, board.id, board.tokens.observer)
        await settle(() => noteTexts(fresh).length === written.length, 'a newcomer to load every note')
      }
    },
    45_000,
  )

  it('compacts one board from both nodes at once and loses nothing', async () => {
    const cluster = await startCluster(shared.redis, { env: { ATELIER_COMPACT_AFTER: '3' } })
    const [a, b] = cluster.nodes as [ServerProcess, ServerProcess]
    const board = await cluster.createBoard()
    const token = board.tokens.participant
    const clients = [clientOn(a, board.id, token), clientOn(b, board.id, token)]
    await settle(() => clients.every((client) => client.synced), 'both clients to sync')
    const writing = burst(clients)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const written = writing.stop()
    await settle(
      () => clients.every((client) => noteTexts(client).length === written.length),
      'every note everywhere',
    )
    for (const client of clients) client.destroy()

    const c = await cluster.addNode()
    const fresh = await connectSynced(c.sync, board.id, board.tokens.observer)
    await settle(() => noteTexts(fresh).length === written.length, 'a new node to load every note')
    expect(noteTexts(fresh)).toEqual(written)
  }, 90_000)
})
