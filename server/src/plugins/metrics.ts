import type { FastifyPluginAsync } from 'fastify'
import type { Metrics } from '../metrics.js'

/** `GET /metrics`: Prometheus text exposition (docs/api.md lists the metrics). */
export const metricsPlugin: FastifyPluginAsync<{ metrics: Metrics }> = async (app, { metrics }) => {
  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics()
    return reply.type(metrics.registry.contentType).send(text)
  })
}
