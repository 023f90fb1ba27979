#!/usr/bin/env node
/**
 * Cluster fan-out benchmark: the relay-fanout workload on one Atelier node, then with the same
 * clients split over two nodes of one deployment (one store, one private Redis), alternating the
 * order (ABBA…). The two-node deliveries are split into those that stayed on the writer's node and
 * those that crossed to the other one: the difference is the cost of the hop through Redis.
 *
 *   pnpm bench:cluster
 *   node bench/relay-cluster/run.mjs --clients 50 --writers 5 --updates 40 --rate 10 --rounds 4
 *
 * Loopback only. Every server is a fresh child process; a hard timeout kills them and exits.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { readOptions, run, UsageError } from '../lib/cli.mjs'
import { logRun, machine, saveResult, stamp } from '../lib/results.mjs'
import { summarize } from '../lib/stats.mjs'
import { runFanout } from '../relay-fanout/clients.mjs'
import {
  freePort,
  killStartedServers,
  OUR_SERVER_ENTRY,
  REPO_ROOT,
  startOurs,
  startOursOn,
  stopChild,
} from '../relay-fanout/servers.mjs'

const NAME = 'relay-cluster'

const USAGE = `usage: node bench/relay-cluster/run.mjs [options]
  --clients N    clients in the room, writers included (default 50)
  --writers N    clients that write (default 5)
  --updates N    notes per writer per run (default 40)
  --rate N       notes per second per writer (default 10)
  --rounds N     runs per set-up, order alternating ABBA… (default 4)
  --timeout S    hard limit for the whole benchmark, seconds (default 300)
  --no-save      print only, do not write bench/results/relay-cluster-<date>.json nor its line in docs/benchmarks.md`

/** @typedef {'one node' | 'two nodes'} Setup */

/** @type {import('node:child_process').ChildProcess | null} the benchmark's Redis, killed with the servers however the run ends */
let redisChild = null

/** @param {ReturnType<typeof parseOptions>} opts */
async function main(opts) {
  if (!existsSync(OUR_SERVER_ENTRY))
    throw new UsageError(`${relative(REPO_ROOT, OUR_SERVER_ENTRY)} is missing: build first`)
  const redis = await startRedis()
  redisChild = redis.child
  try {
    const workload = { ...opts.workload, connectTimeoutMs: 20_000, drainTimeoutMs: 10_000 }
    const { clients, writers, updates, rate } = opts.workload
    console.log(
      `relay-cluster: ${clients} clients, ${writers} writers × ${updates} notes at ${rate}/s, ` +
        `${opts.rounds} round(s), Node ${process.version}, ${cpus().length} cores`,
    )
    const machineAtStart = machine()
    /** @type {Record<Setup, () => Promise<import('../relay-fanout/servers.mjs').RunningRelay>>} */
    const setups = { 'one node': startOurs, 'two nodes': () => startTwoNodes(redis.url) }
    await runOnce('one node', setups['one node'], { ...workload, updates: Math.min(10, updates) })

    /** @type {Awaited<ReturnType<typeof runOnce>>[]} */
    const runs = []
    /** @type {Setup[]} */
    const kinds = ['one node', 'two nodes']
    for (let round = 0; round < opts.rounds; round++) {
      for (const kind of round % 2 === 0 ? kinds : [...kinds].reverse()) {
        const run = await runOnce(kind, setups[kind], workload)
        runs.push(run)
        const s = summarize(run.latencies)
        console.log(
          `  ${kind.padEnd(9)} round ${round + 1}: p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, ` +
            `${run.delivered}/${run.expected} delivered, servers' CPU ${fmt(run.serverCpuMs, 0)} ms`,
        )
      }
    }

    const single = runs.filter((r) => r.kind === 'one node')
    const double = runs.filter((r) => r.kind === 'two nodes')
    const pick = (/** @type {typeof runs} */ rs, /** @type {0 | 1 | null} */ cross) =>
      rs.flatMap((r) =>
        Array.from(r.latencies).filter((_, i) => cross === null || r.crossNode?.[i] === cross),
      )
    const results = {
      'one node': summarize(pick(single, null)),
      'two nodes, all': summarize(pick(double, null)),
      'two nodes, same node': summarize(pick(double, 0)),
      'two nodes, across nodes': summarize(pick(double, 1)),
    }
    const cpu = (/** @type {typeof runs} */ rs) => rs.reduce((sum, r) => sum + r.serverCpuMs, 0) / rs.length
    const delivery = (/** @type {typeof runs} */ rs) =>
      `${rs.reduce((sum, r) => sum + r.delivered, 0)}/${rs.reduce((sum, r) => sum + r.expected, 0)}`
    const hop = {
      p50: results['two nodes, across nodes'].p50 - results['one node'].p50,
      p99: results['two nodes, across nodes'].p99 - results['one node'].p99,
    }
    printTable(results)
    console.log(
      `\ncross-node hop: p50 +${fmt(hop.p50)} ms, p99 +${fmt(hop.p99)} ms over one node; ` +
        `servers' CPU per run: one node ${fmt(cpu(single), 0)} ms, two nodes ${fmt(cpu(double), 0)} ms; ` +
        `delivered: one node ${delivery(single)}, two nodes ${delivery(double)}`,
    )

    if (opts.save) {
      const file = await saveResult(NAME, {
        benchmark: NAME,
        date: new Date().toISOString(),
        machine: machineAtStart,
        workload: opts.workload,
        rounds: opts.rounds,
        results,
        crossNodeHopMs: hop,
        serverCpuMsPerRun: { 'one node': cpu(single), 'two nodes': cpu(double) },
        runs: runs.map(({ latencies, crossNode, ...rest }) => ({ ...rest, latency: summarize(latencies) })),
      })
      await logRun(
        NAME,
        `${stamp()}, load ${machineAtStart.loadAverage1m}, ${opts.workload.clients} clients, ${opts.rounds} round(s): ` +
          `across nodes p50 ${fmt(results['two nodes, across nodes'].p50)} ms, same node ${fmt(results['two nodes, same node'].p50)} ms, ` +
          `one node ${fmt(results['one node'].p50)} ms (hop +${fmt(hop.p50)} ms); delivered ${delivery(single)} and ${delivery(double)} (${file})`,
      )
      console.log(`\nwrote ${file} and a line in docs/benchmarks.md`)
    }
    const complete = runs.every((r) => r.delivered === r.expected)
    if (!complete) console.error('relay-cluster: some updates were not delivered (see delivered/expected)')
    return complete ? 0 : 1
  } finally {
    await stopChild(redis.child)
    redisChild = null
    await rm(redis.dir, { recursive: true, force: true })
  }
}

