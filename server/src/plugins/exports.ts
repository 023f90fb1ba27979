import { LANGS, type Lang, roomName } from '@atelier/shared'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { errors } from '../errors.js'
import { CSV_SEPARATORS, type CsvSeparator, renderNotesCsv } from '../exports/csv.js'
import { allNotes, type ExportedBoard, exportBoard } from '../exports/notes.js'
import { reportBlocks } from '../exports/report/blocks.js'
import { renderMarkdown } from '../exports/report/markdown.js'
import { buildReport, type ReportModel } from '../exports/report/model.js'
import { ODT_MIME, renderOdt } from '../exports/report/odt.js'
import { resolveShapes } from '../exports/report/shapes.js'
import { type SessionFacts, sessionFacts } from '../exports/session.js'
import { DEFAULT_TIME_ZONE, isTimeZone } from '../exports/timeZone.js'
import { renderNotesXlsx, XLSX_MIME } from '../exports/xlsx.js'
import { langOf } from '../language.js'
import { readDocument } from '../store/documents.js'
import type { BoardStore } from '../store/types.js'
import type { TemplateCatalogue } from '../templates/index.js'
import { routesPlugin } from './routes.js'

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export interface ExportsPluginOptions {
  store: BoardStore
  templates: TemplateCatalogue
  now: () => Date
}

type ExportRoute = {
  Params: { boardId: string }
  Querystring: { lang?: unknown; sep?: unknown; tz?: unknown }
}
type ExportRequest = FastifyRequest<ExportRoute>

/** `?lang=fr|en` wins over Accept-Language (French when neither names a language we have). */
function exportLang(request: ExportRequest): Lang {
  const asked = request.query.lang
  if (asked === undefined) return langOf(request.headers['accept-language'])
  if (typeof asked === 'string' && (LANGS as readonly string[]).includes(asked)) return asked as Lang
  throw errors.invalidField(`lang must be one of ${LANGS.join(', ')}`)
}

/** `?tz=Europe/Paris`: the zone the document gives its times in (the reader's); UTC by default. */
function exportTimeZone(request: ExportRequest): string {
  const asked = request.query.tz
  if (asked === undefined) return DEFAULT_TIME_ZONE
  if (typeof asked === 'string' && isTimeZone(asked)) return asked
  throw errors.invalidField('tz must be an IANA time zone, such as Europe/Paris or UTC')
}

function csvSeparator(request: ExportRequest): CsvSeparator {
  const asked = request.query.sep
  if (asked === undefined) return ','
  const found = CSV_SEPARATORS.find((separator) => separator === asked)
  if (!found)
    throw errors.invalidField(`sep must be one of ${CSV_SEPARATORS.map((s) => `"${s}"`).join(', ')}`)
  return found
}

/** A file name from the board title, ASCII only so every browser keeps it. */
export function fileName(title: string, suffix: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .toLowerCase()
    .slice(0, 60)
  return `${slug || 'board'}-${suffix}`
}

export function attachment(reply: FastifyReply, type: string, name: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${name}"`)
}

/**
 * Data exports and the report, for any role of the board (`app.boardAccess`: 401 without a valid
 * token of this board). The board is read from the store, which holds every update the relay
 * forwarded. The relay's rules record what the exports need and the documents alone would not
 * say: when each item last changed, when each agenda step ran (`sync/policies/updateTimes.ts`,
 * `agendaRun.ts`).
 */
const exportsRoutes: FastifyPluginAsync<ExportsPluginOptions> = async (app, options) => {
  const { store, templates, now } = options

  /** The board and what its session adds (votes of closed rounds, names, polls), read from the store. */
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

  async function loadReport(request: ExportRequest): Promise<ReportModel> {
    const lang = exportLang(request)
    const timeZone = exportTimeZone(request)
    const { board, facts } = await loadBoard(request)
    const template = board.templateId ? templates.get?.(board.templateId) : undefined
    return buildReport({ board, facts, shapes: resolveShapes(board, template), date: now(), lang, timeZone })
  }

  app.get<ExportRoute>(
    '/api/boards/:boardId/export/notes.csv',
    { onRequest: app.boardAccess() },
    async (request: ExportRequest, reply) => {
      const lang = exportLang(request)
      const separator = csvSeparator(request)
      const timeZone = exportTimeZone(request)
      const { board } = await loadBoard(request)
      return attachment(reply, 'text/csv; charset=utf-8', fileName(board.title, 'notes.csv')).send(
        renderNotesCsv(allNotes(board), { lang, separator, timeZone }),
      )
    },
  )

  app.get<ExportRoute>(
    '/api/boards/:boardId/export/notes.xlsx',
    { onRequest: app.boardAccess() },
    async (request: ExportRequest, reply) => {
      const lang = exportLang(request)
      const timeZone = exportTimeZone(request)
      const { board } = await loadBoard(request)
      const xlsx = renderNotesXlsx(allNotes(board), { lang, timeZone })
      return attachment(reply, XLSX_MIME, fileName(board.title, 'notes.xlsx')).send(Buffer.from(xlsx))
    },
  )

  app.get<ExportRoute>(
    '/api/boards/:boardId/export/report.md',
    { onRequest: app.boardAccess() },
    async (request: ExportRequest, reply) => {
      const model = await loadReport(request)
      return attachment(reply, 'text/markdown; charset=utf-8', fileName(model.title, 'report.md')).send(
        renderMarkdown(reportBlocks(model)),
      )
    },
  )

  app.get<ExportRoute>(
    '/api/boards/:boardId/export/report.pdf',
    { onRequest: app.boardAccess() },
    async (request: ExportRequest, reply) => {
      const model = await loadReport(request)
      // pdfkit and docx are large: loaded on first use rather than on every start of the server.
      const { renderPdf } = await import('../exports/report/pdf.js')
      const pdf = await renderPdf(reportBlocks(model), { title: model.title, lang: model.lang, date: now() })
      return attachment(reply, 'application/pdf', fileName(model.title, 'report.pdf')).send(pdf)
    },
  )

  app.get<ExportRoute>(
    '/api/boards/:boardId/export/report.docx',
    { onRequest: app.boardAccess() },
    async (request: ExportRequest, reply) => {
      const model = await loadReport(request)
      const { renderDocx } = await import('../exports/report/docx.js')
      const docx = await renderDocx(reportBlocks(model), model.title)
      return attachment(reply, DOCX_MIME, fileName(model.title, 'report.docx')).send(docx)
    },
  )

  app.get<ExportRoute>(
    '/api/boards/:boardId/export/report.odt',
    { onRequest: app.boardAccess() },
    async (request: ExportRequest, reply) => {
      const model = await loadReport(request)
      const odt = renderOdt(reportBlocks(model), { title: model.title, lang: model.lang, date: now() })
      return attachment(reply, ODT_MIME, fileName(model.title, 'report.odt')).send(Buffer.from(odt))
    },
  )
}

export const exportsPlugin = routesPlugin('exports', ['atelier-auth'], exportsRoutes)
