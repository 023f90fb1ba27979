import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {
  type CreateBoardResponse,
  createItem,
  imagesPath,
  readAgenda,
  readItems,
  readMeta,
  roomName,
  setItemText,
  writePrivateCount,
} from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildApp } from '../src/app.js'
import { readDocument } from '../src/store/documents.js'
import type { SqlStore } from '../src/store/sql/store.js'
import { onCleanup, openTestStore, testConfig } from './helpers.js'

/** The smallest valid PNG (1×1, transparent). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

interface Server {
  app: FastifyInstance
  store: SqlStore
  dataDir: string
}

async function start(): Promise<Server> {
  const config = testConfig()
  const store = await openTestStore(config)
  const app = buildApp(config, { store })
  onCleanup(() => app.close())
  await app.ready()
  return { app, store, dataDir: config.dataDir }
}

/** Writes to a stored document as the relay would: one more update in its log. */
async function edit(store: SqlStore, docName: string, change: (doc: Y.Doc) => void): Promise<void> {
  const doc = await readDocument(store, docName)
  const before = Y.encodeStateVector(doc)
  change(doc)
  await store.appendUpdate(docName, Y.encodeStateAsUpdate(doc, before))
}

/** An FFOM board after a session: notes, an image, a ballot, a closed quiz with answers. */
async function workshop({ app, store }: Server): Promise<CreateBoardResponse> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/boards',
    payload: { title: 'Diagnostic accueil', templateId: 'swot-ffom' },
  })
  const board = created.json<CreateBoardResponse>()
  const upload = await app.inject({
    method: 'POST',
    url: `/api/boards/${board.id}/images`,
    headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'image/png' },
    payload: PNG,
  })
  expect(upload.statusCode).toBe(201)
  const { src } = upload.json<{ src: string }>()
  await edit(store, board.id, (doc) => {
    const note = createItem(doc, {
      type: 'note',
      x: 0,
      y: 0,
      text: 'Équipe soudée',
      author: 'person-ana-0000001',
    })
    setItemText(doc, note, 'Équipe soudée et motivée')
    createItem(doc, { type: 'image', x: 300, y: 300, w: 64, h: 64, src })
  })
  const { votes } = store
  const noteId = readItems(await readDocument(store, board.id)).find((item) =>
    item.text?.startsWith('Équipe'),
  )?.id
  await votes.cast(
    { boardId: board.id, roundId: 'round-1', personId: 'person-ana-0000001', itemId: noteId ?? '', delta: 1 },
    { status: 'open', budget: 3 },
    true,
  )
  const { games } = store
  await games.createPoll({
    boardId: board.id,
    pollId: 'poll-1',
    kind: 'single',
    question: 'Qui pilote ?',
    options: [
      { id: 'a', label: 'Claire' },
      { id: 'b', label: 'Karim' },
    ],
    correctOptionIds: ['b'],
    timeLimitMs: 20_000,
    points: 100,
    status: 'open',
    openedAt: 1000,
    closedAt: null,
  })
  await games.record(board.id, 'poll-1', {
    personId: 'person-ana-0000001',
    answer: { optionIds: ['b'] },
    answeredAt: 2000,
  })
  await games.close(board.id, 'poll-1', 3000)
  return board
}

async function exportBackup(app: FastifyInstance, board: CreateBoardResponse): Promise<Buffer> {
  const response = await app.inject(
    `/api/boards/${board.id}/export/board.atelier?token=${board.tokens.facilitator}`,
  )
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toBe('application/zip')
  expect(response.headers['content-disposition']).toBe(
    'attachment; filename="diagnostic-accueil-board.atelier"',
  )
  return response.rawPayload
}

function importBackup(app: FastifyInstance, body: Uint8Array, type = 'application/octet-stream') {
  return app.inject({
    method: 'POST',
    url: '/api/boards/import',
    headers: { 'content-type': type },
    payload: Buffer.from(body),
  })
}

