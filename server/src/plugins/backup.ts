import {
  type CreateBoardResponse,
  imagesPath,
  itemsMap,
  markImported,
  readItems,
  readMeta,
  readPrivateCounts,
  roomName,
  SCHEMA_VERSION,
} from '@atelier/shared'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import { newBoardId, newTokens } from '../access.js'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MAX_BYTES,
  type BackupContents,
} from '../backup/format.js'
import { BackupError, packBackup, unpackBackup } from '../backup/pack.js'
import { errors } from '../errors.js'
import { readDocument } from '../store/documents.js'
import type { BoardStore, JoinCode, Store } from '../store/types.js'
import { attachment, fileName } from './exports.js'
import { rawBodiesPlugin } from './rawBodies.js'
import { routesPlugin } from './routes.js'

export interface BackupPluginOptions {
  store: Store
  now: () => Date
}

const BACKUP_TYPE = 'application/octet-stream'

/** Image ids of the board's image items whose file this board serves. */
function imageIds(doc: Y.Doc, boardId: string): Set<string> {
  const prefix = `${imagesPath(boardId)}/`
  const ids = new Set<string>()
  for (const item of readItems(doc)) {
    if (item.type === 'image' && item.src?.startsWith(prefix)) ids.add(item.src.slice(prefix.length))
  }
  return ids
}

/**
 * The imported board's document: the backup's state, with image items pointing at the new
 * board's copies of their files, and the board it came from in its meta. Refused when it is not
 * a board this server reads.
 */
function importedDocument(contents: BackupContents, boardId: string): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, contents.board)
    const { schemaVersion } = readMeta(doc)
    if (schemaVersion < 1) throw new BackupError('board.yjs is not an Atelier board (no schema version)')
    if (schemaVersion > SCHEMA_VERSION) {
      throw new BackupError(
        `board.yjs has schema version ${schemaVersion}, newer than this server reads (${SCHEMA_VERSION})`,
      )
    }
    const from = `${imagesPath(contents.manifest.board.id)}/`
    const to = `${imagesPath(boardId)}/`
    doc.transact(() => {
      markImported(doc, contents.manifest.board.id)
      for (const item of itemsMap(doc).values()) {
        const src = item.get('src')
        if (item.get('type') === 'image' && typeof src === 'string' && src.startsWith(from)) {
          item.set('src', `${to}${src.slice(from.length)}`)
        }
      }
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * The private rooms of the people who still hold notes not yet revealed, by person id: the
 * session's private counts name them (the relay publishes a count on every private change).
 */
async function privateRooms(
  store: BoardStore,
  boardId: string,
  session: Y.Doc,
): Promise<Map<string, Uint8Array>> {
  const rooms = new Map<string, Uint8Array>()
  for (const [personId, count] of Object.entries(readPrivateCounts(session))) {
    if (count <= 0) continue
    const room = await readDocument(store, roomName(boardId, 'private', personId))
    try {
      if (readItems(room).length > 0) rooms.set(personId, Y.encodeStateAsUpdate(room))
    } finally {
      room.destroy()
    }
  }
  return rooms
}

/**
 * The whole board as one file, and a new board from such a file (see `backup/format.ts`). The
 * import checks the whole file before writing anything, then writes the images and, in one store
 * transaction, the board, its documents, ballots and polls; if that fails the images go too.
 */
const backupRoutes: FastifyPluginAsync<BackupPluginOptions> = async (app, { store, now }) => {
  const { backups: records, images } = store

  // The import's handler then names a wrong declared type.
  await app.register(rawBodiesPlugin, { what: 'backup', maxBytes: BACKUP_MAX_BYTES })

  app.get<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/export/board.atelier',
    {
      onRequest: app.boardAccess({
        roles: ['facilitator'],
        refusal: 'only a facilitator can export the whole board',
      }),
    },
    async (request, reply) => {
      const { boardId } = request.caller
      const record = await store.getBoard(boardId)
      if (!record) throw errors.unauthorized()
      const [doc, session] = await Promise.all([
        readDocument(store, boardId),
        readDocument(store, roomName(boardId, 'session')),
      ])
      try {
        const files = new Map<string, Uint8Array>()
        for (const id of imageIds(doc, boardId)) {
          const image = await images.read(boardId, id)
          if (image) files.set(id, image.bytes)
          else request.log.warn({ boardId, imageId: id }, 'backup: an image item has no file')
        }
        const backup = packBackup({
          manifest: {
            format: BACKUP_FORMAT,
            formatVersion: BACKUP_FORMAT_VERSION,
            exportedAt: now().toISOString(),
            board: {
              id: boardId,
              title: record.title,
              templateId: record.templateId,
              createdAt: record.createdAt,
            },
            entries: {},
          },
          board: Y.encodeStateAsUpdate(doc),
          session: Y.encodeStateAsUpdate(session),
          ...(await records.read(boardId)),
          images: files,
          privateRooms: await privateRooms(store, boardId, session),
        })
        return attachment(reply, 'application/zip', fileName(record.title, 'board.atelier')).send(
          Buffer.from(backup),
        )
      } finally {
        doc.destroy()
        session.destroy()
      }
    },
  )

  app.post(
    '/api/boards/import',
    { bodyLimit: BACKUP_MAX_BYTES },
    async (request: FastifyRequest, reply): Promise<CreateBoardResponse> => {
      const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
      if (type !== BACKUP_TYPE) throw errors.invalidField(`body must be a backup file sent as ${BACKUP_TYPE}`)
      const body = request.body
      if (!Buffer.isBuffer(body) || body.length === 0) throw errors.invalidField('body is empty')
      const id = newBoardId()
      let contents: BackupContents
      let document: Uint8Array
      try {
        contents = unpackBackup(new Uint8Array(body.buffer, body.byteOffset, body.byteLength))
        document = importedDocument(contents, id)
      } catch (error) {
        if (error instanceof BackupError) throw errors.invalidField(`damaged backup: ${error.message}`)
        throw error
      }
      const { tokens, hashes } = newTokens()
      const { board } = contents.manifest
      let joinCode: JoinCode
      try {
        for (const bytes of contents.images.values()) await images.save(id, bytes)
        joinCode = await records.restore(
          {
            id,
            title: board.title,
            templateId: board.templateId,
            createdAt: now().getTime(),
            tokenHashes: hashes,
            document,
          },
          contents.session,
          contents.ballots,
          contents.polls,
          contents.privateRooms,
        )
      } catch (error) {
        await images.removeBoard(id)
        throw error
      }
      request.log.info(
        {
          boardId: id,
          from: board.id,
          images: contents.images.size,
          privateRooms: contents.privateRooms.size,
        },
        'board imported',
      )
      reply.code(201)
      return { id, tokens, joinCode: joinCode.code }
    },
  )
}

export const backupPlugin = routesPlugin('backup', ['atelier-auth'], backupRoutes)
