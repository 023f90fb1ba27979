#!/usr/bin/env node
/**
 * Cold-load benchmark: a board of 10,000 notes in the store, the relay restarted, and how much
 * longer the first client's sync takes (the room loads from the store) than a later client's (the
 * room is loaded). Black box: stock y-websocket clients against `node server/dist/main.js`; the
 * stock relay's warm sync of the same board alongside (it keeps nothing, so it has no cold load).
 *
 *   pnpm bench:coldload                                # builds, then runs with the defaults
 *   node bench/relay-coldload/run.mjs --notes 10000 --rounds 5 --log 400
 *
 * Every round starts a fresh server process on a fresh copy of the seeded data directory, so each
 * cold load reads the same store. Loopback only; a hard timeout kills the servers and exits.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { updateItem } from '@atelier/shared'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { seed, writeNoteGrid } from '../client-render/seed.mjs'
import { readOptions, run } from '../lib/cli.mjs'
import { EMPTY_STEP1, MESSAGE_SYNC, SYNC_STEP2 } from '../lib/frames.mjs'
import { logRun, machine, saveResult, stamp } from '../lib/results.mjs'
import { summarize } from '../lib/stats.mjs'
import { stockClient, whenSynced, withTimeout } from '../relay-fanout/clients.mjs'
import { createBoard, killStartedServers, startOursOn, startReference } from '../relay-fanout/servers.mjs'

const NAME = 'relay-coldload'
const TARGET_MS = 300
const SYNC_TIMEOUT_MS = 60_000

const USAGE = `usage: node bench/relay-coldload/run.mjs [options]
  --notes N        notes on the board (default 10000)
  --log N          small edits left in the store's log after the notes (default 0: a board
                   compacted by a clean shutdown; with N > 0 the server is killed, as by a crash)
  --rounds N       cold loads measured (default 5), after one that is not counted
  --warm N         syncs measured while the room is loaded, per round (default 3)
  --cpu-prof DIR   the servers write CPU profiles (.cpuprofile) into DIR
  --timeout S      hard limit for the whole benchmark, seconds (default 600)
  --no-save        print only: no bench/results/ file, no line in docs/benchmarks.md`

/**
 * @typedef {{ serverUrl: string, room: string, params: Record<string, string> }} Target
 * @typedef {{ ms: number, doc: Y.Doc | null, close: () => void }} Timed  a client still connected
 * @typedef {(target: Target, items: number) => Promise<Timed>} Measure
 */

/**
 * One fresh stock client's sync: from opening the socket until it holds the relay's document
 * (its own decoding and applying included).
 * @type {Measure}
 */
async function stockSync(target, items) {
  const doc = new Y.Doc()
  const started = performance.now()
  const provider = stockClient(target.serverUrl, target.room, target.params, doc)
  await withTimeout(whenSynced(provider), SYNC_TIMEOUT_MS, `no sync within ${SYNC_TIMEOUT_MS} ms`)
  const ms = performance.now() - started
  const held = doc.getMap('items').size
  if (held !== items) throw new Error(`the client synced ${held} items, expected ${items}`)
  return {
    ms,
    doc,
    close: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * The relay's part alone: a bare socket asks with an empty state vector, timed until the whole
 * sync answer has arrived (not decoded).
 * @type {Measure}
 */
async function answerReceived(target) {
  const url = `${target.serverUrl}/${target.room}?${new URLSearchParams(target.params)}`
  const started = performance.now()
  const ws = new WebSocket(url, { perMessageDeflate: false })
  const answered = new Promise((resolve, reject) => {
    ws.on('open', () => ws.send(EMPTY_STEP1))
    ws.on('message', (/** @type {Buffer} */ data) => {
      if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP2) resolve(performance.now() - started)
    })
    ws.on('error', reject)
  })
  const ms = /** @type {number} */ (
    await withTimeout(answered, SYNC_TIMEOUT_MS, `no sync answer within ${SYNC_TIMEOUT_MS} ms`)
  )
  return { ms, doc: null, close: () => ws.terminate() }
}

/**
 * Times `count` fresh clients one after the other while the room is loaded.
 * @param {Measure} measure
 * @param {Target} target
 * @param {number} items
 * @param {number} count
 */
async function warmTimes(measure, target, items, count) {
  const times = []
  for (let i = 0; i < count; i++) {
    const client = await measure(target, items)
    times.push(client.ms)
    client.close()
  }
  return times
}

/**
 * Writes the board into a fresh data directory: the notes, then `log` moves of single notes.
 * @returns {Promise<{ dataDir: string, room: string, params: Record<string, string>, items: number }>}
 */
async function seedStore(opts) {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-coldload-seed-'))
  // The edits go out faster than one person's rate limit allows.
  const relay = await startOursOn(dataDir, { ATELIER_UPDATES_PER_SECOND: '100000' }, { createBoard: false })
  let items = 0
  let board = { id: '', tokens: { participant: '', facilitator: '' } }
  try {
    board = await createBoard(relay.serverUrl)
    // Frames are the facilitator's to draw; the notes too, so the relay stamps nothing on them.
    await seed(relay.serverUrl, board.id, board.tokens.facilitator, (doc) => writeNoteGrid(doc, opts.notes))
    const writer = await stockSync(
      { serverUrl: relay.serverUrl, room: board.id, params: { token: board.tokens.facilitator } },
      opts.notes + Math.ceil(opts.notes / 100),
    )
    const doc = /** @type {Y.Doc} */ (writer.doc)
    items = doc.getMap('items').size
    const ids = [...doc.getMap('items').keys()]
    for (let i = 0; i < opts.log; i++) {
      updateItem(doc, /** @type {string} */ (ids[(i * 7919) % ids.length]), { x: i })
      // One update per message, as people's edits arrive: each is one entry of the log.
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 20))
    }
    await settle(relay.serverUrl, board, doc)
    writer.close()
  } finally {
    // A clean stop folds the log into the snapshot; a crash leaves it for the next load.
    if (opts.log > 0) process.kill(relay.pid, 'SIGKILL')
    await relay.stop()
  }
  // Participants are who open a board in a workshop.
  return { dataDir, room: board.id, params: { token: board.tokens.participant }, items }
}

