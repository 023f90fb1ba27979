import type { FastifyError } from 'fastify'
import fp from 'fastify-plugin'
import { errors } from '../errors.js'

export interface RawBodiesOptions {
  /** What the body is, as the refusal names it ("image", "backup"). */
  what: string
  maxBytes: number
}

/**
 * Bodies as raw bytes (a Buffer) whatever their declared type, up to `maxBytes`, for the routes of
 * the encapsulated plugin that registers this one: past the limit the caller gets a 413 naming
 * what and the limit, before the rest of the body is read. The route checks the bytes themselves.
 */
export const rawBodiesPlugin = fp<RawBodiesOptions>(async (app, { what, maxBytes }) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
    done(null, body),
  )
  // Any other error goes on to the application's error handler.
  app.setErrorHandler<FastifyError>((error, _request, reply) => {
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error
    const refusal = errors.bodyOver(what, maxBytes)
    return reply.code(refusal.statusCode).send({ error: refusal.message })
  })
})