async function boardCount(store: SqlStore): Promise<number> {
  const { n } = await store.db
    .selectFrom('boards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}

/** The boards that hold images: folders in DATA_DIR on SQLite, rows on PostgreSQL. */
async function imageBoards({ store, dataDir }: Server): Promise<string[]> {
  if (store.backend === 'postgres') {
    const rows = await store.db
      .selectFrom('images')
      .select('board_id')
      .distinct()
      .orderBy('board_id')
      .execute()
    return rows.map((row) => row.board_id)
  }
  const root = path.join(dataDir, 'images')
  return fs.existsSync(root) ? fs.readdirSync(root).sort() : []
}

// Each case runs a whole workshop, an export and an import: seconds on a loaded machine.
describe('board backup', { timeout: 30_000 }, () => {
  it('round trip: the imported board has the same items, texts and positions, session, votes, polls and images', async () => {
    const server = await start()
    const { app, store } = server
    const board = await workshop(server)
    const imported = await importBackup(app, await exportBackup(app, board))
    expect(imported.statusCode).toBe(201)
    const created = imported.json<CreateBoardResponse>()
    expect(Object.keys(created).sort()).toEqual(['id', 'joinCode', 'tokens'])
    expect(created.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
    const joined = await app.inject(`/api/join/${created.joinCode}`)
    expect(joined.json()).toMatchObject({ boardId: created.id })
    expect(Object.keys(created.tokens).sort()).toEqual(['facilitator', 'observer', 'participant'])
    expect(created.id).not.toBe(board.id)

    const [before, after] = await Promise.all([
      readDocument(store, board.id),
      readDocument(store, created.id),
    ])
    const byId = (doc: Y.Doc) => readItems(doc).sort((a, b) => a.id.localeCompare(b.id))
    const original = byId(before)
    const copy = byId(after)
    expect(copy.map((item) => item.id)).toEqual(original.map((item) => item.id))
    original.forEach((item, index) => {
      const twin = copy[index]
      if (item.type === 'image') {
        expect(twin).toEqual({
          ...item,
          src: item.src?.replace(imagesPath(board.id), imagesPath(created.id)),
        })
      } else expect(twin).toEqual(item)
    })
    expect(original.length).toBeGreaterThan(15)
    expect(copy.find((item) => item.type === 'note' && item.author)?.text).toBe('Équipe soudée et motivée')

    const [sessionBefore, sessionAfter] = await Promise.all([
      readDocument(store, roomName(board.id, 'session')),
      readDocument(store, roomName(created.id, 'session')),
    ])
    expect(readAgenda(sessionAfter)).toEqual(readAgenda(sessionBefore))
    expect(readAgenda(sessionAfter)).toHaveLength(5)

    const records = store.backups
    expect(await records.read(created.id)).toEqual(await records.read(board.id))
    expect((await records.read(created.id)).ballots).toHaveLength(1)
    expect((await records.read(created.id)).polls[0]?.answers).toHaveLength(1)

    const src = copy.find((item) => item.type === 'image')?.src
    const image = await app.inject(`${src}?token=${created.tokens.observer}`)
    expect(image.statusCode).toBe(200)
    expect(image.rawPayload.equals(PNG)).toBe(true)

    const title = await app.inject(`/api/boards/${created.id}?token=${created.tokens.facilitator}`)
    expect(title.json()).toEqual({ id: created.id, title: 'Diagnostic accueil', role: 'facilitator' })
  })

  it('is the facilitator’s: 401 without a valid token of this board, 403 for the other links', async () => {
    const server = await start()
    const board = await workshop(server)
    const url = `/api/boards/${board.id}/export/board.atelier`
    expect((await server.app.inject(url)).statusCode).toBe(401)
    expect((await server.app.inject(`${url}?token=${'A'.repeat(43)}`)).statusCode).toBe(401)
    for (const role of ['participant', 'observer'] as const) {
      const refused = await server.app.inject(`${url}?token=${board.tokens[role]}`)
      expect(refused.statusCode).toBe(403)
      expect(refused.json()).toEqual({ error: 'only a facilitator can export the whole board' })
    }
    const bearer = await server.app.inject({
      url,
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(bearer.statusCode).toBe(200)
  })

  describe('a damaged file is refused whole', () => {
    type Files = Record<string, Uint8Array>
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
    const rezip = (files: Files) => zipSync(files)
    const withManifest = (files: Files, change: (manifest: Record<string, unknown>) => void): Files => {
      const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array))
      change(manifest)
      return { ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) }
    }
    /** Replaces an entry and its checksum, so only its content is wrong. */
    const replaced = (files: Files, name: string, bytes: Uint8Array): Files =>
      withManifest({ ...files, [name]: bytes }, (manifest) => {
        ;(manifest.entries as Record<string, string>)[name] = sha(bytes)
      })

    const cases: Array<[string, (good: Uint8Array, files: Files) => Uint8Array, string]> = [
      ['random bytes', () => new Uint8Array(512).fill(7), 'the file is not a zip archive'],
      [
        'a truncated file',
        (good) => good.subarray(0, Math.floor(good.length / 2)),
        'the file is not a zip archive',
      ],
      [
        'no manifest',
        (_good, files) =>
          rezip(Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'manifest.json'))),
        'manifest.json is missing',
      ],
      [
        'a manifest that is not JSON',
        (_good, files) => rezip({ ...files, 'manifest.json': strToU8('{"format":') }),
        'manifest.json is not valid JSON',
      ],
      [
        'a manifest without its board',
        (_good, files) => rezip(withManifest(files, (manifest) => delete manifest.board)),
        'manifest.json (board)',
      ],
      [
        'a newer format version',
        (_good, files) => rezip(withManifest(files, (manifest) => (manifest.formatVersion = 2))),
        'backup format version 2 is newer than this server reads (1)',
      ],
      [
        'a checksum mismatch',
        (_good, files) => {
          const board = new Uint8Array(files['board.yjs'] as Uint8Array)
          board.set([(board.at(-3) ?? 0) ^ 0xff], board.length - 3)
          return rezip({ ...files, 'board.yjs': board })
        },
        'checksum mismatch for board.yjs',
      ],
      [
        'invalid Yjs bytes',
        (_good, files) => rezip(replaced(files, 'board.yjs', new Uint8Array([1, 2, 3, 4, 5]))),
        'board.yjs is not a valid Yjs update',
      ],
      [
        'a Yjs document that is not a board',
        (_good, files) => rezip(replaced(files, 'board.yjs', Y.encodeStateAsUpdate(new Y.Doc()))),
        'board.yjs is not an Atelier board',
      ],
      [
        'an entry the manifest does not list',
        (_good, files) => rezip({ ...files, 'extra.bin': new Uint8Array([1]) }),
        'extra.bin is not in the manifest',
      ],
      [
        'votes of the wrong shape',
        (_good, files) => rezip(replaced(files, 'votes.json', strToU8('[{"roundId":"r"}]'))),
        'votes.json',
      ],
      [
        'an image that is not one',
        (_good, files) => {
          const name = Object.keys(files).find((entry) => entry.startsWith('images/')) ?? ''
          return rezip(replaced(files, name, strToU8('<svg/>')))
        },
        'is not a PNG, JPEG, GIF or WebP image',
      ],
    ]

    for (const [what, damage, message] of cases) {
      it(`${what} → 400 naming the problem, no board, no image`, async () => {
        const server = await start()
        const good = new Uint8Array(await exportBackup(server.app, await workshop(server)))
        const boards = await boardCount(server.store)
        const dirs = await imageBoards(server)
        const refused = await importBackup(server.app, damage(good, unzipSync(good)))
        expect(refused.statusCode).toBe(400)
        expect(refused.json().error).toMatch(/^damaged backup: /)
        expect(refused.json().error).toContain(message)
        expect(await boardCount(server.store)).toBe(boards)
        expect(await imageBoards(server)).toEqual(dirs)
      })
    }

    it('another content type or an empty body → 400', async () => {
      const server = await start()
      const good = await exportBackup(server.app, await workshop(server))
      const json = await importBackup(server.app, good, 'application/json')
      expect(json.statusCode).toBe(400)
      expect(json.json().error).toBe('body must be a backup file sent as application/octet-stream')
      expect((await importBackup(server.app, new Uint8Array())).statusCode).toBe(400)
    })
  })

  it('a restore that fails in the store leaves no board behind', async () => {
    const { store } = await start()
    const records = store.backups
    const ballot = { roundId: 'r', personId: 'p', itemId: 'i', count: 1 }
    const board = {
      id: 'restored-board-000001',
      title: 'T',
      templateId: null,
      createdAt: 1,
      tokenHashes: { facilitator: 'a'.repeat(64), participant: 'b'.repeat(64), observer: 'c'.repeat(64) },
      document: Y.encodeStateAsUpdate(new Y.Doc()),
    }
    await expect(records.restore(board, new Uint8Array([0, 0]), [ballot, ballot], [])).rejects.toThrow()
    expect(await store.getBoard(board.id)).toBeNull()
    expect((await store.loadDocument(roomName(board.id, 'session'))).snapshot).toBeNull()
  })
})

