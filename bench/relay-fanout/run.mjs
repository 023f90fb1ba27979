#!/usr/bin/env node
/**
 * Relay fan-out benchmark: the same workload against Atelier's relay and the stock
 * y-websocket relay, in one run, alternating the order (ABBA…) to spread warm-up bias.
 *
 *   pnpm bench:fanout                              # builds, then runs with the defaults
 *   node bench/relay-fanout/run.mjs --clients 50 --writers 5 --updates 40 --rate 10
 *
 * Loopback only. Every server is a fresh child process; a hard timeout kills them and exits.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { summarize } from '../lib/stats.mjs'
import { runFanout } from './clients.mjs'
import {
  killStartedServers,
  OUR_SERVER_ENTRY,
  REPO_ROOT,
  startFloor,
  startOurs,
  startReference,
} from './servers.mjs'

const USAGE = `usage: node bench/relay-fanout/run.mjs [options]
  --clients N    clients in the room, writers included (default 50)
  --writers N    clients that write (default 5)
  --updates N    notes per writer per run (default 40)
  --rate N       notes per second per writer (default 10)
  --rounds N     runs per relay, order alternating ABBA… (default 4)
  --notes KIND   'bare' (default): notes with neither author nor creation time, which Atelier's
                 relay stamps on every one; 'atelier': each writer joins as a person and writes its
                 notes as Atelier's client does (author, creation time), nothing to correct
  --only NAME    'ours' or 'reference' (default: both; 'reference' alone if server/dist is missing)
  --floor        also run the transport floor (floor-server.mjs: passes each message on, nothing
                 else) in the rotation: what any relay pays for the sockets alone, as a share of stock
  --timeout S    hard limit for the whole benchmark, seconds (default 300)
  --warm-runs N  before each counted run, N uncounted runs on the same server process (each in a
                 room of its own): the counted run then measures a relay whose code V8 has
                 already optimised, as in a server that has been up for a while (default 0)
  --cpu-prof DIR write a V8 CPU profile of each counted run's server into DIR
                 (read it with: node bench/lib/profile-top.mjs DIR/<file>.cpuprofile)
  --no-save      print only: no bench/results/relay-fanout-<time>-c<clients>.json, no line in
                 docs/benchmarks.md

The last line says whether the run met issue 14's targets: relay CPU ours/stock ≤ 0.8, p99
ours/stock ≤ 1.0 ("target met: …" or "target missed: …").`

async function main() {
  const opts = parseOptions()
  const hardTimer = setTimeout(() => {
    console.error(`relay-fanout: hard timeout of ${opts.timeout} s reached, stopping`)
    killStartedServers()
    process.exit(2)
  }, opts.timeout * 1000)
  hardTimer.unref()
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      killStartedServers()
      process.exit(130)
    })
  }

  /** @type {('ours' | 'reference' | 'floor')[]} */
  let kinds = opts.only ? [opts.only] : ['ours', 'reference']
  if (kinds.includes('ours') && !existsSync(OUR_SERVER_ENTRY)) {
    if (opts.only === 'ours')
      throw new Error(`${relative(REPO_ROOT, OUR_SERVER_ENTRY)} is missing: build first`)
    console.warn(
      `relay-fanout: ${relative(REPO_ROOT, OUR_SERVER_ENTRY)} is missing, running the reference only`,
    )
    kinds = ['reference']
  }
  if (opts.floor) kinds.push('floor')

  const workload = {
    clients: opts.clients,
    writers: opts.writers,
    updates: opts.updates,
    rate: opts.rate,
    notes: opts.notes,
    connectTimeoutMs: 20_000,
    drainTimeoutMs: 10_000,
  }
  console.log(
    `relay-fanout: ${opts.clients} clients, ${opts.writers} writers × ${opts.updates} ${opts.notes} notes at ${opts.rate}/s, ` +
      `${opts.rounds} round(s)${opts.warmRuns ? `, ${opts.warmRuns} warm-up run(s) per server` : ', a fresh server per run'}, ` +
      `Node ${process.version}, ${cpus().length} cores`,
  )

  const loadAtStart = loadavg()[0]
  // Warm up this (client) process's JIT on a short run that is not counted.
  await runOnce('reference', { ...workload, updates: Math.min(10, opts.updates) }, { warmRuns: 0 })

  /** @type {RunRecord[]} */
  const runs = []
  for (let round = 0; round < opts.rounds; round++) {
    const order = round % 2 === 0 ? kinds : [...kinds].reverse()
    for (const kind of order) {
      const run = await runOnce(kind, workload, opts)
      runs.push(run)
      const s = summarize(run.latencies)
      console.log(
        `  ${kind.padEnd(9)} round ${round + 1}: p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, ` +
          `${run.delivered}/${run.expected} delivered, server CPU ${fmt(run.serverCpuMs, 0)} ms ` +
          `(connect ${fmt(run.serverCpuPhasesMs.connect, 0)}, notes ${fmt(run.serverCpuPhasesMs.notes, 0)}, ` +
          `close ${fmt(run.serverCpuPhasesMs.close, 0)}; main thread ${fmt(run.serverMainThreadCpuMs, 0)})`,
      )
    }
  }

  const results = Object.fromEntries(
    kinds.map((kind) => [kind, aggregate(runs.filter((r) => r.kind === kind))]),
  )
  const ratio =
    results.ours && results.reference
      ? {
          p50: results.ours.latency.p50 / results.reference.latency.p50,
          p99: results.ours.latency.p99 / results.reference.latency.p99,
          serverCpu: results.ours.serverCpuMsPerRun / results.reference.serverCpuMsPerRun,
        }
      : null
  printTable(results, ratio)
  if (results.floor && results.reference) {
    console.log(
      `transport floor / reference: relay CPU × ${fmt(results.floor.serverCpuMsPerRun / results.reference.serverCpuMsPerRun)}, ` +
        `p99 × ${fmt(results.floor.latency.p99 / results.reference.latency.p99)}`,
    )
  }

  if (opts.save) {
    // One file per run (date, time, clients), so that runs of a day can be counted afterwards.
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-')
    const dir = join(REPO_ROOT, 'bench/results')
    const file = join(dir, `relay-fanout-${stamp}-c${opts.clients}.json`)
    await mkdir(dir, { recursive: true })
    const report = {
      benchmark: 'relay-fanout',
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        // Other work on the machine shows up in the tail latencies: note how busy it was.
        loadAverage1mAtStart: loadAtStart,
      },
      workload: {
        clients: opts.clients,
        writers: opts.writers,
        updates: opts.updates,
        rate: opts.rate,
        notes: opts.notes,
      },
      warmRuns: opts.warmRuns,
      rounds: opts.rounds,
      results,
      ratio,
      targets: ratio ? verdict(ratio) : null,
      runs: runs.map(({ latencies, ...rest }) => ({ ...rest, latency: summarize(latencies) })),
    }
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nwrote ${relative(REPO_ROOT, file)}`)
    if (ratio) await recordInDocs(report, relative(REPO_ROOT, file))
  }
  const lag = Math.max(...runs.map((r) => r.maxSendLagMs))
  if (lag > 1000 / opts.rate / 2) {
    console.warn(
      `relay-fanout: writers' timers ran up to ${fmt(lag)} ms late: the client process is saturated, ` +
        'so the latencies include queueing in the clients, not only in the relay',
    )
  }
  const complete = runs.every((r) => r.delivered === r.expected)
  if (!complete) console.error('relay-fanout: some updates were not delivered (see delivered/expected)')
  // The last line says whether this run met the targets of issue 14.
  if (ratio) {
    const { met, missed } = verdict(ratio)
    console.log(missed.length === 0 ? `target met: ${met.join(', ')}` : `target missed: ${missed.join(', ')}`)
  }
  return complete ? 0 : 1
}

