#!/usr/bin/env node
/**
 * Relay rules benchmark: how long the relay takes to handle one participant edit (read the update,
 * run the rules, apply, append to SQLite, forward) on a large board, with and without a locked
 * frame, against a facilitator's edit as the baseline. In process, on the built server: the
 * connection is a stand-in socket, so the figures hold the relay's work and no network.
 *
 *   pnpm bench:rules                                  # builds, then runs with the defaults
 *   node bench/relay-rules/run.mjs --items 50000 --edits 200
 *   node bench/relay-rules/run.mjs --dist /other/checkout/server/dist   # the same on another build
 */
import { EventEmitter } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createItem, MessageType, updateItem, writeSessionState } from '@atelier/shared'
import * as Y from 'yjs'
import { summarize } from '../lib/stats.mjs'

const { values: opts } = parseArgs({
  options: {
    items: { type: 'string', default: '50000' },
    edits: { type: 'string', default: '200' },
    dist: { type: 'string', default: new URL('../../server/dist', import.meta.url).pathname },
  },
})
const ITEMS = Number(opts.items)
const EDITS = Number(opts.edits)

/** Just enough of a `ws` socket for the relay: always open, sends go nowhere. */
class StandInSocket extends EventEmitter {
  readyState = 1
  send(_data, _options, done) {
    done?.()
  }
  ping() {}
  close() {
    this.terminate()
  }
  terminate() {
    if (this.readyState === 3) return
    this.readyState = 3
    this.emit('close', 1000)
  }
}

function varUint(value) {
  const bytes = []
  while (value > 127) {
    bytes.push((value & 127) | 128)
    value = Math.floor(value / 128)
  }
  bytes.push(value)
  return bytes
}

function updateFrame(update) {
  return Buffer.from([MessageType.sync, 2, ...varUint(update.length), ...update])
}

async function scenario(name, { lockedFrame, role }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-rules-'))
  const { buildApp } = await import(pathToFileURL(join(opts.dist, 'app.js')).href)
  const { loadConfig } = await import(pathToFileURL(join(opts.dist, 'config.js')).href)
  // The per-connection update rate would stop one connection sending edits back to back.
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ATELIER_UPDATES_PER_SECOND: '100000' })
  const app = buildApp(config, {})
  await app.ready()
  try {
    const created = await app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'bench' } })
    const boardId = created.json().id
    const target = { boardId, kind: 'board' }
    const ids = await app.relay.withRoom(target, (room) => {
      const noteIds = []
      room.doc.transact(() => {
        if (lockedFrame)
          createItem(room.doc, { id: 'frame', type: 'frame', x: -5000, y: -5000, w: 2000, h: 2000 })
        for (let i = 0; i < ITEMS; i++) {
          noteIds.push(
            createItem(room.doc, {
              type: 'note',
              x: (i % 500) * 250,
              y: Math.floor(i / 500) * 250,
              text: `note ${i}`,
            }),
          )
        }
      })
      return noteIds
    })
    if (lockedFrame) {
      await app.relay.withRoom({ boardId, kind: 'session' }, (room) =>
        writeSessionState(room.doc, { lockedFrameIds: ['frame'] }),
      )
    }
    const replica = new Y.Doc()
    await app.relay.withRoom(target, (room) => Y.applyUpdate(replica, Y.encodeStateAsUpdate(room.doc)))
    const socket = new StandInSocket()
    app.relay.accept(socket, { target, role, personId: `bench-${role}`, access: 'write' })
    const times = []
    for (let i = 0; i < EDITS + 20; i++) {
      let update = null
      const capture = (bytes) => {
        update = bytes
      }
      replica.once('update', capture)
      updateItem(replica, ids[(i * 7919) % ids.length], { x: -1 - i })
      const started = performance.now()
      socket.emit('message', updateFrame(update), true)
      await app.relay.withRoom(target, () => undefined)
      if (i >= 20) times.push(performance.now() - started)
    }
    const stats = summarize(times)
    console.log(
      `${name.padEnd(44)} median ${stats.p50.toFixed(2)} ms   p90 ${stats.p90.toFixed(2)} ms   max ${stats.max.toFixed(2)} ms`,
    )
  } finally {
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

console.log(
  `relay-rules: one edit on a board of ${ITEMS} notes, ${EDITS} edits each (node ${process.version}, ${opts.dist})`,
)
await scenario('facilitator edit', { lockedFrame: false, role: 'facilitator' })
await scenario('participant edit', { lockedFrame: false, role: 'participant' })
await scenario('participant edit, one locked frame', { lockedFrame: true, role: 'participant' })
