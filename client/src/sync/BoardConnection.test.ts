// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { BoardConnection, browserEnvironment } from './BoardConnection.js'
import { LocalCopy } from './localCopy.js'

/** A socket that opens at once, records what the provider sends and is handed the relay's messages. */
class FakeSocket {
  static readonly OPEN = 1
  readonly OPEN = 1
  static opened: FakeSocket[] = []
  readyState = 0
  binaryType = 'blob'
  sent: Uint8Array[] = []
  onopen: (() => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onerror: (() => void) | null = null

  constructor(readonly url: string) {
    FakeSocket.opened.push(this)
    queueMicrotask(() => {
      this.readyState = 1
      this.onopen?.()
    })
  }

  send(data: Uint8Array): void {
    this.sent.push(new Uint8Array(data))
  }

  close(): void {
    this.readyState = 3
    this.onclose?.({ code: 1000, reason: '' })
  }

  receive(message: Uint8Array): void {
    this.onmessage?.({ data: message.slice().buffer })
  }
}

/** The relay's answer to a sync request: the whole of `doc`. */
function syncStep2Of(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep2(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** The sync sub-types of the sync messages a socket sent (0 request, 1 answer, 2 update). */
function syncKinds(sent: Uint8Array[]): number[] {
  return sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message)
    return decoding.readVarUint(decoder) === 0 ? [decoding.readVarUint(decoder)] : []
  })
}

async function storedItems(boardId: string): Promise<{ items: Record<string, unknown>; rows: number }> {
  const doc = new Y.Doc()
  const copy = await LocalCopy.open(`atelier-${boardId}`, doc, (error) => {
    throw error
  })
  const rows = copy.takeStored()
  for (const update of rows) Y.applyUpdate(doc, update)
  await copy.close()
  return { items: doc.getMap('items').toJSON(), rows: rows.length }
}

let boards = 0

/** This page's environment, with sockets the test plays the relay on. */
function open(boardId: string): BoardConnection {
  return new BoardConnection(boardId, 'token', null, {
    ...browserEnvironment(),
    WebSocket: FakeSocket as unknown as typeof WebSocket,
  })
}

afterEach(() => {
  FakeSocket.opened = []
})

describe('BoardConnection', () => {
  it("takes the relay's whole-board answer into the document and, once, whole into the local copy; the person's edits go to both", async () => {
    const boardId = `board-${++boards}`
    const connection = open(boardId)
    expect(await connection.localLoaded).toBe(false)
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.readyState).toBe(1))
    const socket = FakeSocket.opened[0] as FakeSocket
    expect(syncKinds(socket.sent)).toEqual([0])

    const relay = new Y.Doc()
    for (let i = 0; i < 50; i++) relay.getMap('items').set(`note-${i}`, `idea ${i}`)
    socket.receive(syncStep2Of(relay))
    expect(connection.provider.synced).toBe(true)
    expect(connection.doc.getMap('items').size).toBe(50)
    // Nothing sent back, and nothing written row by row: the answer reaches the copy whole.
    expect(syncKinds(socket.sent)).toEqual([0])
    expect(await storedItems(boardId)).toEqual({ items: {}, rows: 0 })

    connection.doc.getMap('items').set('mine', 'typed here')
    expect(syncKinds(socket.sent)).toEqual([0, 2])
    connection.destroy()
    await vi.waitFor(async () => {
      const stored = await storedItems(boardId)
      expect(stored.rows).toBe(1)
      expect(Object.keys(stored.items)).toHaveLength(51)
      expect(stored.items.mine).toBe('typed here')
    })
  })

  it('applies the local copy before it connects, so it asks the relay only for what the copy lacks', async () => {
    const boardId = `board-${++boards}`
    const first = open(boardId)
    await first.localLoaded
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.readyState).toBe(1))
    first.doc.getMap('items').set('kept', 'on this device')
    first.destroy()
    await vi.waitFor(async () =>
      expect((await storedItems(boardId)).items).toEqual({ kept: 'on this device' }),
    )

    const second = open(boardId)
    expect(await second.localLoaded).toBe(true)
    expect(second.doc.getMap('items').get('kept')).toBe('on this device')
    await vi.waitFor(() => expect(FakeSocket.opened[1]?.sent.length).toBeGreaterThan(0))
    const request = decoding.createDecoder(FakeSocket.opened[1]?.sent[0] as Uint8Array)
    decoding.readVarUint(request)
    decoding.readVarUint(request)
    const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(request))
    expect(stateVector.get(first.doc.clientID)).toBeGreaterThan(0)
    second.destroy()
  })

  it('stops sending what the relay refuses as malformed, and starts over from the board with an empty copy', async () => {
    const boardId = `board-${++boards}`
    const connection = open(boardId)
    await connection.localLoaded
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.readyState).toBe(1))
    connection.doc.getMap('items').set('refused', 'something the relay cannot take')
    await vi.waitFor(async () => expect((await storedItems(boardId)).rows).toBe(1))

    // Refused once: it may have been that message; the tab reconnects and sends it again.
    FakeSocket.opened[0]?.onclose?.({ code: 1003, reason: 'malformed message' })
    expect(connection.getSnapshot().status).not.toBe('stopped')
    await vi.waitFor(() => expect(FakeSocket.opened[1]?.readyState).toBe(1))
    // Refused again: the tab stops, rather than send it for ever.
    FakeSocket.opened[1]?.onclose?.({ code: 1003, reason: 'malformed message' })
    expect(connection.getSnapshot().status).toBe('stopped')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(FakeSocket.opened).toHaveLength(2)

    await connection.startOver()
    expect(await storedItems(boardId)).toEqual({ items: {}, rows: 0 })
    connection.destroy()
  })

  it('connects while the copy opens when the page found it empty, and waits for it otherwise', async () => {
    /** A device whose IndexedDB never answers and whose 500 ms wait never ends. */
    const stuck = (copyFoundEmpty: boolean) =>
      new BoardConnection(`board-${++boards}`, 'token', null, {
        ...browserEnvironment(),
        WebSocket: FakeSocket as unknown as typeof WebSocket,
        openLocalCopy: () => new Promise(() => undefined),
        copyFoundEmpty: async () => copyFoundEmpty,
        timers: { setTimeout: () => 0, clearTimeout: () => undefined },
      })
    const held = stuck(false)
    const empty = stuck(true)
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1))
    expect(FakeSocket.opened[0]?.url).toContain(empty.boardId)
    await vi.waitFor(() => expect(syncKinds(FakeSocket.opened[0]?.sent ?? [])).toEqual([0]))
    expect(FakeSocket.opened).toHaveLength(1)
    held.destroy()
    empty.destroy()
  })
})