/** Relay CPU per run, ours / stock, at most this (issue 14). */
const CPU_RATIO_TARGET = 0.8
/** Fan-out p99, ours / stock, at most this in the same run (issue 14). */
const P99_RATIO_TARGET = 1.0

/**
 * Which targets a run met and which it missed, each as a short phrase with its figure.
 * @param {{ p99: number, serverCpu: number }} ratio
 */
function verdict(ratio) {
  const checks = [
    {
      name: 'CPU',
      ok: ratio.serverCpu <= CPU_RATIO_TARGET,
      what: `relay CPU ours/stock ${fmt(ratio.serverCpu)} (≤ ${CPU_RATIO_TARGET})`,
    },
    {
      name: 'p99',
      ok: ratio.p99 <= P99_RATIO_TARGET,
      what: `p99 ours/stock ${fmt(ratio.p99)} (≤ ${P99_RATIO_TARGET})`,
    },
  ]
  return {
    met: checks.filter((check) => check.ok).map((check) => check.what),
    missed: checks.filter((check) => !check.ok).map((check) => check.what),
    missedNames: checks.filter((check) => !check.ok).map((check) => check.name),
  }
}

/** The table of runs in docs/benchmarks.md that each saved run adds a line to, below this marker. */
const DOCS_FILE = join(REPO_ROOT, 'docs/benchmarks.md')
const DOCS_MARKER = '<!-- relay-fanout runs: each saved run adds its line at the end of this table -->'

