#!/usr/bin/env node
/**
 * Load benchmark: one board with 500 people, 5 of them writing, then 100 boards of 10 people
 * each, all writing, against Atelier's relay (`node server/dist/main.js`). See
 * docs/benchmarks.md, "Load: 500 people on a board, 100 boards".
 *
 *   pnpm bench:load                                      # builds, then runs with the defaults
 *   node bench/relay-load/run.mjs --receivers 500 --processes 4 --updates 30 --rate 2
 *
 * Clients are spread over child processes; loopback only; a hard timeout kills the children and
 * the server and exits.
 */
import { fork } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { readOptions, run } from '../lib/cli.mjs'
import { logRun, machine, saveResult, stamp } from '../lib/results.mjs'
import { summarize } from '../lib/stats.mjs'
import { KEY_PREFIX, stockClient, whenSynced, withTimeout, writeNotes } from '../relay-fanout/clients.mjs'
import { createBoard, killStartedServers, rssMiBOf, startOursOn } from '../relay-fanout/servers.mjs'

const NAME = 'relay-load'
const P99_TARGET_MS = 100
const READY_TIMEOUT_MS = 120_000

const USAGE = `usage: node bench/relay-load/run.mjs [options]
  --receivers N    receiving clients on the one board (default 500)
  --writers N      stock clients writing on it (default 5)
  --updates N      notes per writer (default 30)
  --rate N         notes per second per writer (default 2)
  --boards N       boards of the second phase (default 100; 0 skips it)
  --board-clients N  clients on each of them, all writing (default 10)
  --board-notes N  notes per client there (default 2)
  --board-rate N   notes per second on each of those boards, its clients taking turns (default 2)
  --processes N    child processes the clients are spread over (default 4)
  --timeout S      hard limit for the whole benchmark, seconds (default 600)
  --no-save        print only: no bench/results/ file, no line in docs/benchmarks.md`

/** Child processes started by this run, killed by pid however it ends. */
const children = new Set()

/** @param {string} module @returns {import('node:child_process').ChildProcess} */
function spawnChild(module) {
  const child = fork(new URL(module, import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

function killAll() {
  for (const child of children) child.kill('SIGKILL')
  killStartedServers()
}

/**
 * Sends `message` and resolves with the child's first answer of type `answer`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {object} message
 * @param {string} answer
 * @returns {Promise<any>}
 */
function ask(child, message, answer) {
  return new Promise((resolve, reject) => {
    const onMessage = (/** @type {any} */ reply) => {
      if (reply.type === 'error') console.warn(`${NAME}: a client process: ${reply.message}`)
      if (reply.type !== answer) return
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(reply)
    }
    const onExit = (/** @type {number} */ code) => reject(new Error(`a client process exited (${code})`))
    child.on('message', onMessage)
    child.once('exit', onExit)
    child.send(message)
  })
}

/**
 * The relay's CPU time and peak resident memory (sampled every 100 ms) from now until `stop`.
 * @param {{ pid: number, cpuMs: () => number }} relay
 */
function watchRelay(relay) {
  const cpuBefore = relay.cpuMs()
  let peak = rssMiBOf(relay.pid)
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiBOf(relay.pid))
  }, 100)
  return {
    stop: () => {
      clearInterval(timer)
      return { serverCpuMs: relay.cpuMs() - cpuBefore, peakRssMiB: Math.max(peak, rssMiBOf(relay.pid)) }
    },
  }
}