/** Waits until a fresh client sees everything `doc` wrote: the relay has stored it all. */
async function settle(serverUrl, board, doc) {
  const written = Y.getState(doc.store, doc.clientID)
  const deadline = Date.now() + SYNC_TIMEOUT_MS
  for (;;) {
    const check = new Y.Doc()
    const provider = stockClient(serverUrl, board.id, { token: board.tokens.facilitator }, check)
    await whenSynced(provider)
    const same = Y.getState(check.store, doc.clientID) === written
    provider.destroy()
    check.destroy()
    if (same) return
    if (Date.now() > deadline) throw new Error('the relay did not store every edit in time')
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * One cold load: the server starts on a copy of the seeded store; the first client's sync loads
 * the room, then `warm` clients sync while the first stays connected.
 */
async function coldRound(seeded, opts, /** @type {Measure} */ measure) {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-coldload-'))
  await cp(seeded.dataDir, dataDir, { recursive: true })
  const nodeArgs = opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProf}`] : []
  const relay = await startOursOn(dataDir, {}, { createBoard: false, nodeArgs })
  try {
    const target = { serverUrl: relay.serverUrl, room: seeded.room, params: seeded.params }
    const first = await measure(target, seeded.items)
    const warm = await warmTimes(measure, target, seeded.items, opts.warm)
    first.close()
    const warmMs = summarize(warm).p50
    return { coldMs: first.ms, warmMs, extraMs: first.ms - warmMs, warm }
  } finally {
    await relay.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** The stock relay's warm sync of the same board (seeded into its memory). */
async function referenceWarm(opts, items) {
  const relay = await startReference()
  try {
    await seed(relay.serverUrl, relay.room, '', (doc) => writeNoteGrid(doc, opts.notes))
    const keeper = await stockSync(relay, items)
    const times = await warmTimes(stockSync, relay, items, opts.rounds * opts.warm)
    keeper.close()
    return times
  } finally {
    await relay.stop()
  }
}

/** @param {ReturnType<typeof parseOptions>} opts */
async function main(opts) {
  const atStart = machine()
  console.log(
    `${NAME}: ${opts.notes} notes, ${opts.log} edits in the log, ${opts.rounds} round(s) + 1 not counted, ` +
      `${opts.warm} warm sync(s) each, Node ${atStart.node}, ${atStart.cores} cores, load ${atStart.loadAverage1m}`,
  )
  const seeded = await seedStore(opts)
  try {
    /** @type {Awaited<ReturnType<typeof coldRound>>[]} */
    const rounds = []
    for (let round = 0; round <= opts.rounds; round++) {
      const result = await coldRound(seeded, opts, stockSync)
      const label = round === 0 ? 'not counted' : `round ${round}`
      console.log(
        `  ${label.padEnd(11)}: cold ${fmt(result.coldMs)} ms, warm ${fmt(result.warmMs)} ms, ` +
          `cold − warm ${fmt(result.extraMs)} ms`,
      )
      if (round > 0) rounds.push(result)
    }
    // The same with bare sockets: when the answer arrives, before any client decodes it.
    const answers = []
    for (let round = 0; round < opts.rounds; round++)
      answers.push(await coldRound(seeded, opts, answerReceived))
    const answerCold = summarize(answers.map((r) => r.coldMs))
    const answerWarm = summarize(answers.map((r) => r.warmMs))
    console.log(
      `  answer received (bare socket): cold ${fmt(answerCold.p50)} ms, warm ${fmt(answerWarm.p50)} ms (medians)`,
    )
    const reference = await referenceWarm(opts, seeded.items)
    const extra = summarize(rounds.map((r) => r.extraMs))
    const cold = summarize(rounds.map((r) => r.coldMs))
    const warm = summarize(rounds.map((r) => r.warmMs))
    const stock = summarize(reference)
    const met = rounds.filter((r) => r.extraMs <= TARGET_MS).length
    const verdict =
      extra.p50 <= TARGET_MS
        ? `target met (cold − warm ≤ ${TARGET_MS} ms, median; ${met}/${rounds.length} rounds)`
        : `target missed: cold − warm ${fmt(extra.p50, 0)} ms > ${TARGET_MS} ms (median; ${met}/${rounds.length} rounds met it)`
    console.log(
      `\ncold ${fmt(cold.p50)} ms, warm ${fmt(warm.p50)} ms, stock warm ${fmt(stock.p50)} ms (medians); ` +
        `cold − warm median ${fmt(extra.p50)} ms, max ${fmt(extra.max)} ms`,
    )
    if (opts.save) {
      const command = `node bench/relay-coldload/run.mjs ${process.argv.slice(2).join(' ')}`.trim()
      const file = await saveResult(NAME, {
        benchmark: NAME,
        date: new Date().toISOString(),
        command,
        machine: { ...atStart, loadAverage1mAtEnd: machine().loadAverage1m },
        workload: {
          notes: opts.notes,
          items: seeded.items,
          log: opts.log,
          rounds: opts.rounds,
          warm: opts.warm,
        },
        targetMs: TARGET_MS,
        summary: {
          coldMs: cold,
          warmMs: warm,
          extraMs: extra,
          referenceWarmMs: stock,
          roundsMet: met,
          answerReceived: { coldMs: answerCold, warmMs: answerWarm },
        },
        rounds,
        answerRounds: answers,
        referenceWarm: reference,
      })
      await logRun(
        NAME,
        `${stamp()}, load ${atStart.loadAverage1m}, \`${command}\`: cold ${fmt(cold.p50, 0)} ms, ` +
          `warm ${fmt(warm.p50, 0)} ms (stock ${fmt(stock.p50, 0)} ms), cold − warm ${fmt(extra.p50, 0)} ms ` +
          `(${met}/${rounds.length} rounds ≤ ${TARGET_MS} ms), answer received cold ${fmt(answerCold.p50, 0)} ms / ` +
          `warm ${fmt(answerWarm.p50, 0)} ms; ${verdict.split(' (')[0]} (\`${file}\`)`,
      )
      console.log(`wrote ${file} and a line in docs/benchmarks.md`)
    }
    console.log(verdict)
    return extra.p50 <= TARGET_MS ? 0 : 1
  } finally {
    await rm(seeded.dataDir, { recursive: true, force: true })
  }
}

/** @param {number} n @param {number} [digits] */
function fmt(n, digits = 1) {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a'
}

function parseOptions() {
  const { values, int } = readOptions(USAGE, {
    notes: { type: 'string', default: '10000' },
    log: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '5' },
    warm: { type: 'string', default: '3' },
    'cpu-prof': { type: 'string' },
    timeout: { type: 'string', default: '600' },
    'no-save': { type: 'boolean', default: false },
  })
  return {
    notes: int('notes', 1, 100_000),
    log: int('log', 0, 100_000),
    rounds: int('rounds', 1, 50),
    warm: int('warm', 1, 20),
    timeout: int('timeout', 10, 3600),
    cpuProf: /** @type {string | undefined} */ (values['cpu-prof']),
    save: !values['no-save'],
  }
}

run({ name: NAME, usage: USAGE, stop: killStartedServers }, parseOptions, main)