/**
 * Adds the run's line to the table of runs in docs/benchmarks.md (after the table's last row).
 * @param {any} report
 * @param {string} file
 */
async function recordInDocs(report, file) {
  const docs = await readFile(DOCS_FILE, 'utf8')
  const at = docs.indexOf(DOCS_MARKER)
  if (at < 0) {
    console.warn(`relay-fanout: ${relative(REPO_ROOT, DOCS_FILE)} has no table of runs, nothing added there`)
    return
  }
  const tableEnd = docs.indexOf('\n\n', at)
  const end = tableEnd < 0 ? docs.length : tableEnd
  const { ours, reference } = report.results
  const { missedNames } = report.targets
  const cells = [
    report.date.slice(0, 16).replace('T', ' '),
    String(report.workload.clients) +
      (report.warmRuns ? ` (warm ×${report.warmRuns})` : '') +
      (report.workload.notes === 'atelier' ? ' (notes as Atelier writes them)' : ''),
    fmt(report.machine.loadAverage1mAtStart),
    `${fmt(ours.serverCpuMsPerRun, 0)} / ${fmt(reference.serverCpuMsPerRun, 0)} = ${fmt(report.ratio.serverCpu)}` +
      (report.results.floor ? ` (transport floor ${fmt(report.results.floor.serverCpuMsPerRun, 0)})` : ''),
    `${fmt(ours.latency.p99)} / ${fmt(reference.latency.p99)} = ${fmt(report.ratio.p99)}`,
    missedNames.length === 0 ? 'both met' : `missed: ${missedNames.join(', ')}`,
    `\`${file}\``,
  ]
  const line = `| ${cells.join(' | ')} |`
  await writeFile(DOCS_FILE, `${docs.slice(0, end)}\n${line}${docs.slice(end)}`)
  console.log(`added the run to ${relative(REPO_ROOT, DOCS_FILE)}`)
}

/**
 * @typedef {object} RunRecord
 * @property {'ours' | 'reference' | 'floor'} kind
 * @property {Float64Array} latencies
 * @property {number} delivered
 * @property {number} expected
 * @property {number} connectMs
 * @property {number} wallMs
 * @property {number} maxSendLagMs
 * @property {number} clientCpuMs
 * @property {number} serverCpuMs
 * @property {number} serverMainThreadCpuMs
 * @property {{ connect: number, notes: number, close: number }} serverCpuPhasesMs
 */

/**
 * One fresh server, `warmRuns` uncounted runs of the workload in rooms of their own, the counted
 * run in a new room, server stopped.
 * @param {'ours' | 'reference' | 'floor'} kind
 * @param {import('./clients.mjs').WorkloadOptions} workload
 * @param {{ cpuProf?: string, warmRuns: number }} opts
 * @returns {Promise<RunRecord>}
 */
async function runOnce(kind, workload, { cpuProf: profileDir, warmRuns }) {
  const start = { ours: startOurs, reference: startReference, floor: startFloor }[kind]
  const relay = await start({ profileDir })
  try {
    let room = relay
    for (let i = 0; i < warmRuns; i++) {
      await runFanout(room, workload)
      if (!relay.inNewRoom) throw new Error(`${kind}: this relay cannot open a new room for the counted run`)
      room = await relay.inNewRoom()
    }
    const cpuBefore = relay.cpuMs()
    const mainBefore = relay.mainThreadCpuMs()
    /** @type {Record<string, number>} */
    const cpuAt = {}
    const result = await runFanout(room, workload, (phase) => {
      cpuAt[phase] = relay.cpuMs()
    })
    const cpuAfter = relay.cpuMs()
    const mainAfter = relay.mainThreadCpuMs()
    return {
      kind,
      ...result,
      serverCpuMs: cpuAfter - cpuBefore,
      serverMainThreadCpuMs: mainAfter - mainBefore,
      // Where the server's CPU went: clients joining and syncing, the notes, the clients leaving.
      serverCpuPhasesMs: {
        connect: cpuAt.synced - cpuBefore,
        notes: cpuAt.delivered - cpuAt.synced,
        close: cpuAfter - cpuAt.delivered,
      },
    }
  } finally {
    await relay.stop()
  }
}

