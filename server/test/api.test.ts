import fs from 'node:fs'
import path from 'node:path'
import {
  BOARD_ID_PATTERN,
  createItem,
  ROLES,
  type Role,
  readMeta,
  readPeople,
  roomName,
} from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { hashToken } from '../src/access.js'
import { type AppDependencies, buildApp } from '../src/app.js'
import type { Config } from '../src/config.js'
import { readDocument } from '../src/store/documents.js'
import { emptyCatalogue, type TemplateCatalogue } from '../src/templates/index.js'
import { createBoard, onCleanup, openTestStore, storedText, tempDir, testConfig } from './helpers.js'

const BASE64URL_22_PLUS = /^[A-Za-z0-9_-]{22,}$/

async function start(config: Config = testConfig(), deps: AppDependencies = {}): Promise<FastifyInstance> {
  const app = buildApp(config, deps)
  onCleanup(() => app.close())
  await app.ready()
  return app
}

function post(app: FastifyInstance, payload: string, contentType = 'application/json') {
  return app.inject({ method: 'POST', url: '/api/boards', payload, headers: { 'content-type': contentType } })
}

describe('GET /healthz', () => {
  it('answers ok', async () => {
    const response = await (await start()).inject('/healthz')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
  })
})

describe('POST /api/boards', () => {
  it('creates a board with an unguessable id and one token per role', async () => {
    const response = await post(await start(), JSON.stringify({ title: 'Retro' }))
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(Object.keys(body).sort()).toEqual(['id', 'joinCode', 'tokens'])
    expect(body.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    expect(body.id).toMatch(BOARD_ID_PATTERN)
    expect(body.id).toMatch(BASE64URL_22_PLUS)
    expect(Object.keys(body.tokens).sort()).toEqual([...ROLES].sort())
    for (const role of ROLES) expect(body.tokens[role]).toMatch(BASE64URL_22_PLUS)
    expect(new Set(Object.values(body.tokens)).size).toBe(3)
  })

  it('stores token hashes, never the tokens', async () => {
    const config = testConfig()
    const app = await start(config)
    const { id, tokens } = await createBoard(app)
    await app.close()
    const bytes = await storedText(config)
    for (const role of ROLES) {
      expect(bytes).not.toContain(tokens[role])
      expect(bytes).toContain(hashToken(tokens[role]))
    }
    const store = await openTestStore(config)
    expect(await store.findRole(id, hashToken(tokens.observer))).toBe('observer')
  })

  it('stores the board document with its meta', async () => {
    const config = testConfig()
    const store = await openTestStore(config)
    const app = await start(config, { store })
    const { id } = await createBoard(app, '  Sprint 12 retro ')
    const doc = await readDocument(store, id)
    expect(readMeta(doc)).toEqual({ schemaVersion: 1, title: 'Sprint 12 retro' })
  })

  it.each([
    ['truncated JSON', '{"title":', 'application/json', 'body must be JSON'],
    ['an empty body', '', 'application/json', 'body must be JSON'],
    ['a form body', 'title=Retro', 'application/x-www-form-urlencoded', 'body must be JSON'],
    ['an array', '[1]', 'application/json', 'body must be a JSON object'],
    ['a missing title', '{}', 'application/json', 'title is required'],
    ['a number title', '{"title":42}', 'application/json', 'title must be a string'],
    ['a blank title', '{"title":"   "}', 'application/json', 'title must not be empty'],
    [
      'a long title',
      JSON.stringify({ title: 'x'.repeat(201) }),
      'application/json',
      'title must be at most 200 characters',
    ],
    ['an extra field', '{"title":"Retro","owner":"me"}', 'application/json', 'unknown field "owner"'],
    [
      'an empty templateId',
      '{"title":"Retro","templateId":""}',
      'application/json',
      'templateId must not be empty',
    ],
    [
      'a huge body',
      JSON.stringify({ title: 'x'.repeat(70 * 1024) }),
      'application/json',
      'body is larger than 64 KiB',
    ],
  ])('answers 400 for %s', async (_case, payload, contentType, error) => {
    const response = await post(await start(), payload, contentType)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error })
  })

  it('refuses a templateId the catalogue does not know', async () => {
    const response = await post(await start(), JSON.stringify({ title: 'Retro', templateId: 'nope' }))
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: 'unknown templateId "nope"' })
  })

  it('lays the board out from a known template', async () => {
    const templates: TemplateCatalogue = {
      list: () => [
        {
          id: 'retro',
          title: { fr: 'Rétro', en: 'Retro' },
          description: { fr: '…', en: '…' },
          category: 'ideation',
        },
      ],
      expand: (templateId: string, doc: Y.Doc) => {
        if (templateId !== 'retro') return null
        createItem(doc, { type: 'frame', x: 0, y: 0, w: 800, h: 600, text: 'Went well' })
        return {}
      },
    }
    const config = testConfig()
    const store = await openTestStore(config)
    const app = await start(config, { store, templates })
    expect((await app.inject('/api/templates')).json()).toEqual(templates.list())
    const response = await post(app, JSON.stringify({ title: 'Retro', templateId: 'retro' }))
    expect(response.statusCode).toBe(201)
    const doc = await readDocument(store, response.json().id)
    expect(readMeta(doc).templateId).toBe('retro')
    expect(doc.getMap('items').size).toBe(1)
  })
})

describe('GET /api/templates', () => {
  it('answers an empty catalogue', async () => {
    const response = await (await start(testConfig(), { templates: emptyCatalogue })).inject('/api/templates')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual([])
  })
})

