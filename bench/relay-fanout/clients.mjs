/**
 * The fan-out workload: N stock y-websocket clients in one room, W of them writing notes at a
 * fixed rate; every other client records how long each note took to reach its own Y.Doc.
 *
 * All clients live in this one process, so `performance.now()` is a clock they share: the writer
 * embeds it in the note (`sentAt`) just before the transaction, a peer subtracts it when the note
 * appears in its document. The latency therefore covers encoding, both WebSocket hops, the relay,
 * decoding and applying the update.
 */
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export const KEY_PREFIX = 'bench-'

/**
 * @typedef {object} WorkloadOptions
 * @property {number} clients      clients in the room, writers included
 * @property {number} writers      how many of them write
 * @property {number} updates      notes per writer
 * @property {number} rate         notes per second per writer
 * @property {number} connectTimeoutMs
 * @property {number} drainTimeoutMs  how long to wait for stragglers after the last note
 * @property {'bare' | 'atelier'} [notes]  'atelier': each writer joins as a person and writes its
 *   notes as Atelier's client does (its author, the creation time), so a relay that stamps them
 *   has nothing to correct; 'bare' (default): neither, so Atelier's relay stamps every note
 */

/**
 * @typedef {object} WorkloadResult
 * @property {Float64Array} latencies  ms, one per delivery
 * @property {number} delivered
 * @property {number} expected         updates × writers × (clients − 1)
 * @property {number} connectMs        until every client had synced with the relay
 * @property {number} wallMs           from the first note until the last delivery (or the drain timeout)
 * @property {number} maxSendLagMs     worst delay of a writer's timer: shows a saturated client process
 * @property {number} clientCpuMs      CPU used by this (client) process during the run
 * @property {Uint8Array} [crossNode]  with several nodes: 1 where the delivery crossed from the writer's node to another
 */

/**
 * With `serverUrls` (nodes of one deployment), client i connects to node i mod n: writers and
 * readers are spread over the nodes, and each delivery is marked as crossing nodes or not.
 * @param {{ serverUrl: string, serverUrls?: string[], room: string, params: Record<string, string>,
 *   join?: () => Promise<{ personId: string, params: Record<string, string> }> }} relay
 * @param {WorkloadOptions} opts
 * @param {(phase: 'synced' | 'delivered') => void} [mark]  called as every client has synced, and
 *   as the notes have all arrived (or the drain timed out), before the clients close
 * @returns {Promise<WorkloadResult>}
 */
export async function runFanout(relay, opts, mark = () => {}) {
  const { clients, writers, updates } = opts
  const expected = updates * writers * (clients - 1)
  const latencies = new Float64Array(expected)
  const urls = relay.serverUrls ?? [relay.serverUrl]
  const crossNode = new Uint8Array(expected)
  const nodeOf = (/** @type {number} */ client) => client % urls.length
  let delivered = 0
  /** @type {() => void} */
  let onAllDelivered = () => {}

  // Every WebsocketProvider adds a process 'exit' listener.
  process.setMaxListeners(Math.max(process.getMaxListeners(), clients + 10))
  // Who each writer is, for notes written as Atelier's client writes them (see `notes`).
  /** @type {{ personId: string, params: Record<string, string> }[]} */
  const people = []
  if (opts.notes === 'atelier') {
    for (let w = 0; w < writers; w++) {
      people.push(relay.join ? await relay.join() : { personId: `writer-${w}`, params: relay.params })
    }
  }

  /** @type {{ doc: Y.Doc, provider: WebsocketProvider }[]} */
  const peers = []
  const connectStart = performance.now()
  for (let i = 0; i < clients; i++) {
    const doc = new Y.Doc()
    onNoteArrival(doc, (key, latency) => {
      if (delivered >= expected) return
      const writer = Number(key.slice(KEY_PREFIX.length).split('-')[0])
      crossNode[delivered] = nodeOf(writer) === nodeOf(i) ? 0 : 1
      latencies[delivered++] = latency
      if (delivered === expected) onAllDelivered()
    })
    const params = people[i]?.params ?? relay.params
    const provider = stockClient(urls[nodeOf(i)] ?? relay.serverUrl, relay.room, params, doc)
    peers.push({ doc, provider })
  }

  try {
    await withTimeout(
      Promise.all(peers.map(({ provider }) => whenSynced(provider))),
      opts.connectTimeoutMs,
      `not every client synced within ${opts.connectTimeoutMs} ms`,
    )
    const connectMs = performance.now() - connectStart
    mark('synced')

    const allDelivered = new Promise((resolve) => {
      onAllDelivered = () => resolve(true)
    })
    const cpuBefore = process.cpuUsage()
    const start = performance.now()
    const sends = peers
      .slice(0, writers)
      .map(({ doc }, w) => writeNotes(doc, w, start, { ...opts, author: people[w]?.personId }))
    const lags = await Promise.all(sends)
    if (delivered < expected) await raceTimeout(allDelivered, opts.drainTimeoutMs)
    const wallMs = performance.now() - start
    const cpu = process.cpuUsage(cpuBefore)
    mark('delivered')
    return {
      latencies: latencies.subarray(0, delivered),
      ...(relay.serverUrls ? { crossNode: crossNode.subarray(0, delivered) } : {}),
      delivered,
      expected,
      connectMs,
      wallMs,
      maxSendLagMs: Math.max(...lags),
      clientCpuMs: (cpu.user + cpu.system) / 1000,
    }
  } finally {
    for (const { doc, provider } of peers) {
      provider.destroy()
      doc.destroy()
    }
  }
}

