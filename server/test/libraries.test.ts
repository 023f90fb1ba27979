import {
  builtinTemplates,
  type CreateLibraryResponse,
  parseTemplate,
  readAgenda,
  readItems,
  readMeta,
  roomName,
  serializeTemplate,
  type Template,
} from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { hashToken } from '../src/access.js'
import { buildApp } from '../src/app.js'
import { readDocument } from '../src/store/documents.js'
import { onCleanup, openTestStore, storedText, testConfig } from './helpers.js'

const lewin = builtinTemplates().find((t) => t.id === 'lewin-change') as Template

/** A lab's copy of a built-in, as a lab would edit it. */
function labCopy(overrides: Partial<Template> = {}): Template {
  return { ...lewin, id: 'changement-lab06', author: 'Lab 06', lab: 'Lab 06 — Alpes-Maritimes', ...overrides }
}

async function start(config = testConfig()) {
  const store = await openTestStore(config)
  const app = buildApp(config, { store })
  onCleanup(() => app.close())
  await app.ready()
  return { app, store, config }
}

async function createLibrary(app: FastifyInstance, name = 'Lab 06'): Promise<CreateLibraryResponse> {
  const response = await app.inject({ method: 'POST', url: '/api/libraries', payload: { name } })
  expect(response.statusCode).toBe(201)
  return response.json()
}

function as(library: CreateLibraryResponse) {
  return { authorization: `Bearer ${library.token}` }
}

async function addTemplate(app: FastifyInstance, library: CreateLibraryResponse, body: unknown) {
  return app.inject({
    method: 'POST',
    url: `/api/libraries/${library.id}/templates`,
    headers: as(library),
    payload: body as object,
  })
}

