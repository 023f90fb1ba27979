import type { Kysely } from 'kysely'
import type { Migrations } from '../store/sql/migrations.js'
import type { Tables } from '../store/sql/tables.js'
import type { LibraryRecord, LibraryStore, NewLibrary, StoredTemplate } from './types.js'

/** The libraries module's tables. Append only. */
export const LIBRARY_MIGRATIONS: Migrations = {
  module: 'libraries',
  steps: [
    async ({ db, bigint }) => {
      await db.schema
        .createTable('libraries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('library_templates')
        .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
        .addColumn('template_id', 'text', (c) => c.notNull())
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('library_templates_pkey', ['library_id', 'template_id'])
        .execute()
    },
  ],
}

const stored = (
  row: Pick<Tables['library_templates'], 'template_id' | 'json' | 'updated_at'>,
): StoredTemplate => ({
  templateId: row.template_id,
  json: row.json,
  updatedAt: row.updated_at,
})

/** Lab libraries in the store's database. */
export class SqlLibraryStore implements LibraryStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async createLibrary(library: NewLibrary): Promise<void> {
    await this.db
      .insertInto('libraries')
      .values({
        id: library.id,
        name: library.name,
        token_hash: library.tokenHash,
        created_at: library.createdAt,
      })
      .execute()
  }

  async findLibrary(libraryId: string, tokenHash: string): Promise<LibraryRecord | null> {
    const row = await this.db
      .selectFrom('libraries')
      .select(['id', 'name', 'created_at'])
      .where('id', '=', libraryId)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst()
    return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null
  }

  async renameLibrary(libraryId: string, name: string): Promise<void> {
    await this.db.updateTable('libraries').set({ name }).where('id', '=', libraryId).execute()
  }

  async listTemplates(libraryId: string): Promise<StoredTemplate[]> {
    const rows = await this.db
      .selectFrom('library_templates')
      .select(['template_id', 'json', 'updated_at'])
      .where('library_id', '=', libraryId)
      .orderBy('created_at')
      .orderBy('template_id')
      .execute()
    return rows.map(stored)
  }

  async getTemplate(libraryId: string, templateId: string): Promise<StoredTemplate | null> {
    const row = await this.db
      .selectFrom('library_templates')
      .select(['template_id', 'json', 'updated_at'])
      .where('library_id', '=', libraryId)
      .where('template_id', '=', templateId)
      .executeTakeFirst()
    return row ? stored(row) : null
  }

  async insertTemplate(libraryId: string, t: StoredTemplate): Promise<boolean> {
    const result = await this.db
      .insertInto('library_templates')
      .values({
        library_id: libraryId,
        template_id: t.templateId,
        json: t.json,
        created_at: t.updatedAt,
        updated_at: t.updatedAt,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
  }

  async updateTemplate(libraryId: string, t: StoredTemplate): Promise<boolean> {
    const result = await this.db
      .updateTable('library_templates')
      .set({ json: t.json, updated_at: t.updatedAt })
      .where('library_id', '=', libraryId)
      .where('template_id', '=', t.templateId)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async deleteTemplate(libraryId: string, templateId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('library_templates')
      .where('library_id', '=', libraryId)
      .where('template_id', '=', templateId)
      .executeTakeFirst()
    return Number(result.numDeletedRows) > 0
  }
}