/**
 * One writer: `updates` notes, one every 1000/rate ms, writers staggered evenly in the period.
 * @param {Y.Doc} doc
 * @param {number} writer
 * @param {number} start
 * @param {WorkloadOptions & { author?: string }} opts  author: write the notes as this person's,
 *   with their creation time, as Atelier's client does
 * @returns {Promise<number>} the worst lateness of this writer's timer, ms
 */
export async function writeNotes(doc, writer, start, { updates, rate, writers, author }) {
  const period = 1000 / rate
  const offset = (writer * period) / writers
  const items = doc.getMap('items')
  let maxLag = 0
  for (let seq = 0; seq < updates; seq++) {
    const due = start + offset + seq * period
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const sentAt = performance.now()
    maxLag = Math.max(maxLag, sentAt - due)
    doc.transact(() => {
      // A note as the board schema (v1) describes it, so a validating relay accepts it.
      const note = new Y.Map()
      note.set('type', 'note')
      note.set('x', 220 * seq)
      note.set('y', 220 * writer)
      note.set('w', 200)
      note.set('h', 200)
      note.set('color', '#fde68a')
      note.set('text', new Y.Text(`writer ${writer}, note ${seq}`))
      note.set('sentAt', sentAt)
      if (author !== undefined) {
        note.set('author', author)
        note.set('createdAt', Date.now())
      }
      items.set(`${KEY_PREFIX}${writer}-${seq}`, note)
    })
  }
  return maxLag
}

/**
 * Calls `arrived` each time a writer's note reaches `doc` from elsewhere, with how long it took
 * since the writer stamped it (`sentAt`, this process's clock).
 * @param {Y.Doc} doc
 * @param {(key: string, latencyMs: number) => void} arrived
 */
export function onNoteArrival(doc, arrived) {
  doc.getMap('items').observe((event) => {
    if (event.transaction.local) return
    const now = performance.now()
    const items = /** @type {Y.Map<Y.Map<unknown>>} */ (event.target)
    for (const key of event.keysChanged) {
      if (!key.startsWith(KEY_PREFIX)) continue
      const sentAt = /** @type {number | undefined} */ (items.get(key)?.get('sentAt'))
      if (sentAt !== undefined) arrived(key, now - sentAt)
    }
  })
}

/**
 * A stock y-websocket client in Node, connecting at once.
 * @param {string} serverUrl
 * @param {string} room
 * @param {Record<string, string>} params
 * @param {Y.Doc} doc
 */
export function stockClient(serverUrl, room, params, doc) {
  return new WebsocketProvider(serverUrl, room, doc, {
    params,
    // ws's WebSocket stands in for the DOM one.
    WebSocketPolyfill: /** @type {any} */ (WebSocket),
    // Node has a global BroadcastChannel: without this, same-process clients would sync
    // with each other directly and bypass the relay.
    disableBc: true,
  })
}

/** @param {WebsocketProvider} provider */
export function whenSynced(provider) {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (/** @type {boolean} */ synced) => {
      if (!synced) return
      provider.off('sync', onSync)
      resolve(undefined)
    }
    provider.on('sync', onSync)
  })
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} message
 * @returns {Promise<T>}
 */
export async function withTimeout(promise, ms, message) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  try {
    return /** @type {T} */ (await Promise.race([promise, timeout]))
  } finally {
    clearTimeout(timer)
  }
}

/**
 * @param {Promise<unknown>} promise
 * @param {number} ms
 * @returns {Promise<boolean>} false if the time ran out first
 */
export async function raceTimeout(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return /** @type {boolean} */ (await Promise.race([promise.then(() => true), timeout]))
  } finally {
    clearTimeout(timer)
  }
}