/** @param {RunRecord[]} runs */
function aggregate(runs) {
  const all = runs.flatMap((r) => Array.from(r.latencies))
  const sum = (/** @type {(r: RunRecord) => number} */ f) => runs.reduce((acc, r) => acc + f(r), 0)
  return {
    runs: runs.length,
    delivered: sum((r) => r.delivered),
    expected: sum((r) => r.expected),
    latency: summarize(all),
    serverCpuMsPerRun: sum((r) => r.serverCpuMs) / runs.length,
    serverMainThreadCpuMsPerRun: sum((r) => r.serverMainThreadCpuMs) / runs.length,
    clientCpuMsPerRun: sum((r) => r.clientCpuMs) / runs.length,
    maxSendLagMs: Math.max(...runs.map((r) => r.maxSendLagMs)),
  }
}

/**
 * @param {Record<string, ReturnType<typeof aggregate>>} results
 * @param {{ p50: number, p99: number, serverCpu: number } | null} ratio
 */
function printTable(results, ratio) {
  const header = [
    'relay',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'max ms',
    'delivered/expected',
    'server CPU ms/run',
    'of it main thread',
  ]
  const rows = Object.entries(results).map(([kind, r]) => [
    kind,
    fmt(r.latency.p50),
    fmt(r.latency.p90),
    fmt(r.latency.p99),
    fmt(r.latency.max),
    `${r.delivered}/${r.expected}`,
    fmt(r.serverCpuMsPerRun, 0),
    fmt(r.serverMainThreadCpuMsPerRun, 0),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (/** @type {string[]} */ cells) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  console.log(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}`)
  for (const row of rows) console.log(line(row))
  if (ratio) {
    console.log(
      `\nours / reference: p50 × ${fmt(ratio.p50)}, p99 × ${fmt(ratio.p99)}, relay CPU × ${fmt(ratio.serverCpu)}`,
    )
  }
}

/** @param {number} n @param {number} [digits] */
function fmt(n, digits = 2) {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a'
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '50' },
      writers: { type: 'string', default: '5' },
      updates: { type: 'string', default: '40' },
      rate: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '4' },
      notes: { type: 'string', default: 'bare' },
      only: { type: 'string' },
      floor: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '300' },
      'cpu-prof': { type: 'string' },
      'warm-runs': { type: 'string', default: '0' },
      'no-save': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const int = (/** @type {string} */ name, /** @type {number} */ min, /** @type {number} */ max) => {
    const raw = /** @type {string} */ (values[/** @type {keyof typeof values} */ (name)])
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(raw)}`)
    }
    return n
  }
  const clients = int('clients', 2, 500)
  const writers = int('writers', 1, clients)
  if (values.notes !== 'bare' && values.notes !== 'atelier') {
    throw new UsageError(`--notes must be 'bare' or 'atelier', got ${JSON.stringify(values.notes)}`)
  }
  if (values.only !== undefined && values.only !== 'ours' && values.only !== 'reference') {
    throw new UsageError(`--only must be 'ours' or 'reference', got ${JSON.stringify(values.only)}`)
  }
  return {
    clients,
    writers,
    updates: int('updates', 1, 10_000),
    rate: int('rate', 1, 1000),
    rounds: int('rounds', 1, 20),
    warmRuns: int('warm-runs', 0, 20),
    timeout: int('timeout', 10, 3600),
    only: /** @type {'ours' | 'reference' | undefined} */ (values.only),
    floor: values.floor,
    notes: /** @type {'bare' | 'atelier'} */ (values.notes),
    save: !values['no-save'],
    cpuProf: values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']),
  }
}

class UsageError extends Error {}

main().then(
  (code) => process.exit(code),
  (err) => {
    killStartedServers()
    if (err instanceof UsageError || err?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      console.error(`relay-fanout: ${err.message}\n\n${USAGE}`)
      process.exit(64)
    }
    console.error('relay-fanout:', err)
    process.exit(1)
  },
)
