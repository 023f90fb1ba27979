import { type BoardVersion, createItem, deleteItems, type RestoreResponse, readItems } from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { buildApp } from '../src/app.js'
import type { HistorySettings } from '../src/config.js'
import { isMassDelete } from '../src/history/massDelete.js'
import { readDocument } from '../src/store/documents.js'
import {
  connectSynced,
  createBoard,
  listen,
  onCleanup,
  openTestStore,
  testConfig,
  waitFor,
} from './helpers.js'

const HOUR = 3_600_000

/** A listening server whose clock the test moves by hand. */
async function startServer(history: Partial<HistorySettings> = {}) {
  const clock = { now: Date.parse('2026-03-02T09:00:00Z') }
  const base = testConfig()
  const config = { ...base, history: { ...base.history, ...history } }
  const store = await openTestStore(config)
  const app = buildApp(config, { store, now: () => new Date(clock.now) })
  onCleanup(() => app.close())
  const { sync } = await listen(app)
  return { app, store, sync, clock, board: await createBoard(app) }
}

async function versionsOf(app: FastifyInstance, boardId: string, token: string): Promise<BoardVersion[]> {
  const response = await app.inject({ url: `/api/boards/${boardId}/versions?token=${token}` })
  expect(response.statusCode).toBe(200)
  return response.json()
}

async function restore(app: FastifyInstance, boardId: string, versionId: string, token: string) {
  return app.inject({
    method: 'POST',
    url: `/api/boards/${boardId}/versions/${versionId}/restore?token=${token}`,
  })
}

function addNotes(provider: WebsocketProvider, count: number, prefix = 'note'): string[] {
  const ids: string[] = []
  provider.doc.transact(() => {
    for (let i = 0; i < count; i++) {
      ids.push(createItem(provider.doc, { type: 'note', x: i * 10, y: 0, text: `${prefix} ${i}` }))
    }
  })
  return ids
}

function noteTexts(provider: WebsocketProvider): string[] {
  return readItems(provider.doc)
    .map((item) => item.text ?? '')
    .sort()
}

