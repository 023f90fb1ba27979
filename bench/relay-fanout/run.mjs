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
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { summarize } from '../lib/stats.mjs'
import { runFanout } from './clients.mjs'
import { killStartedServers, OUR_SERVER_ENTRY, REPO_ROOT, startOurs, startReference } from './servers.mjs'

const USAGE = `usage: node bench/relay-fanout/run.mjs [options]
  --clients N    clients in the room, writers included (default 50)
  --writers N    clients that write (default 5)
  --updates N    notes per writer per run (default 40)
  --rate N       notes per second per writer (default 10)
  --rounds N     runs per relay, order alternating ABBA… (default 4)
  --only NAME    'ours' or 'reference' (default: both; 'reference' alone if server/dist is missing)
  --timeout S    hard limit for the whole benchmark, seconds (default 300)
  --no-save      print only, do not write bench/results/relay-fanout-<date>.json`

const RELAYS = { ours: startOurs, reference: startReference }

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

  /** @type {('ours' | 'reference')[]} */
  let kinds = opts.only ? [opts.only] : ['ours', 'reference']
  if (kinds.includes('ours') && !existsSync(OUR_SERVER_ENTRY)) {
    if (opts.only === 'ours')
      throw new Error(`${relative(REPO_ROOT, OUR_SERVER_ENTRY)} is missing: build first`)
    console.warn(
      `relay-fanout: ${relative(REPO_ROOT, OUR_SERVER_ENTRY)} is missing, running the reference only`,
    )
    kinds = ['reference']
  }

  const workload = {
    clients: opts.clients,
    writers: opts.writers,
    updates: opts.updates,
    rate: opts.rate,
    connectTimeoutMs: 20_000,
    drainTimeoutMs: 10_000,
  }
  console.log(
    `relay-fanout: ${opts.clients} clients, ${opts.writers} writers × ${opts.updates} notes at ${opts.rate}/s, ` +
      `${opts.rounds} round(s), Node ${process.version}, ${cpus().length} cores`,
  )

  const loadAtStart = loadavg()[0]
  // Warm up this (client) process's JIT on a short run that is not counted.
  await runOnce('reference', { ...workload, updates: Math.min(10, opts.updates) })

  /** @type {RunRecord[]} */
  const runs = []
  for (let round = 0; round < opts.rounds; round++) {
    const order = round % 2 === 0 ? kinds : [...kinds].reverse()
    for (const kind of order) {
      const run = await runOnce(kind, workload)
      runs.push(run)
      const s = summarize(run.latencies)
      console.log(
        `  ${kind.padEnd(9)} round ${round + 1}: p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, ` +
          `${run.delivered}/${run.expected} delivered, server CPU ${fmt(run.serverCpuMs, 0)} ms`,
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
        }
      : null
  printTable(results, ratio)

  if (opts.save) {
    const date = new Date().toISOString().slice(0, 10)
    const dir = join(REPO_ROOT, 'bench/results')
    const file = join(dir, `relay-fanout-${date}.json`)
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
      workload: { clients: opts.clients, writers: opts.writers, updates: opts.updates, rate: opts.rate },
      rounds: opts.rounds,
      results,
      ratio,
      runs: runs.map(({ latencies, ...rest }) => ({ ...rest, latency: summarize(latencies) })),
    }
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nwrote ${relative(REPO_ROOT, file)}`)
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
  return complete ? 0 : 1
}

/**
 * @typedef {object} RunRecord
 * @property {'ours' | 'reference'} kind
 * @property {Float64Array} latencies
 * @property {number} delivered
 * @property {number} expected
 * @property {number} connectMs
 * @property {number} wallMs
 * @property {number} maxSendLagMs
 * @property {number} clientCpuMs
 * @property {number} serverCpuMs
 */

/**
 * One fresh server, one workload, server stopped.
 * @param {'ours' | 'reference'} kind
 * @param {import('./clients.mjs').WorkloadOptions} workload
 * @returns {Promise<RunRecord>}
 */
async function runOnce(kind, workload) {
  const relay = await RELAYS[kind]()
  try {
    const cpuBefore = relay.cpuMs()
    const result = await runFanout(relay, workload)
    return { kind, ...result, serverCpuMs: relay.cpuMs() - cpuBefore }
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
    clientCpuMsPerRun: sum((r) => r.clientCpuMs) / runs.length,
    maxSendLagMs: Math.max(...runs.map((r) => r.maxSendLagMs)),
  }
}

/**
 * @param {Record<string, ReturnType<typeof aggregate>>} results
 * @param {{ p50: number, p99: number } | null} ratio
 */
function printTable(results, ratio) {
  const header = ['relay', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'delivered/expected', 'server CPU ms/run']
  const rows = Object.entries(results).map(([kind, r]) => [
    kind,
    fmt(r.latency.p50),
    fmt(r.latency.p90),
    fmt(r.latency.p99),
    fmt(r.latency.max),
    `${r.delivered}/${r.expected}`,
    fmt(r.serverCpuMsPerRun, 0),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (/** @type {string[]} */ cells) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  console.log(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}`)
  for (const row of rows) console.log(line(row))
  if (ratio) console.log(`\nours / reference: p50 × ${fmt(ratio.p50)}, p99 × ${fmt(ratio.p99)}`)
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
      only: { type: 'string' },
      timeout: { type: 'string', default: '300' },
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
  if (values.only !== undefined && values.only !== 'ours' && values.only !== 'reference') {
    throw new UsageError(`--only must be 'ours' or 'reference', got ${JSON.stringify(values.only)}`)
  }
  return {
    clients,
    writers,
    updates: int('updates', 1, 10_000),
    rate: int('rate', 1, 1000),
    rounds: int('rounds', 1, 20),
    timeout: int('timeout', 10, 3600),
    only: /** @type {'ours' | 'reference' | undefined} */ (values.only),
    save: !values['no-save'],
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
