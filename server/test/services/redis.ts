import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { ensureDebianPackage, freePort } from './machine.js'

/** A private redis-server for one test file: its own loopback port, its own directory, AOF on. */
export interface RedisService {
  url: string
  port: number
  /**
   * Stops the server as a crash does (SIGKILL) and starts it again on the same port, with its data
   * (AOF) or, with `wipe`, without (a Redis that lost everything).
   */
  restart(options?: { downMs?: number; wipe?: boolean }): Promise<void>
  /** Stops the server, keeping its directory, until `start`. */
  kill(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
}

/** Installs Debian's redis-server when it is missing, once per process. */
let ensured = false
function ensureRedis(): void {
  if (ensured) return
  ensureDebianPackage('redis-server', 'redis-server', 'the cluster tests')
  ensured = true
}

/** Resolves once the server at `port` answers PING, or rejects after `timeoutMs`. */
async function waitForPing(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`)
    const answered = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => socket.write('PING\r\n'))
      socket.once('data', (data) => {
        socket.destroy()
        resolve(data.toString().startsWith('+PONG'))
      })
      socket.once('error', () => resolve(false))
    })
    if (answered) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`)
}

export async function startRedis(): Promise<RedisService> {
  ensureRedis()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-redis-'))
  const port = await freePort()
  let child: ChildProcess | null = null
  let log = ''

  const start = async (): Promise<void> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '']
    args.push('--appendonly', 'yes', '--appendfsync', 'always', '--protected-mode', 'no')
    const started = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    started.stdout?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000)
    })
    child = started
    try {
      await waitForPing(port, started)
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log}`)
    }
  }

  const kill = async (): Promise<void> => {
    const running = child
    child = null
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }

  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    kill,
    async restart({ downMs = 0, wipe = false } = {}) {
      await kill()
      if (wipe) {
        for (const entry of fs.readdirSync(dir))
          fs.rmSync(path.join(dir, entry), { recursive: true, force: true })
      }
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs))
      await start()
    },
    async stop() {
      await kill()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A private Redis shared by the tests of one file: started before them, stopped after them.
 * `redis` is set once the hook has run: read it inside tests.
 */
export function useRedis(): { redis: RedisService } {
  const shared = {} as { redis: RedisService }
  beforeAll(async () => {
    shared.redis = await startRedis()
  }, 30_000)
  afterAll(async () => {
    await shared.redis?.stop()
  })
  return shared
}
