import type { Socket } from 'node:net'
import {
  CloseCode,
  CloseReason,
  type CreateBoardResponse,
  createItem,
  MessageType,
  readItems,
  SyncMessageType,
} from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { buildApp } from '../src/app.js'
import type { Config } from '../src/config.js'
import { readDocument } from '../src/store/documents.js'
import { storeParts } from '../src/store/open.js'
import { SqlStore } from '../src/store/sql/store.js'
import { Frame, frameWriter } from '../src/sync/frames.js'
import { join } from './facilitation.js'
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

/** The store, recording each append to a board's document, that can be made to fail as a full disk. */
class RecordingStore extends SqlStore {
  full = false
  readonly appends: { docName: string; update: Uint8Array }[] = []
  /** Called as each append starts, before anything is written. */
  onAppend: (docName: string) => void = () => {}
  /** While set, appends wait for it: what arrives meanwhile is read into the next batch. */
  gate: Promise<void> | null = null

  override async appendUpdate(docName: string, update: Uint8Array): Promise<number> {
    this.onAppend(docName)
    await this.gate
    if (this.full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    const seq = await super.appendUpdate(docName, update)
    this.appends.push({ docName, update })
    return seq
  }
}

function recordingStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>): RecordingStore {
  const { database, images } = storeParts(config, { warn() {} })
  return new RecordingStore(database, images)
}

interface Running {
  app: FastifyInstance
  store: RecordingStore
  sync: string
  board: CreateBoardResponse
}

async function start(): Promise<Running> {
  const config = testConfig()
  const store = recordingStore(config)
  const app = buildApp(config, { store })
  onCleanup(() => app.close())
  const { sync } = await listen(app)
  return { app, store, sync, board: await createBoard(app) }
}

function rawUrl({ sync, board }: Running, role: keyof CreateBoardResponse['tokens']): string {
  return `${sync}/${board.id}?token=${board.tokens[role]}`
}

function syncMessage(subType: number, payload: Uint8Array): Uint8Array {
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, MessageType.sync)
  encoding.writeVarUint(message, subType)
  encoding.writeVarUint8Array(message, payload)
  return encoding.toUint8Array(message)
}

function noteMessage(text: string): Uint8Array {
  const doc = new Y.Doc()
  createItem(doc, { type: 'note', x: 0, y: 0, text })
  return syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(doc))
}

/** Sends messages in one write, so that the relay reads them together, as one batch. */
function sendTogether(ws: WebSocket, messages: Uint8Array[]): void {
  const socket = (ws as unknown as { _socket: Socket })._socket
  socket.cork()
  for (const message of messages) ws.send(message)
  socket.uncork()
}

function texts(provider: WebsocketProvider): string[] {
  return readItems(provider.doc)
    .map((item) => item.text ?? '')
    .sort()
}

function storedTexts(doc: Y.Doc): string[] {
  return readItems(doc)
    .map((item) => item.text ?? '')
    .sort()
}

async function metric(app: FastifyInstance, line: string): Promise<number> {
  const response = await app.inject({ method: 'GET', url: '/metrics' })
  const found = response.body.split('\n').find((l) => l.startsWith(`${line} `))
  return found ? Number(found.slice(line.length + 1)) : 0
}

