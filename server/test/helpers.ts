import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreateBoardResponse } from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { afterEach } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type Config, defaultLimits, type Limits } from '../src/config.js'

const cleanups: (() => unknown)[] = []

/** Runs after the current test, newest first (sockets before servers before directories). */
export function onCleanup(cleanup: () => unknown): void {
  cleanups.push(cleanup)
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

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
    logLevel: 'silent',
    staticDir: path.join(dataDir, 'no-client-build'),
    compactAfter: 500,
    history: { intervalMs: 300_000, massDeleteItems: 20, maxVersions: 100, maxAgeMs: 30 * 86_400_000 },
    ...overrides,
    limits: { ...defaultLimits(), ...overrides.limits },
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
  const provider = new WebsocketProvider(syncUrl, room, new Y.Doc(), {
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
