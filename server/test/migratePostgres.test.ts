import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createItem, readItems, writeRound } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildApp } from '../src/app.js'
import { readDocument } from '../src/store/documents.js'
import { moveToPostgres } from '../src/store/toPostgres.js'
import { connectSyncedAs, join } from './facilitation.js'
import {
  BACKEND,
  connectSynced,
  createBoard,
  listen,
  onCleanup,
  openTestStore,
  tempDir,
  testConfig,
  waitFor,
} from './helpers.js'
import { serverDir } from './serverProcess.js'

/** The smallest valid PNG (1×1, transparent). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

/** A lab's SQLite data dir after a workshop, filled through the app as people would. */
async function sqliteWorkshop(dataDir: string) {
  const app = buildApp(testConfig({ dataDir, databaseUrl: null }))
  onCleanup(() => app.close())
  const { sync } = await listen(app)
  const board = await createBoard(app, 'Atelier mobilité')
  const facilitator = await join(app, board, 'facilitator')
  const ana = await join(app, board, 'participant')
  const client = await connectSynced(sync, board.id, board.tokens.facilitator)
  const ideas = ['Vélos', 'Navettes', 'Covoiturage'].map((text, i) =>
    createItem(client.doc, { type: 'note', x: i * 200, y: 0, text }),
  )
  const session = await connectSyncedAs(sync, `${board.id}/session`, facilitator)
  writeRound(session.doc, {
    id: 'r1',
    title: 'Priorités',
    frameIds: [],
    itemIds: ideas,
    status: 'open',
    openedAt: 1,
    budget: 2,
  })
  const stored = await openTestStore({ dataDir, databaseUrl: null })
  await waitFor(async () => readItems(await readDocument(stored, board.id)).length === 3, 'the notes stored')
  const auth = (person: { token: string; credential: string }) => ({
    authorization: `Bearer ${person.token}`,
    'x-atelier-person': person.credential,
  })
  await waitFor(async () => {
    const vote = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/rounds/r1/votes`,
      headers: auth(ana),
      payload: { itemId: ideas[0], delta: 1 },
    })
    return vote.statusCode === 200
  }, 'a vote accepted')
  const poll = await app.inject({
    method: 'POST',
    url: `/api/boards/${board.id}/polls`,
    headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    payload: {
      kind: 'single',
      question: 'On commence ?',
      options: [
        { id: 'a', label: 'Oui' },
        { id: 'b', label: 'Non' },
      ],
    },
  })
  expect(poll.statusCode).toBe(201)
  const pollId = poll.json<{ pollId: string }>().pollId
  expect(
    (
      await app.inject({
        method: 'POST',
        url: `/api/boards/${board.id}/polls/${pollId}/answers`,
        headers: auth(ana),
        payload: { optionIds: ['a'] },
      })
    ).statusCode,
  ).toBe(200)
  const image = await app.inject({
    method: 'POST',
    url: `/api/boards/${board.id}/images`,
    headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'image/png' },
    payload: PNG,
  })
  expect(image.statusCode).toBe(201)
  const version = await app.inject({
    method: 'POST',
    url: `/api/boards/${board.id}/versions`,
    headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    payload: {},
  })
  expect(version.statusCode).toBe(201)
  const library = await app.inject({ method: 'POST', url: '/api/libraries', payload: { name: 'Labo' } })
  expect(library.statusCode).toBe(201)
  await app.close()
  return {
    board,
    ana,
    ideas,
    pollId,
    src: image.json<{ src: string }>().src,
    library: library.json<{ id: string; token: string }>(),
  }
}

describe.runIf(BACKEND === 'postgres')('moving a SQLite data dir to PostgreSQL', () => {
  it('moves every kind, the PostgreSQL node serves the same boards, and a second run moves nothing', async () => {
    const dataDir = tempDir()
    const lab = await sqliteWorkshop(dataDir)
    const sqlite = await openTestStore({ dataDir, databaseUrl: null })
    const config = testConfig()
    const postgres = await openTestStore(config)

    // One update still in the log, not folded into the snapshot.
    const late = await readDocument(sqlite, lab.board.id)
    const before = Y.encodeStateVector(late)
    createItem(late, { type: 'note', x: 0, y: 500, text: 'Autopartage' })
    await sqlite.appendUpdate(lab.board.id, Y.encodeStateAsUpdate(late, before))
    const versions = await sqlite.versions.list(lab.board.id)
    const counts = await moveToPostgres(sqlite, postgres)
    expect(counts).toMatchObject({
      boards: 1,
      tokens: 3,
      'join codes': 1,
      'join tokens': 0,
      votes: 1,
      polls: 1,
      'poll answers': 1,
      'history versions': versions.length,
      libraries: 1,
      'server secrets': 1,
      images: 1,
    })
    // The board and its session, their logs folded when the SQLite server stopped.
    expect(counts['document snapshots']).toBeGreaterThanOrEqual(2)
    expect(counts['document updates']).toBe(1)

    const app = buildApp(config, { store: postgres })
    onCleanup(() => app.close())
    const { board, ana, ideas, pollId, src, library } = lab
    const opened = await app.inject(`/api/boards/${board.id}?token=${board.tokens.observer}`)
    expect(opened.json()).toMatchObject({ title: 'Atelier mobilité', role: 'observer' })
    expect(
      readItems(await readDocument(postgres, board.id))
        .map((item) => item.text)
        .sort(),
    ).toEqual(['Autopartage', 'Covoiturage', 'Navettes', 'Vélos'])
    // Ana's credential, signed with the SQLite server's secret, still proves who she is.
    const mine = await app.inject({
      url: `/api/boards/${board.id}/rounds/r1/votes/mine`,
      headers: { authorization: `Bearer ${ana.token}`, 'x-atelier-person': ana.credential },
    })
    expect(mine.statusCode).toBe(200)
    expect(mine.json().mine).toEqual({ [ideas[0] as string]: 1 })
    expect((await postgres.games.answerOf(board.id, pollId, ana.personId))?.answer).toEqual({
      optionIds: ['a'],
    })
    const image = await app.inject(`${src}?token=${board.tokens.observer}`)
    expect(image.statusCode).toBe(200)
    expect(image.rawPayload.equals(PNG)).toBe(true)
    // The manual version and the one activity took, newest first as on SQLite.
    expect(versions.length).toBeGreaterThanOrEqual(1)
    expect(await postgres.versions.list(board.id)).toEqual(versions)
    const libraryResponse = await app.inject({
      url: `/api/libraries/${library.id}`,
      headers: { authorization: `Bearer ${library.token}` },
    })
    expect(libraryResponse.json()).toMatchObject({ name: 'Labo' })

    const again = await moveToPostgres(sqlite, postgres)
    expect(Object.values(again).every((n) => n === 0)).toBe(true)
  }, 60_000)

  it('is a command that prints what it moved per kind, then that nothing is new', async () => {
    const dataDir = tempDir()
    await sqliteWorkshop(dataDir)
    const databaseUrl = testConfig().databaseUrl as string
    const run = () =>
      promisify(execFile)(
        process.execPath,
        [
          '--conditions=@atelier/source',
          '--import',
          'tsx',
          'src/cli/migratePostgres.ts',
          '--data-dir',
          dataDir,
          '--database-url',
          databaseUrl,
        ],
        { cwd: serverDir },
      )
    const first = await run()
    expect(first.stdout).toMatch(/^ {2}boards +1$/m)
    expect(first.stdout).toMatch(/^ {2}images +1$/m)
    expect(first.stdout).toMatch(/^Moved \d+ rows and files\.$/m)
    const second = await run()
    expect(second.stdout).toMatch(/^ {2}boards +0$/m)
    expect(second.stdout).toContain(
      'Nothing new to move: PostgreSQL already holds everything of this data dir.',
    )
  }, 60_000)
})