/**
 * @param {Setup} kind
 * @param {() => Promise<import('../relay-fanout/servers.mjs').RunningRelay>} start
 * @param {import('../relay-fanout/clients.mjs').WorkloadOptions} workload
 */
async function runOnce(kind, start, workload) {
  const relay = await start()
  try {
    const cpuBefore = relay.cpuMs()
    const result = await runFanout(relay, workload)
    return { kind, ...result, serverCpuMs: relay.cpuMs() - cpuBefore }
  } finally {
    await relay.stop()
  }
}

/**
 * Two nodes of one deployment on a throw-away store and the benchmark's Redis; one board.
 * @param {string} redisUrl
 * @returns {Promise<import('../relay-fanout/servers.mjs').RunningRelay>}
 */
async function startTwoNodes(redisUrl) {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-cluster-'))
  /** @type {import('../relay-fanout/servers.mjs').RunningRelay[]} */
  const nodes = []
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()))
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    // The first node creates the store's tables and the board; the second joins the same store.
    nodes.push(await startOursOn(dataDir, { REDIS_URL: redisUrl }, { createBoard: true }))
    nodes.push(await startOursOn(dataDir, { REDIS_URL: redisUrl }, { createBoard: false }))
  } catch (error) {
    await stop()
    throw error
  }
  const [a, b] = /** @type {[typeof nodes[0], typeof nodes[0]]} */ (nodes)
  return {
    kind: 'ours',
    pid: a.pid,
    serverUrl: a.serverUrl,
    serverUrls: [a.serverUrl, b.serverUrl],
    room: a.room,
    params: a.params,
    cpuMs: () => a.cpuMs() + b.cpuMs(),
    mainThreadCpuMs: () => a.mainThreadCpuMs() + b.mainThreadCpuMs(),
    stop,
  }
}

/** A private redis-server on a free loopback port, as the cluster tests start one (AOF on). */
async function startRedis() {
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'atelier-bench-redis-'))
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'yes',
  ]
  const child = spawn('redis-server', args, { stdio: 'ignore' })
  await new Promise((resolve, reject) => {
    child.once('error', (error) =>
      reject(
        new UsageError(
          `redis-server could not start (${error.message}): pnpm bench:cluster installs it (scripts/ensure-debian-package.sh)`,
        ),
      ),
    )
    child.once('spawn', resolve)
  })
  // The nodes retry until Redis answers; their /healthz says when they reached it.
  return { child, dir, url: `redis://127.0.0.1:${port}` }
}

/** @param {Record<string, ReturnType<typeof summarize>>} results */
function printTable(results) {
  const header = ['set-up', 'samples', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms']
  const rows = Object.entries(results).map(([kind, r]) => [
    kind,
    String(r.count),
    fmt(r.p50),
    fmt(r.p90),
    fmt(r.p99),
    fmt(r.max),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (/** @type {string[]} */ cells) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  console.log(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}`)
  for (const row of rows) console.log(line(row))
}

/** @param {number} n @param {number} [digits] */
function fmt(n, digits = 2) {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a'
}

function parseOptions() {
  const { values, int } = readOptions(USAGE, {
    clients: { type: 'string', default: '50' },
    writers: { type: 'string', default: '5' },
    updates: { type: 'string', default: '40' },
    rate: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '300' },
    'no-save': { type: 'boolean', default: false },
  })
  const clients = int('clients', 2, 500)
  return {
    workload: {
      clients,
      writers: int('writers', 1, clients),
      updates: int('updates', 1, 10_000),
      rate: int('rate', 1, 1000),
    },
    rounds: int('rounds', 1, 20),
    timeout: int('timeout', 10, 3600),
    save: !values['no-save'],
  }
}

run(
  {
    name: NAME,
    usage: USAGE,
    stop: () => {
      killStartedServers()
      redisChild?.kill('SIGKILL')
    },
  },
  parseOptions,
  main,
)