describe('updates that arrive together (group commit)', () => {
  it('are stored as one entry, in one write, before any of them is forwarded', async () => {
    const running = await start()
    const { store, board } = running
    const reader = await connectSynced(running.sync, board.id, board.tokens.observer)
    const writer = await openRaw(rawUrl(running, 'participant'))
    const seenAtAppend: string[][] = []
    store.onAppend = (docName) => {
      if (docName === board.id) seenAtAppend.push(texts(reader))
    }
    const before = store.appends.filter((append) => append.docName === board.id).length

    sendTogether(writer, ['one', 'two', 'three'].map(noteMessage))
    await waitFor(() => texts(reader).length === 3, 'the three notes')

    const appended = store.appends.filter((append) => append.docName === board.id).slice(before)
    expect(appended).toHaveLength(1)
    expect(seenAtAppend).toEqual([[]])
    const entry = new Y.Doc()
    for (const { update } of appended) Y.applyUpdate(entry, update)
    expect(storedTexts(entry)).toEqual(['one', 'three', 'two'])
    expect(storedTexts(await readDocument(store, board.id))).toEqual(['one', 'three', 'two'])
  })

  it('when the write fails, forwards none of them and refuses only their writer', async () => {
    const running = await start()
    const { app, store, board } = running
    const reader = await connectSynced(running.sync, board.id, board.tokens.observer)
    const bystander = await connectSynced(running.sync, board.id, board.tokens.participant)
    const bystanderCloses: number[] = []
    bystander.on('connection-close', (event) => {
      if (event) bystanderCloses.push(event.code)
    })
    const writer = await openRaw(rawUrl(running, 'participant'))
    const writerClosed = new Promise<{ code: number; reason: string }>((resolve) =>
      writer.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )

    store.full = true
    sendTogether(writer, ['lost one', 'lost two'].map(noteMessage))
    expect(await writerClosed).toEqual({
      code: CloseCode.tryAgainLater,
      reason: CloseReason.storeUnavailable,
    })

    store.full = false
    // Asking for the health probes the store: the relay takes writers again.
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    // A later update goes through: the lost ones were never forwarded, nor reloaded into the room.
    createItem(bystander.doc, { type: 'note', x: 0, y: 0, text: 'after' })
    await waitFor(() => texts(reader).includes('after'), 'the later note')
    expect(texts(reader)).toEqual(['after'])
    expect(storedTexts(await readDocument(store, board.id))).toEqual(['after'])
    expect(bystanderCloses).toEqual([])
    expect(reader.wsconnected).toBe(true)
    expect(bystander.wsconnected).toBe(true)
    expect(await metric(app, 'atelier_room_failures_total')).toBe(0)
  })

  it('answers a sync request read after an update only once that update is stored', async () => {
    const running = await start()
    const { store, board } = running
    const writer = await openRaw(rawUrl(running, 'participant'))
    const events: string[] = []
    store.onAppend = (docName) => {
      if (docName === board.id) events.push('storing')
    }
    const answer = new Promise<Y.Doc>((resolve) => {
      writer.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) !== MessageType.sync) return
        if (decoding.readVarUint(decoder) !== SyncMessageType.step2) return
        events.push('answered')
        const doc = new Y.Doc()
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
        resolve(doc)
      })
    })

    sendTogether(writer, [
      noteMessage('early'),
      syncMessage(SyncMessageType.step1, Y.encodeStateVector(new Y.Doc())),
    ])

    expect(storedTexts(await answer)).toEqual(['early'])
    expect(events).toEqual(['storing', 'answered'])
  })

  it('forwards an awareness update read after a document update behind that update, as sent', async () => {
    const running = await start()
    const watcher = await openRaw(rawUrl(running, 'observer'))
    const writer = await openRaw(rawUrl(running, 'participant'))
    const seen: string[] = []
    const marked = new Promise<void>((resolve) => {
      watcher.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        const type = decoding.readVarUint(decoder)
        if (type === MessageType.sync && decoding.readVarUint(decoder) === SyncMessageType.update) {
          seen.push('update')
        }
        if (type === MessageType.awareness && data.includes('marker')) {
          seen.push('awareness')
          resolve()
        }
      })
    })
    const presence = encoding.createEncoder()
    encoding.writeVarUint(presence, 1)
    encoding.writeVarUint(presence, 4242)
    encoding.writeVarUint(presence, 1)
    encoding.writeVarString(presence, JSON.stringify({ marker: 'after the note' }))
    const awareness = encoding.createEncoder()
    encoding.writeVarUint(awareness, MessageType.awareness)
    encoding.writeVarUint8Array(awareness, encoding.toUint8Array(presence))

    sendTogether(writer, [noteMessage('first'), encoding.toUint8Array(awareness)])
    await marked
    expect(seen).toEqual(['update', 'awareness'])
  })

  it('from several sockets, refused ones among them: stores and forwards the valid ones, and the room carries on', async () => {
    const running = await start()
    const { app, store, board } = running
    const reader = await connectSynced(running.sync, board.id, board.tokens.observer)
    const [first, valid, malformed, reverted, later] = await Promise.all(
      Array.from({ length: 5 }, () => openRaw(rawUrl(running, 'participant'))),
    )
    if (!first || !valid || !malformed || !reverted || !later) throw new Error('a socket did not open')
    let open = (): void => {}
    store.gate = new Promise<void>((resolve) => {
      open = resolve
    })
    const appending = new Promise<void>((resolve) => {
      store.onAppend = (docName) => {
        if (docName === board.id) resolve()
      }
    })
    first.send(noteMessage('first'))
    await appending
    // Read while the first note is being stored: the room handles these four in one task.
    valid.send(noteMessage('valid'))
    malformed.send(syncMessage(SyncMessageType.update, new Uint8Array([1, 2, 3])))
    const junk = new Y.Doc()
    ;(junk.getMap('items') as Y.Map<unknown>).set('junk', 5)
    reverted.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(junk)))
    later.send(noteMessage('also valid'))
    const malformedClosed = closeCode(malformed)
    // Long enough for the four messages to be read; none is handled before the store answers.
    await new Promise((resolve) => setTimeout(resolve, 100))
    open()
    expect(await malformedClosed).toBe(CloseCode.unsupportedData)

    await waitFor(() => texts(reader).length === 3, 'the three valid notes')
    expect(texts(reader)).toEqual(['also valid', 'first', 'valid'])
    const stored = await readDocument(store, board.id)
    expect(storedTexts(stored)).toEqual(['also valid', 'first', 'valid'])
    expect(stored.getMap('items').has('junk')).toBe(false)
    expect(reader.doc.getMap('items').has('junk')).toBe(false)
    // The room still takes updates, and the socket whose update was reverted stays.
    valid.send(noteMessage('afterwards'))
    await waitFor(() => texts(reader).includes('afterwards'), 'a note after the batch')
    expect(reverted.readyState).toBe(WebSocket.OPEN)
    expect(await metric(app, 'atelier_room_failures_total')).toBe(0)
  })

  it('closes with 1003 a sync request with a malformed state vector read after an update', async () => {
    const running = await start()
    const reader = await connectSynced(running.sync, running.board.id, running.board.tokens.observer)
    const writer = await openRaw(rawUrl(running, 'participant'))
    // A state vector that announces more entries than it holds.
    sendTogether(writer, [noteMessage('kept'), syncMessage(SyncMessageType.step1, new Uint8Array([5, 1]))])
    expect(await closeCode(writer)).toBe(CloseCode.unsupportedData)
    await waitFor(() => texts(reader).includes('kept'), 'the update before the request')
    expect(await metric(running.app, 'atelier_room_failures_total')).toBe(0)
  })
})

