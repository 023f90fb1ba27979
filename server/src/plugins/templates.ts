import type { FastifyPluginAsync } from 'fastify'
import type { TemplateCatalogue, TemplateSummary } from '../templates.js'

export const templatesPlugin: FastifyPluginAsync<{ templates: TemplateCatalogue }> = async (
  app,
  { templates },
) => {
  app.get('/api/templates', async (): Promise<TemplateSummary[]> => templates.list())
}
