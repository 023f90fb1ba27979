import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreateBoardResponse } from '@atelier/shared'
import { readItems } from '@atelier/shared'
import { afterAll, beforeAll, inject } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { BACKEND, createBoardOver, onCleanup, waitFor } from '../helpers.js'
import { type ServerProcess, spawnServer } from '../serverProcess.js'
import { databaseAdmin } from '../services/postgres.js'
import { type RedisService, useRedis } from '../services/redis.js'

/** Node processes of one deployment: one store, one Redis, each its own port. */
export interface Cluster {
  nodes: ServerProcess[]
  dataDir: string
  /** Starts one more node of the same deployment. */
  addNode(): Promise<ServerProcess>
  createBoard(title?: string): Promise<CreateBoardResponse>
  /** Kills every node and removes the store; called after the test unless the cluster is kept. */
  stop(): Promise<void>
}

let clusters = 0

/** A private Redis and two nodes on it, shared by the tests of one file. */
export interface SharedCluster {
  redis: RedisService
  cluster: Cluster
  a: ServerProcess
  b: ServerProcess
}

/**
 * Starts a private Redis and a two-node cluster before the file's tests and stops both after them.
 * The fields are set once the hook has run: read them inside tests.
 */
export function useSharedCluster(): SharedCluster {
  const shared = useRedis() as SharedCluster
  beforeAll(async () => {
    shared.cluster = await startCluster(shared.redis, { keep: true })
    ;[shared.a, shared.b] = shared.cluster.nodes as [ServerProcess, ServerProcess]
  }, 60_000)
  afterAll(async () => {
    await shared.cluster?.stop()
  })
  return shared
}

/**
 * Starts `nodes` node processes on one store and `redis`: a PostgreSQL database of their own (a
 * copy of the run's migrated template), or on the SQLite run one shared DATA_DIR. They stop after
 * the current test, or, with `keep`, when the caller stops them (a cluster shared by a file).
 */
export async function startCluster(
  redis: RedisService,
  {
    nodes = 2,
    env = {},
    keep = false,
  }: { nodes?: number; env?: Record<string, string>; keep?: boolean } = {},
): Promise<Cluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-cluster-'))
  const admin = BACKEND === 'postgres' ? databaseAdmin(inject('postgresUrl')) : null
  const database = `cluster_${process.pid}_${++clusters}`
  const databaseUrl = admin ? await admin.createDatabase(database, inject('postgresTemplate')) : null
  const nodeEnv = { REDIS_URL: redis.url, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env }
  const started: ServerProcess[] = []
  const addNode = async () => {
    const node = await spawnServer(dataDir, nodeEnv, { keep: true })
    started.push(node)
    // Listening comes before the node reaches Redis; until then it refuses writes.
    await waitFor(async () => (await fetch(`${node.http}/healthz`)).ok, 'the node to reach Redis', 20_000)
    return node
  }
  const stop = async () => {
    await Promise.all(started.map((node) => node.stop()))
    fs.rmSync(dataDir, { recursive: true, force: true })
    await admin?.dropDatabase(database)
  }
  if (!keep) onCleanup(stop)
  // The first node creates the store's tables; the others start once it has.
  await addNode()
  await Promise.all(Array.from({ length: nodes - 1 }, addNode))
  return {
    nodes: started,
    dataDir,
    addNode,
    createBoard: (title) => createBoardOver((started[0] as ServerProcess).http, title),
    stop,
  }
}

/**
 * Waits for what crosses nodes: two processes, Redis and the store under a loaded machine take
 * longer than one process does (no timing is asserted, only an upper bound to fail on).
 */
export function settle(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  return waitFor(check, what, 40_000)
}

/** Resolves once everything `from` sent before reached `to` (presence and updates share one queue and one stream). */
export async function crossedUpTo(
  from: WebsocketProvider,
  to: WebsocketProvider,
  marker: string,
): Promise<void> {
  from.awareness.setLocalStateField('marker', marker)
  await settle(
    () => to.awareness.getStates().get(from.awareness.clientID)?.marker === marker,
    `marker ${marker}`,
  )
}

/** Resolves once two replicas hold the same document state. */
export function converged(a: WebsocketProvider, b: WebsocketProvider, what: string): Promise<void> {
  return settle(
    () => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))),
    `${what} to converge`,
  )
}

export function noteTexts(provider: WebsocketProvider): string[] {
  return readItems(provider.doc)
    .map((item) => item.text ?? '')
    .sort()
}