describe('fan-out', () => {
  it('reaches every socket in the room with the same bytes, the writer excepted', async () => {
    const running = await start()
    const { board } = running
    const writer = await connectSynced(running.sync, board.id, board.tokens.facilitator)
    const readers = await Promise.all(
      Array.from({ length: 6 }, () => connectSynced(running.sync, board.id, board.tokens.observer)),
    )
    const raws = await Promise.all([
      openRaw(rawUrl(running, 'observer')),
      openRaw(rawUrl(running, 'observer')),
    ])
    const updatesReceived = raws.map((raw) => {
      const received: string[] = []
      raw.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) !== MessageType.sync) return
        if (decoding.readVarUint(decoder) === SyncMessageType.update) received.push(data.toString('hex'))
      })
      return received
    })

    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'to everyone' })
    for (const reader of readers) await waitFor(() => texts(reader).includes('to everyone'), 'the note')
    await waitFor(() => updatesReceived.every((received) => received.length === 1), 'the raw sockets')
    expect(updatesReceived[0]).toEqual(updatesReceived[1])
    expect(texts(writer)).toEqual(['to everyone'])
  })

  it('sends a writer nothing of an update kept as sent, and the correction of one the rules corrected', async () => {
    const running = await start()
    const { app, board, sync } = running
    const person = await join(app, board, 'participant')
    const reader = await connectSynced(sync, board.id, board.tokens.observer)
    const writer = await openRaw(`${sync}/${board.id}?token=${person.token}&person=${person.credential}`)
    const sentBack: Uint8Array[] = []
    writer.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.sync) return
      if (decoding.readVarUint(decoder) === SyncMessageType.update)
        sentBack.push(decoding.readVarUint8Array(decoder))
    })
    const doc = new Y.Doc()
    const send = (note: Parameters<typeof createItem>[1]) => {
      const before = Y.encodeStateVector(doc)
      createItem(doc, note)
      writer.send(syncMessage(SyncMessageType.update, Y.encodeStateAsUpdate(doc, before)))
    }

    // As Atelier's client writes it: its author, the time now. Nothing to correct.
    send({ type: 'note', x: 0, y: 0, text: 'honest', author: person.personId, createdAt: Date.now() })
    await waitFor(() => texts(reader).includes('honest'), 'the honest note')
    // No author: the relay stamps it, in the same stored change.
    send({ type: 'note', x: 0, y: 300, text: 'unsigned' })
    await waitFor(() => texts(reader).includes('unsigned'), 'the unsigned note')
    await waitFor(() => sentBack.length > 0, 'the correction back to its writer')

    expect(sentBack).toHaveLength(1)
    Y.applyUpdate(doc, sentBack[0] as Uint8Array)
    const items = readItems(doc).map((item) => [item.text, item.author])
    expect(items.sort()).toEqual([
      ['honest', person.personId],
      ['unsigned', person.personId],
    ])
    expect(running.store.appends.filter((append) => append.docName === board.id)).toHaveLength(2)
  })

  it('declines per-message compression, which clients offer by default', async () => {
    const running = await start()
    const raw = await openRaw(rawUrl(running, 'observer'))
    expect(raw.extensions).toBe('')
  })
})

