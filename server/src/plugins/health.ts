import type { FastifyPluginAsync } from 'fastify'

export const healthPlugin: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async () => ({ status: 'ok' }))
}
