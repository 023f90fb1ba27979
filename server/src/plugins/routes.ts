import type { FastifyPluginAsync, FastifyPluginOptions } from 'fastify'
import fp from 'fastify-plugin'

/**
 * A plugin of routes: encapsulated (its body parsers, error handler and hooks stay its own),
 * named, and declaring the plugins whose decorators it uses (`app.boardAccess`, `app.relay`), so
 * Fastify refuses to start when one of them is missing instead of failing on the first request.
 */
export function routesPlugin<Options extends FastifyPluginOptions>(
  name: string,
  dependencies: readonly string[],
  routes: FastifyPluginAsync<Options>,
) {
  return fp<Options>(routes, { name: `atelier-${name}`, dependencies: [...dependencies], encapsulate: true })
}
