import { LANGS, type Lang, roomName } from '@atelier/shared'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { errors } from '../errors.js'
import { renderNotesCsv } from '../exports/csv.js'
import { allNotes, type ExportedBoard, exportBoard } from '../exports/notes.js'
import { renderReport } from '../exports/report.js'
import { type SessionFacts, sessionFacts } from '../exports/session.js'
import { langOf } from '../language.js'
import { readDocument } from '../store/documents.js'
import type { BoardStore } from '../store/types.js'

export interface ExportsPluginOptions {
  store: BoardStore
  now: () => Date
}

type ExportRoute = { Params: { boardId: string }; Querystring: { lang?: string } }
type ExportRequest = FastifyRequest<ExportRoute>

/** `?lang=fr|en` wins over Accept-Language, so a link can ask for the report in one language. */
function reportLang(request: ExportRequest): Lang {
  const asked = request.query.lang
  return asked && (LANGS as readonly string[]).includes(asked)
    ? (asked as Lang)
    : langOf(request.headers['accept-language'])
}

/** A file name from the board title, ASCII only so every browser keeps it. */
function fileName(title: string, suffix: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .toLowerCase()
    .slice(0, 60)
  return `${slug || 'board'}-${suffix}`
}

/** Any role may export; the board is read from the store, which holds every forwarded update. */
export const exportsPlugin: FastifyPluginAsync<ExportsPluginOptions> = async (app, { store, now }) => {
  /** The board and what its session adds (votes of closed rounds, names), read from the store. */
  async function loadBoard(request: ExportRequest): Promise<{ board: ExportedBoard; facts: SessionFacts }> {
    const { boardId } = request.caller
    const record = await store.getBoard(boardId)
    if (!record) throw errors.unauthorized()
    const [doc, session] = await Promise.all([
      readDocument(store, boardId),
      readDocument(store, roomName(boardId, 'session')),
    ])
    try {
      const facts = sessionFacts(session)
      return { board: exportBoard(doc, record.title, facts), facts }
    } finally {
      doc.destroy()
      session.destroy()
    }
  }

  app.get<ExportRoute>(
    '/api/boards/:boardId/export/notes.csv',
    { onRequest: app.boardAccess() },
    async (request: ExportRequest, reply) => {
      const { board } = await loadBoard(request)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(board.title, 'notes.csv')}"`)
        .send(renderNotesCsv(allNotes(board)))
    },
  )

  app.get<ExportRoute>(
    '/api/boards/:boardId/export/report.md',
    { onRequest: app.boardAccess() },
    async (request: ExportRequest, reply) => {
      const { board, facts } = await loadBoard(request)
      const report = renderReport({ board, facts, date: now(), lang: reportLang(request) })
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(board.title, 'report.md')}"`)
        .send(report)
    },
  )
}