describe('private notes in the backup', { timeout: 30_000 }, () => {
  async function person(app: FastifyInstance, boardId: string, token: string, payload: object) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/boards/${boardId}/people`,
      headers: { authorization: `Bearer ${token}` },
      payload,
    })
    expect(response.statusCode).toBe(201)
    return response.json<{ personId: string; credential: string }>()
  }

  it('come back private to their author after an import, who takes their identity back', async () => {
    const server = await start()
    const { app, store } = server
    const board = await workshop(server)
    const ana = await person(app, board.id, board.tokens.participant, { name: 'Ana' })
    const bob = await person(app, board.id, board.tokens.participant, { name: 'Bob' })
    await edit(store, roomName(board.id, 'private', ana.personId), (doc) => {
      createItem(doc, { type: 'note', x: 10, y: 20, text: 'Idée pas encore révélée', author: ana.personId })
    })
    await edit(store, roomName(board.id, 'session'), (doc) => {
      writePrivateCount(doc, ana.personId, 1)
      writePrivateCount(doc, bob.personId, 0)
    })

    const backup = await exportBackup(app, board)
    const entries = Object.keys(unzipSync(new Uint8Array(backup)))
    expect(entries.filter((name) => name.startsWith('private/'))).toEqual([`private/${ana.personId}.yjs`])
    const imported = await importBackup(app, backup)
    expect(imported.statusCode).toBe(201)
    const created = imported.json<CreateBoardResponse>()

    // Still private: in Ana's private room of the new board, not on its board.
    const room = await readDocument(store, roomName(created.id, 'private', ana.personId))
    expect(readItems(room).map((item) => [item.text, item.author])).toEqual([
      ['Idée pas encore révélée', ana.personId],
    ])
    const newBoard = await readDocument(store, created.id)
    expect(readItems(newBoard).some((item) => item.text === 'Idée pas encore révélée')).toBe(false)
    expect(readMeta(newBoard).importedFrom).toBe(board.id)

    // Ana's credential on the old board gives her the same person, and so her private room, back.
    const back = await person(app, created.id, created.tokens.participant, {
      name: 'Ana',
      previous: { boardId: board.id, credential: ana.credential },
    })
    expect(back.personId).toBe(ana.personId)
    expect(app.personCredentials.verify(created.id, 'participant', back.credential)).toBe(ana.personId)

    // Anything else is a new person: no credential, a forged one, another link's role, another board.
    const forged = `${ana.personId}.${'A'.repeat(43)}`
    const other = await workshop(server)
    for (const [token, previous] of [
      [created.tokens.participant, undefined],
      [created.tokens.participant, { boardId: board.id, credential: forged }],
      [created.tokens.observer, { boardId: board.id, credential: ana.credential }],
      [created.tokens.participant, { boardId: other.id, credential: ana.credential }],
    ] as const) {
      const stranger = await person(app, created.id, token, {
        name: 'Ana',
        ...(previous ? { previous } : {}),
      })
      expect(stranger.personId).not.toBe(ana.personId)
    }
  })

  it('refuses a private room entry that is not a Yjs document', async () => {
    const server = await start()
    const board = await workshop(server)
    const files = unzipSync(new Uint8Array(await exportBackup(server.app, board)))
    const junk = strToU8('not yjs')
    const name = `private/${'p'.repeat(22)}.yjs`
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array()))
    manifest.entries[name] = createHash('sha256').update(junk).digest('hex')
    const damaged = zipSync({ ...files, [name]: junk, 'manifest.json': strToU8(JSON.stringify(manifest)) })
    const refused = await importBackup(server.app, damaged)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error).toBe(`damaged backup: ${name} is not a valid Yjs update`)
  })
})
