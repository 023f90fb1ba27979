import fs from 'node:fs'
import path from 'node:path'
import { createItem, initBoard, readItems, setItemText } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashToken } from '../src/access.js'
import { readDocument } from '../src/store/documents.js'
import { DATABASE_FILE } from '../src/store/open.js'
import { migrate } from '../src/store/sql/migrations.js'
import { type SqlStore, STORE_MIGRATIONS } from '../src/store/sql/store.js'
import { legacyDatabase } from './fixtures/legacySqlite.js'
import { BACKEND, openTestStore, tempDir, testConfig } from './helpers.js'

/** A doc whose every change is appended to the store, as the relay does. */
async function writeThrough(store: SqlStore, docName: string, edit: (doc: Y.Doc) => void): Promise<Y.Doc> {
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

/**
 * Two nodes on one database: two stores, each with its own connection pool. SQLite serves one
 * process (its DATA_DIR is not shared), so there both nodes are the one store.
 */
async function twoNodes(): Promise<[SqlStore, SqlStore]> {
  const config = testConfig()
  const first = await openTestStore(config)
  return [first, BACKEND === 'postgres' ? await openTestStore(config) : first]
}

describe(`the store on ${BACKEND}`, () => {
  it('creates every module at its latest version, and refuses tables newer than the code', async () => {
    const store = await openTestStore(testConfig())
    const rows = await store.db.selectFrom('schema_versions').selectAll().orderBy('module').execute()
    expect(Object.fromEntries(rows.map((row) => [row.module, row.version]))).toEqual(
      Object.fromEntries(STORE_MIGRATIONS.map((m) => [m.module, m.steps.length])),
    )
    // Migrating again is a no-op.
    await migrate(store.db, store.backend, STORE_MIGRATIONS)
    await store.db.updateTable('schema_versions').set({ version: 99 }).where('module', '=', 'votes').execute()
    await expect(migrate(store.db, store.backend, STORE_MIGRATIONS)).rejects.toThrow(
      'database tables of votes are at version 99, newer than this server (1)',
    )
  })

  it('stores boards and finds the role of a token hash, for that board only', async () => {
    const store = await openTestStore(testConfig())
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

  it('gives back the same document from its log, numbered per document from 1', async () => {
    const store = await openTestStore(testConfig())
    const doc = await writeThrough(store, 'doc', editBoard)
    expect(await store.appendUpdate('other', Y.encodeStateAsUpdate(new Y.Doc()))).toBe(1)
    const stored = await store.loadDocument('doc')
    expect(stored.snapshot).toBeNull()
    expect(stored.updates.length).toBeGreaterThan(5)
    expect(stored.lastSeq).toBe(stored.updates.length)
    sameState(await readDocument(store, 'doc'), doc)
  })

  it('keeps the same document through compaction and drops the compacted log rows', async () => {
    const store = await openTestStore(testConfig())
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

    // Updates after the compaction land after the snapshot, numbered on from it.
    const id = createItem(doc, { type: 'note', x: 0, y: 0, text: 'later' })
    expect(await store.appendUpdate('doc', Y.encodeStateAsUpdate(doc))).toBe(lastSeq + 1)
    expect((await store.loadDocument('doc')).updates).toHaveLength(1)
    expect(readItems(await readDocument(store, 'doc')).find((item) => item.id === id)?.text).toBe('later')
  })

  it('gives the updates after a sequence number, or null once compaction folded them', async () => {
    const store = await openTestStore(testConfig())
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 4; i++) createItem(doc, { type: 'note', x: i, y: 0, text: `n${i}` })
    // One after the other, as a room's queue appends them: on a pool, concurrent appends may commit in any order.
    const seqs: number[] = []
    for (const update of updates) seqs.push(await store.appendUpdate('doc', update))
    expect(seqs).toEqual([1, 2, 3, 4])

    const after2 = await store.loadUpdatesAfter('doc', 2)
    expect(after2?.updates.map((u) => u.seq)).toEqual([3, 4])
    expect(after2?.lastSeq).toBe(4)
    const replayed = new Y.Doc()
    for (const { update } of (await store.loadUpdatesAfter('doc', 0))?.updates ?? [])
      Y.applyUpdate(replayed, update)
    sameState(replayed, doc)
    expect(await store.loadUpdatesAfter('doc', 4)).toEqual({ updates: [], lastSeq: 4 })
    expect(await store.loadUpdatesAfter('unknown', 0)).toEqual({ updates: [], lastSeq: 0 })

    await store.compact('doc', Y.encodeStateAsUpdate(doc), 3)
    expect(await store.loadUpdatesAfter('doc', 2)).toBeNull()
    expect((await store.loadUpdatesAfter('doc', 3))?.updates.map((u) => u.seq)).toEqual([4])
  })

  it('compacts idempotently: again, out of order, and from two nodes at once, without losing an update', async () => {
    const [a, b] = await twoNodes()
    const doc = await writeThrough(a, 'doc', editBoard)
    const { lastSeq } = await a.loadDocument('doc')
    const early = Y.encodeStateAsUpdate(doc)
    const extra = createItem(doc, { type: 'note', x: 0, y: 0, text: 'after the first snapshot' })
    await a.appendUpdate('doc', Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(early)))
    const late = Y.encodeStateAsUpdate(doc)

    // Both nodes fold the same document at once, at different points of its log, twice each.
    await Promise.all([
      a.compact('doc', early, lastSeq),
      b.compact('doc', late, lastSeq + 1),
      a.compact('doc', early, lastSeq),
      b.compact('doc', late, lastSeq + 1),
    ])
    // A snapshot older than the stored one never replaces it.
    await a.compact('doc', early, lastSeq)
    const stored = await b.loadDocument('doc')
    expect(stored.lastSeq).toBe(lastSeq + 1)
    expect(stored.updates).toEqual([])
    sameState(await readDocument(b, 'doc'), doc)
    expect(readItems(await readDocument(a, 'doc')).some((item) => item.id === extra)).toBe(true)
  })

  it('numbers the appends of two nodes to one document in commit order, none lost', async () => {
    const [a, b] = await twoNodes()
    const writers = [new Y.Doc(), new Y.Doc()]
    const appends: Promise<number>[] = []
    for (let i = 0; i < 20; i++) {
      for (const [n, store] of [a, b].entries()) {
        const writer = writers[n] as Y.Doc
        const before = Y.encodeStateVector(writer)
        createItem(writer, { type: 'note', x: i, y: n, text: `${n}-${i}` })
        appends.push(store.appendUpdate('doc', Y.encodeStateAsUpdate(writer, before)))
      }
    }
    const seqs = await Promise.all(appends)
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    const texts = readItems(await readDocument(a, 'doc')).map((item) => item.text)
    expect(texts).toHaveLength(40)
  })

  it('keeps an append made while another write is in a transaction out of it: its rollback loses nothing', async () => {
    const store = await openTestStore(testConfig())
    const writer = new Y.Doc()
    createItem(writer, { type: 'note', x: 0, y: 0, text: 'kept' })
    let appended: Promise<number> | null = null
    const rolledBack = store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('doc_updates')
        .values({ doc_name: 'other', seq: 1, update_data: Buffer.from([0, 0]) })
        .execute()
      appended = store.appendUpdate('doc', Y.encodeStateAsUpdate(writer))
      // Let the append run as far as it can while the transaction is open.
      await new Promise((resolve) => setTimeout(resolve, 20))
      throw new Error('roll back')
    })
    await expect(rolledBack).rejects.toThrow('roll back')
    expect(await (appended as Promise<number> | null)).toBe(1)
    expect(readItems(await readDocument(store, 'doc')).map((item) => item.text)).toEqual(['kept'])
    expect((await store.loadDocument('other')).updates).toEqual([])
  })

  it('closes a poll once of four closes on two nodes, and takes no answer after it', async () => {
    const [a, b] = await twoNodes()
    await a.createBoard({
      id: 'board-poll-0123456789',
      title: 'Quiz',
      templateId: null,
      createdAt: 1,
      tokenHashes: { facilitator: hashToken('f'), participant: hashToken('p'), observer: hashToken('o') },
      document: new Uint8Array([0, 0]),
    })
    await a.games.createPoll({
      boardId: 'board-poll-0123456789',
      pollId: 'poll',
      kind: 'single',
      question: 'Q ?',
      options: [{ id: 'a', label: 'A' }],
      correctOptionIds: [],
      timeLimitMs: 20_000,
      points: 0,
      status: 'open',
      openedAt: 1,
      closedAt: null,
    })
    const closed = await Promise.all(
      [a, b, a, b].map((store, i) => store.games.close('board-poll-0123456789', 'poll', 100 + i)),
    )
    expect(closed.filter(Boolean)).toHaveLength(1)
    expect(
      await b.games.record('board-poll-0123456789', 'poll', {
        personId: 'ana',
        answer: { optionIds: ['a'] },
        answeredAt: 200,
      }),
    ).toEqual({ ok: false, reason: 'poll-closed' })
    expect(await a.games.answers('board-poll-0123456789', 'poll')).toEqual([])
  })

  it('gives back the same document after reopening the database', async () => {
    const config = testConfig()
    const first = await openTestStore(config)
    const doc = await writeThrough(first, 'doc', editBoard)
    await first.close()
    if (BACKEND === 'sqlite') expect(fs.existsSync(path.join(config.dataDir, DATABASE_FILE))).toBe(true)
    sameState(await readDocument(await openTestStore(config), 'doc'), doc)
  })
})

