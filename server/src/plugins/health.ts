import type { FastifyPluginAsync } from 'fastify'
import type { StoreHealth } from '../store/health.js'

/**
 * `GET /healthz`: `200 {"status":"ok"}`, or `503 {"status":"degraded","cause"}` while the store
 * cannot write (asking tries the store again).
 */
export const healthPlugin: FastifyPluginAsync<{ health: StoreHealth }> = async (app, { health }) => {
  app.get('/healthz', async (_request, reply) => {
    const cause = await health.check()
    if (cause === null) return { status: 'ok' }
    return reply.code(503).send({ status: 'degraded', cause })
  })
}
