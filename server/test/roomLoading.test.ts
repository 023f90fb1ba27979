import { type CreateBoardResponse, createItem, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildApp } from '../src/app.js'
import type { Config } from '../src/config.js'
import { readDocument } from '../src/store/documents.js'
import type { SqlStore } from '../src/store/sql/store.js'
import { COMPACT_ON_LOAD_AFTER } from '../src/sync/rooms.js'
import {
  connectDoc,
  connectSynced,
  createBoard,
  listen,
  onCleanup,
  openRaw,
  openTestStore,
  testConfig,
  waitFor,
} from './helpers.js'

/** A server on `config`'s store (the app closes its store as it stops; the next start opens it again). */
async function start(config: Config) {
  const store = await openTestStore(config)
  const app = buildApp(config, { store })
  onCleanup(() => app.close())
  const { sync } = await listen(app)
  return { app, store, sync }
}

function noteTexts(doc: Y.Doc): string[] {
  return readItems(doc)
    .map((item) => item.text ?? '')
    .sort()
}

/** Appends `count` notes to the stored board one update each, as a room would have logged them. */
async function logNotes(store: SqlStore, board: CreateBoardResponse, count: number): Promise<Y.Doc> {
  const doc = await readDocument(store, board.id)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) createItem(doc, { type: 'note', x: i, y: 0, text: `logged ${i}` })
  for (const update of updates) await store.appendUpdate(board.id, update)
  return doc
}