/** Starts the server on a throw-away data directory; boards are made through its API. */
async function startServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-load-'))
  // The benchmark makes its boards in a burst, from one address.
  const relay = await startOursOn(dataDir, { ATELIER_BOARDS_PER_MINUTE: '10000' }, { createBoard: false })
  return {
    relay,
    stop: async () => {
      await relay.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Phase 1: one board, `receivers` thin receivers over the child processes, `writers` stock writers. */
async function oneBoard(opts) {
  const { relay, stop } = await startServer()
  const procs = Array.from({ length: opts.processes }, () => spawnChild('./receivers.mjs'))
  /** @type {{ doc: Y.Doc, provider: import('y-websocket').WebsocketProvider }[]} */
  const writers = []
  try {
    const board = await createBoard(relay.serverUrl)
    const params = { token: board.tokens.participant }
    const url = `${relay.serverUrl}/${board.id}?token=${params.token}`
    const connectStart = performance.now()
    const share = (/** @type {number} */ i) =>
      Math.floor(opts.receivers / opts.processes) + (i < opts.receivers % opts.processes ? 1 : 0)
    const ready = await withTimeout(
      Promise.all(procs.map((p, i) => ask(p, { type: 'start', urls: [url], count: share(i) }, 'ready'))),
      READY_TIMEOUT_MS,
      'the receivers did not all sync in time',
    )
    const synced = ready.reduce((sum, r) => sum + r.synced, 0)
    for (let w = 0; w < opts.writers; w++) {
      const doc = new Y.Doc()
      writers.push({ doc, provider: stockClient(relay.serverUrl, board.id, params, doc) })
    }
    await withTimeout(
      Promise.all(writers.map((w) => whenSynced(w.provider))),
      READY_TIMEOUT_MS,
      'the writers did not sync in time',
    )
    const connectMs = performance.now() - connectStart
    const usage = watchRelay(relay)
    const start = performance.now()
    const lags = await Promise.all(
      writers.map(({ doc }, w) =>
        writeNotes(doc, w, start, { updates: opts.updates, rate: opts.rate, writers: opts.writers }),
      ),
    )
    const expected = synced * opts.writers * opts.updates
    // Wait for the stragglers: every receiver counts the notes that reached it.
    const drainUntil = performance.now() + 15_000
    /** @type {any[]} */
    let reports = []
    for (;;) {
      reports = await Promise.all(procs.map((p) => ask(p, { type: 'report' }, 'report')))
      const arrived = reports.reduce(
        (sum, r) => sum + r.receivers.reduce((s, x) => s + x.arrivals.length, 0),
        0,
      )
      if (arrived >= expected || performance.now() > drainUntil) break
      await new Promise((r) => setTimeout(r, 250))
    }
    const wallMs = performance.now() - start
    const { serverCpuMs, peakRssMiB } = usage.stop()

    // When each note was sent, as an epoch time: the writers stamped it with this process's clock.
    /** @type {Map<string, number>} */
    const sentAt = new Map()
    for (const { doc } of writers) {
      for (const [key, note] of doc.getMap('items')) {
        if (!key.startsWith(KEY_PREFIX) || !(note instanceof Y.Map)) continue
        sentAt.set(key, performance.timeOrigin + /** @type {number} */ (note.get('sentAt')))
      }
    }
    const latencies = []
    let closed = 0
    let updateMessages = 0
    for (const report of reports) {
      for (const receiver of report.receivers) {
        if (receiver.closedWith !== null) closed++
        updateMessages += receiver.updates
        for (const [key, at] of receiver.arrivals) {
          const sent = sentAt.get(key)
          if (sent !== undefined) latencies.push(at - sent)
        }
      }
    }
    return {
      receivers: opts.receivers,
      synced,
      closed,
      writers: opts.writers,
      notes: opts.writers * opts.updates,
      delivered: latencies.length,
      expected,
      updateMessages,
      latency: summarize(latencies),
      connectMs,
      wallMs,
      serverCpuMs,
      serverCpuPerNoteMs: serverCpuMs / (opts.writers * opts.updates),
      peakRssMiB,
      maxSendLagMs: Math.max(...lags),
    }
  } finally {
    for (const { doc, provider } of writers) {
      provider.destroy()
      doc.destroy()
    }
    for (const p of procs) p.kill('SIGKILL')
    await stop()
  }
}

/** Phase 2: `boards` boards of `boardClients` stock clients each, every client writing. */
async function manyBoards(opts) {
  const { relay, stop } = await startServer()
  const procs = Array.from({ length: opts.processes }, () => spawnChild('./boards.mjs'))
  try {
    const boards = []
    for (let b = 0; b < opts.boards; b++) {
      const board = await createBoard(relay.serverUrl)
      boards.push({ id: board.id, params: { token: board.tokens.participant } })
    }
    const connectStart = performance.now()
    const mine = (/** @type {number} */ i) => boards.filter((_, b) => b % opts.processes === i)
    const workload = {
      clients: opts.boardClients,
      notes: opts.boardNotes,
      rate: opts.boardRate / opts.boardClients,
    }
    await withTimeout(
      Promise.all(
        procs.map((p, i) =>
          ask(p, { type: 'start', serverUrl: relay.serverUrl, boards: mine(i), ...workload }, 'ready'),
        ),
      ),
      READY_TIMEOUT_MS,
      'the boards’ clients did not all sync in time',
    )
    const connectMs = performance.now() - connectStart
    const usage = watchRelay(relay)
    const start = performance.now()
    const written = await Promise.all(procs.map((p) => ask(p, { type: 'write', ...workload }, 'written')))
    const reports = await Promise.all(
      procs.map((p) => ask(p, { type: 'settle', ...workload, timeoutMs: 20_000 }, 'report')),
    )
    const wallMs = performance.now() - start
    const { serverCpuMs, peakRssMiB } = usage.stop()
    const sum = (/** @type {string} */ field) => reports.reduce((s, r) => s + r[field], 0)
    return {
      boards: sum('boards'),
      clientsPerBoard: opts.boardClients,
      notesPerClient: opts.boardNotes,
      converged: sum('converged'),
      delivered: sum('delivered'),
      expected: sum('expected'),
      latency: summarize(reports.flatMap((r) => r.latencies)),
      connectMs,
      wallMs,
      serverCpuMs,
      peakRssMiB,
      maxSendLagMs: Math.max(...written.map((w) => w.maxSendLagMs)),
    }
  } finally {
    for (const p of procs) p.kill('SIGKILL')
    await stop()
  }
}

/** @param {ReturnType<typeof parseOptions>} opts */
async function main(opts) {
  const atStart = machine()
  console.log(
    `${NAME}: ${opts.receivers} receivers + ${opts.writers} writers × ${opts.updates} notes at ${opts.rate}/s on one board; ` +
      `then ${opts.boards} boards × ${opts.boardClients} clients × ${opts.boardNotes} notes; ` +
      `${opts.processes} client processes, Node ${atStart.node}, ${atStart.cores} cores, load ${atStart.loadAverage1m}`,
  )
  const one = await oneBoard(opts)
  console.log(
    `  one board: p50 ${fmt(one.latency.p50)} ms, p99 ${fmt(one.latency.p99)} ms, max ${fmt(one.latency.max)} ms, ` +
      `${one.delivered}/${one.expected} delivered (${one.synced}/${one.receivers} synced, ${one.closed} closed), ` +
      `relay CPU ${fmt(one.serverCpuMs, 0)} ms (${fmt(one.serverCpuPerNoteMs)} ms/note), RSS ${fmt(one.peakRssMiB, 0)} MiB`,
  )
  const many = opts.boards > 0 ? await manyBoards(opts) : null
  if (many) {
    console.log(
      `  ${many.boards} boards: ${many.converged}/${many.boards} converged, p50 ${fmt(many.latency.p50)} ms, ` +
        `p99 ${fmt(many.latency.p99)} ms, ${many.delivered}/${many.expected} delivered, ` +
        `relay CPU ${fmt(many.serverCpuMs, 0)} ms, RSS ${fmt(many.peakRssMiB, 0)} MiB`,
    )
  }
  const lag = Math.max(one.maxSendLagMs, many?.maxSendLagMs ?? 0)
  if (lag > 50) {
    console.warn(
      `${NAME}: writers' timers ran up to ${fmt(lag, 0)} ms late: a client process is saturated, so the ` +
        'latencies include queueing in the clients, not only in the relay',
    )
  }
  const misses = []
  if (!(one.latency.p99 < P99_TARGET_MS))
    misses.push(`one board p99 ${fmt(one.latency.p99)} ms ≥ ${P99_TARGET_MS} ms`)
  if (one.delivered < one.expected || one.synced < one.receivers)
    misses.push(`one board lost ${one.expected - one.delivered} deliveries`)
  if (many && many.converged < many.boards)
    misses.push(`${many.boards - many.converged} boards did not converge`)
  if (many && many.delivered < many.expected)
    misses.push(`${many.expected - many.delivered} deliveries lost on the boards`)
  const verdict =
    misses.length === 0
      ? `target met (p99 < ${P99_TARGET_MS} ms, nothing lost, every board converged)`
      : `target missed: ${misses.join('; ')}`
  if (opts.save) {
    const command = `node bench/relay-load/run.mjs ${process.argv.slice(2).join(' ')}`.trim()
    const file = await saveResult(NAME, {
      benchmark: NAME,
      date: new Date().toISOString(),
      command,
      machine: { ...atStart, loadAverage1mAtEnd: machine().loadAverage1m },
      options: opts,
      oneBoard: one,
      manyBoards: many,
      verdict,
    })
    await logRun(
      NAME,
      `${stamp()}, load ${atStart.loadAverage1m}, \`${command}\`: one board p50 ${fmt(one.latency.p50)} / p99 ` +
        `${fmt(one.latency.p99)} ms, ${one.delivered}/${one.expected} delivered, relay CPU ${fmt(one.serverCpuMs, 0)} ms, ` +
        `RSS ${fmt(one.peakRssMiB, 0)} MiB` +
        (many
          ? `; ${many.boards} boards p50 ${fmt(many.latency.p50)} / p99 ${fmt(many.latency.p99)} ms, ` +
            `${many.converged}/${many.boards} converged, ${many.delivered}/${many.expected} delivered`
          : '') +
        `; ${verdict.startsWith('target met') ? 'target met' : verdict} (\`${file}\`)`,
    )
    console.log(`wrote ${file} and a line in docs/benchmarks.md`)
  }
  console.log(verdict)
  return misses.length === 0 ? 0 : 1
}

/** @param {number} n @param {number} [digits] */
function fmt(n, digits = 1) {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a'
}

function parseOptions() {
  const { values, int } = readOptions(USAGE, {
    receivers: { type: 'string', default: '500' },
    writers: { type: 'string', default: '5' },
    updates: { type: 'string', default: '30' },
    rate: { type: 'string', default: '2' },
    boards: { type: 'string', default: '100' },
    'board-clients': { type: 'string', default: '10' },
    'board-notes': { type: 'string', default: '2' },
    'board-rate': { type: 'string', default: '2' },
    processes: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '600' },
    'no-save': { type: 'boolean', default: false },
  })
  return {
    receivers: int('receivers', 1, 5000),
    writers: int('writers', 1, 50),
    updates: int('updates', 1, 10_000),
    rate: int('rate', 1, 100),
    boards: int('boards', 0, 1000),
    boardClients: int('board-clients', 2, 100),
    boardNotes: int('board-notes', 1, 1000),
    boardRate: int('board-rate', 1, 1000),
    processes: int('processes', 1, 32),
    timeout: int('timeout', 10, 3600),
    save: !values['no-save'],
  }
}

run({ name: NAME, usage: USAGE, stop: killAll }, parseOptions, main)
