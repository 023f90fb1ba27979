import Fastify, { type FastifyInstance } from 'fastify'
import type { ClusterLink } from './cluster/link.js'
import { RedisLink } from './cluster/redisLink.js'
import type { Config } from './config.js'
import { BODY_LIMIT_BYTES } from './errors.js'
import { BoardHistory } from './history/history.js'
import { serializeRequest } from './logging.js'
import { Metrics } from './metrics.js'
import { authPlugin } from './plugins/auth.js'
import { backupPlugin } from './plugins/backup.js'
import { boardsPlugin } from './plugins/boards.js'
import { errorsPlugin } from './plugins/errors.js'
import { exportsPlugin } from './plugins/exports.js'
import { gamePlugin } from './plugins/game.js'
import { healthPlugin } from './plugins/health.js'
import { historyPlugin } from './plugins/history.js'
import { imagesPlugin } from './plugins/images.js'
import { joinPlugin } from './plugins/join.js'
import { jsonBodiesPlugin } from './plugins/jsonBodies.js'
import { librariesPlugin } from './plugins/libraries.js'
import { metricsPlugin } from './plugins/metrics.js'
import { peoplePlugin } from './plugins/people.js'
import { securityHeadersPlugin } from './plugins/securityHeaders.js'
import { staticPlugin } from './plugins/static.js'
import { syncPlugin } from './plugins/sync.js'
import { templatesPlugin } from './plugins/templates.js'
import { timePlugin } from './plugins/time.js'
import { tokensPlugin } from './plugins/tokens.js'
import { votesPlugin } from './plugins/votes.js'
import { StoreHealth } from './store/health.js'
import { openStore } from './store/open.js'
import type { Store } from './store/types.js'
import { builtinCatalogue, type TemplateCatalogue } from './templates/index.js'

export interface AppDependencies {
  /**
   * Defaults to the store of the configuration (`openStore`). The app migrates it before it
   * serves anything, and closes it when it closes.
   */
  store?: Store
  /** Defaults to the built-in templates. */
  templates?: TemplateCatalogue
  /** Where the JSON logs go (defaults to stdout). */
  logStream?: { write(line: string): void }
  /** Clock for creation dates and report dates. */
  now?: () => Date
}

/**
 * The whole server, not listening yet: tests drive it with `app.inject()` or `app.listen({ port: 0 })`.
 * `app.close()` is the shutdown sequence: refuse new sockets, close the open ones with 1012, store
 * every room, close the store.
 */
export function buildApp(config: Config, deps: AppDependencies = {}): FastifyInstance {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: { req: serializeRequest },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    bodyLimit: BODY_LIMIT_BYTES,
  })
  const store = deps.store ?? openStore(config, app.log)
  const templates = deps.templates ?? builtinCatalogue
  const now = deps.now ?? (() => new Date())
  const metrics = new Metrics()
  const votes = store.votes
  const history = new BoardHistory(store.versions, config.history, now, app.log)
  const health = new StoreHealth(store, app.log, metrics)
  // Only with REDIS_URL: a single node never loads or calls anything of the cluster.
  const link: ClusterLink | undefined = config.redisUrl ? new RedisLink(config.redisUrl, app.log) : undefined

  app.addHook('onClose', async () => {
    health.stop()
    await link?.close()
    await store.close()
  })
  // First: every plugin after it may read and write the tables.
  app.register(async () => store.migrate())
  app.register(errorsPlugin)
  app.register(securityHeadersPlugin)
  app.register(jsonBodiesPlugin)
  app.register(authPlugin, { store })
  app.register(healthPlugin, { health, ...(link ? { link } : {}) })
  app.register(metricsPlugin, { metrics })
  app.register(boardsPlugin, { store, templates, now, limits: config.limits, health })
  app.register(joinPlugin, { store, now })
  app.register(templatesPlugin, { templates })
  app.register(librariesPlugin, { store, now })
  app.register(imagesPlugin, {
    images: store.images,
    quotaBytes: config.limits.imageBytesPerBoard,
    health,
  })
  app.register(syncPlugin, {
    store,
    compactAfter: config.compactAfter,
    limits: config.limits,
    metrics,
    health,
    votes,
    now,
    history,
    ...(link ? { link } : {}),
  })
  app.register(peoplePlugin, { now, maxPeople: config.limits.peoplePerBoard })
  app.register(votesPlugin, { votes })
  app.register(exportsPlugin, { store, templates, now })
  app.register(backupPlugin, { store, now })
  app.register(gamePlugin, { store, now })
  app.register(historyPlugin, { history })
  app.register(tokensPlugin, { store })
  app.register(timePlugin, { now })
  app.register(staticPlugin, { root: config.staticDir })
  return app
}
