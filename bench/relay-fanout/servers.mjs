/**
 * Relays under test, each started as its own child process on a free loopback port, so every
 * run gets a fresh server and the server's CPU is separate from the clients' process.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HOST = '127.0.0.1'
const READY_TIMEOUT_MS = 15_000
const STOP_TIMEOUT_MS = 5_000

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const OUR_SERVER_ENTRY = join(REPO_ROOT, 'server/dist/main.js')
// The package's `bin` (0.1.1 exports no `./server`); pinned because 0.1.5 runs on a Yjs 14
// pre-release that cannot apply Yjs 13 updates (it drops every update from a y-websocket 3 client).
const REFERENCE_ENTRY = fileURLToPath(
  new URL('src/server.js', import.meta.resolve('@y/websocket-server/package.json')),
)

/** @returns {Promise<number>} a port that was free on the loopback interface a moment ago */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, HOST, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address())
      srv.close(() => resolve(port))
    })
  })
}

/**
 * @typedef {object} RunningRelay
 * @property {'ours' | 'reference' | 'floor'} kind
 * @property {number} pid
 * @property {string} serverUrl   what to pass to `new WebsocketProvider(serverUrl, room, doc, { params })`
 * @property {string[]} [serverUrls] the nodes of one deployment, when the clients are split over several
 * @property {string} room
 * @property {Record<string, string>} params
 * @property {string} [facilitatorToken]  ours only: for what participants may not write (frames)
 * @property {() => Promise<RunningRelay>} [inNewRoom]  the same server, with a room nobody used yet
 * @property {() => Promise<{ personId: string, params: Record<string, string> }>} [join]  ours only: a
 *   new person of the board, and the params a client of theirs connects with
 * @property {() => number} cpuMs  CPU time the server process has used so far (NaN off Linux)
 * @property {() => number} mainThreadCpuMs  the part of it on the main thread, where JavaScript runs;
 *   the rest is V8's own threads (optimising compiler, concurrent marking) and libuv's pool
 * @property {() => Promise<void>} stop
 */

/**
 * The stock y-websocket relay (`@y/websocket-server`), in memory, no persistence.
 * @param {{ profileDir?: string }} [options]  write a V8 CPU profile of the server there
 * @returns {Promise<RunningRelay>}
 */
export function startReference({ profileDir } = {}) {
  return startRoomlessRelay('reference', REFERENCE_ENTRY, profileDir)
}

/**
 * The transport floor (`floor-server.mjs`): forwards every message and does nothing else.
 * @param {{ profileDir?: string }} [options]  write a V8 CPU profile of the server there
 * @returns {Promise<RunningRelay>}
 */
export function startFloor({ profileDir } = {}) {
  return startRoomlessRelay('floor', fileURLToPath(new URL('floor-server.mjs', import.meta.url)), profileDir)
}

/**
 * A relay that needs no board: any room name is a room, ready once `/` answers 200.
 * @param {'reference' | 'floor'} kind
 * @param {string} entry
 * @param {string | undefined} profileDir
 * @returns {Promise<RunningRelay>}
 */
async function startRoomlessRelay(kind, entry, profileDir) {
  const port = await freePort()
  const child = spawnNode(entry, { HOST, PORT: String(port) }, profileArgs(profileDir))
  try {
    await waitUntilReady(child, `http://${HOST}:${port}/`)
  } catch (err) {
    await stopChild(child)
    throw err
  }
  let rooms = 0
  /** @returns {RunningRelay} */
  const inRoom = (/** @type {string} */ room) => ({
    kind,
    pid: child.pid ?? -1,
    serverUrl: `ws://${HOST}:${port}`,
    room,
    params: {},
    inNewRoom: async () => inRoom(`bench-${++rooms}`),
    cpuMs: () => cpuMsOf(child.pid),
    mainThreadCpuMs: () => cpuMsOf(child.pid, child.pid),
    stop: () => stopChild(child),
  })
  return inRoom('bench')
}

/**
 * Atelier's relay (`server/dist/main.js`) on a throw-away `DATA_DIR`, with one new board.
 * @param {{ profileDir?: string }} [options]  write a V8 CPU profile of the server there
 * @returns {Promise<RunningRelay>}
 */
