import { createItem, itemsMap, roomName, setItemText, stateMap } from '@atelier/shared'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { type AppDependencies, buildApp } from '../src/app.js'
import { readAgendaRun } from '../src/exports/agendaRun.js'
import { readDocument } from '../src/store/documents.js'
import { UPDATED_AT_KEY } from '../src/sync/policies/updateTimes.js'
import { connectSyncedAs, join, relayedUpTo, startServer } from './facilitation.js'
import { createBoard, onCleanup, testConfig } from './helpers.js'

async function start(deps: AppDependencies = {}): Promise<FastifyInstance> {
  const app = buildApp(testConfig(), deps)
  onCleanup(() => app.close())
  await app.ready()
  return app
}

// A listening server and four clients: seconds on a loaded machine.
describe('what the relay records for the exports', { timeout: 30_000 }, () => {
  it('stamps when an item last changed (not when it was created) and each move through the agenda', async () => {
    const { app, store, board, sync } = await startServer()
    const facilitator = await join(app, board, 'facilitator')
    const participant = await join(app, board, 'participant')
    const writer = await connectSyncedAs(sync, board.id, participant)
    const watcher = await connectSyncedAs(sync, board.id, facilitator)
    const id = createItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'Idée' })
    await relayedUpTo(writer, watcher, 'created')
    expect(itemsMap(watcher.doc).get(id)?.get(UPDATED_AT_KEY)).toBeUndefined()
    setItemText(writer.doc, id, 'Idée revue')
    await relayedUpTo(writer, watcher, 'edited')
    const stamped = itemsMap(watcher.doc).get(id)?.get(UPDATED_AT_KEY)
    expect(typeof stamped).toBe('number')
    // A writer cannot date its change in the future: the relay's time replaces it.
    itemsMap(writer.doc).get(id)?.set(UPDATED_AT_KEY, Date.parse('2999-01-01'))
    await relayedUpTo(writer, watcher, 'forged')
    expect(itemsMap(watcher.doc).get(id)?.get(UPDATED_AT_KEY)).toBeLessThan(Date.parse('2999-01-01'))

    const session = await connectSyncedAs(sync, roomName(board.id, 'session'), facilitator)
    const sessionWatcher = await connectSyncedAs(sync, roomName(board.id, 'session'), participant)
    stateMap(session.doc).set('stepId', 'step-1')
    await relayedUpTo(session, sessionWatcher, 'step 1')
    stateMap(session.doc).set('stepId', 'step-2')
    await relayedUpTo(session, sessionWatcher, 'step 2')
    stateMap(session.doc).set('anonymous', true)
    await relayedUpTo(session, sessionWatcher, 'not a move')
    const stored = await readDocument(store, roomName(board.id, 'session'))
    expect(readAgendaRun(stored).map((move) => move.stepId)).toEqual(['step-1', 'step-2'])
  })
})

describe('export routes', { timeout: 30_000 }, () => {
  it('answer 401 without a valid token of this board, and each file with its type to any role', async () => {
    const app = await start()
    const board = await createBoard(app, 'Bilan')
    const other = await createBoard(app)
    const files: Record<string, string> = {
      'notes.csv': 'text/csv; charset=utf-8',
      'notes.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'report.md': 'text/markdown; charset=utf-8',
      'report.pdf': 'application/pdf',
      'report.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'report.odt': 'application/vnd.oasis.opendocument.text',
    }
    for (const [file, type] of Object.entries(files)) {
      const url = `/api/boards/${board.id}/export/${file}`
      expect((await app.inject(url)).statusCode).toBe(401)
      expect((await app.inject(`${url}?token=${other.tokens.facilitator}`)).statusCode).toBe(401)
      const answer = await app.inject(`${url}?token=${board.tokens.observer}`)
      expect(answer.statusCode).toBe(200)
      expect(answer.headers['content-type']).toBe(type)
      expect(answer.headers['content-disposition']).toBe(`attachment; filename="bilan-${file}"`)
    }
  })

  it('refuse a language or separator they do not know, naming it', async () => {
    const app = await start()
    const { id, tokens } = await createBoard(app)
    const lang = await app.inject(`/api/boards/${id}/export/report.md?token=${tokens.observer}&lang=de`)
    expect(lang.statusCode).toBe(400)
    expect(lang.json()).toEqual({ error: 'lang must be one of fr, en' })
    const sep = await app.inject(`/api/boards/${id}/export/notes.csv?token=${tokens.observer}&sep=%7C`)
    expect(sep.statusCode).toBe(400)
    expect(sep.json().error).toContain('sep must be one of')
    for (const file of ['report.md', 'notes.csv', 'notes.xlsx']) {
      const zone = await app.inject(
        `/api/boards/${id}/export/${file}?token=${tokens.observer}&tz=Mars%2FOlympus`,
      )
      expect(zone.statusCode).toBe(400)
      expect(zone.json()).toEqual({ error: 'tz must be an IANA time zone, such as Europe/Paris or UTC' })
    }
  })

  it('give their times in the zone the reader names, UTC when none', async () => {
    const app = await start()
    const { id, tokens } = await createBoard(app)
    const header = async (query: string) =>
      (await app.inject(`/api/boards/${id}/export/notes.csv?token=${tokens.observer}${query}`)).body.split(
        '\r\n',
      )[0]
    expect(await header('&tz=Europe%2FParis')).toContain('Créée le (Europe/Paris)')
    expect(await header('')).toContain('Créée le (UTC)')
  })

  it('write the CSV with semicolons when asked, in French by default, in English with lang=en', async () => {
    const app = await start()
    const { id, tokens } = await createBoard(app, 'Vœux 2025')
    const french = await app.inject(`/api/boards/${id}/export/notes.csv?token=${tokens.participant}&sep=%3B`)
    expect(french.statusCode).toBe(200)
    expect(french.headers['content-disposition']).toBe('attachment; filename="vux-2025-notes.csv"')
    expect(french.body.split('\r\n')[0]).toBe(
      '\uFEFFSection;Texte;Couleur;Auteur;Votes;Équipe;Étiquettes;Créée le (UTC);Modifiée le (UTC);Origine;Emplacement',
    )
    const english = await app.inject(`/api/boards/${id}/export/notes.csv?token=${tokens.participant}&lang=en`)
    expect(english.body.split('\r\n')[0]).toBe(
      '\uFEFFFrame,Text,Colour,Author,Votes,Team,Tags,Created (UTC),Updated (UTC),Origin,Place',
    )
  })
})
