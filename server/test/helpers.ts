import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreateBoardResponse } from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { afterEach, beforeEach, inject } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type Config, defaultLimits, type Limits } from '../src/config.js'
import { openStore } from '../src/store/open.js'
import type { SqlStore } from '../src/store/sql/store.js'
import { databaseAdmin } from './services/postgres.js'

/**
 * The backend this run of the server tests uses: the `server` project runs them on SQLite, the
 * `server-postgres` project runs the same files on the private PostgreSQL its globalSetup starts.
 */
export const BACKEND: 'sqlite' | 'postgres' = inject('postgresUrl') ? 'postgres' : 'sqlite'

const cleanups: (() => unknown)[] = []

/** Runs after the current test, newest first (sockets before servers before directories). */
export function onCleanup(cleanup: () => unknown): void {
  cleanups.push(cleanup)
}

/** On PostgreSQL, each test gets a fresh database (a copy of the migrated template), as it gets a fresh DATA_DIR. */
let testDatabase: { name: string; url: string } | null = null
const postgres = BACKEND === 'postgres' ? databaseAdmin(inject('postgresUrl')) : null
let databaseCount = 0

beforeEach(async () => {
  if (!postgres) return
  const name = `test_${process.pid}_${++databaseCount}`
  testDatabase = { name, url: await postgres.createDatabase(name, inject('postgresTemplate')) }
})

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  if (postgres && testDatabase) await postgres.dropDatabase(testDatabase.name)
  testDatabase = null
})

/** The DATABASE_URL of the current test (null on SQLite). */
export function testDatabaseUrl(): string | null {
  if (!postgres) return null
  if (!testDatabase) throw new Error('the test database exists inside a test only (beforeEach)')
  return testDatabase.url
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-test-'))
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

export function testConfig(
  overrides: Partial<Omit<Config, 'limits'>> & { limits?: Partial<Limits> } = {},
): Config {
  const dataDir = overrides.dataDir ?? tempDir()
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: testDatabaseUrl(),
    logLevel: 'silent',
    staticDir: path.join(dataDir, 'no-client-build'),
    compactAfter: 500,
    redisUrl: null,
    history: { intervalMs: 300_000, massDeleteItems: 20, maxVersions: 100, maxAgeMs: 30 * 86_400_000 },
    ...overrides,
    limits: { ...defaultLimits(), ...overrides.limits },
  }
}

/** The store of a configuration, migrated, closed after the test: what the app would open. */
export async function openTestStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<SqlStore> {
  const store = openStore(config, { warn() {} })
  onCleanup(() => store.close())
  await store.migrate()
  return store
}

/**
 * Everything the store of a configuration holds, as text: the SQLite files' bytes, or every row
 * of every PostgreSQL table. For tests that check what is (never) stored.
 */
export async function storedText(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<string> {
  if (!config.databaseUrl) {
    return fs
      .readdirSync(config.dataDir)
      .filter((name) => name.startsWith('atelier.sqlite'))
      .map((name) => fs.readFileSync(path.join(config.dataDir, name)).toString('latin1'))
      .join('')
  }
  const client = new pg.Client({ connectionString: config.databaseUrl })
  await client.connect()
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    const texts: string[] = []
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`)
      texts.push(...rows.rows.map((r) => r.row))
    }
    return texts.join('\n')
  } finally {
    await client.end()
  }
}

/** Polls a condition until it holds; fails with `what` after the timeout. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export async function createBoard(app: FastifyInstance, title = 'Retro'): Promise<CreateBoardResponse> {
  const response = await app.inject({ method: 'POST', url: '/api/boards', payload: { title } })
  if (response.statusCode !== 201) throw new Error(`board creation failed: ${response.body}`)
  return response.json()
}

export async function createBoardOver(baseUrl: string, title = 'Retro'): Promise<CreateBoardResponse> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`board creation failed: ${await response.text()}`)
  return (await response.json()) as CreateBoardResponse
}

export async function listen(app: FastifyInstance): Promise<{ http: string; sync: string }> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return { http: `http://127.0.0.1:${address.port}`, sync: `ws://127.0.0.1:${address.port}/sync` }
}

/** A stock y-websocket client, as a browser would open it (BroadcastChannel off: every byte goes through the relay). */
export function connect(syncUrl: string, room: string, token: string): WebsocketProvider {
  return connectDoc(syncUrl, room, token, new Y.Doc())
}

/** A stock client on a document that may hold changes already (a browser coming back online). */
export function connectDoc(syncUrl: string, room: string, token: string, doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  onCleanup(() => provider.destroy())
  return provider
}

export async function connectSynced(
  syncUrl: string,
  room: string,
  token: string,
): Promise<WebsocketProvider> {
  const provider = connect(syncUrl, room, token)
  await waitFor(() => provider.synced, `${room} to sync`)
  return provider
}

/** Opens a raw socket and resolves with the HTTP status of a refused upgrade. */
export function refusedStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      reject(new Error(`upgrade to ${url} was accepted`))
      ws.close()
    })
    ws.on('error', () => {})
  })
}

export function openRaw(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    onCleanup(() => ws.terminate())
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)))
}
