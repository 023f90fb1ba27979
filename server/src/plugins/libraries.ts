import {
  boardFromTemplateRequest,
  type CreateBoardResponse,
  type CreateLibraryResponse,
  type LibraryResponse,
  libraryRequest,
  parseTemplate,
  safeParseTemplate,
  serializeTemplate,
  summaryOf,
  type Template,
  type TemplateSummary,
} from '@atelier/shared'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { bearerToken, hashToken, newBoardId, newToken } from '../access.js'
import { langOf } from '../language.js'
import { openLibrary } from '../libraries/access.js'
import { libraryErrors } from '../libraries/errors.js'
import type { LibraryRecord, LibraryStore } from '../libraries/types.js'
import type { Store } from '../store/types.js'
import { createBoardFromTemplate } from '../templates/boards.js'
import { parseBody } from '../validation.js'

export interface LibrariesPluginOptions {
  store: Store
  /** Defaults to the store's. */
  libraries?: LibraryStore
  now: () => Date
}

type LibraryRequest = FastifyRequest<{ Params: { libraryId: string } }>
type TemplateRequest = FastifyRequest<{ Params: { libraryId: string; templateId: string } }>

/** A template file from a request body: migrated and validated, or a 400 naming each bad field. */
function templateOf(body: unknown): Template {
  const result = safeParseTemplate(body)
  if (result.ok) return result.template
  const shown = result.errors.slice(0, 5).join('; ')
  const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : ''
  throw libraryErrors.invalidTemplate(`invalid template: ${shown}${more}`)
}

/**
 * Lab libraries: a name, a secret link, and template files its members list, use, add,
 * update and remove. The token travels as `Authorization: Bearer <token>`, never in a URL.
 */
export const librariesPlugin: FastifyPluginAsync<LibrariesPluginOptions> = async (app, options) => {
  const { store, now } = options
  const libraries = options.libraries ?? store.libraries

  async function authorize(request: LibraryRequest): Promise<LibraryRecord> {
    const library = await openLibrary(libraries, request.params.libraryId, bearerToken(request))
    if (!library) throw libraryErrors.unauthorized()
    return library
  }

  async function storedTemplate(request: TemplateRequest): Promise<Template> {
    const library = await authorize(request)
    const row = await libraries.getTemplate(library.id, request.params.templateId)
    if (!row) throw libraryErrors.templateNotFound(request.params.templateId)
    // Stored files were valid when written; parsing again migrates those of an older format.
    return parseTemplate(JSON.parse(row.json))
  }

  app.post('/api/libraries', async (request, reply): Promise<CreateLibraryResponse> => {
    const { name } = parseBody(libraryRequest, request.body)
    const id = newBoardId()
    const token = newToken()
    await libraries.createLibrary({ id, name, tokenHash: hashToken(token), createdAt: now().getTime() })
    request.log.info({ libraryId: id }, 'library created')
    reply.code(201)
    return { id, name, token }
  })

  app.get('/api/libraries/:libraryId', async (request: LibraryRequest): Promise<LibraryResponse> => {
    const library = await authorize(request)
    const rows = await libraries.listTemplates(library.id)
    return {
      id: library.id,
      name: library.name,
      templates: rows.map((row) => parseTemplate(JSON.parse(row.json))),
    }
  })

  app.patch('/api/libraries/:libraryId', async (request: LibraryRequest) => {
    const library = await authorize(request)
    const { name } = parseBody(libraryRequest, request.body)
    await libraries.renameLibrary(library.id, name)
    return { id: library.id, name }
  })

  app.post(
    '/api/libraries/:libraryId/templates',
    async (request: LibraryRequest, reply): Promise<TemplateSummary> => {
      const library = await authorize(request)
      const template = templateOf(request.body)
      const json = serializeTemplate(template)
      const added = await libraries.insertTemplate(library.id, {
        templateId: template.id,
        json,
        updatedAt: now().getTime(),
      })
      if (!added) throw libraryErrors.templateExists(template.id)
      reply.code(201)
      return summaryOf(template)
    },
  )

  app.get('/api/libraries/:libraryId/templates/:templateId', async (request: TemplateRequest, reply) => {
    const template = await storedTemplate(request)
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${template.id}.json"`)
      .send(serializeTemplate(template))
  })

  app.put(
    '/api/libraries/:libraryId/templates/:templateId',
    async (request: TemplateRequest): Promise<TemplateSummary> => {
      const library = await authorize(request)
      const template = templateOf(request.body)
      if (template.id !== request.params.templateId) throw libraryErrors.idMismatch(request.params.templateId)
      const updated = await libraries.updateTemplate(library.id, {
        templateId: template.id,
        json: serializeTemplate(template),
        updatedAt: now().getTime(),
      })
      if (!updated) throw libraryErrors.templateNotFound(template.id)
      return summaryOf(template)
    },
  )

  app.delete('/api/libraries/:libraryId/templates/:templateId', async (request: TemplateRequest, reply) => {
    const library = await authorize(request)
    if (!(await libraries.deleteTemplate(library.id, request.params.templateId)))
      throw libraryErrors.templateNotFound(request.params.templateId)
    return reply.code(204).send()
  })

  app.post(
    '/api/libraries/:libraryId/templates/:templateId/boards',
    async (request: TemplateRequest, reply): Promise<CreateBoardResponse> => {
      const template = await storedTemplate(request)
      const { title } = parseBody(boardFromTemplateRequest, request.body)
      const created = await createBoardFromTemplate(store, {
        title,
        template,
        lang: langOf(request.headers['accept-language']),
        now: now(),
      })
      request.log.info({ boardId: created.id, libraryId: request.params.libraryId }, 'board created')
      reply.code(201)
      return created
    },
  )
}
