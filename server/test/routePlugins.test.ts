import Fastify, { type FastifyPluginCallback } from 'fastify'
import { describe, expect, it } from 'vitest'
import { backupPlugin } from '../src/plugins/backup.js'
import { boardsPlugin } from '../src/plugins/boards.js'
import { exportsPlugin } from '../src/plugins/exports.js'
import { gamePlugin } from '../src/plugins/game.js'
import { historyPlugin } from '../src/plugins/history.js'
import { imagesPlugin } from '../src/plugins/images.js'
import { joinPlugin } from '../src/plugins/join.js'
import { tokensPlugin } from '../src/plugins/tokens.js'
import { votesPlugin } from '../src/plugins/votes.js'

/** The plugins of routes that use `app.boardAccess`, by the name they declare. */
const routePlugins: Record<string, FastifyPluginCallback<never>> = {
  backup: backupPlugin,
  boards: boardsPlugin,
  exports: exportsPlugin,
  game: gamePlugin,
  history: historyPlugin,
  images: imagesPlugin,
  join: joinPlugin,
  tokens: tokensPlugin,
  votes: votesPlugin,
}

describe('route plugins declare the decorators they use', () => {
  for (const [name, plugin] of Object.entries(routePlugins)) {
    it(`${name}: refused at start without the auth plugin`, async () => {
      const app = Fastify()
      app.register(plugin, {} as never)
      await expect(app.ready()).rejects.toThrow(
        `The dependency 'atelier-auth' of plugin 'atelier-${name}' is not registered`,
      )
      await app.close()
    })
  }
})
