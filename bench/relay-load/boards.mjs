/**
 * Child process of the load benchmark's many-boards phase: stock y-websocket clients, `clients`
 * on each board it is given, every one of them writing notes. Boards are never split between
 * processes, so `performance.now()` is one clock for a board's writer and readers.
 *
 * The parent (run.mjs) sends { type: 'start', serverUrl, boards, clients, notes, rate }; this
 * process answers 'ready' once every client is synced, writes on { type: 'write' }, and on
 * { type: 'settle' } waits for every board to converge (or `timeoutMs`) and reports.
 */
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { KEY_PREFIX, onNoteArrival, stockClient, whenSynced, writeNotes } from '../relay-fanout/clients.mjs'

/**
 * @typedef {object} Board
 * @property {string} id
 * @property {Record<string, string>} params
 * @property {{ doc: Y.Doc, provider: import('y-websocket').WebsocketProvider }[]} clients
 */

/** @type {Board[]} */
const boards = []
/** @type {number[]} */
const latencies = []
let serverUrl = ''

/** The benchmark's notes a document holds. */
function notesIn(/** @type {Y.Doc} */ doc) {
  let count = 0
  for (const key of doc.getMap('items').keys()) if (key.startsWith(KEY_PREFIX)) count++
  return count
}

/** JSON with every object's keys sorted: two replicas list a map's keys in the order they learnt them. */
function canonical(/** @type {unknown} */ value) {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/**
 * Whether every client of the board, and a fresh client syncing from the relay now, hold the same
 * document: the same state vector and the same items.
 * @param {Board} board
 */
async function converged(board) {
  const fresh = new Y.Doc()
  const provider = stockClient(serverUrl, board.id, board.params, fresh)
  try {
    await whenSynced(provider)
    const docs = [...board.clients.map((c) => c.doc), fresh]
    const vector = Buffer.from(Y.encodeStateVector(fresh))
    const items = canonical(fresh.getMap('items').toJSON())
    return docs.every(
      (doc) =>
        Buffer.from(Y.encodeStateVector(doc)).equals(vector) &&
        canonical(doc.getMap('items').toJSON()) === items,
    )
  } finally {
    provider.destroy()
    fresh.destroy()
  }
}

process.on('message', async (/** @type {any} */ message) => {
  if (message.type === 'start') {
    serverUrl = message.serverUrl
    // Every WebsocketProvider adds a process 'exit' listener.
    process.setMaxListeners(message.boards.length * message.clients + 10)
    for (const { id, params } of message.boards) {
      /** @type {Board} */
      const board = { id, params, clients: [] }
      for (let i = 0; i < message.clients; i++) {
        const doc = new Y.Doc()
        onNoteArrival(doc, (_key, latency) => latencies.push(latency))
        board.clients.push({ doc, provider: stockClient(serverUrl, id, params, doc) })
      }
      boards.push(board)
    }
    await Promise.all(boards.flatMap((b) => b.clients.map((c) => whenSynced(c.provider))))
    process.send?.({ type: 'ready' })
  } else if (message.type === 'write') {
    const start = performance.now()
    const { notes, rate, clients } = message
    // Boards are staggered within a writer's slot too: not every board writes at the same instant.
    const slot = 1000 / rate / clients / boards.length
    const lags = await Promise.all(
      boards.flatMap((b, n) =>
        b.clients.map((c, i) =>
          writeNotes(c.doc, i, start + n * slot, { updates: notes, rate, writers: clients }),
        ),
      ),
    )
    process.send?.({ type: 'written', maxSendLagMs: Math.max(...lags) })
  } else if (message.type === 'settle') {
    const expected = message.clients * message.notes
    const deadline = performance.now() + message.timeoutMs
    const complete = () => boards.every((b) => b.clients.every((c) => notesIn(c.doc) === expected))
    while (!complete() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    // The relay's corrections (author, creation time) may still be on their way: ask again until the deadline.
    const pending = new Set(boards)
    for (;;) {
      for (const board of [...pending]) if (await converged(board)) pending.delete(board)
      if (pending.size === 0 || performance.now() > deadline) break
      await new Promise((r) => setTimeout(r, 200))
    }
    const convergedBoards = boards.length - pending.size
    process.send?.({
      type: 'report',
      boards: boards.length,
      converged: convergedBoards,
      latencies,
      delivered: latencies.length,
      expected: boards.length * message.clients * (message.clients - 1) * message.notes,
    })
  } else if (message.type === 'stop') {
    for (const board of boards)
      for (const { provider, doc } of board.clients) {
        provider.destroy()
        doc.destroy()
      }
    process.exit(0)
  }
})
