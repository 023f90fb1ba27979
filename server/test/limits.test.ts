import {
  CloseCode,
  type CreateBoardResponse,
  createItem,
  MAX_MESSAGE_BYTES,
  MessageType,
  readItems,
  SyncMessageType,
} from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { buildApp } from '../src/app.js'
import type { Limits } from '../src/config.js'
import {
  closeCode,
  connectSynced,
  createBoard,
  listen,
  onCleanup,
  openRaw,
  testConfig,
  waitFor,
} from './helpers.js'

interface Running {
  app: FastifyInstance
  sync: string
  board: CreateBoardResponse
}

async function startServer(limits: Partial<Limits> = {}): Promise<Running> {
  const app = buildApp(testConfig({ limits }))
  onCleanup(() => app.close())
  const { sync } = await listen(app)
  return { app, sync, board: await createBoard(app) }
}

function awarenessMessage(clientId: number, state: string): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, 1)
  encoding.writeVarString(update, state)
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, MessageType.awareness)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

function syncMessage(subType: number, payload: Uint8Array): Uint8Array {
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, MessageType.sync)
  encoding.writeVarUint(message, subType)
  encoding.writeVarUint8Array(message, payload)
  return encoding.toUint8Array(message)
}

/** The 4-byte request that makes the relay send the whole document back. */
const SYNC_REQUEST = syncMessage(SyncMessageType.step1, new Uint8Array([0]))

function noteUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  createItem(doc, { type: 'note', x: 0, y: 0, text })
  return Y.encodeStateAsUpdate(doc)
}

async function metric(app: FastifyInstance, line: string): Promise<number> {
  const response = await app.inject({ method: 'GET', url: '/metrics' })
  const found = response.body.split('\n').find((l) => l.startsWith(`${line} `))
  return found ? Number(found.slice(line.length + 1)) : 0
}

function rawUrl(running: Running, role: keyof CreateBoardResponse['tokens']): string {
  return `${running.sync}/${running.board.id}?token=${running.board.tokens[role]}`
}

