import type { IncomingMessage } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { MAX_MESSAGE_BYTES, parseRoom, SYNC_PREFIX } from '@atelier/shared'
import fp from 'fastify-plugin'
import { WebSocketServer } from 'ws'
import type { ClusterLink } from '../cluster/link.js'
import type { Limits } from '../config.js'
import { errors } from '../errors.js'
import type { BoardHistory } from '../history/history.js'
import type { Metrics } from '../metrics.js'
import { newPersonId } from '../people/credentials.js'
import type { StoreHealth } from '../store/health.js'
import type { BoardStore } from '../store/types.js'
import { roomAccess } from '../sync/permissions.js'
import { relayRules } from '../sync/policies/index.js'
import { Relay } from '../sync/relay.js'
import type { VoteStore } from '../voting/store.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The sync relay, for HTTP handlers that act on a room's document (`relay.withRoom`). */
    relay: Relay
  }
}

export interface SyncPluginOptions {
  store: BoardStore
  compactAfter: number
  limits: Limits
  metrics: Metrics
  /** Where ballots are, for the results the relay publishes when a round closes. */
  votes: VoteStore
  /** The server clock: creation times of items. */
  now: () => Date
  /** Board versions the relay takes while people work. */
  history: BoardHistory
  health: StoreHealth
  /** The other nodes of the deployment; absent on a single node. */
  link?: ClusterLink
}

/** Answers an upgrade request with a bare HTTP status and closes the socket: no WebSocket is opened. */
function refuse(socket: Duplex, status: number): void {
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * WebSocket upgrades on /sync/:boardId, /sync/:boardId/session and /sync/:boardId/private/:personId.
 * The token, the person credential (`person`) and the room's access list are checked before the
 * upgrade, so a refused client never receives a byte of the document.
 */
export const syncPlugin = fp<SyncPluginOptions>(
  async (app, { store, compactAfter, limits, metrics, health, votes, now, history, link }) => {
    const relay = new Relay({
      store,
      compactAfter,
      limits,
      metrics,
      health,
      ...(link ? { link } : {}),
      log: app.log,
      rules: (services) => relayRules({ services, votes, now: () => now().getTime(), log: app.log, history }),
    })
    app.decorate('relay', relay)
    // No compression: each message is small, deflating it for every peer would cost more CPU than
    // it saves on loopback or a LAN, and frames.ts writes prebuilt frames only where it is off.
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_MESSAGE_BYTES,
      perMessageDeflate: false,
    })
    let accepting = true

    async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      socket.on('error', (error) => app.log.debug({ err: error }, 'upgrade socket error'))
      const url = new URL(request.url ?? '/', 'http://localhost')
      const target = url.pathname.startsWith(`${SYNC_PREFIX}/`)
        ? parseRoom(url.pathname.slice(SYNC_PREFIX.length + 1))
        : null
      if (!target) return refuse(socket, 404)
      if (!accepting) return refuse(socket, 503)
      const resolved = await app.resolveCaller(
        target.boardId,
        url.searchParams.get('token'),
        url.searchParams.get('person'),
      )
      if (!resolved.ok) {
        app.log.info(
          { boardId: target.boardId, kind: target.kind },
          resolved.refusal === 'token'
            ? 'sync refused: no valid token for this board'
            : 'sync refused: invalid person credential',
        )
        return refuse(socket, 401)
      }
      const { role } = resolved.caller
      // A socket without a credential is an anonymous person of its own.
      const personId = resolved.caller.personId ?? newPersonId()
      const access = roomAccess(target, role, personId)
      if (!access) {
        app.log.info(
          { boardId: target.boardId, kind: target.kind, role },
          'sync refused: not this private room',
        )
        return refuse(socket, 401)
      }
      if (!accepting) return refuse(socket, 503)
      wss.handleUpgrade(request, socket, head, (ws) => relay.accept(ws, { target, role, personId, access }))
    }

    function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
      upgrade(request, socket, head).catch((error: unknown) => {
        app.log.error({ err: error }, 'upgrade failed')
        refuse(socket, 500)
      })
    }

    app.server.on('upgrade', onUpgrade)

    app.get(`${SYNC_PREFIX}/*`, async () => {
      throw errors.upgradeRequired()
    })

    // preClose runs before the HTTP server stops: upgraded sockets would not let it close.
    app.addHook('preClose', async () => {
      accepting = false
      app.server.off('upgrade', onUpgrade)
      await relay.close()
      wss.close()
    })
  },
  { name: 'atelier-sync', dependencies: ['atelier-auth'] },
)