/** Sends each payload as a prebuilt frame from a `ws` server, and resolves with what a `ws` client read. */
async function throughFrames(
  payloads: Buffer[],
  perMessageDeflate: boolean,
): Promise<{ extensions: string; received: Buffer[] }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate })
  onCleanup(() => new Promise((resolve) => server.close(resolve)))
  await new Promise((resolve) => server.once('listening', resolve))
  const writeErrors: Error[] = []
  server.on('connection', (ws) => {
    const write = frameWriter(ws)
    for (const payload of payloads) {
      write(new Frame(payload), (error) => {
        if (error) writeErrors.push(error)
      })
    }
  })
  const { port } = server.address() as { port: number }
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate })
  onCleanup(() => client.terminate())
  const received: Buffer[] = []
  await new Promise<void>((resolve, reject) => {
    client.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) reject(new Error('a text frame'))
      received.push(data)
      if (received.length === payloads.length) resolve()
    })
    client.on('error', reject)
  })
  expect(writeErrors).toEqual([])
  return { extensions: client.extensions, received }
}

describe('Frame', () => {
  const payloads = [0, 1, 125, 126, 65_535, 65_536, 200_000].map((length) => {
    const payload = Buffer.alloc(length)
    for (let i = 0; i < length; i++) payload[i] = (i * 31 + length) % 256
    return payload
  })

  it('is read back by a WebSocket client whole and in order, at every length encoding', async () => {
    const { extensions, received } = await throughFrames(payloads, false)
    expect(extensions).toBe('')
    expect(received.map((data) => data.length)).toEqual(payloads.map((payload) => payload.length))
    expect(received.every((data, i) => data.equals(payloads[i] as Buffer))).toBe(true)
  })

  it('goes through ws.send when the connection negotiated compression', async () => {
    const { extensions, received } = await throughFrames(payloads, true)
    expect(extensions).toContain('permessage-deflate')
    expect(received.every((data, i) => data.equals(payloads[i] as Buffer))).toBe(true)
  })
})
