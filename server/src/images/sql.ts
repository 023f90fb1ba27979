import type { ImageMimeType } from '@atelier/shared'
import type { Kysely } from 'kysely'
import { asBuffer } from '../store/sql/bytes.js'
import type { Migrations } from '../store/sql/migrations.js'
import type { Tables } from '../store/sql/tables.js'
import { detectImageType } from './detect.js'
import { type ImageStore, imageIdOf, isImageId } from './store.js'

/**
 * The images table, created on both dialects so their schemas stay the same; only the
 * PostgreSQL store writes it (the SQLite one keeps files, see files.ts). No foreign key to
 * boards: an import stores its images before its board, as files would be.
 */
export const IMAGE_MIGRATIONS: Migrations = {
  module: 'images',
  steps: [
    async ({ db, bytes }) => {
      await db.schema
        .createTable('images')
        .addColumn('board_id', 'text', (c) => c.notNull())
        .addColumn('image_id', 'text', (c) => c.notNull())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('images_pkey', ['board_id', 'image_id'])
        .execute()
    },
  ],
}

/** Images as rows of the database: every node of a deployment serves every board's images. */
export class SqlImages implements ImageStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async save(boardId: string, bytes: Uint8Array): Promise<string> {
    const id = imageIdOf(bytes)
    await this.db
      .insertInto('images')
      .values({ board_id: boardId, image_id: id, bytes: asBuffer(bytes), size: bytes.byteLength })
      .onConflict((oc) => oc.doNothing())
      .execute()
    return id
  }

  async has(boardId: string, bytes: Uint8Array): Promise<boolean> {
    const row = await this.db
      .selectFrom('images')
      .select('image_id')
      .where('board_id', '=', boardId)
      .where('image_id', '=', imageIdOf(bytes))
      .executeTakeFirst()
    return row !== undefined
  }

  async list(boardId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('images')
      .select('image_id')
      .where('board_id', '=', boardId)
      .orderBy('image_id')
      .execute()
    return rows.map((row) => row.image_id)
  }

  async usage(boardId: string): Promise<number> {
    const row = await this.db
      .selectFrom('images')
      .select((eb) => eb.fn.sum<number>('size').as('total'))
      .where('board_id', '=', boardId)
      .executeTakeFirst()
    return Number(row?.total ?? 0)
  }

  async read(boardId: string, id: string): Promise<{ bytes: Buffer; type: ImageMimeType } | null> {
    if (!isImageId(id)) return null
    const row = await this.db
      .selectFrom('images')
      .select('bytes')
      .where('board_id', '=', boardId)
      .where('image_id', '=', id)
      .executeTakeFirst()
    if (!row) return null
    const bytes = Buffer.from(row.bytes)
    const type = detectImageType(bytes)
    return type ? { bytes, type } : null
  }

  async removeBoard(boardId: string): Promise<void> {
    await this.db.deleteFrom('images').where('board_id', '=', boardId).execute()
  }
}
