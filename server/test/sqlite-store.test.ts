import fs from 'node:fs'
import path from 'node:path'
import { createItem, initBoard, readItems, setItemText } from '@atelier/shared'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashToken } from '../src/access.js'
import { readDocument } from '../src/store/documents.js'
import { BOARD_MIGRATIONS, migrate } from '../src/store/sqlite/migrations.js'
import { DATABASE_FILE, SqliteBoardStore } from '../src/store/sqlite/store.js'
import { onCleanup, tempDir } from './helpers.js'

function openStore(dir: string): SqliteBoardStore {
  const store = SqliteBoardStore.open(dir)
  onCleanup(() => store.close())
  return store
}

/** A doc whose every change is appended to the store, as the relay does. */
async function writeThrough(
  store: SqliteBoardStore,
  docName: string,
  edit: (doc: Y.Doc) => void,
): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  edit(doc)
  for (const update of updates) await store.appendUpdate(docName, update)
  return doc
}

function sameState(a: Y.Doc, b: Y.Doc): void {
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
  expect(readItems(a)).toEqual(readItems(b))
}

function editBoard(doc: Y.Doc): void {
  initBoard(doc, { title: 'Retro' })
  for (let i = 0; i < 5; i++) {
    const id = createItem(doc, { type: 'note', x: i * 10, y: 0, text: `note ${i}` })
    setItemText(doc, id, `note ${i} edited`)
  }
}

describe('SqliteBoardStore', () => {
  it('creates its schema at the latest version', () => {
    const dir = tempDir()
    openStore(dir)
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true })
    onCleanup(() => db.close())
    const version = db.prepare("SELECT version FROM schema_versions WHERE module = 'boards'").pluck().get()
    expect(version).toBe(BOARD_MIGRATIONS.steps.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it('migrates each module on its own and refuses tables newer than the code', () => {
    const db = new Database(':memory:')
    onCleanup(() => db.close())
    const votes = { module: 'votes', steps: ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (y INTEGER)'] }
    migrate(db, { module: 'votes', steps: votes.steps.slice(0, 1) })
    migrate(db, votes)
    migrate(db, votes)
    expect(db.prepare("SELECT version FROM schema_versions WHERE module = 'votes'").pluck().get()).toBe(2)
    expect(() => migrate(db, { module: 'votes', steps: ['CREATE TABLE a (x INTEGER)'] })).toThrow(
      'database tables of votes are at version 2, newer than this server (1)',
    )
  })

  it('stores boards and finds the role of a token hash, for that board only', async () => {
    const store = openStore(tempDir())
    const hashes = { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') }
    await store.createBoard({
      id: 'board-one-0123456789',
      title: 'Retro',
      templateId: null,
      createdAt: 1,
      tokenHashes: hashes,
      document: new Uint8Array([0, 0]),
    })
    expect(await store.getBoard('board-one-0123456789')).toEqual({
      id: 'board-one-0123456789',
      title: 'Retro',
      templateId: null,
      createdAt: 1,
    })
    expect(await store.findRole('board-one-0123456789', hashes.participant)).toBe('participant')
    expect(await store.findRole('board-two-0123456789', hashes.participant)).toBeNull()
    expect(await store.getBoard('board-two-0123456789')).toBeNull()

    await store.rotateToken('board-one-0123456789', 'participant', hashToken('p2'))
    expect(await store.findRole('board-one-0123456789', hashes.participant)).toBeNull()
    expect(await store.findRole('board-one-0123456789', hashToken('p2'))).toBe('participant')
  })

  it('gives back the same document from its log', async () => {
    const store = openStore(tempDir())
    const doc = await writeThrough(store, 'doc', editBoard)
    const stored = await store.loadDocument('doc')
    expect(stored.snapshot).toBeNull()
    expect(stored.updates.length).toBeGreaterThan(5)
    sameState(await readDocument(store, 'doc'), doc)
  })

  it('keeps the same document through compaction and drops the compacted log rows', async () => {
    const store = openStore(tempDir())
    const doc = await writeThrough(store, 'doc', editBoard)
    const other = await writeThrough(store, 'other', (d) => initBoard(d, { title: 'Other' }))
    const { lastSeq } = await store.loadDocument('doc')

    await store.compact('doc', Y.encodeStateAsUpdate(doc), lastSeq)
    const compacted = await store.loadDocument('doc')
    expect(compacted.updates).toEqual([])
    expect(compacted.lastSeq).toBe(lastSeq)
    sameState(await readDocument(store, 'doc'), doc)
    // Another document's log is untouched.
    expect((await store.loadDocument('other')).updates.length).toBeGreaterThan(0)
    sameState(await readDocument(store, 'other'), other)

    // Updates after the compaction land after the snapshot.
    const id = createItem(doc, { type: 'note', x: 0, y: 0, text: 'later' })
    await store.appendUpdate('doc', Y.encodeStateAsUpdate(doc))
    expect((await store.loadDocument('doc')).updates).toHaveLength(1)
    expect(readItems(await readDocument(store, 'doc')).find((item) => item.id === id)?.text).toBe('later')
  })

  it('gives back the same document after reopening the database file', async () => {
    const dir = tempDir()
    const first = SqliteBoardStore.open(dir)
    const doc = await writeThrough(first, 'doc', editBoard)
    await first.close()
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true)
    sameState(await readDocument(openStore(dir), 'doc'), doc)
  })
})
