import {
  builtinTemplates,
  type CreateBoardResponse,
  parseTemplate,
  readAgenda,
  readItems,
  readMeta,
  readTemplateKit,
  roomName,
} from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { langOf } from '../src/language.js'
import { readDocument } from '../src/store/documents.js'
import type { SqlStore } from '../src/store/sql/store.js'
import { onCleanup, openTestStore, testConfig } from './helpers.js'

async function start(): Promise<{ app: FastifyInstance; store: SqlStore }> {
  const config = testConfig()
  const store = await openTestStore(config)
  const app = buildApp(config, { store })
  onCleanup(() => app.close())
  await app.ready()
  return { app, store }
}

async function createFrom(
  app: FastifyInstance,
  templateId: string,
  headers: Record<string, string> = {},
): Promise<CreateBoardResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/boards',
    payload: { title: 'Atelier', templateId },
    headers,
  })
  expect(response.statusCode).toBe(201)
  return response.json()
}

describe('GET /api/templates', () => {
  it('lists the 14 built-in templates with exactly the contract keys', async () => {
    const { app } = await start()
    const response = await app.inject('/api/templates')
    expect(response.statusCode).toBe(200)
    const list = response.json() as Array<Record<string, unknown>>
    expect(list.map((t) => t.id)).toEqual(builtinTemplates().map((t) => t.id))
    for (const entry of list) {
      expect(Object.keys(entry).sort()).toEqual(['category', 'description', 'id', 'title'])
      expect(Object.keys(entry.title as object).sort()).toEqual(['en', 'fr'])
    }
  })

  it('gives a built-in template file, and 404 for an unknown one', async () => {
    const { app } = await start()
    const response = await app.inject('/api/templates/swot-ffom')
    expect(response.statusCode).toBe(200)
    expect(parseTemplate(response.json())).toEqual(builtinTemplates().find((t) => t.id === 'swot-ffom'))
    expect((await app.inject('/api/templates/nope')).statusCode).toBe(404)
  })
})

describe('POST /api/boards with a templateId', () => {
  it('lays out the board and writes the agenda into the session document before answering', async () => {
    const { app, store } = await start()
    const { id } = await createFrom(app, 'lewin-change')
    const board = await readDocument(store, id)
    expect(readMeta(board)).toMatchObject({ title: 'Atelier', templateId: 'lewin-change' })
    const frames = readItems(board).filter((item) => item.type === 'frame')
    expect(frames.map((f) => f.text)).toEqual([
      'Le changement visé',
      '1. Décristallisation',
      '2. Transition',
      '3. Cristallisation',
    ])
    const session = await readDocument(store, roomName(id, 'session'))
    const agenda = readAgenda(session)
    expect(agenda.map((s) => s.title)).toEqual([
      'Le changement visé',
      'Décristallisation',
      'Mise en commun',
      'Transition',
      'Cristallisation',
      'Priorités',
    ])
    // Steps point at the frames just written on the board.
    const frameIds = new Set(frames.map((f) => f.id))
    for (const step of agenda) expect(frameIds.has(step.frameId as string)).toBe(true)
    expect(readTemplateKit(session).templateId).toBe('lewin-change')
  })

  it('stores decks and gamification settings with the agenda', async () => {
    const { app, store } = await start()
    const { id } = await createFrom(app, 'serious-games')
    const kit = readTemplateKit(await readDocument(store, roomName(id, 'session')))
    expect(kit.decks.length).toBeGreaterThan(0)
    expect(kit.gamification).toMatchObject({ scoreBy: expect.any(String) })
  })

  it('writes the language the request prefers, French by default', async () => {
    const { app, store } = await start()
    const en = await createFrom(app, 'swot-ffom', { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' })
    const fr = await createFrom(app, 'swot-ffom')
    const titles = async (boardId: string) =>
      readItems(await readDocument(store, boardId))
        .filter((item) => item.type === 'frame')
        .map((f) => f.text)
    expect(await titles(en.id)).toContain('Strengths')
    expect(await titles(fr.id)).toContain('Forces')
  })

  it('refuses an unknown templateId and stores nothing for it', async () => {
    const { app } = await start()
    const response = await app.inject({
      method: 'POST',
      url: '/api/boards',
      payload: { title: 'Atelier', templateId: 'nope' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: 'unknown templateId "nope"' })
  })
})

describe('langOf', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['de-DE,de;q=0.9', 'fr'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['fr;q=0.4,en;q=0.8', 'en'],
    ['en;q=0,fr', 'fr'],
  ] as const)('%s → %s', (header, lang) => {
    expect(langOf(header)).toBe(lang)
  })
})
