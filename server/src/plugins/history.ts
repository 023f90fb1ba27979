import {
  type BoardVersion,
  type RestoreResponse,
  readItems,
  takeVersionRequest,
  type VersionItems,
} from '@atelier/shared'
import type { FastifyPluginAsync } from 'fastify'
import * as Y from 'yjs'
import { errors } from '../errors.js'
import type { BoardHistory } from '../history/history.js'
import { parseBody } from '../validation.js'
import { routesPlugin } from './routes.js'

export interface HistoryPluginOptions {
  /** The versions the relay takes (rule `board-history`), shared with these routes. */
  history: BoardHistory
}

type BoardRoute = { Params: { boardId: string } }
type VersionRoute = { Params: { boardId: string; versionId: string } }

/**
 * The board history (facilitators only): versions kept by the relay while people work, listed,
 * previewed and restored. A restore is a new change of the board room, stored then forwarded to
 * every connected client, never a rewrite of the stored log.
 */
const historyRoutes: FastifyPluginAsync<HistoryPluginOptions> = async (app, options) => {
  const { history } = options
  const relay = app.relay
  const facilitator = {
    onRequest: app.boardAccess({
      roles: ['facilitator'],
      refusal: 'only a facilitator can see and restore the history',
    }),
  }

  app.get<BoardRoute>(
    '/api/boards/:boardId/versions',
    facilitator,
    async (request): Promise<BoardVersion[]> => history.versions.list(request.params.boardId),
  )

  app.post<BoardRoute>('/api/boards/:boardId/versions', facilitator, async (request, reply) => {
    const { reason } = parseBody(takeVersionRequest, request.body ?? {})
    const version: BoardVersion = await relay.withRoom(
      { boardId: request.params.boardId, kind: 'board' },
      (room) => history.take(room, reason ?? 'manual'),
    )
    reply.code(201)
    return version
  })

  app.get<VersionRoute>(
    '/api/boards/:boardId/versions/:versionId/items',
    facilitator,
    async (request): Promise<VersionItems> => {
      const stored = await history.versions.get(request.params.boardId, request.params.versionId)
      if (!stored) throw errors.notFound()
      const doc = new Y.Doc()
      try {
        Y.applyUpdate(doc, stored.state)
        return { version: stored.version, items: readItems(doc) }
      } finally {
        doc.destroy()
      }
    },
  )

  app.post<VersionRoute>(
    '/api/boards/:boardId/versions/:versionId/restore',
    facilitator,
    async (request): Promise<RestoreResponse> => {
      const { boardId, versionId } = request.params
      const restored = await history.restore(relay, boardId, versionId)
      if (!restored) throw errors.notFound()
      return restored
    },
  )
}

export const historyPlugin = routesPlugin('history', ['atelier-auth', 'atelier-sync'], historyRoutes)
