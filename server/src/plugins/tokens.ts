import { CloseCode, type Role } from '@atelier/shared'
import type { FastifyPluginAsync } from 'fastify'
import { hashToken, newToken } from '../access.js'
import { errors } from '../errors.js'
import type { BoardStore } from '../store/types.js'
import { routesPlugin } from './routes.js'

export interface TokensPluginOptions {
  store: BoardStore
}

/** The links a facilitator can replace; the facilitator link itself is kept (it would lock them out). */
const ROTATABLE: readonly Role[] = ['participant', 'observer']

/**
 * `POST /api/boards/:boardId/tokens/:role/rotate` (facilitator token): replaces a link. The old
 * token stops working at once, and the connections opened with it are closed with 4403.
 */
const tokensRoutes: FastifyPluginAsync<TokensPluginOptions> = async (app, { store }) => {
  app.post<{ Params: { boardId: string; role: string } }>(
    '/api/boards/:boardId/tokens/:role/rotate',
    {
      onRequest: app.boardAccess({
        roles: ['facilitator'],
        refusal: 'only a facilitator can replace a link',
      }),
    },
    async (request): Promise<{ token: string }> => {
      const { boardId, role } = request.params
      const rotated = ROTATABLE.find((candidate) => candidate === role)
      if (!rotated) throw errors.invalidField(`role must be one of ${ROTATABLE.join(', ')}, got "${role}"`)
      const token = newToken()
      await store.rotateToken(boardId, rotated, hashToken(token))
      const closed = app.relay.closeConnections(boardId, rotated, CloseCode.tokenRevoked, 'link replaced')
      request.log.info({ boardId, role: rotated, closed }, 'link replaced')
      return { token }
    },
  )
}

export const tokensPlugin = routesPlugin('tokens', ['atelier-auth', 'atelier-sync'], tokensRoutes)
