import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'
import { errors } from '../errors.js'

const NOT_BUILT =
  'The Atelier client is not built: run `pnpm build` at the repository root, then restart the server.\n'

/** Paths the single-page app never owns: a miss there is a real 404. */
function isServerPath(pathname: string): boolean {
  return ['/api', '/sync', '/healthz', '/metrics'].some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  )
}

/**
 * Serves the built client, with the single-page-app fallback: any other GET that is not a file
 * answers index.html, so deep links to a board load the app.
 */
export const staticPlugin = fp<{ root: string }>(
  async (app, { root }) => {
    const indexFile = path.join(root, 'index.html')
    const built = fs.existsSync(indexFile)
    if (built) {
      await app.register(fastifyStatic, {
        root,
        cacheControl: false,
        setHeaders(res, filePath) {
          // Vite fingerprints everything under assets/; index.html must be revalidated to pick up a new build.
          const fingerprinted = filePath.includes(`${path.sep}assets${path.sep}`)
          res.setHeader('cache-control', fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache')
        },
      })
    } else {
      app.log.warn({ root }, 'client build not found; serving only the API and sync')
    }

    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/'
      if ((request.method !== 'GET' && request.method !== 'HEAD') || isServerPath(pathname)) {
        const notFound = errors.notFound()
        return reply.code(notFound.statusCode).send({ error: notFound.message })
      }
      if (!built) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT)
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    })
  },
  { name: 'atelier-static' },
)