describe('room loading and sync answers', () => {
  it('never answers a joiner with a whole document older than the last update', async () => {
    const { app, sync } = await start(testConfig())
    const board = await createBoard(app)
    const writer = await connectSynced(sync, board.id, board.tokens.facilitator)
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'first' })
    // Each fresh client asks for the whole document: the second one's answer is the kept one.
    await waitFor(async () => {
      const reader = await connectSynced(sync, board.id, board.tokens.participant)
      const seen = noteTexts(reader.doc).includes('first')
      reader.destroy()
      return seen
    }, 'a joiner to get the first note')
    expect(noteTexts((await connectSynced(sync, board.id, board.tokens.participant)).doc)).toEqual(['first'])

    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'second' })
    const watcher = await connectSynced(sync, board.id, board.tokens.observer)
    await waitFor(() => noteTexts(watcher.doc).includes('second'), 'the second note to be relayed')
    const late = await connectSynced(sync, board.id, board.tokens.participant)
    expect(noteTexts(late.doc)).toEqual(['first', 'second'])
  })

  it('sends a room loaded from its snapshot alone as the store holds it', async () => {
    const config = testConfig()
    const first = await start(config)
    const board = await createBoard(first.app)
    const writer = await connectSynced(first.sync, board.id, board.tokens.facilitator)
    for (let i = 0; i < 30; i++) createItem(writer.doc, { type: 'note', x: i, y: 0, text: `note ${i}` })
    await waitFor(
      async () => (await first.store.loadDocument(board.id)).updates.length > 0,
      'the notes stored',
    )
    writer.destroy()
    await waitFor(
      async () => (await first.store.loadDocument(board.id)).updates.length === 0,
      'the log folded as the room unloads',
    )
    const stored = await readDocument(first.store, board.id)
    await first.app.close()

    const second = await start(config)
    const reader = await connectSynced(second.sync, board.id, board.tokens.participant)
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(stored))
    expect(reader.doc.getMap('items').toJSON()).toEqual(stored.getMap('items').toJSON())
    expect(reader.doc.getMap('meta').toJSON()).toEqual(stored.getMap('meta').toJSON())
    expect(noteTexts(reader.doc)).toHaveLength(30)
  })

  it('answers the first joiners of a room loaded from its snapshot, then sends them its state vector once filled', async () => {
    const config = testConfig()
    const first = await start(config)
    const board = await createBoard(first.app)
    await first.app.close()

    const second = await start(config)
    const raw = await openRaw(`${second.sync}/${board.id}?token=${board.tokens.participant}`)
    const received: number[][] = []
    raw.on('message', (data: Buffer) => received.push([data[0] as number, data[1] as number]))
    // Sync step 1 of an empty document: answered from the snapshot as stored.
    raw.send(Uint8Array.from([0, 0, 1, 0]))
    await waitFor(() => received.some(([type, step]) => type === 0 && step === 1), 'the sync answer')
    const writer = await connectSynced(second.sync, board.id, board.tokens.facilitator)
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'fills the document' })
    await waitFor(
      () => received.some(([type, step]) => type === 0 && step === 2),
      'the note relayed to the first joiner',
    )
    expect(received).toContainEqual([0, 0])
  })

  it('takes what a returning client wrote offline into a room loaded from its snapshot', async () => {
    const config = testConfig()
    const first = await start(config)
    const board = await createBoard(first.app)
    const writer = await connectSynced(first.sync, board.id, board.tokens.facilitator)
    createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'before the restart' })
    await waitFor(
      async () => noteTexts(await readDocument(first.store, board.id)).length === 1,
      'the note stored',
    )
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc))
    writer.destroy()
    await first.app.close()

    createItem(offline, { type: 'note', x: 0, y: 0, text: 'while the relay was down' })
    const second = await start(config)
    const back = connectDoc(second.sync, board.id, board.tokens.facilitator, offline)
    await waitFor(() => back.synced, 'the returning client to sync')
    await waitFor(
      async () => noteTexts(await readDocument(second.store, board.id)).length === 2,
      'the offline note stored',
    )
    const fresh = await connectSynced(second.sync, board.id, board.tokens.participant)
    expect(noteTexts(fresh.doc)).toEqual(['before the restart', 'while the relay was down'])
  })

  it('folds a long log into the snapshot as the room loads, once', async () => {
    const config = testConfig()
    const first = await start(config)
    const board = await createBoard(first.app)
    const written = await logNotes(first.store, board, COMPACT_ON_LOAD_AFTER)
    const logged = await first.store.loadDocument(board.id)
    expect(logged.updates).toHaveLength(COMPACT_ON_LOAD_AFTER)
    await first.app.close()

    const second = await start(config)
    const reader = await connectSynced(second.sync, board.id, board.tokens.participant)
    expect(noteTexts(reader.doc)).toEqual(noteTexts(written))
    const folded = await second.store.loadDocument(board.id)
    expect(folded.updates).toEqual([])
    expect(folded.lastSeq).toBe(logged.lastSeq)
    const snapshot = folded.snapshot as Uint8Array
    const fromSnapshot = new Y.Doc()
    Y.applyUpdate(fromSnapshot, snapshot)
    expect(Y.encodeStateVector(fromSnapshot)).toEqual(Y.encodeStateVector(written))
    reader.destroy()
    await second.app.close()

    // Loading again finds nothing to fold: the snapshot stays as it was.
    const third = await start(config)
    const again = await connectSynced(third.sync, board.id, board.tokens.participant)
    expect(noteTexts(again.doc)).toHaveLength(COMPACT_ON_LOAD_AFTER)
    const after = await third.store.loadDocument(board.id)
    expect(after.updates).toEqual([])
    expect(after.lastSeq).toBe(logged.lastSeq)
    expect(Buffer.from(after.snapshot as Uint8Array).equals(Buffer.from(snapshot))).toBe(true)
  })

  it('leaves a short log as it is when the room loads', async () => {
    const config = testConfig()
    const first = await start(config)
    const board = await createBoard(first.app)
    await logNotes(first.store, board, COMPACT_ON_LOAD_AFTER - 1)
    await first.app.close()

    const second = await start(config)
    const reader = await connectSynced(second.sync, board.id, board.tokens.participant)
    expect(noteTexts(reader.doc)).toHaveLength(COMPACT_ON_LOAD_AFTER - 1)
    expect((await second.store.loadDocument(board.id)).updates).toHaveLength(COMPACT_ON_LOAD_AFTER - 1)
  })
})