describe('relay limits', () => {
  it('refuses an awareness state nested 20,000 levels deep; the room and its clients carry on', async () => {
    // The size limit raised to the message limit, so that only the depth check stands in the way.
    const running = await startServer({ awarenessBytes: MAX_MESSAGE_BYTES })
    const facilitator = await connectSynced(running.sync, running.board.id, running.board.tokens.facilitator)
    const attacker = await openRaw(rawUrl(running, 'observer'))
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`
    attacker.send(awarenessMessage(424242, deep))
    expect(await closeCode(attacker)).toBe(CloseCode.policyViolation)

    const newcomer = await connectSynced(running.sync, running.board.id, running.board.tokens.participant)
    createItem(facilitator.doc, { type: 'note', x: 0, y: 0, text: 'still syncing' })
    await waitFor(() => readItems(newcomer.doc).some((item) => item.text === 'still syncing'), 'the note')
    expect(facilitator.wsconnected).toBe(true)
    expect(newcomer.awareness.getStates().has(424242)).toBe(false)
    expect(await metric(running.app, 'atelier_room_failures_total')).toBe(0)
    expect(await metric(running.app, 'atelier_messages_refused_total{reason="awareness too deep"}')).toBe(1)
  })

  it('refuses an awareness message larger than the limit with 1008', async () => {
    const running = await startServer({ awarenessBytes: 4096 })
    const attacker = await openRaw(rawUrl(running, 'observer'))
    attacker.send(awarenessMessage(7, JSON.stringify({ user: { name: 'x'.repeat(5000) } })))
    expect(await closeCode(attacker)).toBe(CloseCode.policyViolation)
  })

  it('closes with 1013 a connection over its awareness rate', async () => {
    const running = await startServer({ awarenessPerSecond: 5 })
    const chatty = await openRaw(rawUrl(running, 'observer'))
    for (let clock = 0; clock < 50; clock++) chatty.send(awarenessMessage(9, JSON.stringify({ clock })))
    expect(await closeCode(chatty)).toBe(CloseCode.tryAgainLater)
  })

  it('closes with 1013 a connection that keeps asking for the whole document', async () => {
    const running = await startServer({ syncRequestsPerMinute: 3 })
    const observer = await openRaw(rawUrl(running, 'observer'))
    for (let i = 0; i < 10; i++) observer.send(SYNC_REQUEST)
    expect(await closeCode(observer)).toBe(CloseCode.tryAgainLater)
    expect(await metric(running.app, 'atelier_messages_refused_total{reason="sync request rate"}')).toBe(1)
  })

  it('cuts off a socket that never reads once its send buffer passes the limit', async () => {
    const running = await startServer({ sendBufferBytes: 256 * 1024, syncRequestsPerMinute: 10_000 })
    const facilitator = await connectSynced(running.sync, running.board.id, running.board.tokens.facilitator)
    // A board of about 1 MB, so each sync request queues that much again.
    for (let i = 0; i < 10; i++)
      createItem(facilitator.doc, { type: 'note', x: i, y: 0, text: 'x'.repeat(100_000) })
    const reader = await openRaw(rawUrl(running, 'observer'))
    // Forwarded only once stored; the relay may store several of them in one write.
    const observer = await connectSynced(running.sync, running.board.id, running.board.tokens.observer)
    await waitFor(() => readItems(observer.doc).length >= 10, 'the notes stored')
    pauseReading(reader)
    for (let i = 0; i < 200; i++) reader.send(SYNC_REQUEST)

    await waitFor(async () => (await metric(running.app, 'atelier_connections')) === 2, 'the reader cut off')
    expect(await metric(running.app, 'atelier_messages_refused_total{reason="send buffer full"}')).toBe(1)
    expect(facilitator.wsconnected).toBe(true)
  })

  it('closes with 1013 a writer over its update rate; its updates before that are kept', async () => {
    const running = await startServer({ updatesPerSecond: 5 })
    const facilitator = await connectSynced(running.sync, running.board.id, running.board.tokens.facilitator)
    const writer = await openRaw(rawUrl(running, 'participant'))
    for (let i = 0; i < 50; i++) writer.send(syncMessage(SyncMessageType.update, noteUpdate(`note ${i}`)))
    expect(await closeCode(writer)).toBe(CloseCode.tryAgainLater)
    await waitFor(() => readItems(facilitator.doc).length >= 5, 'the first notes')
    expect(readItems(facilitator.doc).length).toBeLessThan(50)
    expect(facilitator.wsconnected).toBe(true)
  })

  it('refuses writes to a document past its size limit with 1008; readers stay', async () => {
    const running = await startServer({ documentBytes: 20_000 })
    const reader = await connectSynced(running.sync, running.board.id, running.board.tokens.observer)
    const writer = await openRaw(rawUrl(running, 'participant'))
    writer.send(syncMessage(SyncMessageType.update, noteUpdate('y'.repeat(30_000))))
    writer.send(syncMessage(SyncMessageType.update, noteUpdate('one too many')))
    expect(await closeCode(writer)).toBe(CloseCode.policyViolation)
    expect(readItems(reader.doc).map((item) => item.text)).not.toContain('one too many')
    expect(reader.wsconnected).toBe(true)
  })
})

describe('GET /metrics', () => {
  it('exposes connections, loaded boards, messages and store write latency as Prometheus text', async () => {
    const running = await startServer()
    const provider = await connectSynced(running.sync, running.board.id, running.board.tokens.facilitator)
    createItem(provider.doc, { type: 'note', x: 0, y: 0, text: 'counted' })
    await waitFor(
      async () => (await metric(running.app, 'atelier_store_write_seconds_count')) >= 1,
      'a write',
    )
    const response = await running.app.inject({ method: 'GET', url: '/metrics' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/plain')
    expect(await metric(running.app, 'atelier_connections')).toBe(1)
    expect(await metric(running.app, 'atelier_rooms_loaded{kind="board"}')).toBe(1)
    expect(await metric(running.app, 'atelier_messages_received_total{type="sync"}')).toBeGreaterThan(0)
    expect(await metric(running.app, 'atelier_messages_sent_total')).toBeGreaterThan(0)
    expect(response.body).toContain('atelier_store_write_seconds_bucket')
    expect(response.body).toContain('atelier_room_failures_total 0')
  })
})

/** Stops reading the socket, as a client that never reads would: what the server sends piles up. */
function pauseReading(ws: WebSocket): void {
  const socket = (ws as unknown as { _socket: { pause(): void } })._socket
  socket.pause()
}
