import {
  type BoardAccess,
  type CreateBoardResponse,
  createBoardRequest,
  initBoard,
  roomName,
} from '@atelier/shared'
import rateLimit from '@fastify/rate-limit'
import type { FastifyPluginAsync } from 'fastify'
import * as Y from 'yjs'
import { newBoardId, newTokens } from '../access.js'
import type { Limits } from '../config.js'
import { errors } from '../errors.js'
import { langOf } from '../language.js'
import { type StoreHealth, StoreUnavailableError } from '../store/health.js'
import type { BoardStore } from '../store/types.js'
import type { TemplateCatalogue } from '../templates/index.js'
import { parseBody } from '../validation.js'
import { routesPlugin } from './routes.js'

export interface BoardsPluginOptions {
  store: BoardStore
  templates: TemplateCatalogue
  now: () => Date
  limits: Limits
  health: StoreHealth
}

const boardsRoutes: FastifyPluginAsync<BoardsPluginOptions> = async (
  app,
  { store, templates, now, limits, health },
) => {
  // Only on the routes that ask for it (this plugin is encapsulated): board creation, per address.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => errors.tooManyRequests(Math.ceil(context.ttl / 1000)),
  })
  const creation = { rateLimit: { max: limits.boardsPerMinute, timeWindow: 60_000 } }

  app.post('/api/boards', { config: creation }, async (request, reply): Promise<CreateBoardResponse> => {
    const { title, templateId } = parseBody(createBoardRequest, request.body)
    // A store that cannot write answers at once (and is tried again by the check itself).
    const cause = await health.check()
    if (cause !== null) throw new StoreUnavailableError(cause)
    const doc = new Y.Doc()
    initBoard(doc, { title, ...(templateId ? { templateId } : {}) })
    const seed =
      templateId === undefined
        ? null
        : templates.expand(templateId, doc, langOf(request.headers['accept-language']))
    if (templateId !== undefined && !seed) throw errors.unknownTemplate(templateId)
    const id = newBoardId()
    const { tokens, hashes } = newTokens()
    const joinCode = await health.write(() =>
      store.createBoard({
        id,
        title,
        templateId: templateId ?? null,
        createdAt: now().getTime(),
        tokenHashes: hashes,
        document: Y.encodeStateAsUpdate(doc),
      }),
    )
    // The template's agenda goes to the session document, stored before anyone can open the board.
    const session = seed?.session
    if (session) await health.write(() => store.appendUpdate(roomName(id, 'session'), session))
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

export const boardsPlugin = routesPlugin('boards', ['atelier-auth'], boardsRoutes)
