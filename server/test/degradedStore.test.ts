import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CloseCode, CloseReason, createItem, readItems } from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { buildApp } from '../src/app.js'
import type { Config } from '../src/config.js'
import { readDocument } from '../src/store/documents.js'
import { storeParts } from '../src/store/open.js'
import { SqlStore } from '../src/store/sql/store.js'
import { BACKEND, connectSynced, createBoard, listen, onCleanup, testConfig, waitFor } from './helpers.js'

/** The store with a switch that makes every write fail as a full disk does. */
class FillableStore extends SqlStore {
  full = false

  private refuseWhenFull(): void {
    if (this.full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
  }

  override async appendUpdate(docName: string, update: Uint8Array): Promise<number> {
    this.refuseWhenFull()
    return super.appendUpdate(docName, update)
  }

  override async createBoard(
    ...args: Parameters<SqlStore['createBoard']>
  ): ReturnType<SqlStore['createBoard']> {
    this.refuseWhenFull()
    return super.createBoard(...args)
  }

  override async compact(...args: Parameters<SqlStore['compact']>): Promise<void> {
    this.refuseWhenFull()
    return super.compact(...args)
  }

  override async probeWrite(): Promise<void> {
    this.refuseWhenFull()
    return super.probeWrite()
  }
}

function fillable(config: Pick<Config, 'dataDir' | 'databaseUrl'>): FillableStore {
  const { database, images } = storeParts(config, { warn() {} })
  return new FillableStore(database, images)
}

function texts(provider: WebsocketProvider): string[] {
  return readItems(provider.doc).map((item) => item.text ?? '')
}

/** Every close a provider saw, as `code reason`. */
function closes(provider: WebsocketProvider): string[] {
  const seen: string[] = []
  provider.on('connection-close', (event) => {
    if (event) seen.push(`${event.code} ${event.reason}`)
  })
  return seen
}

async function metric(app: FastifyInstance, line: string): Promise<number> {
  const response = await app.inject({ method: 'GET', url: '/metrics' })
  const found = response.body.split('\n').find((l) => l.startsWith(`${line} `))
  return found ? Number(found.slice(line.length + 1)) : 0
}

async function startWith(store: SqlStore, dataDir: string) {
  const app = buildApp(testConfig({ dataDir }), { store })
  onCleanup(() => app.close())
  const { sync } = await listen(app)
  const board = await createBoard(app)
  const writer = await connectSynced(sync, board.id, board.tokens.facilitator)
  const reader = await connectSynced(sync, board.id, board.tokens.observer)
  return { app, sync, board, writer, reader }
}

describe('a store that cannot write', () => {
  it('refuses writers with 1013, keeps readers, answers 503, and resumes by itself', async () => {
    const config = testConfig()
    const store = fillable(config)
    const { app, sync, board, writer, reader } = await startWith(store, config.dataDir)
    const writerCloses = closes(writer)
    const readerCloses = closes(reader)
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'saved' })
    await waitFor(() => texts(reader).includes('saved'), 'the first note')

    store.full = true
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'not saved yet' })
    const refused = `${CloseCode.tryAgainLater} ${CloseReason.storeUnavailable}`
    await waitFor(() => writerCloses.includes(refused), 'the writer told the server cannot save')

    const health = await app.inject({ method: 'GET', url: '/healthz' })
    expect(health.statusCode).toBe(503)
    expect(health.json()).toEqual({ status: 'degraded', cause: 'disk full' })
    const creation = await app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'Later' } })
    expect(creation.statusCode).toBe(503)
    expect(creation.json().error).toBe('the server cannot save right now (disk full)')
    // The stock client reconnects and resends; it is refused again without the room failing.
    await waitFor(() => writerCloses.filter((close) => close === refused).length >= 2, 'a second refusal')
    const newcomer = await connectSynced(sync, board.id, board.tokens.observer)
    expect(texts(newcomer)).toEqual(['saved'])
    expect(texts(reader)).toEqual(['saved'])
    expect(readerCloses).toEqual([])
    expect(reader.wsconnected).toBe(true)
    expect(await metric(app, 'atelier_store_degraded')).toBe(1)

    store.full = false
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' })
    await waitFor(() => texts(reader).includes('not saved yet'), 'the note once the store writes again')
    expect(texts(newcomer).sort()).toEqual(['not saved yet', 'saved'])
    const stored = await readDocument(store, board.id)
    expect(
      readItems(stored)
        .map((item) => item.text)
        .sort(),
    ).toEqual(['not saved yet', 'saved'])
    expect(readerCloses).toEqual([])
    expect(await metric(app, 'atelier_room_failures_total')).toBe(0)
    expect(
      (await app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'Now' } })).statusCode,
    ).toBe(201)
  })

  it('answers 503 to a person joining while the store cannot write', async () => {
    const config = testConfig()
    const store = fillable(config)
    const app = buildApp(config, { store })
    onCleanup(() => app.close())
    const board = await createBoard(app)
    store.full = true
    const response = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/people`,
      headers: { authorization: `Bearer ${board.tokens.participant}` },
      payload: { name: 'Ana' },
    })
    expect(response.statusCode).toBe(503)
  })
})

/** Whether this process may mount a tmpfs (root on Linux); CI without it runs the test above only. */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux') return false
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-mount-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' })
    execFileSync('umount', [dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Writes zeros until the file system is full; returns the file to delete to free it. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler')
  const fd = fs.openSync(filler, 'w')
  const chunk = Buffer.alloc(64 * 1024)
  try {
    for (;;) fs.writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    fs.closeSync(fd)
  }
  return filler
}

// The SQLite store's own disk; PostgreSQL's outage is postgresOutage.test.ts.
describe.runIf(BACKEND === 'sqlite' && canMountTmpfs())('a full disk (tmpfs)', () => {
  it('refuses the writer, answers 503 with the cause, and resumes once space is freed', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-full-'))
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dataDir])
    onCleanup(() => {
      execFileSync('umount', [dataDir])
      fs.rmSync(dataDir, { recursive: true, force: true })
    })
    const store = fillable({ dataDir, databaseUrl: null })
    const { app, writer, reader } = await startWith(store, dataDir)
    const writerCloses = closes(writer)
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'before' })
    await waitFor(() => texts(reader).includes('before'), 'the first note')

    const filler = fillDisk(dataDir)
    const big = 'x'.repeat(300_000)
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: big })
    await waitFor(
      () => writerCloses.includes(`${CloseCode.tryAgainLater} ${CloseReason.storeUnavailable}`),
      'the writer refused',
    )
    const health = await app.inject({ method: 'GET', url: '/healthz' })
    expect(health.statusCode).toBe(503)
    expect(health.json()).toEqual({ status: 'degraded', cause: 'disk full' })
    expect(texts(reader)).toEqual(['before'])
    expect(reader.wsconnected).toBe(true)

    fs.rmSync(filler)
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    await waitFor(() => texts(reader).includes(big), 'the big note once space is freed')
    expect(await metric(app, 'atelier_room_failures_total')).toBe(0)
  })
})
