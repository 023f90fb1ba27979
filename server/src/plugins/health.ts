import type { FastifyPluginAsync } from 'fastify'
import type { ClusterLink } from '../cluster/link.js'
import type { StoreHealth } from '../store/health.js'

export interface HealthPluginOptions {
  health: StoreHealth
  /** With several nodes: a node that cannot reach the others is degraded too. */
  link?: ClusterLink
}

/**
 * `GET /healthz`: `200 {"status":"ok"}`, or `503 {"status":"degraded","cause"}` while the store
 * cannot write (asking tries the store again) or, with several nodes, while Redis cannot be reached.
 */
export const healthPlugin: FastifyPluginAsync<HealthPluginOptions> = async (app, { health, link }) => {
  app.get('/healthz', async (_request, reply) => {
    const cause = (await health.check()) ?? link?.cause ?? null
    if (cause === null) return { status: 'ok' }
    return reply.code(503).send({ status: 'degraded', cause })
  })
}