describe('lab libraries', () => {
  it('creates a library with an unguessable id and token, storing only the token hash', async () => {
    const { app, config } = await start()
    const library = await createLibrary(app, '  Lab 06  ')
    expect(library.name).toBe('Lab 06')
    expect(library.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(library.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    await app.close()
    const bytes = await storedText(config)
    expect(bytes).not.toContain(library.token)
    expect(bytes).toContain(hashToken(library.token))
  })

  it.each([
    [{}, 'name is required'],
    [{ name: '   ' }, 'name must not be empty'],
    [{ name: 'x'.repeat(101) }, 'name must be at most 100 characters'],
    [{ name: 'Lab', colour: 'red' }, 'unknown field "colour"'],
  ])('refuses to create a library from %j', async (payload, error) => {
    const { app } = await start()
    const response = await app.inject({ method: 'POST', url: '/api/libraries', payload })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error })
  })

  it('lists, adds, updates, renames and removes templates', async () => {
    const { app } = await start()
    const library = await createLibrary(app)
    const base = `/api/libraries/${library.id}`

    expect((await app.inject({ url: base, headers: as(library) })).json()).toEqual({
      id: library.id,
      name: 'Lab 06',
      templates: [],
    })

    const added = await addTemplate(app, library, labCopy())
    expect(added.statusCode).toBe(201)
    expect(added.json()).toEqual({
      id: 'changement-lab06',
      title: lewin.title,
      description: lewin.description,
      category: 'change',
    })
    expect((await addTemplate(app, library, labCopy())).statusCode).toBe(409)

    const updated = labCopy({
      version: '1.1.0',
      title: { fr: 'Changement, version Lab 06', en: 'Change, Lab 06' },
    })
    const put = await app.inject({
      method: 'PUT',
      url: `${base}/templates/changement-lab06`,
      headers: as(library),
      payload: updated,
    })
    expect(put.statusCode).toBe(200)
    const listed = (await app.inject({ url: base, headers: as(library) })).json().templates as Template[]
    expect(listed).toEqual([parseTemplate(updated)])

    const renamed = await app.inject({
      method: 'PATCH',
      url: base,
      headers: as(library),
      payload: { name: 'Lab 06 — ateliers' },
    })
    expect(renamed.json()).toEqual({ id: library.id, name: 'Lab 06 — ateliers' })

    const removed = await app.inject({
      method: 'DELETE',
      url: `${base}/templates/changement-lab06`,
      headers: as(library),
    })
    expect(removed.statusCode).toBe(204)
    expect((await app.inject({ url: base, headers: as(library) })).json()).toMatchObject({
      name: 'Lab 06 — ateliers',
      templates: [],
    })
    const again = await app.inject({
      method: 'DELETE',
      url: `${base}/templates/changement-lab06`,
      headers: as(library),
    })
    expect(again.statusCode).toBe(404)
  })

  it('refuses an invalid template with an error naming each field, and stores nothing', async () => {
    const { app } = await start()
    const library = await createLibrary(app)
    const broken = JSON.parse(serializeTemplate(labCopy())) as Record<string, unknown>
    ;(broken.title as Record<string, unknown>).en = undefined
    broken.frames = [{ ...(lewin.frames[0] as object), w: -5 }]
    const response = await addTemplate(app, library, broken)
    expect(response.statusCode).toBe(400)
    const { error } = response.json() as { error: string }
    expect(error).toMatch(/^invalid template: /)
    expect(error).toContain('title.en: is required')
    expect(error).toContain('frames[0].w: must be a positive number')
    const list = (await app.inject({ url: `/api/libraries/${library.id}`, headers: as(library) })).json()
    expect(list.templates).toEqual([])
  })

  it('refuses a PUT whose body names another template, and a PUT of a missing one', async () => {
    const { app } = await start()
    const library = await createLibrary(app)
    await addTemplate(app, library, labCopy())
    const mismatch = await app.inject({
      method: 'PUT',
      url: `/api/libraries/${library.id}/templates/changement-lab06`,
      headers: as(library),
      payload: labCopy({ id: 'autre' }),
    })
    expect(mismatch.statusCode).toBe(400)
    expect(mismatch.json()).toEqual({ error: 'id: must be "changement-lab06", the id in the URL' })
    const missing = await app.inject({
      method: 'PUT',
      url: `/api/libraries/${library.id}/templates/autre`,
      headers: as(library),
      payload: labCopy({ id: 'autre' }),
    })
    expect(missing.statusCode).toBe(404)
  })

  it('exports a template file that imports back identically (round trip)', async () => {
    const { app } = await start()
    const first = await createLibrary(app, 'Lab 06')
    const second = await createLibrary(app, 'Lab 31')
    await addTemplate(app, first, labCopy())
    const exported = await app.inject({
      url: `/api/libraries/${first.id}/templates/changement-lab06`,
      headers: as(first),
    })
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-disposition']).toBe('attachment; filename="changement-lab06.json"')
    // What a lab mails to another: the file's text, imported as is.
    const imported = await addTemplate(app, second, JSON.parse(exported.body))
    expect(imported.statusCode).toBe(201)
    const reexported = await app.inject({
      url: `/api/libraries/${second.id}/templates/changement-lab06`,
      headers: as(second),
    })
    expect(reexported.body).toBe(exported.body)
    expect(parseTemplate(JSON.parse(reexported.body))).toEqual(parseTemplate(labCopy()))
  })

  it('migrates an older template file on import', async () => {
    const { app } = await start()
    const library = await createLibrary(app)
    const draft = {
      id: 'brouillon',
      title: 'Brouillon',
      description: 'Un ancien fichier',
      category: 'ideation',
      author: 'Lab 06',
      licence: 'CC-BY-SA-4.0',
      version: '0.1.0',
      facilitation: 'Simple.',
      participants: { min: 2, max: 10 },
      durationMinutes: 30,
      frames: [{ id: 'idees', title: 'Idées', x: 0, y: 0, w: 600, h: 400 }],
      agenda: [{ id: 'etape', title: 'Idées', instructions: 'Écrivez.', duration: 5, frameId: 'idees' }],
    }
    expect((await addTemplate(app, library, draft)).statusCode).toBe(201)
    const stored = (await app.inject({ url: `/api/libraries/${library.id}`, headers: as(library) })).json()
      .templates[0] as Template
    expect(stored.formatVersion).toBe(1)
    expect(stored.title).toEqual({ fr: 'Brouillon', en: 'Brouillon' })
    expect(stored.agenda[0]?.durationMinutes).toBe(5)
  })

  it('creates a board from a library template, with its agenda in the session document', async () => {
    const { app, store } = await start()
    const library = await createLibrary(app)
    await addTemplate(app, library, labCopy())
    const response = await app.inject({
      method: 'POST',
      url: `/api/libraries/${library.id}/templates/changement-lab06/boards`,
      headers: as(library),
      payload: { title: 'Réorganisation des accueils' },
    })
    expect(response.statusCode).toBe(201)
    const { id, tokens } = response.json()
    expect(Object.keys(tokens).sort()).toEqual(['facilitator', 'observer', 'participant'])
    const board = await readDocument(store, id)
    expect(readMeta(board)).toMatchObject({
      title: 'Réorganisation des accueils',
      templateId: 'changement-lab06',
    })
    expect(readItems(board).filter((i) => i.type === 'frame')).toHaveLength(lewin.frames.length)
    expect(readAgenda(await readDocument(store, roomName(id, 'session')))).toHaveLength(lewin.agenda.length)
    const access = await app.inject(`/api/boards/${id}?token=${tokens.facilitator}`)
    expect(access.json()).toMatchObject({ role: 'facilitator' })

    const untitled = await app.inject({
      method: 'POST',
      url: `/api/libraries/${library.id}/templates/changement-lab06/boards`,
      headers: as(library),
      payload: { title: ' ' },
    })
    expect(untitled.json()).toEqual({ error: 'title must not be empty' })
  })

  it('answers 401 without a valid token of this library, and 404 for a missing template', async () => {
    const { app } = await start()
    const library = await createLibrary(app)
    const other = await createLibrary(app, 'Autre lab')
    const base = `/api/libraries/${library.id}`
    const refused = [
      { url: base },
      { url: base, headers: { authorization: 'Bearer nope' } },
      { url: base, headers: as(other) },
      { url: `/api/libraries/${'x'.repeat(22)}`, headers: as(library) },
      { url: `${base}/templates/changement-lab06`, headers: as(other) },
      { method: 'POST' as const, url: `${base}/templates`, headers: as(other), payload: labCopy() },
      { method: 'DELETE' as const, url: `${base}/templates/x`, headers: { authorization: library.token } },
    ]
    for (const request of refused) {
      const response = await app.inject(request)
      expect(response.statusCode, request.url).toBe(401)
      expect(response.json()).toEqual({ error: 'a valid token of this library is required' })
    }
    const missing = await app.inject({ url: `${base}/templates/absent`, headers: as(library) })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ error: 'no template "absent" in this library' })
  })

  it('keeps libraries across restarts', async () => {
    const config = testConfig()
    const first = await start(config)
    const library = await createLibrary(first.app)
    await addTemplate(first.app, library, labCopy())
    await first.app.close()
    const second = await start(config)
    const list = (
      await second.app.inject({ url: `/api/libraries/${library.id}`, headers: as(library) })
    ).json()
    expect(list.templates.map((t: Template) => t.id)).toEqual(['changement-lab06'])
  })
})