describe('GET /api/boards/:boardId', () => {
  it('tells each token its role', async () => {
    const app = await start()
    const { id, tokens } = await createBoard(app, 'Retro')
    for (const role of ROLES) {
      const response = await app.inject(`/api/boards/${id}?token=${tokens[role]}`)
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ id, title: 'Retro', role: role satisfies Role })
    }
  })

  it('answers 401 without a valid token of this board', async () => {
    const app = await start()
    const { id, tokens } = await createBoard(app)
    const other = await createBoard(app)
    for (const url of [
      `/api/boards/${id}`,
      `/api/boards/${id}?token=`,
      `/api/boards/${id}?token=${'A'.repeat(43)}`,
      `/api/boards/${id}?token=${other.tokens.facilitator}`,
      `/api/boards/${'B'.repeat(22)}?token=${tokens.facilitator}`,
      `/api/boards/${id}?token=${tokens.facilitator}&token=${tokens.facilitator}`,
    ]) {
      const response = await app.inject(url)
      expect(response.statusCode, url).toBe(401)
      expect(response.json()).toEqual({ error: 'a valid token of this board is required' })
    }
  })
})

describe('exports', () => {
  it('answers 401 without a valid token of this board', async () => {
    const app = await start()
    const { id } = await createBoard(app)
    const other = await createBoard(app)
    for (const file of ['notes.csv', 'report.md']) {
      expect((await app.inject(`/api/boards/${id}/export/${file}`)).statusCode).toBe(401)
      const wrong = await app.inject(`/api/boards/${id}/export/${file}?token=${other.tokens.observer}`)
      expect(wrong.statusCode).toBe(401)
    }
  })

  it('exports notes as CSV and the report as Markdown, for any role', async () => {
    const app = await start(testConfig(), { now: () => new Date('2025-03-14T12:00:00Z') })
    const { id, tokens } = await createBoard(app, 'Retro')
    for (const role of ROLES) {
      const csv = await app.inject(`/api/boards/${id}/export/notes.csv?token=${tokens[role]}`)
      expect(csv.statusCode).toBe(200)
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(csv.headers['content-disposition']).toBe('attachment; filename="retro-notes.csv"')
      expect(csv.body.startsWith('\uFEFFSection,Texte,Couleur,Auteur,Votes,')).toBe(true)
      const report = await app.inject(`/api/boards/${id}/export/report.md?token=${tokens[role]}`)
      expect(report.statusCode).toBe(200)
      expect(report.headers['content-type']).toBe('text/markdown; charset=utf-8')
      expect(report.body).toContain('# Retro\n\nCompte rendu — Date : 2025-03-14\n')
    }
    const english = await app.inject({
      url: `/api/boards/${id}/export/report.md?token=${tokens.observer}`,
      headers: { 'accept-language': 'en-GB,en;q=0.8' },
    })
    expect(english.body).toContain('Date: 2025-03-14\n\n0 notes from participants in 0 frames, 0 votes.')
    const asked = await app.inject({
      url: `/api/boards/${id}/export/report.md?token=${tokens.observer}&lang=fr`,
      headers: { 'accept-language': 'en' },
    })
    expect(asked.body).toContain('0 note des participants dans 0 section, 0 vote.')
  })

  it('names the authors the relay recorded when people joined', async () => {
    const config = testConfig()
    const store = await openTestStore(config)
    const app = await start(config, { store })
    const { id, tokens } = await createBoard(app, 'Noms')
    const joined = await app.inject({
      method: 'POST',
      url: `/api/boards/${id}/people`,
      headers: { authorization: `Bearer ${tokens.participant}` },
      payload: { name: 'Inès' },
    })
    expect(joined.statusCode).toBe(201)
    const { personId } = joined.json() as { personId: string }
    const session = await readDocument(store, roomName(id, 'session'))
    expect(readPeople(session).get(personId)).toMatchObject({ name: 'Inès', role: 'participant' })
  })
})

describe('logs', () => {
  it('never contain a token', async () => {
    const lines: string[] = []
    const app = await start(testConfig({ logLevel: 'trace' }), {
      logStream: { write: (line) => lines.push(line) },
    })
    const { id, tokens } = await createBoard(app)
    await app.inject(`/api/boards/${id}?token=${tokens.facilitator}`)
    await app.inject(`/api/boards/${id}/export/notes.csv?token=${tokens.observer}`)
    await app.inject(`/api/boards/${id}?token=${'A'.repeat(43)}`)
    const logs = lines.join('')
    expect(logs).toContain(`/api/boards/${id}?token=[redacted]`)
    for (const token of [...Object.values(tokens), 'A'.repeat(43)]) expect(logs).not.toContain(token)
  })
})

describe('static client', () => {
  it('answers 503 with a hint when the client is not built', async () => {
    const response = await (await start()).inject('/')
    expect(response.statusCode).toBe(503)
    expect(response.body).toContain('pnpm build')
  })

  it('serves files, and index.html for any other page', async () => {
    const staticDir = tempDir()
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Atelier</title>')
    fs.mkdirSync(path.join(staticDir, 'assets'))
    fs.writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)')
    const app = await start(testConfig({ staticDir }))

    const index = await app.inject('/')
    expect(index.statusCode).toBe(200)
    expect(index.body).toContain('<title>Atelier</title>')
    const asset = await app.inject('/assets/app-1234.js')
    expect(asset.body).toBe('console.log(1)')
    expect(asset.headers['cache-control']).toContain('immutable')
    const deepLink = await app.inject('/b/some-board?token=x')
    expect(deepLink.statusCode).toBe(200)
    expect(deepLink.body).toContain('<title>Atelier</title>')

    const api = await app.inject('/api/nothing-here')
    expect(api.statusCode).toBe(404)
    expect(api.json()).toEqual({ error: 'not found' })
  })
})
