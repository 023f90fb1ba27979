import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreateBoardResponse } from '@atelier/shared'
import { readItems } from '@atelier/shared'
import type { WebsocketProvider } from 'y-websocket'
import { createBoardOver, onCleanup, waitFor } from '../helpers.js'
import { type ServerProcess, spawnServer } from '../serverProcess.js'
import type { RedisService } from '../services/redis.js'

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

/**
 * Starts `nodes` node processes on one store and `redis`. They stop after the current test, or,
 * with `keep`, when the caller stops them (a cluster shared by the tests of a file).
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
  const nodeEnv = { REDIS_URL: redis.url, ...env }
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

export function noteTexts(provider: WebsocketProvider): string[] {
  return readItems(provider.doc)
    .map((item) => item.text ?? '')
    .sort()
}
