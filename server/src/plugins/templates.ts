import { serializeTemplate, type TemplateSummary } from '@atelier/shared'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { errors } from '../errors.js'
import type { TemplateCatalogue } from '../templates/catalogue.js'

export const templatesPlugin: FastifyPluginAsync<{ templates: TemplateCatalogue }> = async (
  app,
  { templates },
) => {
  app.get('/api/templates', async (): Promise<TemplateSummary[]> => templates.list())

  /** A built-in template's file, to copy it into a lab library or save it as `.json`. */
  app.get(
    '/api/templates/:templateId',
    async (request: FastifyRequest<{ Params: { templateId: string } }>, reply) => {
      const template = templates.get?.(request.params.templateId)
      if (!template) throw errors.notFound()
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${template.id}.json"`)
        .send(serializeTemplate(template))
    },
  )
}
