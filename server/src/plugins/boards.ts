import {
  type BoardAccess,
  type CreateBoardResponse,
  createBoardRequest,
  initBoard,
  roomName,
} from '@atelier/shared'
import type { FastifyPluginAsync } from 'fastify'
import * as Y from 'yjs'
import { newBoardId, newTokens } from '../access.js'
import { errors } from '../errors.js'
import { langOf } from '../language.js'
import type { BoardStore } from '../store/types.js'
import type { TemplateCatalogue } from '../templates/index.js'
import { parseBody } from '../validation.js'

export interface BoardsPluginOptions {
  store: BoardStore
  templates: TemplateCatalogue
  now: () => Date
}

export const boardsPlugin: FastifyPluginAsync<BoardsPluginOptions> = async (
  app,
  { store, templates, now },
) => {
  app.post('/api/boards', async (request, reply): Promise<CreateBoardResponse> => {
    const { title, templateId } = parseBody(createBoardRequest, request.body)
    const doc = new Y.Doc()
    initBoard(doc, { title, ...(templateId ? { templateId } : {}) })
    const seed =
      templateId === undefined
        ? null
        : templates.expand(templateId, doc, langOf(request.headers['accept-language']))
    if (templateId !== undefined && !seed) throw errors.unknownTemplate(templateId)
    const id = newBoardId()
    const { tokens, hashes } = newTokens()
    const joinCode = await store.createBoard({
      id,
      title,
      templateId: templateId ?? null,
      createdAt: now().getTime(),
      tokenHashes: hashes,
      document: Y.encodeStateAsUpdate(doc),
    })
    // The template's agenda goes to the session document, stored before anyone can open the board.
    if (seed?.session) await store.appendUpdate(roomName(id, 'session'), seed.session)
    request.log.info({ boardId: id, templateId }, 'board created')
    reply.code(201)
    return { id, tokens, joinCode: joinCode.code }
  })

  app.get('/api/boards/:boardId', { onRequest: app.boardAccess() }, async (request): Promise<BoardAccess> => {
    const { boardId, role } = request.caller
    const board = await store.getBoard(boardId)
    if (!board) throw errors.unauthorized()
    return { id: board.id, title: board.title, role }
  })
}