export async function startOurs({ profileDir } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-bench-'))
  try {
    const relay = await startOursOn(dataDir, {}, { createBoard: true, profileDir })
    return {
      ...relay,
      stop: async () => {
        await relay.stop()
        await rm(dataDir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true })
    throw err
  }
}

/**
 * One Atelier process on `dataDir` (kept when it stops: several nodes may share it), ready once its
 * /healthz answers 200; with `createBoard`, a new board whose participant token the clients use.
 * @param {string} dataDir
 * @param {Record<string, string>} env
 * @param {{ createBoard: boolean, nodeArgs?: string[], profileDir?: string }} options  nodeArgs: flags
 *   for node; profileDir: write a V8 CPU profile there
 * @returns {Promise<RunningRelay>}
 */
export async function startOursOn(dataDir, env, { createBoard, nodeArgs = [], profileDir }) {
  const port = await freePort()
  const child = spawnNode(OUR_SERVER_ENTRY, { HOST, PORT: String(port), DATA_DIR: dataDir, ...env }, [
    ...nodeArgs,
    ...profileArgs(profileDir),
  ])
  const base = `http://${HOST}:${port}`
  const newBoard = async () => {
    const res = await fetch(`${base}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'bench' }),
    })
    if (res.status !== 201) throw new Error(`POST /api/boards → ${res.status} ${await res.text()}`)
    return /** @type {{ id: string, tokens: { participant: string, facilitator: string } }} */ (
      await res.json()
    )
  }
  /** @returns {RunningRelay} */
  const onBoard = (
    /** @type {{ id: string, tokens: { participant: string, facilitator: string } }} */ board,
  ) => ({
    kind: 'ours',
    pid: child.pid ?? -1,
    serverUrl: `ws://${HOST}:${port}/sync`,
    room: board.id,
    // Participants are who write in a workshop: their updates go through the relay's board rules.
    params: { token: board.tokens.participant },
    facilitatorToken: board.tokens.facilitator,
    inNewRoom: async () => onBoard(await newBoard()),
    join: async () => {
      const res = await fetch(`${base}/api/boards/${board.id}/people`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.participant}` },
        body: JSON.stringify({ name: 'bench writer' }),
      })
      if (res.status !== 201)
        throw new Error(`POST /api/boards/${board.id}/people → ${res.status} ${await res.text()}`)
      const { personId, credential } = /** @type {{ personId: string, credential: string }} */ (
        await res.json()
      )
      return { personId, params: { token: board.tokens.participant, person: credential } }
    },
    cpuMs: () => cpuMsOf(child.pid),
    mainThreadCpuMs: () => cpuMsOf(child.pid, child.pid),
    stop: () => stopChild(child),
  })
  try {
    await waitUntilReady(child, `${base}/healthz`)
    return onBoard(createBoard ? await newBoard() : { id: '', tokens: { participant: '', facilitator: '' } })
  } catch (err) {
    await stopChild(child)
    throw err
  }
}

/**
 * Node flags that write a CPU profile of the server into `dir` when it exits; none without a
 * directory. Our server exits by itself on SIGTERM, the stock relay needs the preload for it.
 * @param {string | undefined} dir
 */
function profileArgs(dir) {
  if (!dir) return []
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    '--require',
    fileURLToPath(new URL('exit-on-sigterm.cjs', import.meta.url)),
  ]
}

/**
 * @param {string} entry
 * @param {Record<string, string>} env
 * @param {string[]} [nodeArgs]
 */
function spawnNode(entry, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Keep the tail of the output to explain a failed start; never let a full pipe block the server.
  /** @type {string[]} */
  const tail = []
  const keep = (/** @type {Buffer} */ chunk) => {
    tail.push(chunk.toString())
    if (tail.length > 40) tail.shift()
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  Object.assign(child, { outputTail: () => tail.join('') })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

/** Every server child this module started and that has not exited yet. */
const live = new Set()

/** Last resort (hard timeout, Ctrl-C): SIGKILL the servers this module started, by pid. */
export function killStartedServers() {
  for (const child of live) child.kill('SIGKILL')
}

/**
 * Polls `url` until it answers 200, the child exits, or the timeout passes.
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} url
 */
async function waitUntilReady(child, url) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  const describe = () => /** @type {any} */ (child).outputTail?.() ?? ''
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before ready:\n${describe()}`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await res.arrayBuffer()
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`server not ready at ${url} after ${READY_TIMEOUT_MS} ms:\n${describe()}`)
}

/**
 * SIGTERM, then SIGKILL if the child has not exited within STOP_TIMEOUT_MS.
 * @param {import('node:child_process').ChildProcess} child
 */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}

let clockTicks = 0

/**
 * User + system CPU time of a live process, or of one of its threads (the main thread's id is the
 * process's), from /proc (Linux); NaN where that is not available.
 * @param {number | undefined} pid
 * @param {number} [tid]
 */
export function cpuMsOf(pid, tid) {
  try {
    if (clockTicks === 0)
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100
    const stat = readFileSync(
      tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`,
      'utf8',
    )
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks
  } catch {
    return Number.NaN
  }
}

/**
 * Resident memory of a live process in MiB, from /proc (Linux); NaN where that is not available.
 * @param {number | undefined} pid
 */
export function rssMiBOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1])
    return kib / 1024
  } catch {
    return Number.NaN
  }
}

/**
 * A new board through the HTTP API of a running Atelier, with its links' tokens.
 * @param {string} serverUrl  ws://host:port/sync, as a RunningRelay has it
 * @returns {Promise<{ id: string, tokens: { facilitator: string, participant: string, observer: string } }>}
 */
export async function createBoard(serverUrl) {
  const base = serverUrl.replace(/^ws/, 'http').replace(/\/sync$/, '')
  const res = await fetch(`${base}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'bench' }),
  })
  if (res.status !== 201) throw new Error(`POST /api/boards → ${res.status} ${await res.text()}`)
  return res.json()
}