describe.runIf(BACKEND === 'sqlite')('a SQLite data dir of an earlier release', () => {
  it('opens and upgrades without losing a row: boards, documents, votes, polls, versions, libraries, secrets', async () => {
    const dataDir = tempDir()
    const board = 'old-board-0123456789ab'
    const db = legacyDatabase(dataDir)
    db.prepare("INSERT INTO boards VALUES (?, 'Ancien', 'swot-ffom', 1000)").run(board)
    for (const [role, token] of [
      ['facilitator', 'f'],
      ['participant', 'p'],
      ['observer', 'o'],
    ]) {
      db.prepare('INSERT INTO tokens VALUES (?, ?, ?)').run(board, role, hashToken(token as string))
    }
    db.prepare("INSERT INTO join_codes VALUES (?, 'ABCDEF', ?)").run(board, Date.now() + 60_000)
    db.prepare('INSERT INTO join_tokens VALUES (?, ?)').run(hashToken('joined'), board)
    // Two documents whose logs interleave in the old global numbering, one with a snapshot.
    const boardDoc = new Y.Doc()
    initBoard(boardDoc, { title: 'Ancien' })
    db.prepare('INSERT INTO doc_snapshots VALUES (?, ?, 0)').run(
      board,
      Buffer.from(Y.encodeStateAsUpdate(boardDoc)),
    )
    const session = new Y.Doc()
    for (let i = 0; i < 3; i++) {
      for (const [name, doc] of [
        [board, boardDoc],
        [`${board}/session`, session],
      ] as const) {
        const before = Y.encodeStateVector(doc)
        if (doc === boardDoc) createItem(doc, { type: 'note', x: i, y: 0, text: `idée ${i}` })
        else doc.getMap('state').set(`step-${i}`, i)
        db.prepare('INSERT INTO doc_updates (doc_name, update_data) VALUES (?, ?)').run(
          name,
          Buffer.from(Y.encodeStateAsUpdate(doc, before)),
        )
      }
    }
    db.prepare("INSERT INTO ballots VALUES (?, 'round', 'ana', 'item', 2)").run(board)
    db.prepare(
      `INSERT INTO polls VALUES (?, 'poll', 'single', 'Q ?', '[{"id":"a","label":"A"}]', '[]', 20000, 0, 'open', 5, NULL)`,
    ).run(board)
    db.prepare(`INSERT INTO poll_answers VALUES (?, 'poll', 'ana', '{"optionIds":["a"]}', 6)`).run(board)
    db.prepare(
      "INSERT INTO board_versions (id, board_id, taken_at, reason, item_count, state) VALUES ('v1', ?, 7, 'manual', 0, ?)",
    ).run(board, Buffer.from([0, 0]))
    db.prepare("INSERT INTO libraries VALUES ('lib', 'Labo', ?, 8)").run(hashToken('lib'))
    db.prepare("INSERT INTO library_templates VALUES ('lib', 'tpl', '{}', 8, 9)").run()
    db.prepare("INSERT INTO server_secrets VALUES ('person-credentials', ?)").run(Buffer.alloc(32, 7))
    db.close()

    const store = await openTestStore({ dataDir, databaseUrl: null })
    expect(await store.getBoard(board)).toEqual({
      id: board,
      title: 'Ancien',
      templateId: 'swot-ffom',
      createdAt: 1000,
    })
    expect(await store.findRole(board, hashToken('o'))).toBe('observer')
    expect(await store.findRole(board, hashToken('joined'))).toBe('participant')
    expect(await store.findBoardByJoinCode('ABCDEF', Date.now())).toBe(board)
    const stored = await store.loadDocument(board)
    expect(stored.updates).toHaveLength(3)
    // The old numbers are kept (1, 3, 5 for the board): new appends go on after the last.
    expect(stored.lastSeq).toBe(5)
    sameState(await readDocument(store, board), boardDoc)
    expect((await readDocument(store, `${board}/session`)).getMap('state').toJSON()).toEqual({
      'step-0': 0,
      'step-1': 1,
      'step-2': 2,
    })
    expect(await store.appendUpdate(board, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(6)
    expect(await store.appendUpdate(`${board}/session`, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(7)
    expect(await store.votes.totals(board, 'round')).toEqual([{ itemId: 'item', count: 2 }])
    expect((await store.games.getPoll(board, 'poll'))?.question).toBe('Q ?')
    expect((await store.games.answerOf(board, 'poll', 'ana'))?.answer).toEqual({ optionIds: ['a'] })
    expect((await store.versions.list(board)).map((v) => v.id)).toEqual(['v1'])
    expect(await store.libraries.findLibrary('lib', hashToken('lib'))).toMatchObject({ name: 'Labo' })
    expect((await store.libraries.listTemplates('lib')).map((t) => t.templateId)).toEqual(['tpl'])
    expect(await store.serverSecret('person-credentials')).toEqual(Buffer.alloc(32, 7))
  })
})