describe('board history', () => {
  it('keeps a version before a participant empties the board, and a restore every client receives brings the items back', async () => {
    const { app, store, sync, board } = await startServer()
    const facilitator = await connectSynced(sync, board.id, board.tokens.facilitator)
    const participant = await connectSynced(sync, board.id, board.tokens.participant)
    const bystander = await connectSynced(sync, board.id, board.tokens.observer)
    addNotes(facilitator, 30)
    await waitFor(() => readItems(participant.doc).length === 30, 'the notes to reach the participant')
    const before = noteTexts(participant)

    // One transaction deleting every item, as a stock client can send.
    deleteItems(
      participant.doc,
      readItems(participant.doc).map((item) => item.id),
    )
    await waitFor(() => readItems(bystander.doc).length === 0, 'the delete to reach the observer')

    const versions = await versionsOf(app, board.id, board.tokens.facilitator)
    expect(versions.map((v) => [v.reason, v.items])).toEqual([
      ['mass-delete', 30],
      ['activity', 30],
    ])
    expect(Date.parse(versions[0]?.at ?? '')).toBeGreaterThan(0)

    const response = await restore(app, board.id, versions[0]?.id ?? '', board.tokens.facilitator)
    expect(response.statusCode).toBe(200)
    expect(response.json<RestoreResponse>()).toMatchObject({ restored: versions[0]?.id, items: 30 })

    for (const client of [facilitator, participant, bystander]) {
      await waitFor(() => readItems(client.doc).length === 30, 'the restore to reach every client')
      expect(noteTexts(client)).toEqual(before)
    }
    const stored = await readDocument(store, board.id)
    expect(readItems(stored).length).toBe(30)
    stored.destroy()
  })

  it('undoes a restore by restoring the version taken just before it', async () => {
    const { app, sync, board } = await startServer()
    const facilitator = await connectSynced(sync, board.id, board.tokens.facilitator)
    const observer = await connectSynced(sync, board.id, board.tokens.observer)
    const [first] = addNotes(facilitator, 2, 'kept')
    await waitFor(
      async () => (await versionsOf(app, board.id, board.tokens.facilitator)).length === 1,
      'a version',
    )
    const [kept] = await versionsOf(app, board.id, board.tokens.facilitator)

    // After the version: one note edited and moved, one deleted, one added.
    facilitator.doc.transact(() => {
      const note = facilitator.doc.getMap<Y.Map<unknown>>('items').get(first ?? '')
      note?.set('x', 500)
      const text = note?.get('text') as Y.Text
      text.delete(0, text.length)
      text.insert(0, 'changed')
    })
    deleteItems(facilitator.doc, [readItems(facilitator.doc).find((item) => item.id !== first)?.id ?? ''])
    addNotes(facilitator, 1, 'added later')
    const later = noteTexts(facilitator)
    expect(later).toEqual(['added later 0', 'changed'])
    await waitFor(() => noteTexts(observer).join() === later.join(), 'the relay to hold the later state')

    const restored = await restore(app, board.id, kept?.id ?? '', board.tokens.facilitator)
    expect(restored.statusCode).toBe(200)
    await waitFor(() => noteTexts(facilitator).join() === 'kept 0,kept 1', 'the restored notes')
    expect(readItems(facilitator.doc).find((item) => item.id === first)?.x).toBe(0)

    const [undo] = await versionsOf(app, board.id, board.tokens.facilitator)
    expect(undo).toMatchObject({ id: restored.json<RestoreResponse>().before, reason: 'restore', items: 2 })
    expect((await restore(app, board.id, undo?.id ?? '', board.tokens.facilitator)).statusCode).toBe(200)
    await waitFor(() => noteTexts(facilitator).join() === later.join(), 'the state before the restore')
  })

  it('takes a version every interval of activity, not on every update', async () => {
    const { app, sync, clock, board } = await startServer({ intervalMs: HOUR })
    const facilitator = await connectSynced(sync, board.id, board.tokens.facilitator)
    const participant = await connectSynced(sync, board.id, board.tokens.participant)
    const list = () => versionsOf(app, board.id, board.tokens.facilitator)

    addNotes(participant, 1)
    await waitFor(async () => (await list()).length === 1, 'the first activity version')
    addNotes(participant, 1)
    addNotes(facilitator, 1)
    await waitFor(() => readItems(participant.doc).length === 3, 'three notes')
    expect(await list()).toHaveLength(1)

    clock.now += HOUR
    addNotes(participant, 1)
    await waitFor(async () => (await list()).length === 2, 'a second activity version')
    expect((await list()).map((v) => [v.reason, v.items])).toEqual([
      ['activity', 4],
      ['activity', 1],
    ])
  })

  it('bounds the versions kept per board by count and by age', async () => {
    const { app, clock, board } = await startServer({ maxVersions: 3, maxAgeMs: 24 * HOUR })
    const take = async (reason: string) => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/boards/${board.id}/versions?token=${board.tokens.facilitator}`,
        payload: { reason },
      })
      expect(response.statusCode).toBe(201)
      return response.json<BoardVersion>()
    }
    const taken: BoardVersion[] = []
    for (let i = 0; i < 5; i++) {
      clock.now += 1000
      taken.push(await take(i % 2 === 0 ? 'manual' : 'template'))
    }
    const kept = await versionsOf(app, board.id, board.tokens.facilitator)
    expect(kept.map((v) => v.id)).toEqual(
      taken
        .slice(2)
        .reverse()
        .map((v) => v.id),
    )
    expect(kept.map((v) => v.reason)).toEqual(['manual', 'template', 'manual'])

    clock.now += 25 * HOUR
    const fresh = await take('manual')
    expect(await versionsOf(app, board.id, board.tokens.facilitator)).toEqual([fresh])
  })

  it('answers 401 without a valid token of this board, 403 to participants and observers, 404 for an unknown version', async () => {
    const { app, board } = await startServer()
    const other = await createBoard(app, 'Other')
    const routes = [
      { method: 'GET' as const, url: `/api/boards/${board.id}/versions` },
      { method: 'POST' as const, url: `/api/boards/${board.id}/versions` },
      { method: 'GET' as const, url: `/api/boards/${board.id}/versions/abc/items` },
      { method: 'POST' as const, url: `/api/boards/${board.id}/versions/abc/restore` },
    ]
    for (const route of routes) {
      for (const token of ['', 'nope', other.tokens.facilitator]) {
        const response = await app.inject({ ...route, url: `${route.url}?token=${token}` })
        expect(response.statusCode, `${route.method} ${route.url} with "${token}"`).toBe(401)
      }
      for (const token of [board.tokens.participant, board.tokens.observer]) {
        const response = await app.inject({ ...route, url: `${route.url}?token=${token}` })
        expect(response.statusCode).toBe(403)
        expect(response.json()).toEqual({ error: 'only a facilitator can see and restore the history' })
      }
    }
    const unknown = await restore(app, board.id, 'abc', board.tokens.facilitator)
    expect(unknown.statusCode).toBe(404)
    const items = await app.inject({
      url: `/api/boards/${board.id}/versions/abc/items?token=${board.tokens.facilitator}`,
    })
    expect(items.statusCode).toBe(404)
    const badReason = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/versions?token=${board.tokens.facilitator}`,
      payload: { reason: 'activity' },
    })
    expect(badReason.statusCode).toBe(400)
    expect(badReason.json()).toEqual({ error: 'reason must be "manual" or "template"' })
  })

  it("previews a version's items", async () => {
    const { app, sync, board } = await startServer()
    const facilitator = await connectSynced(sync, board.id, board.tokens.facilitator)
    addNotes(facilitator, 2, 'seen')
    await waitFor(
      async () => (await versionsOf(app, board.id, board.tokens.facilitator)).length === 1,
      'a version',
    )
    const [version] = await versionsOf(app, board.id, board.tokens.facilitator)
    const response = await app.inject({
      url: `/api/boards/${board.id}/versions/${version?.id}/items?token=${board.tokens.facilitator}`,
    })
    expect(response.statusCode).toBe(200)
    const body = response.json<{ version: BoardVersion; items: { text: string }[] }>()
    expect(body.version).toEqual(version)
    expect(body.items.map((item) => item.text).sort()).toEqual(['seen 0', 'seen 1'])
  })
})

describe('mass delete rule', () => {
  it('calls a delete massive from the threshold, or from half the board with at least three items', () => {
    expect(isMassDelete(20, 1000, 20)).toBe(true)
    expect(isMassDelete(19, 1000, 20)).toBe(false)
    expect(isMassDelete(3, 6, 20)).toBe(true)
    expect(isMassDelete(3, 7, 20)).toBe(false)
    expect(isMassDelete(2, 2, 20)).toBe(false)
  })
})
