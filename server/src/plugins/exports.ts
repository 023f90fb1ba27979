import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { resolveRole } from '../access.js'
import { errors } from '../errors.js'
import { renderNotesCsv } from '../exports/csv.js'
import { allNotes, type ExportedBoard, exportBoard } from '../exports/notes.js'
import { renderReport } from '../exports/report.js'
import { readScoreHistory } from '../game/history.js'
import { readDocument } from '../store/documents.js'
import type { BoardStore } from '../store/types.js'
import { tokenOf } from '../validation.js'

export interface ExportsPluginOptions {
  store: BoardStore
  now: () => Date
}

type ExportRequest = FastifyRequest<{ Params: { boardId: string } }>

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
  async function loadBoard(request: ExportRequest): Promise<ExportedBoard> {
    const { boardId } = request.params
    const role = await resolveRole(store, boardId, tokenOf(request.query))
    const board = role ? await store.getBoard(boardId) : null
    if (!board) throw errors.unauthorized()
    const doc = await readDocument(store, boardId)
    try {
      return exportBoard(doc, board.title)
    } finally {
      doc.destroy()
    }
  }

  app.get('/api/boards/:boardId/export/notes.csv', async (request: ExportRequest, reply) => {
    const board = await loadBoard(request)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName(board.title, 'notes.csv')}"`)
      .send(renderNotesCsv(allNotes(board)))
  })

  app.get('/api/boards/:boardId/export/report.md', async (request: ExportRequest, reply) => {
    const board = await loadBoard(request)
    return reply
      .type('text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName(board.title, 'report.md')}"`)
      .send(renderReport(board, now(), { history: await readScoreHistory(store, request.params.boardId) }))
  })
}
