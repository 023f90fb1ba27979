import type { FastifyError } from 'fastify'
import fp from 'fastify-plugin'
import { errors, fromFastifyError, HttpError } from '../errors.js'
import { StoreUnavailableError } from '../store/health.js'

/** Every failed API request answers `{"error": "…"}`; only unexpected failures are logged as errors. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler<FastifyError | HttpError>((error, request, reply) => {
      if (error instanceof StoreUnavailableError) {
        request.log.warn({ cause: error.reason }, 'refused: the store cannot write')
        const unavailable = errors.storeUnavailable(error.reason)
        return reply.code(unavailable.statusCode).send({ error: unavailable.message })
      }
      const known = error instanceof HttpError ? error : fromFastifyError(error.code)
      if (known) return reply.code(known.statusCode).send({ error: known.message })
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return reply.code(error.statusCode).send({ error: error.message })
      }
      request.log.error({ err: error }, 'request failed')
      const internal = errors.internal()
      return reply.code(internal.statusCode).send({ error: internal.message })
    })
  },
  { name: 'atelier-errors' },
)
