import fp from 'fastify-plugin'
import { errors } from '../errors.js'
import { jsonDepth, MAX_JSON_DEPTH } from '../validation.js'

/**
 * Fastify's JSON body parser (prototype poisoning refused), after a depth check that does not
 * recurse: a body nested thousands of levels deep is a `400`, not a stack overflow in validation.
 */
export const jsonBodiesPlugin = fp(
  async (app) => {
    const parse = app.getDefaultJsonParser('error', 'error')
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8')
      if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        done(errors.bodyTooDeep(MAX_JSON_DEPTH), undefined)
        return
      }
      parse(request, text, done)
    })
  },
  { name: 'atelier-json-bodies' },
)
