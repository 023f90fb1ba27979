import { canWrite, IMAGE_MAX_BYTES, imagesPath, ROLES, type UploadImageResponse } from '@atelier/shared'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { errors, HttpError, sizeLabel } from '../errors.js'
import { detectImageType } from '../images/detect.js'
import type { ImageStore } from '../images/store.js'
import type { StoreHealth } from '../store/health.js'
import { rawBodiesPlugin } from './rawBodies.js'
import { routesPlugin } from './routes.js'

export interface ImagesPluginOptions {
  images: ImageStore
  /** Total bytes of images one board may hold. */
  quotaBytes: number
  health: StoreHealth
}

/** Same path as `imagesPath(boardId)`, as a route pattern. */
const ROUTE = '/api/boards/:boardId/images'

type ImageRoute = { Params: { boardId: string; imageId?: string } }
type ImageRequest = FastifyRequest<ImageRoute>

const notAnImage = () => new HttpError(415, 'body must be a PNG, JPEG, GIF or WebP image')

const overQuota = (quotaBytes: number) =>
  new HttpError(413, `this board's images would exceed its quota of ${sizeLabel(quotaBytes)}`)

/**
 * Images pasted or dropped on a board: uploaded by people who may write on it, served back to
 * its members only. The type is decided by the file's magic bytes, never by the client.
 */
const imagesRoutes: FastifyPluginAsync<ImagesPluginOptions> = async (
  app,
  { images: files, quotaBytes, health },
) => {
  const checkQuota = async (boardId: string, incomingBytes: number): Promise<void> => {
    if ((await files.usage(boardId)) + incomingBytes > quotaBytes) throw overQuota(quotaBytes)
  }

  await app.register(rawBodiesPlugin, { what: 'image', maxBytes: IMAGE_MAX_BYTES })

  const writers = {
    roles: ROLES.filter((role) => canWrite(role, 'board')),
    refusal: 'observers cannot add images',
  }
  app.post<ImageRoute>(
    ROUTE,
    {
      // Both before the body is read: no byte of it is held for a caller without a writer's
      // token, nor for an upload its announced length already puts over the board's quota.
      onRequest: [
        app.boardAccess(writers),
        async (request) => checkQuota(request.caller.boardId, Number(request.headers['content-length'] ?? 0)),
      ],
    },
    async (request: ImageRequest, reply) => {
      const { boardId } = request.caller
      const body = request.body
      if (!Buffer.isBuffer(body) || body.length === 0) throw notAnImage()
      if (!detectImageType(body)) throw notAnImage()
      if (!(await files.has(boardId, body))) await checkQuota(boardId, body.length)
      const id = await health.write(() => files.save(boardId, body))
      const answer: UploadImageResponse = { id, src: `${imagesPath(boardId)}/${id}` }
      return reply.code(201).send(answer)
    },
  )

  app.get<ImageRoute>(
    `${ROUTE}/:imageId`,
    { onRequest: app.boardAccess() },
    async (request: ImageRequest, reply) => {
      const { boardId, imageId = '' } = request.params
      const image = await files.read(boardId, imageId)
      if (!image) throw errors.notFound()
      return reply
        .type(image.type)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .send(image.bytes)
    },
  )
}

export const imagesPlugin = routesPlugin('images', ['atelier-auth'], imagesRoutes)
