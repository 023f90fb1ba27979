/**
 * Child process of the load benchmark: thin receivers, each a bare `ws` socket that speaks the
 * y-websocket frames (sync step 1 with an empty state vector, the answer to the relay's step 1),
 * holds no Y.Doc, and notes when each benchmark note first reaches it. A stock client would
 * decode and apply every update; 500 of them would measure this machine's two cores, not the relay.
 *
 * The parent (run.mjs) sends { type: 'start', urls, count }; this process answers 'ready' once
 * every socket is synced, then { type: 'report' } gets the arrivals back. Times are epoch
 * milliseconds (performance.timeOrigin + now), comparable across processes on this machine.
 */
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import {
  EMPTY_STEP1,
  EMPTY_STEP2,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../lib/frames.mjs'
import { KEY_PREFIX } from '../relay-fanout/clients.mjs'

/** A note's key as the writers name it, found in the update's bytes (keys are plain ASCII). */
const NOTE_KEY = new RegExp(`${KEY_PREFIX}\\d+-\\d+`, 'g')

/**
 * The note keys an update message carries. Yjs writes a key as its length then its bytes: the
 * length byte cuts the key where the next struct's bytes begin, digits or not.
 * @param {Buffer} data
 */
function noteKeys(data) {
  const text = data.toString('latin1')
  const keys = []
  for (const match of text.matchAll(NOTE_KEY)) {
    const length = data[match.index - 1]
    if (length !== undefined && length <= match[0].length)
      keys.push(text.slice(match.index, match.index + length))
  }
  return keys
}

const now = () => performance.timeOrigin + performance.now()

/**
 * @typedef {object} Receiver
 * @property {WebSocket} ws
 * @property {boolean} synced
 * @property {Map<string, number>} arrivals  note key → epoch ms of its first arrival
 * @property {number} updates  update messages received after the sync
 * @property {number | null} closedWith  close code when the relay closed it
 */

/** @type {Receiver[]} */
const receivers = []

/** @param {string} url */
function open(url) {
  /** @type {Receiver} */
  const receiver = {
    ws: new WebSocket(url, { perMessageDeflate: false }),
    synced: false,
    arrivals: new Map(),
    updates: 0,
    closedWith: null,
  }
  receiver.ws.binaryType = 'nodebuffer'
  receiver.ws.on('open', () => receiver.ws.send(EMPTY_STEP1))
  receiver.ws.on('message', (/** @type {Buffer} */ data) => {
    if (data[0] !== MESSAGE_SYNC) return
    const kind = data[1]
    if (kind === SYNC_STEP1) receiver.ws.send(EMPTY_STEP2)
    else if (kind === SYNC_STEP2) receiver.synced = true
    else if (kind === SYNC_UPDATE) {
      const at = now()
      receiver.updates++
      for (const key of noteKeys(data)) {
        if (!receiver.arrivals.has(key)) receiver.arrivals.set(key, at)
      }
    }
  })
  receiver.ws.on('close', (code) => {
    receiver.closedWith = code
  })
  receiver.ws.on('error', (error) => {
    process.send?.({ type: 'error', message: error.message })
  })
  receivers.push(receiver)
}

process.on('message', async (/** @type {any} */ message) => {
  if (message.type === 'start') {
    for (let i = 0; i < message.count; i++) open(message.urls[i % message.urls.length])
    while (!receivers.every((r) => r.synced || r.closedWith !== null))
      await new Promise((r) => setTimeout(r, 20))
    process.send?.({ type: 'ready', synced: receivers.filter((r) => r.synced).length })
  } else if (message.type === 'report') {
    process.send?.({
      type: 'report',
      receivers: receivers.map((r) => ({
        arrivals: [...r.arrivals],
        updates: r.updates,
        closedWith: r.closedWith,
      })),
    })
  } else if (message.type === 'stop') {
    for (const r of receivers) r.ws.terminate()
    process.exit(0)
  }
})
